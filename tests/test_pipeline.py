"""End to end: the bundled example corpus through every stage into the ledger, via the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.store.ledger import Ledger

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("ledger") / "demo.db"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--db", str(db), "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db


def test_pipeline_builds_every_format_of_the_example_corpus(built: Path):
    with Ledger(built, readonly=True) as ledger:
        sources = {d["source"] for d in ledger.documents()}
    names = {Path(s.split("#")[0]).name for s in sources}
    assert names >= {"harbour-strike-ledger-gazette.txt", "harbour-strike-coast-courier.html", "harbour-strike-live.txt",
                     "harbour-strike-wire.jsonl", "harbour-strike-wire-weekend.jsonl.gz", "harbour-feed.rss",
                     "harbour-archive.warc.gz"}


def test_pipeline_records_problems_with_input_and_reason(built: Path):
    with Ledger(built, readonly=True) as ledger:
        problems = {p["input"]: p["reason"] for p in ledger.problems()}
    assert any(k.endswith("harbour-strike-wire.jsonl:3") and "malformed JSONL line 3" in v for k, v in problems.items())
    assert any("link recorded" in v for v in problems.values())


def test_pipeline_fills_quotes_claims_times_with_provenance(built: Path):
    with Ledger(built, readonly=True) as ledger:
        docs = {d["id"]: d for d in ledger.documents()}
        quotes = ledger.rows("quotes")
        claims = ledger.rows("claims")
        times = ledger.rows("times")
        assert quotes and claims and times
        for row in quotes + claims + times:
            doc = docs[row["doc_id"]]
            assert doc["body"][row["start"]:row["end"]] == row["text"]
            if row["source_start"] is not None:
                assert doc["source_text"][row["source_start"]:row["source_end"]].split() == row["text"].split()
        whitlock = [q for q in quotes if q["speaker_name"] == "Dana Whitlock"]
        assert len(whitlock) >= 3


def test_pipeline_second_build_skips_unchanged_inputs(built: Path, tmp_path: Path):
    db = tmp_path / "copy.db"
    shutil.copy(built, db)
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--db", str(db), "--quiet", "--workers", "1"])
    assert result.exit_code == 0
    assert " 0 added" in result.output and "unchanged" in result.output


def test_pipeline_inputs_read_by_other_quote_readers_are_analysed_again(built: Path, tmp_path: Path):
    import onrecord.pipeline as pipeline
    from onrecord.settings import Settings

    db = tmp_path / "switch.db"
    shutil.copy(built, db)
    other = Settings(tagger=False)  # other readers: the candidate models without the tagger
    assert pipeline.build([EXAMPLES], db=db, workers=1).added == 0
    assert pipeline.build([EXAMPLES], db=db, workers=1, settings=other).added == 8
    assert pipeline.build([EXAMPLES], db=db, workers=1, settings=other).added == 0
    with Ledger(db, readonly=True) as ledger:
        assert [b["readers"] for b in ledger.rows("builds")][-3:] == ["crf", "models", "models"]


def test_quote_readers_name_the_tagger_a_build_would_use(monkeypatch):
    from onrecord.extract.quotes import effective, transformer
    from onrecord.settings import Settings

    assert effective(Settings()).fingerprint() == "crf"
    assert effective(Settings(quotes="fast")).fingerprint() == "crf"
    monkeypatch.setattr(transformer, "missing", lambda: "not installed here")
    # asked for, not installed: the build falls back to the CRF
    assert effective(Settings(quotes="accurate")).fingerprint() == "crf"
    monkeypatch.setattr(transformer, "missing", lambda: None)
    assert effective(Settings(quotes="accurate")).fingerprint() == "minilm"


def test_settings_are_checked_and_name_the_readers_they_ask_for():
    from onrecord.settings import Settings

    assert Settings(quotes="accurate").fingerprint() == "minilm"
    assert Settings(quotes="accurate", tagger=False).fingerprint() == "models"
    assert Settings(models=False).fingerprint() == "rules"
    with pytest.raises(ValueError):
        Settings(quotes="crf")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Settings(torch_threads=0)


def test_pipeline_exit_status_is_nonzero_only_when_nothing_was_ingested(tmp_path: Path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blob.bin").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(main, ["build", str(bad), "--db", str(tmp_path / "x.db"), "--quiet"])
    assert result.exit_code == 1
    assert "2 problems" in result.output


def test_pipeline_export_json_follows_the_contract(built: Path, tmp_path: Path):
    out = tmp_path / "dossier.json"
    result = CliRunner().invoke(main, ["export", "--db", str(built), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    for key in ("documents", "entities", "quotes", "claims", "times", "events", "stories", "links", "timeline"):
        assert key in data
    doc = data["documents"][0]
    for key in ("id", "source", "input_id", "title", "standfirst", "outlet", "authors", "published", "language",
                "body", "captions", "removed", "entries"):
        assert key in doc


def test_pipeline_corrections_apply_on_the_next_build_without_new_inputs(built: Path, tmp_path: Path):
    from onrecord.corrections import append, default_path

    db = tmp_path / "fix.db"
    shutil.copy(built, db)
    with Ledger(db, readonly=True) as ledger:
        quote = ledger.rows("quotes", "speaker_name = ?", ("Dana Whitlock",))[0]
    append(default_path(db), {"op": "rename", "name": "Dana Whitlock", "to": "Dana M. Whitlock"})
    append(default_path(db), {"op": "wrong", "item": quote["id"]})
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--db", str(db), "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    with Ledger(db, readonly=True) as ledger:
        names = {e["name"] for e in ledger.rows("entities")}
        assert "Dana M. Whitlock" in names and "Dana Whitlock" not in names
        assert ledger.rows("quotes", "id = ?", (quote["id"],))[0]["wrong"] == 1


def test_pipeline_worker_processes_give_the_same_ledger_as_one_process(built: Path, tmp_path: Path):
    import onrecord.pipeline as pipeline
    from onrecord.settings import Settings

    db = tmp_path / "parallel.db"
    summary = pipeline.build([EXAMPLES], db=db, settings=Settings(workers=2, parallel_from=1))
    assert summary.added == 8
    with Ledger(built, readonly=True) as one, Ledger(db, readonly=True) as two:
        for table in ("documents", "quotes", "claims", "times", "events"):
            assert one.count(table) == two.count(table), table


def test_pipeline_a_build_links_what_a_killed_link_pass_left_unlinked(built: Path, tmp_path: Path, monkeypatch):
    import onrecord.pipeline as pipeline

    db = tmp_path / "killed.db"

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the process ends inside the link pass: nothing of it is written

    monkeypatch.setattr(pipeline, "link_ledger", killed)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build([EXAMPLES], db=db, workers=1)
    monkeypatch.undo()
    with Ledger(db, readonly=True) as ledger:
        assert ledger.count("documents") == 8 and ledger.count("stories") == 0
        assert ledger.rows("builds")[-1]["finished_at"] is None
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--db", str(db), "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert " 0 added, 8 unchanged" in result.output
    with Ledger(built, readonly=True) as whole, Ledger(db, readonly=True) as resumed:
        assert resumed.count("stories") == whole.count("stories") > 0
        assert resumed.count("links") == whole.count("links")
        assert not resumed.needs_link()
    # linked now: the next build has nothing to do
    again = CliRunner().invoke(main, ["build", str(EXAMPLES), "--db", str(db), "--quiet", "--workers", "1"])
    assert " 0 added, 8 unchanged" in again.output


def test_pipeline_a_broken_corrections_file_stops_the_build_before_any_work(tmp_path: Path):
    db = tmp_path / "fixes.db"
    fixes = tmp_path / "fixes.json"
    fixes.write_text('{"version": 1, "operations": [\n  {"op": "ignore", "name": "A"},\n  {"op": "merge"}\n]}\n')
    args = ["build", str(EXAMPLES), "--db", str(db), "--corrections", str(fixes), "--quiet", "--workers", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert f"{fixes}:3: operations[1].names" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not db.exists()  # nothing analysed, nothing stored
    fixes.write_text('{"version": 1,\n "operations": [}\n')
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and f"{fixes}:2: not valid JSON" in result.output


def test_pipeline_a_ledger_locked_while_storing_stops_the_build_with_the_message(tmp_path: Path, monkeypatch):
    from onrecord.store.ledger import LedgerLocked

    def locked(self, *args, **kwargs):
        raise LedgerLocked(f"ledger {self.path} is locked by another process for more than 30 s")

    monkeypatch.setattr(Ledger, "add", locked)
    db = tmp_path / "locked.db"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--db", str(db), "--quiet", "--workers", "1"])
    assert result.exit_code == 1
    assert f"Error: ledger {db} is locked by another process for more than 30 s" in result.output
    assert not isinstance(result.exception, LedgerLocked)  # a message, not a traceback


def test_pipeline_inputs_analysed_by_older_extractors_are_analysed_again(built: Path, tmp_path: Path):
    import sqlite3

    import onrecord.pipeline as pipeline

    db = tmp_path / "older.db"
    shutil.copy(built, db)
    with Ledger(db, readonly=True) as ledger:
        assert {r["readers"] for r in ledger.rows("inputs")} == {f"crf+x{pipeline.EXTRACTORS}"}
    conn = sqlite3.connect(db)
    conn.execute("UPDATE inputs SET readers = 'crf'")  # as a ledger of an older onrecord keeps them
    conn.commit()
    conn.close()
    assert pipeline.build([EXAMPLES], db=db, workers=1).added == 8
    assert pipeline.build([EXAMPLES], db=db, workers=1).added == 0
