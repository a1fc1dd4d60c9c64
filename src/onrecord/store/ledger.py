"""The article ledger: an embedded SQLite database with a versioned schema and FTS5 indexes.

Writes happen per article in one transaction (an article is stored whole or not at all) and per
link pass in one transaction. The reads callers use are the read layer's (``read_*`` modules), offered
as methods by :class:`~onrecord.store.ledger_reads.LedgerReads`.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from onrecord.errors import LedgerError
from onrecord.models import (
    Actor,
    Analysis,
    Claim,
    Document,
    Entry,
    Event,
    Mention,
    Problem,
    Quote,
    Removed,
    Role,
    Segment,
    Span,
    TimeExpr,
)
from onrecord.store.ledger_reads import LedgerReads
from onrecord.store.read_base import JSON_COLUMNS
from onrecord.store.schema import SCHEMA_VERSION, migrate

log = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def decode_row(row: sqlite3.Row) -> dict:
    """A row as a dict with its JSON columns decoded."""
    out = {}
    for key in row.keys():
        value = row[key]
        if key in JSON_COLUMNS and isinstance(value, str):
            value = json.loads(value)
        out[key] = value
    return out


def item_id(doc_id: str, kind: str, index: int) -> str:
    """Stable id of an extracted item: ``DOC/q3`` (quote), ``/c`` claim, ``/e`` event, ``/t`` time."""
    return f"{doc_id}/{kind}{index}"


class Ledger(LedgerReads):
    """Read and write access to one ledger file.

    >>> with Ledger("onrecord.db") as ledger:          # doctest: +SKIP
    ...     for doc in ledger.documents(limit=5):
    ...         print(doc["title"], doc["outlet"], doc["published"])
    """

    def __init__(self, path: str | Path = "onrecord.db", *, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise LedgerError(f"{self.path}: no ledger here; build one with 'onrecord build INPUT --db {self.path}'")
        try:
            if readonly:
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn)
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            raise LedgerError(f"{self.path}: not an onrecord ledger ({exc})") from exc

    def _check_version(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()["user_version"]
        if version != SCHEMA_VERSION:
            raise LedgerError(
                f"{self.path}: schema version {version}, expected {SCHEMA_VERSION}; "
                "open it once with 'onrecord build' to migrate"
            )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ builds and inputs

    def start_build(self, readers: str | None = None) -> int:
        with self.conn:
            cur = self.conn.execute("INSERT INTO builds(started_at, readers) VALUES (?, ?)", (_now(), readers))
        return int(cur.lastrowid)

    def finish_build(self, build_id: int, added: int, skipped: int, failed: int) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE builds SET finished_at=?, added=?, skipped=?, failed=? WHERE id=?",
                (_now(), added, skipped, failed, build_id),
            )

    def record_problem(self, problem: Problem, build_id: int | None = None, content_hash: str | None = None,
                       readers: str | None = None) -> None:
        with self.conn:
            # the same problem seen again by a later build is recorded once, with its latest build
            self.conn.execute(
                "DELETE FROM problems WHERE input=? AND stage=? AND reason=?",
                (problem.input, problem.stage, problem.reason),
            )
            self.conn.execute(
                "INSERT INTO problems(input, stage, reason, build_id, at) VALUES (?,?,?,?,?)",
                (problem.input, problem.stage, problem.reason, build_id, _now()),
            )
            if content_hash is not None:
                self._upsert_input(problem.input, content_hash, None, "problem", readers)

    def _upsert_input(self, source: str, content_hash: str, doc_id: str | None, status: str,
                      readers: str | None = None) -> None:
        self.conn.execute(
            "INSERT INTO inputs(source, content_hash, doc_id, status, updated_at, readers) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(source) DO UPDATE SET content_hash=excluded.content_hash, doc_id=excluded.doc_id, "
            "status=excluded.status, updated_at=excluded.updated_at, readers=excluded.readers",
            (source, content_hash, doc_id, status, _now(), readers),
        )

    def _delete_document(self, doc_id: str) -> None:
        row = self.conn.execute("SELECT rowid AS rowid FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            return
        # FTS rows share the rowid of the row they index, so deletes never scan the index.
        self.conn.execute("DELETE FROM documents_fts WHERE rowid=?", (row["rowid"],))
        self.conn.execute("DELETE FROM quotes_fts WHERE rowid IN (SELECT rowid FROM quotes WHERE doc_id=?)", (doc_id,))
        for table in ("mentions", "actors", "quotes", "claims", "times", "events"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))
        self.conn.execute("DELETE FROM documents WHERE id=?", (doc_id,))

    # ------------------------------------------------------------------ per-article write

    def add(self, analysis: Analysis, readers: str | None = None) -> None:
        """Store one analysed article and everything extracted from it, atomically.

        A previous version of the same source (or the same document id) is replaced. ``readers``
        names the quote readers that analysed it (``onrecord.extract.quotes.readers()``).
        """
        d = analysis.document
        try:
            with self.conn:
                old = self.conn.execute("SELECT doc_id FROM inputs WHERE source=?", (d.source,)).fetchone()
                if old and old[0]:
                    self._delete_document(old[0])
                self._delete_document(d.id)
                self._insert_document(d)
                self._insert_extractions(analysis)
                self._upsert_input(d.source, d.content_hash, d.id, "ok", readers)
        except sqlite3.Error as exc:
            raise LedgerError(f"{d.source}: could not store the article ({exc})") from exc

    def _insert_document(self, d: Document) -> None:
        cur = self.conn.execute(
            "INSERT INTO documents(id, source, input_id, title, standfirst, outlet, authors, published, "
            "published_source, language, body, source_text, captions, removed, entries, segments, url, "
            "content_hash, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                d.id, d.source, d.input_id, d.title, d.standfirst, d.outlet, _dumps(list(d.authors)),
                d.published, d.published_source, d.language, d.body, d.source_text,
                _dumps(list(d.captions)), _dumps([asdict(r) for r in d.removed]),
                _dumps([asdict(e) for e in d.entries]),
                _dumps([[s.body_start, s.source_start, s.length] for s in d.segments]),
                d.url, d.content_hash, _now(),
            ),
        )
        self.conn.execute(
            "INSERT INTO documents_fts(rowid, doc_id, title, body) VALUES (?,?,?,?)",
            (cur.lastrowid, d.id, d.title or "", d.body),
        )

    def _insert_extractions(self, a: Analysis) -> None:
        d = a.document
        conn = self.conn
        for actor in a.actors:
            conn.execute(
                "INSERT INTO actors(doc_id, key, name, type, aliases, roles, refers_to) VALUES (?,?,?,?,?,?,?)",
                (d.id, actor.key, actor.name, actor.type, _dumps(list(actor.aliases)),
                 _dumps([_with_source(d, asdict(r)) for r in actor.roles]), actor.refers_to),
            )
            conn.executemany(
                "INSERT INTO mentions(doc_id, actor_key, start, end, source_start, source_end, text) "
                "VALUES (?,?,?,?,?,?,?)",
                [(d.id, actor.key, m.start, m.end, *d.to_source(m.start, m.end), m.text) for m in actor.mentions],
            )
        names = {actor.key: actor.name for actor in a.actors}
        for i, q in enumerate(a.quotes):
            qid = item_id(d.id, "q", i)
            mention = None
            if q.speaker_mention is not None:
                mention = _with_source(d, asdict(q.speaker_mention))
            cur = conn.execute(
                "INSERT INTO quotes(id, doc_id, idx, start, end, source_start, source_end, text, kind, cue, "
                "speaker_actor, speaker_name, speaker_mention, in_headline) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (qid, d.id, i, q.start, q.end, *d.to_source(q.start, q.end), q.text, q.kind, q.cue,
                 q.speaker, q.speaker_name or names.get(q.speaker or ""),
                 _dumps(mention) if mention else None, int(q.in_headline)),
            )
            conn.execute("INSERT INTO quotes_fts(rowid, quote_id, text) VALUES (?,?,?)", (cur.lastrowid, qid, q.text))
        for i, c in enumerate(a.claims):
            conn.execute(
                "INSERT INTO claims(id, doc_id, idx, start, end, source_start, source_end, text, sentence, "
                "sentence_start, sentence_end, value, low, high, change, unit, counted, claimant_actor, "
                "claimant_name, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (item_id(d.id, "c", i), d.id, i, c.start, c.end, *d.to_source(c.start, c.end), c.text,
                 d.body[c.sentence_start:c.sentence_end], c.sentence_start, c.sentence_end, c.value,
                 c.low, c.high, c.change, c.unit, c.counted, c.claimant,
                 c.claimant_name or names.get(c.claimant or ""), c.status),
            )
        conn.executemany(
            "INSERT INTO times(id, doc_id, idx, start, end, source_start, source_end, text, value, granularity, "
            "anchor) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(item_id(d.id, "t", i), d.id, i, t.start, t.end, *d.to_source(t.start, t.end), t.text, t.value,
              t.granularity, t.anchor) for i, t in enumerate(a.times)],
        )
        conn.executemany(
            "INSERT INTO events(id, doc_id, idx, start, end, source_start, source_end, text, date, actors) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(item_id(d.id, "e", i), d.id, i, e.start, e.end, *d.to_source(e.start, e.end), e.text, e.date,
              _dumps(list(e.actors))) for i, e in enumerate(a.events)],
        )

    # ------------------------------------------------------------------ reading records back

    def analyses(self) -> Iterator[Analysis]:
        """Every stored article as the records the per-article stages produced (for linking)."""
        for row in self.conn.execute("SELECT * FROM documents ORDER BY published, id"):
            yield self._analysis(row)

    def _analysis(self, row: sqlite3.Row) -> Analysis:
        doc = document_from_row(decode_row(row))
        did = doc.id
        mentions: dict[str, list[Mention]] = {}
        for m in self.conn.execute("SELECT * FROM mentions WHERE doc_id=? ORDER BY start", (did,)):
            mentions.setdefault(m["actor_key"], []).append(Mention(m["start"], m["end"], m["text"], m["actor_key"]))
        actors = tuple(
            Actor(
                key=r["key"], name=r["name"], type=r["type"], aliases=tuple(json.loads(r["aliases"])),
                mentions=tuple(mentions.get(r["key"], ())),
                roles=tuple(Role(x["text"], x["start"], x["end"]) for x in json.loads(r["roles"])),
                refers_to=r["refers_to"],
            )
            for r in self.conn.execute("SELECT * FROM actors WHERE doc_id=? ORDER BY rowid", (did,))
        )
        quotes = []
        for r in self.conn.execute("SELECT * FROM quotes WHERE doc_id=? ORDER BY idx", (did,)):
            sm = json.loads(r["speaker_mention"]) if r["speaker_mention"] else None
            quotes.append(Quote(
                r["start"], r["end"], r["text"], r["kind"], r["cue"],
                Span(sm["start"], sm["end"], sm["text"]) if sm else None,
                r["speaker_actor"], r["speaker_name"], bool(r["in_headline"]),
            ))
        claims = [
            Claim(r["start"], r["end"], r["text"], r["sentence_start"] or 0, r["sentence_end"] or 0,
                  r["value"], r["low"], r["high"], r["change"], r["unit"], r["counted"],
                  r["claimant_actor"], r["claimant_name"], r["status"])
            for r in self.conn.execute("SELECT * FROM claims WHERE doc_id=? ORDER BY idx", (did,))
        ]
        times = [
            TimeExpr(r["start"], r["end"], r["text"], r["value"], r["granularity"], r["anchor"])
            for r in self.conn.execute("SELECT * FROM times WHERE doc_id=? ORDER BY idx", (did,))
        ]
        events = [
            Event(r["start"], r["end"], r["text"], r["date"], tuple(json.loads(r["actors"])))
            for r in self.conn.execute("SELECT * FROM events WHERE doc_id=? ORDER BY idx", (did,))
        ]
        return Analysis(doc, actors, tuple(quotes), tuple(claims), tuple(times), tuple(events))

    # ------------------------------------------------------------------ link pass write

    def replace_links(self, entities: Sequence[dict], entity_of: dict[tuple[str, str], str],
                      stories: Sequence[dict], links: Sequence[dict], timeline: Sequence[dict],
                      wrong_items: Iterable[str] = ()) -> None:
        """Rewrite every cross-article table in one transaction."""
        with self.conn:
            c = self.conn
            for table in ("entities", "story_docs", "stories", "link_items", "links", "timeline"):
                c.execute(f"DELETE FROM {table}")
            c.executemany(
                "INSERT INTO entities(id, name, type, aliases, roles, refers_to, doc_count, mention_count) "
                "VALUES (?,?,?,?,?,?,?,?)",
                [(e["id"], e["name"], e["type"], _dumps(e.get("aliases", [])), _dumps(e.get("roles", [])),
                  e.get("refers_to"), e.get("doc_count", 0), e.get("mention_count", 0)) for e in entities],
            )
            c.execute("UPDATE actors SET entity_id = NULL")
            c.executemany(
                "UPDATE actors SET entity_id=? WHERE doc_id=? AND key=?",
                [(eid, doc_id, key) for (doc_id, key), eid in entity_of.items()],
            )
            c.execute(
                "UPDATE quotes SET speaker = (SELECT entity_id FROM actors a WHERE a.doc_id = quotes.doc_id "
                "AND a.key = quotes.speaker_actor)"
            )
            c.execute(
                "UPDATE quotes SET speaker_name = COALESCE((SELECT name FROM entities e WHERE e.id = quotes.speaker),"
                " speaker_name)"
            )
            c.execute(
                "UPDATE claims SET claimant = (SELECT entity_id FROM actors a WHERE a.doc_id = claims.doc_id "
                "AND a.key = claims.claimant_actor)"
            )
            c.execute(
                "UPDATE claims SET claimant_name = COALESCE((SELECT name FROM entities e WHERE e.id = claims.claimant),"
                " claimant_name)"
            )
            self._set_event_entities()
            c.execute("UPDATE quotes SET wrong = 0")
            c.execute("UPDATE claims SET wrong = 0")
            for item in wrong_items:
                c.execute("UPDATE quotes SET wrong = 1 WHERE id=?", (item,))
                c.execute("UPDATE claims SET wrong = 1 WHERE id=?", (item,))
            for s in stories:
                c.execute("INSERT INTO stories(id, title) VALUES (?,?)", (s["id"], s["title"]))
                c.executemany("INSERT OR IGNORE INTO story_docs(story_id, doc_id) VALUES (?,?)",
                              [(s["id"], d) for d in s["docs"]])
            for link in links:
                cur = c.execute("INSERT INTO links(kind, items, note, first) VALUES (?,?,?,?)",
                                (link["kind"], _dumps(list(link["items"])), link.get("note"), link.get("first")))
                c.executemany("INSERT INTO link_items(link_id, item) VALUES (?,?)",
                              [(cur.lastrowid, item) for item in link["items"]])
            c.executemany(
                "INSERT INTO timeline(date, granularity, salience, summary, events, sources, story_id) "
                "VALUES (?,?,?,?,?,?,?)",
                [(t["date"], t.get("granularity"), t["salience"], t["summary"], _dumps(list(t.get("events", []))),
                  _dumps(list(t.get("sources", []))), t.get("story_id")) for t in timeline],
            )

    def _set_event_entities(self) -> None:
        rows = self.conn.execute("SELECT id, doc_id, actors FROM events").fetchall()
        lookup: dict[tuple[str, str], str] = {
            (r[0], r[1]): r[2] for r in self.conn.execute("SELECT doc_id, key, entity_id FROM actors")
        }
        self.conn.executemany(
            "UPDATE events SET entities=? WHERE id=?",
            [(_dumps(sorted({lookup[(r[1], k)] for k in json.loads(r[2]) if lookup.get((r[1], k))})), r[0])
             for r in rows],
        )


def _with_source(d: Document, span: dict) -> dict:
    s, e = d.to_source(span["start"], span["end"])
    return {**span, "source_start": s, "source_end": e}


def document_from_row(r: dict) -> Document:
    return Document(
        id=r["id"], source=r["source"], input_id=r["input_id"], title=r["title"], standfirst=r["standfirst"],
        outlet=r["outlet"], authors=tuple(r["authors"]), published=r["published"], language=r["language"],
        body=r["body"], source_text=r["source_text"], captions=tuple(r["captions"]),
        removed=tuple(Removed(**x) for x in r["removed"]), entries=tuple(Entry(**x) for x in r["entries"]),
        segments=tuple(Segment(*x) for x in r["segments"]), url=r["url"], content_hash=r["content_hash"],
        published_source=r["published_source"],
    )
