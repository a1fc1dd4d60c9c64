"""The article ledger: an embedded SQLite database with a versioned schema and FTS5 indexes.

Writes happen per article in one transaction (an article is stored whole or not at all) and per
link pass in one transaction. The reads callers use are the read layer's (``read_*`` modules), offered
as methods by :class:`~onrecord.store.ledger_reads.LedgerReads`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.errors import LedgerError
from onrecord.models import Analysis, Document, Mention, Problem
from onrecord.store import rows as R
from onrecord.store.ledger_reads import LedgerReads
from onrecord.store.read_base import decode_row
from onrecord.store.relations import (
    doc_relations,
    insert_relations,
    set_edges,
    set_relation_entities,
)
from onrecord.store.rows import document_from_row
from onrecord.store.schema import SCHEMA_VERSION, migrate

if TYPE_CHECKING:
    from onrecord.link.records import EntityIndex, LinkResult

log = logging.getLogger(__name__)


BUSY_TIMEOUT = 30.0  # seconds a statement waits for another process's lock (Settings.busy_timeout)
RETRY_SECONDS = 0.05


class LedgerLocked(LedgerError):
    """Another process held the ledger's lock for longer than the busy timeout."""


def is_locked(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` is SQLite giving up on a lock another connection holds."""
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Ledger(LedgerReads):
    """Read and write access to one ledger file.

    >>> with Ledger("onrecord.db") as ledger:          # doctest: +SKIP
    ...     for doc in ledger.documents(limit=5):
    ...         print(doc["title"], doc["outlet"], doc["published"])
    """

    def __init__(self, path: str | Path = "onrecord.db", *, readonly: bool = False,
                 busy_timeout: float = BUSY_TIMEOUT) -> None:
        """Open (and, unless ``readonly``, create or migrate) the ledger at ``path``. A statement
        that finds the ledger locked by another process waits up to ``busy_timeout`` seconds, then
        fails with a :class:`LedgerError` that says so."""
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        if readonly and not self.path.exists():
            raise LedgerError(f"{self.path}: no ledger here; build one with 'onrecord build INPUT --db {self.path}'")
        try:
            if readonly:
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=busy_timeout)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=busy_timeout)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.isolation_level = "IMMEDIATE"  # a write transaction takes the lock when it begins
                self._prepare()
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            if is_locked(exc):
                raise self.locked_error() from exc
            raise LedgerError(f"{self.path}: not an onrecord ledger ({exc})") from exc

    def _prepare(self) -> None:
        """Switch to WAL and migrate. Two processes opening a new file at once can find it busy in
        ways SQLite does not wait for (the journal mode changing under them): those are retried
        until the busy timeout."""
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn)
                return
            except sqlite3.OperationalError as exc:
                if not is_locked(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(RETRY_SECONDS)

    def locked_error(self) -> LedgerLocked:
        """The error for a statement that waited the whole busy timeout for another process's lock."""
        return LedgerLocked(f"ledger {self.path} is locked by another process for more than "
                           f"{self.busy_timeout:g} s; try again when that process is done")

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises; a lock
        held by another process past the busy timeout is a :class:`LedgerError`."""
        try:
            with self.conn:
                yield self.conn
        except sqlite3.OperationalError as exc:
            if is_locked(exc):
                raise self.locked_error() from exc
            raise

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
        with self.writing() as c:
            cur = c.execute("INSERT INTO builds(started_at, readers, status) VALUES (?, ?, 'running')",
                            (_now(), readers))
        return int(cur.lastrowid)

    def finish_build(self, build_id: int, added: int, skipped: int, failed: int, status: str = "finished") -> None:
        """Close the build's row: its counts and how it ended ("finished" or "interrupted")."""
        with self.writing() as c:
            c.execute(
                "UPDATE builds SET finished_at=?, added=?, skipped=?, failed=?, status=? WHERE id=?",
                (_now(), added, skipped, failed, status, build_id),
            )

    def generations(self) -> tuple[int, int]:
        """(content, linked): the generation of the stored articles, which each stored article
        advances, and the one the last link pass saw. They differ while articles wait to be linked."""
        values = dict(self.conn.execute("SELECT key, value FROM ledger_state").fetchall())
        return int(values.get("content", 0)), int(values.get("linked", 0))

    def needs_link(self) -> bool:
        """Whether articles were stored since the last link pass (or it never finished)."""
        content, linked = self.generations()
        return content != linked

    def record_problem(self, problem: Problem, build_id: int | None = None, content_hash: str | None = None,
                       readers: str | None = None) -> None:
        with self.writing():
            # the same problem seen again by a later build is recorded once, with its latest build
            self.conn.execute(
                "DELETE FROM problems WHERE input=? AND stage=? AND reason=?",
                (problem.input, problem.stage, problem.reason),
            )
            self.conn.execute(
                "INSERT INTO problems(input, stage, reason, severity, build_id, at) VALUES (?,?,?,?,?,?)",
                (problem.input, problem.stage, problem.reason, problem.severity, build_id, _now()),
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
        for table in ("mentions", "actors", "quotes", "claims", "times", "events", "relations"):
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
            with self.writing():
                old = self.conn.execute("SELECT doc_id FROM inputs WHERE source=?", (d.source,)).fetchone()
                if old and old["doc_id"]:
                    self._delete_document(old["doc_id"])
                self._delete_document(d.id)
                self._insert_document(d)
                self._insert_extractions(analysis)
                self._upsert_input(d.source, d.content_hash, d.id, "ok", readers)
                self.conn.execute("UPDATE ledger_state SET value = value + 1 WHERE key = 'content'")
        except sqlite3.Error as exc:
            raise LedgerError(f"{d.source}: could not store the article ({exc})") from exc

    def _insert_document(self, d: Document) -> None:
        rowid = R.insert_one(self.conn, "documents", R.document_row(d, _now()))
        self.conn.execute(
            "INSERT INTO documents_fts(rowid, doc_id, title, body) VALUES (?,?,?,?)",
            (rowid, d.id, d.title or "", d.body),
        )

    def _insert_extractions(self, a: Analysis) -> None:
        d, conn = a.document, self.conn
        for actor in a.actors:
            R.insert_one(conn, "actors", R.actor_row(d, actor))
            R.insert(conn, "mentions", R.mention_rows(d, actor))
        names = {actor.key: actor.name for actor in a.actors}
        for i, q in enumerate(a.quotes):
            row = R.quote_row(d, i, q, names)
            rowid = R.insert_one(conn, "quotes", row)
            conn.execute("INSERT INTO quotes_fts(rowid, quote_id, text) VALUES (?,?,?)", (rowid, row["id"], q.text))
        R.insert(conn, "claims", [R.claim_row(d, i, c, names) for i, c in enumerate(a.claims)])
        R.insert(conn, "times", [R.time_row(d, i, t) for i, t in enumerate(a.times)])
        R.insert(conn, "events", [R.event_row(d, i, e) for i, e in enumerate(a.events)])
        insert_relations(conn, d, a.relations)

    # ------------------------------------------------------------------ reading records back

    def analyses(self, stored: Mapping[str, Analysis] | None = None, readers: str | None = None) -> Iterator[Analysis]:
        """Every stored article as the records the per-article stages produced (for linking).

        ``stored``: analyses this build has just added, by document id, with the ``readers`` it
        added them with: one whose document the ledger still holds as it is, analysed by those
        readers alone, is taken as it is instead of being read back (what :meth:`add` writes reads
        back the same; only the link pass rewrites some fields after)."""
        stored = stored or {}
        same = self._analysed_by(readers) if stored else set()
        for row in self.conn.execute("SELECT * FROM documents ORDER BY published, id"):
            doc = document_from_row(decode_row(row))
            known = stored.get(doc.id) if doc.id in same else None
            yield known if known is not None and known.document == doc else self._analysis(doc)

    def _analysed_by(self, readers: str | None) -> set[str]:
        """The documents every input of which was analysed by ``readers``."""
        seen: dict[str, bool] = {}
        for row in self.conn.execute("SELECT doc_id, readers FROM inputs WHERE doc_id IS NOT NULL"):
            seen[row["doc_id"]] = seen.get(row["doc_id"], True) and row["readers"] == readers
        return {doc for doc, ok in seen.items() if ok and readers is not None}

    def _analysis(self, doc: Document) -> Analysis:

        def items(table: str, order: str = "idx") -> list[sqlite3.Row]:
            return self.conn.execute(f"SELECT * FROM {table} WHERE doc_id=? ORDER BY {order}", (doc.id,)).fetchall()

        mentions: dict[str, list[Mention]] = {}
        for m in items("mentions", "start"):
            mentions.setdefault(m["actor_key"], []).append(R.mention_from_row(m))
        return Analysis(
            document=doc,
            actors=tuple(R.actor_from_row(r, mentions.get(r["key"], ())) for r in items("actors", "rowid")),
            quotes=tuple(R.quote_from_row(r) for r in items("quotes")),
            claims=tuple(R.claim_from_row(r) for r in items("claims")),
            times=tuple(R.time_from_row(r) for r in items("times")),
            events=tuple(R.event_from_row(r) for r in items("events")),
            relations=doc_relations(self.conn, doc.id),
        )

    # ------------------------------------------------------------------ link pass write

    def replace_links(self, result: LinkResult, index: EntityIndex, wrong_items: Iterable[str] = (),
                      generation: int | None = None,
                      relation_edges: Mapping[str, tuple[str, int, bool]] | None = None) -> None:
        """Rewrite every cross-article table in one transaction: the entities of ``index`` (their ids
        set on actors, quotes, claims, events and relations), the stories, links, timeline and related
        stories of ``result``,
        the relations' cross-article edges (``relation_edges``: see :func:`onrecord.link.relations.edge_of`),
        the measure key of each claim it compared, and the items the user marked wrong.
        ``generation`` is the content generation the pass read (default: the current one); the
        ledger counts as linked up to it."""
        if generation is None:
            generation = self.generations()[0]
        with self.writing() as c:
            c.execute("UPDATE ledger_state SET value = ? WHERE key = 'linked'", (generation,))
            for table in ("entities", "story_docs", "stories", "link_items", "links", "timeline", "story_links"):
                c.execute(f"DELETE FROM {table}")
            R.insert(c, "entities", [R.entity_row(e) for e in index.entities])
            c.execute("UPDATE actors SET entity_id = NULL")
            c.executemany(
                "UPDATE actors SET entity_id = :entity WHERE doc_id = :doc AND key = :key",
                [{"entity": eid, "doc": doc_id, "key": key} for (doc_id, key), eid in index.entity_of.items()],
            )
            self._set_speaker_entities()
            self._set_event_entities()
            set_relation_entities(self.conn)
            set_edges(self.conn, relation_edges or {})
            c.execute("UPDATE quotes SET wrong = 0")
            c.execute("UPDATE claims SET wrong = 0")
            for item in wrong_items:
                c.execute("UPDATE quotes SET wrong = 1 WHERE id=?", (item,))
                c.execute("UPDATE claims SET wrong = 1 WHERE id=?", (item,))
            c.execute("UPDATE claims SET measure = NULL")
            c.executemany("UPDATE claims SET measure = :measure WHERE id = :id",
                          [{"id": claim, "measure": key} for claim, key in result.measures.items()])
            for story in result.stories:
                row, docs = R.story_rows(story)
                R.insert_one(c, "stories", row)
                R.insert(c, "story_docs", docs, or_ignore=True)
            for link in result.links:
                link_id = R.insert_one(c, "links", R.link_row(link))
                R.insert(c, "link_items", [{"link_id": link_id, "item": item} for item in link.items])
            R.insert(c, "timeline", [R.timeline_row(t) for t in result.timeline])
            R.insert(c, "story_links", [row for s in result.related for row in R.story_link_rows(s)])

    def _set_speaker_entities(self) -> None:
        """Quotes and claims take the entity of their speaker or claimant actor, and its name."""
        c = self.conn
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
        # a claimant named as its actor takes the entity's name; a body speaking for the actor
        # keeps its own words ("US intelligence" for the United States)
        c.execute(
            "UPDATE claims SET claimant_name = COALESCE((SELECT name FROM entities e WHERE e.id = claims.claimant),"
            " claimant_name) WHERE claimant_name IS NULL"
            " OR claimant_name = (SELECT a.name FROM actors a WHERE a.doc_id = claims.doc_id"
            " AND a.key = claims.claimant_actor) OR claimant_name IN (SELECT name FROM entities)"
        )

    def _set_event_entities(self) -> None:
        """Each event lists the entities of its actors (sorted, once each)."""
        entity_of = {(r["doc_id"], r["key"]): r["entity_id"]
                     for r in self.conn.execute("SELECT doc_id, key, entity_id FROM actors")}
        rows = []
        for r in self.conn.execute("SELECT id, doc_id, actors FROM events").fetchall():
            entities = {entity_of.get((r["doc_id"], key)) for key in json.loads(r["actors"])}
            rows.append({"id": r["id"], "entities": R.to_json(sorted(e for e in entities if e))})
        self.conn.executemany("UPDATE events SET entities = :entities WHERE id = :id", rows)

