"""The ledger: migrations, one transaction per article, records read back as stored, FTS5."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from onrecord.errors import LedgerError
from onrecord.link.records import (
    Entity,
    EntityIndex,
    EntityRole,
    Link,
    LinkResult,
    Story,
    TimelineEntry,
)
from onrecord.models import (
    Actor,
    Analysis,
    Claim,
    Document,
    Event,
    Mention,
    Quote,
    Segment,
    Span,
    TimeExpr,
)
from onrecord.store.ledger import Ledger
from onrecord.store.schema import SCHEMA_VERSION

BODY = "Dock workers strike\n\n“We had no choice,” Dana Whitlock said on Monday. 12,000 joined."


def make_analysis(doc_id: str = "d1", source: str = "a.txt", body: str = BODY) -> Analysis:
    doc = Document(
        id=doc_id, source=source, input_id=source, title="Dock workers strike", standfirst=None,
        outlet="Gazette", authors=("M. Okafor",), published="2025-03-11", language="en", body=body,
        source_text="NOISE\n" + body, segments=(Segment(0, 6, len(body)),), content_hash="h-" + doc_id,
    )
    start = body.index("Dana")
    actor = Actor("a0", "Dana Whitlock", "PERSON", ("Dana Whitlock",),
                  (Mention(start, start + 13, "Dana Whitlock", "a0"),))
    q0 = body.index("“")
    quote = Quote(q0 + 1, body.index("”"), "We had no choice,", "direct", "said",
                  Span(start, start + 13, "Dana Whitlock"), "a0", "Dana Whitlock")
    n0 = body.index("12,000")
    claim = Claim(n0, n0 + 6, "12,000", n0, len(body), 12000.0, None, None, "=", None, "joined", None, None,
                  "asserted")
    m0 = body.index("Monday")
    time = TimeExpr(m0, m0 + 6, "Monday", "2025-03-10", "day", "published")
    event = Event(q0, n0 - 1, body[q0:n0 - 1], "2025-03-10", ("a0",))
    return Analysis(doc, (actor,), (quote,), (claim,), (time,), (event,))


def test_ledger_new_file_is_migrated_to_current_version(tmp_path: Path):
    with Ledger(tmp_path / "l.db") as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_ledger_add_round_trips_every_record_with_source_offsets(tmp_path: Path):
    a = make_analysis()
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(a)
        back = list(ledger.analyses())[0]
        assert back == a
        q = ledger.rows("quotes")[0]
        assert q["id"] == "d1/q0"
        src = a.document.source_text
        assert src[q["source_start"]:q["source_end"]] == q["text"]
        assert q["speaker_mention"]["source_start"] == q["speaker_mention"]["start"] + 6


def test_ledger_analyses_take_the_build_s_stored_analyses_only_when_the_ledger_holds_them_as_stored(
        tmp_path: Path):
    a, b = make_analysis("d1", "a.txt"), make_analysis("d2", "b.txt", BODY + " More.")
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(a, "fast+x2")
        ledger.add(b, "accurate+x2")
        mine = Analysis(a.document, a.actors)  # no quotes: told apart from what the ledger holds
        theirs = Analysis(b.document, b.actors)
        got = {x.document.id: x for x in ledger.analyses({"d1": mine, "d2": theirs}, "fast+x2")}
        assert got["d1"] is mine  # the same document, analysed by these readers: taken as it is
        assert got["d2"] == b  # analysed by other readers: read back
        other = Analysis(replace(a.document, title="Another title"), a.actors)
        assert list(ledger.analyses({"d1": other}, "fast+x2"))[0] == a  # another document: read back
        assert list(ledger.analyses({"d1": mine}, None))[0] == a
        assert [x.document.id for x in ledger.analyses({"d1": mine}, "fast+x2")] == \
            [x.document.id for x in ledger.analyses()]


def test_ledger_failed_article_leaves_nothing_half_written(tmp_path: Path):
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(make_analysis("good", "good.txt"))
        bad = make_analysis("bad", "bad.txt")
        broken_quote = Quote(0, 1, None, "direct", None, None, None, None)  # text NOT NULL violated
        bad = Analysis(bad.document, bad.actors, (broken_quote,), bad.claims, bad.times, bad.events)
        with pytest.raises(LedgerError):
            ledger.add(bad)
        assert [d["id"] for d in ledger.documents()] == ["good"]
        assert ledger.rows("actors", "doc_id=?", ("bad",)) == []
        assert ledger.search("choice")[0]["doc_id"] == "good"


def test_ledger_re_adding_a_source_replaces_the_old_version(tmp_path: Path):
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(make_analysis("v1", "a.txt"))
        ledger.add(make_analysis("v2", "a.txt", BODY + " More."))
        assert [d["id"] for d in ledger.documents()] == ["v2"]
        assert ledger.count("quotes") == 1
        assert ledger.input_state("a.txt") == ("h-v2", "crf")


def test_ledger_keeps_the_quote_readers_of_each_input_and_build(tmp_path: Path):
    with Ledger(tmp_path / "l.db") as ledger:
        build = ledger.start_build("minilm")
        ledger.add(make_analysis("v1", "a.txt"), readers="minilm")
        assert ledger.input_state("a.txt") == ("h-v1", "minilm")
        assert ledger.input_state("b.txt") is None
        assert ledger.rows("builds", "id=?", (build,))[0]["readers"] == "minilm"


def test_ledger_older_schema_migrates_and_its_inputs_count_as_read_by_the_crf(tmp_path: Path):
    from onrecord.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:3]):
        conn.executescript(script + f"PRAGMA user_version = {number + 1};")
    conn.execute("INSERT INTO inputs(source, content_hash, doc_id, status, updated_at) "
                 "VALUES ('a.txt', 'h-old', NULL, 'problem', 'then')")
    conn.commit()
    conn.close()
    with Ledger(path) as ledger:
        assert ledger.input_state("a.txt") == ("h-old", "crf")


def test_ledger_search_tolerates_fts_syntax_errors(tmp_path: Path):
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(make_analysis())
        assert ledger.search('Whitlock "')[0]["doc_id"] == "d1"  # unbalanced quote: retried as words
        assert ledger.search("Whitlock")[0]["doc_id"] == "d1"


def test_ledger_readonly_open_refuses_missing_and_foreign_files(tmp_path: Path):
    with pytest.raises(LedgerError, match="no ledger here"):
        Ledger(tmp_path / "missing.db", readonly=True)
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LedgerError, match="not an onrecord ledger"):
        Ledger(foreign)


def test_ledger_newer_schema_is_refused(tmp_path: Path):
    path = tmp_path / "l.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(LedgerError, match="newer"):
        Ledger(path)


def _link_result(measures: dict[str, str] | None = None) -> tuple[LinkResult, EntityIndex]:
    dana = Entity("e-dana", "Dana Whitlock", "PERSON", ("Ms Whitlock",), (EntityRole("strike leader", "d1", 0, 13),),
                  None, (("d1", "a0"),), mention_count=1)
    result = LinkResult(
        stories=(Story("s1", "Strike", ("d1",)),),
        links=(Link("same_quote", ("d1/q0", "d2/q1"), "same words", "d1/q0"),),
        timeline=(TimelineEntry("2025-03-10", "day", 1.0, "Strike", ("d1/e0",), ("d1",), story_id="s1"),),
        measures=measures or {},
    )
    return result, EntityIndex((dana,), {("d1", "a0"): "e-dana"})


def test_ledger_replace_links_sets_entity_ids_on_quotes_and_events(tmp_path: Path):
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(make_analysis())
        result, index = _link_result()
        ledger.replace_links(result, index, wrong_items=["d1/c0"])
        assert ledger.rows("quotes")[0]["speaker"] == "e-dana"
        assert ledger.rows("events")[0]["entities"] == ["e-dana"]
        assert ledger.rows("claims")[0]["wrong"] == 1
        assert ledger.rows("link_items", "item=?", ("d2/q1",))


def test_ledger_replace_links_writes_every_record_by_field(tmp_path: Path):
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(make_analysis())
        result, index = _link_result({"d1/c0": "d1/c0"})
        ledger.replace_links(result, index)
        (entity,) = ledger.rows("entities")
        assert entity["aliases"] == ["Ms Whitlock"]
        assert entity["roles"] == [{"text": "strike leader", "doc": "d1", "start": 0, "end": 13}]
        assert (entity["doc_count"], entity["mention_count"]) == (1, 1)
        assert [(s["id"], s["title"]) for s in ledger.rows("stories")] == [("s1", "Strike")]
        assert [(r["story_id"], r["doc_id"]) for r in ledger.rows("story_docs")] == [("s1", "d1")]
        (link,) = ledger.rows("links")
        assert (link["kind"], link["items"], link["note"], link["first"]) == (
            "same_quote", ["d1/q0", "d2/q1"], "same words", "d1/q0")
        (entry,) = ledger.rows("timeline")
        assert (entry["date"], entry["granularity"], entry["events"], entry["sources"], entry["story_id"]) == (
            "2025-03-10", "day", ["d1/e0"], ["d1"], "s1")
        claim = ledger.rows("claims")[0]
        assert (claim["claimant_actor"], claim["measure"], claim["wrong"]) == (None, "d1/c0", 0)
        ledger.replace_links(*_link_result())  # the next pass rewrites what the last one wrote
        assert ledger.rows("claims")[0]["measure"] is None
        assert ledger.count("links") == 1 and ledger.count("entities") == 1


def test_ledger_version_4_migrates_and_the_next_link_pass_fills_the_measures(tmp_path: Path):
    from onrecord.store.schema import MIGRATIONS, migrate

    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:4]):
        conn.executescript(script + f"PRAGMA user_version = {number + 1};")
    conn.commit()
    conn.close()
    with Ledger(path) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = [r["name"] for r in ledger.conn.execute("PRAGMA table_info(claims)")]
        assert columns[-2:] == ["measure", "aside"]
        assert migrate(ledger.conn) == SCHEMA_VERSION  # a second run has nothing to do
        ledger.add(make_analysis())
        assert ledger.rows("claims")[0]["measure"] is None
        ledger.replace_links(*_link_result({"d1/c0": "d1/c0"}))
        assert ledger.rows("claims")[0]["measure"] == "d1/c0"


def test_ledger_migration_that_fails_leaves_the_version_where_it_was(tmp_path: Path):
    from onrecord.store.schema import MIGRATIONS

    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:4]):
        conn.executescript(script + f"PRAGMA user_version = {number + 1};")
    conn.execute("CREATE TABLE claims_measure (x)")  # takes the name of the index migration 5 creates
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError):
        Ledger(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    assert "measure" not in [r[1] for r in conn.execute("PRAGMA table_info(claims)")]
    conn.close()


def test_ledger_same_problem_seen_twice_is_recorded_once(tmp_path: Path):
    from onrecord.models import Problem

    with Ledger(tmp_path / "l.db") as ledger:
        for build in (ledger.start_build(), ledger.start_build()):
            ledger.record_problem(Problem("x.bin", "ingest", "binary file"), build)
        ledger.record_problem(Problem("y.txt", "ingest", "empty file"))
        rows = ledger.problems()
        assert [(r["input"], r["build_id"]) for r in rows] == [("x.bin", 2), ("y.txt", None)]


def test_ledger_generations_say_when_stored_articles_wait_for_a_link_pass(tmp_path: Path):
    with Ledger(tmp_path / "g.db") as ledger:
        assert ledger.generations() == (1, 0) and ledger.needs_link()  # a new ledger is linked once
        ledger.replace_links(*_link_result())
        assert ledger.generations() == (1, 1) and not ledger.needs_link()
        ledger.add(make_analysis())
        ledger.add(make_analysis("d2", "b.txt"))
        assert ledger.generations() == (3, 1) and ledger.needs_link()
        seen = ledger.generations()[0]
        ledger.add(make_analysis("d3", "c.txt"))  # stored while a link pass reads: it waits for the next
        ledger.replace_links(*_link_result(), generation=seen)
        assert ledger.generations() == (4, 3) and ledger.needs_link()
        ledger.replace_links(*_link_result())
        assert not ledger.needs_link()


def test_ledger_failed_article_does_not_advance_the_content_generation(tmp_path: Path):
    with Ledger(tmp_path / "f.db") as ledger:
        ledger.replace_links(*_link_result())
        bad = make_analysis()
        broken = Analysis(bad.document, bad.actors + bad.actors)  # the same actor key twice
        with pytest.raises(LedgerError):
            ledger.add(broken)
        assert ledger.generations() == (1, 1)


def test_ledger_builds_end_finished_or_interrupted(tmp_path: Path):
    with Ledger(tmp_path / "b.db") as ledger:
        first, second = ledger.start_build("crf"), ledger.start_build("crf")
        assert [b["status"] for b in ledger.rows("builds")] == ["running", "running"]
        ledger.finish_build(first, 1, 0, 0)
        ledger.finish_build(second, 0, 0, 0, "interrupted")
        assert [b["status"] for b in ledger.rows("builds")] == ["finished", "interrupted"]


def test_ledger_version_5_migrates_to_builds_with_status_and_unlinked_articles(tmp_path: Path):
    from onrecord.store.schema import MIGRATIONS

    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:5]):
        conn.executescript(script + f"PRAGMA user_version = {number + 1};")
    conn.execute("INSERT INTO builds(started_at) VALUES ('2025-01-01T00:00:00Z')")
    conn.commit()
    conn.close()
    with Ledger(path) as ledger:
        assert [b["status"] for b in ledger.rows("builds")] == [None]
        assert ledger.needs_link()
