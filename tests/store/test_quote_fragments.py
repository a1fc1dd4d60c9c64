"""A split quote's fragments, its attribution kind and its relay: stored, read back, exported,
and a ledger from before they existed migrated."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

from onrecord.export import export
from onrecord.models import Actor, Analysis, Document, Mention, Quote, Segment, Span
from onrecord.store.ledger import Ledger
from onrecord.store.schema import MIGRATIONS, SCHEMA_VERSION

BODY = "Port strike\n\n“We had no choice,” Dana Whitlock said. “The port stays shut.” 12,000 joined."


def make_analysis(body: str = BODY) -> Analysis:
    doc = Document(
        id="d1", source="a.txt", input_id="a.txt", title="Port strike", standfirst=None, outlet="Gazette",
        authors=(), published="2025-03-11", language="en", body=body, source_text="NOISE\n" + body,
        segments=(Segment(0, 6, len(body)),), content_hash="h-d1",
    )
    start = body.index("Dana")
    actor = Actor("a0", "Dana Whitlock", "PERSON", ("Dana Whitlock",), (Mention(start, start + 13, "Dana Whitlock", "a0"),))
    q0 = body.index("“") + 1
    end = body.index("”")
    quote = Quote(q0, end, body[q0:end], "direct", "said", Span(start, start + 13, "Dana Whitlock"), "a0", "Dana Whitlock")
    return Analysis(doc, (actor,), (quote,), (), (), ())


def _split_quote_analysis():
    a = make_analysis()
    q = a.quotes[0]
    second = BODY.index("The port")
    frags = (Span(q.start, q.end, BODY[q.start : q.end]), Span(second, second + 19, BODY[second : second + 19]))
    speaker = q.speaker_mention
    joined = dataclasses.replace(q, end=second + 19, text=BODY[q.start : second + 19], fragments=frags,
                                 act="speech", via=Span(speaker.start, speaker.end, speaker.text))
    return dataclasses.replace(a, quotes=(joined,))


def test_fragments_act_and_via_round_trip_with_source_offsets(tmp_path: Path) -> None:
    a = _split_quote_analysis()
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(a)
        assert list(ledger.analyses())[0].quotes == a.quotes
        row = ledger.rows("quotes")[0]
    src = a.document.source_text
    assert [src[f["source_start"] : f["source_end"]] for f in row["fragments"]] == [f.text for f in a.quotes[0].fragments]
    assert row["act"] == "speech" and row["via"]["text"] == "Dana Whitlock"


def test_every_export_carries_fragments_and_act(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(_split_quote_analysis())
    export(tmp_path / "l.db", "json", tmp_path / "x.json")
    (q,) = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["quotes"]
    assert [f["text"] for f in q["fragments"]] == ["We had no choice,", "The port stays shut"]
    assert set(q["fragments"][0]) == {"start", "end", "source_start", "source_end", "text"}
    assert q["act"] == "speech" and q["via"]["text"] == "Dana Whitlock"
    export(tmp_path / "l.db", "csv", tmp_path / "csv")
    header = (tmp_path / "csv" / "quotes.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"fragments", "act", "via"} <= set(header)


def test_a_ledger_from_before_the_fragments_migrates_with_one_piece_speech_quotes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:-1]):
        conn.executescript(script + f"PRAGMA user_version = {number + 1};")
    conn.commit()
    conn.close()
    with Ledger(path) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        ledger.add(make_analysis())
        row = ledger.rows("quotes")[0]
        assert row["fragments"] == [] and row["act"] == "speech" and row["via"] is None
