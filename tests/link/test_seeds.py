"""The link stage on the five real seed articles (three reports of Kim Jong-un's September 2023 trip
to Russia, one of October 2024, one of August 2022), built end to end with the spaCy model."""

import json
import re
import sqlite3
from pathlib import Path

import pytest

import onrecord

META = Path(__file__).resolve().parents[2] / "examples" / "seeds-meta.jsonl"


@pytest.fixture(scope="module")
def ledger(seeds, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    onrecord.build([seeds], db=db, meta=META)
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    yield con
    con.close()


def _docs(con) -> dict[str, str]:
    """Document id → the seed's number ("000")."""
    return {r["id"]: r["input_id"][:3] for r in con.execute("select id, input_id from documents")}


@pytest.mark.model
def test_seeds_three_reports_of_the_september_2023_trip_are_one_story(ledger):
    docs = _docs(ledger)
    stories: dict[str, set[str]] = {}
    for r in ledger.execute("select story_id, doc_id from story_docs"):
        stories.setdefault(r["story_id"], set()).add(docs[r["doc_id"]])
    assert sorted(map(sorted, stories.values())) == [["000", "002", "003"], ["001"], ["004"]]


@pytest.mark.model
def test_seeds_contract_soldier_counts_of_putin_and_medvedev_conflict(ledger):
    links = [dict(r) for r in ledger.execute("select kind, note, items from links")]
    conflicts = [k for k in links if k["kind"] == "conflicts" and "270,000" in k["note"] and "280,000" in k["note"]]
    assert conflicts, links
    assert "Putin" in conflicts[0]["note"] and "Dmitry Medvedev: 280,000" in conflicts[0]["note"]
    claims = [k for k in links if k["kind"] in ("corroborates", "conflicts")]
    assert not [k for k in claims if "71,500" in k["note"] and "120,000" in k["note"]]
    assert not [k for k in claims if re.search(r": two\b", k["note"])]


@pytest.mark.model
def test_seeds_arrival_and_summit_appear_once_each_with_all_their_sources(ledger):
    docs = _docs(ledger)
    rows = [(r["date"], r["salience"], r["summary"], {docs[d] for d in json.loads(r["sources"])})
            for r in ledger.execute("select date, salience, summary, sources from timeline")]
    arrival = [r for r in rows if r[0] == "2023-09-12" and re.search(r"\barriv|\btrain\b|Khasan|\bcrossed\b", r[2])]
    assert len(arrival) == 1 and arrival[0][3] == {"000", "002", "003"}
    summit = [r for r in rows if r[0] == "2023-09-13" and re.search(r"Vostochny|cosmodrome|space|summit|meet", r[2])]
    assert len(summit) == 1 and {"002", "003"} <= summit[0][3]
    background = [r for r in rows if len(r[0]) == 4 and r[0] < "2021"]
    assert background and max(r[1] for r in background) < min(r[1] for r in arrival + summit) / 3


@pytest.mark.model
def test_seeds_export_gives_the_figures_of_each_claim_link_one_measure_key(ledger):
    import io

    from onrecord.export import write_json

    buffer = io.StringIO()
    write_json(ledger, buffer)
    exported = json.loads(buffer.getvalue())
    measure = {c["id"]: c["measure"] for c in exported["claims"]}
    claim_links = [link for link in exported["links"] if link["kind"] in ("conflicts", "corroborates")]
    assert claim_links, "the seeds disagree on figures (270,000 vs 280,000 volunteers)"
    for link in claim_links:
        keys = {measure[item] for item in link["items"]}
        assert len(keys) == 1 and None not in keys, (link, keys)


@pytest.mark.model
def test_seeds_north_korean_troop_figures_of_us_intelligence_and_zelensky_conflict(ledger):
    notes = [r["note"] for r in ledger.execute("select note from links where kind = 'conflicts'")]
    troops = [n for n in notes if "up to 3,000" in n and "15,000" in n]
    assert troops, notes
    assert "US intelligence: up to 3,000" in troops[0] and "Volodymyr Zelensky: 15,000" in troops[0]


@pytest.mark.model
def test_seeds_both_disagreements_open_their_story_figures_and_the_report(ledger, tmp_path):
    from onrecord.report import write_report
    from onrecord.web import views

    heads = []
    for (story_id,) in ledger.execute("select id from stories"):
        conflicts = views.story(ledger, story_id)["conflicts"]
        heads += [(d["sides"][0][0]["who"], d["sides"][0][0]["text"], d["sides"][1][0]["who"],
                   d["sides"][1][0]["text"]) for d in conflicts[:1]]
    assert sorted(heads) == [("US intelligence", "up to 3,000", "Volodymyr Zelensky", "15,000"),
                             ("Vladimir Putin", "270,000", "Dmitry Medvedev", "280,000")]
    db = ledger.execute("pragma database_list").fetchone()["file"]
    write_report(Path(db), tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    for a, x, b, y in heads:
        assert f"<strong>{a}</strong> says {x} — <strong>{b}</strong> says {y}" in html
    figures = html.split("Figures and where they disagree")[1]
    assert figures.index("Sources disagree") < figures.index("<h4>")
