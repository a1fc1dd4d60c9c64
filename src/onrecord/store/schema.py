"""The ledger's SQLite schema as numbered migrations.

Each migration is applied once, in order, inside a transaction; ``PRAGMA user_version`` holds the
number of the last one applied. Never edit a released migration: add a new one.
"""

from __future__ import annotations

import sqlite3

from onrecord.errors import LedgerError

# The columns every extracted item has: its id "{doc_id}/{kind}{idx}", its document and index there,
# and its span in the clean body and in the source text (see onrecord.store.rows).
_ITEM = """        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        source_start INTEGER, source_end INTEGER,"""

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, inputs, problems, builds
    """
    CREATE TABLE inputs (
        source TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        doc_id TEXT,
        status TEXT NOT NULL,            -- ok | problem
        updated_at TEXT NOT NULL
    );
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        input_id TEXT NOT NULL,
        title TEXT, standfirst TEXT, outlet TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        published TEXT, published_source TEXT, language TEXT,
        body TEXT NOT NULL,
        source_text TEXT NOT NULL,
        captions TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]',
        entries TEXT NOT NULL DEFAULT '[]',
        segments TEXT NOT NULL DEFAULT '[]',
        url TEXT,
        content_hash TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, body);
    CREATE TABLE problems (
        id INTEGER PRIMARY KEY,
        input TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL,
        build_id INTEGER, at TEXT NOT NULL
    );
    CREATE TABLE builds (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL, finished_at TEXT,
        added INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, failed INTEGER DEFAULT 0
    );
    """,
    # 2: per-article extractions (every item table starts with the columns of _ITEM)
    f"""
    CREATE TABLE actors (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL, type TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]', roles TEXT NOT NULL DEFAULT '[]',
        refers_to TEXT, entity_id TEXT,
        PRIMARY KEY (doc_id, key)
    );
    CREATE INDEX actors_entity ON actors(entity_id);
    CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        actor_key TEXT NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        source_start INTEGER, source_end INTEGER, text TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc_id, actor_key);
    CREATE TABLE quotes (
{_ITEM}
        text TEXT NOT NULL, kind TEXT NOT NULL, cue TEXT,
        speaker_actor TEXT, speaker TEXT, speaker_name TEXT,
        speaker_mention TEXT,            -- JSON {{start, end, source_start, source_end, text}} or NULL
        in_headline INTEGER NOT NULL DEFAULT 0,
        wrong INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX quotes_doc ON quotes(doc_id);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(quote_id UNINDEXED, text);
    CREATE TABLE claims (
{_ITEM}
        text TEXT NOT NULL, sentence TEXT NOT NULL,
        sentence_start INTEGER, sentence_end INTEGER,
        value REAL, low REAL, high REAL, change TEXT NOT NULL,
        unit TEXT, counted TEXT,
        claimant_actor TEXT, claimant TEXT, claimant_name TEXT,
        status TEXT NOT NULL,
        wrong INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX claims_doc ON claims(doc_id);
    CREATE INDEX claims_claimant ON claims(claimant);
    CREATE TABLE times (
{_ITEM}
        text TEXT NOT NULL, value TEXT, granularity TEXT, anchor TEXT
    );
    CREATE INDEX times_doc ON times(doc_id);
    CREATE TABLE events (
{_ITEM}
        text TEXT NOT NULL, date TEXT NOT NULL,
        actors TEXT NOT NULL DEFAULT '[]',   -- actor keys within the document
        entities TEXT NOT NULL DEFAULT '[]'  -- their entity ids (after linking)
    );
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_date ON events(date);
    """,
    # 3: cross-article results (rewritten by each link pass)
    """
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL, type TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]', roles TEXT NOT NULL DEFAULT '[]',
        refers_to TEXT, doc_count INTEGER NOT NULL DEFAULT 0, mention_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT NOT NULL
    );
    CREATE TABLE story_docs (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL,
        PRIMARY KEY (story_id, doc_id)
    );
    CREATE INDEX story_docs_doc ON story_docs(doc_id);
    CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL, items TEXT NOT NULL, note TEXT, first TEXT
    );
    CREATE INDEX links_kind ON links(kind);
    CREATE TABLE link_items (
        link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
        item TEXT NOT NULL
    );
    CREATE INDEX link_items_item ON link_items(item);
    CREATE TABLE timeline (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL, granularity TEXT, salience REAL NOT NULL,
        summary TEXT NOT NULL, events TEXT NOT NULL DEFAULT '[]', sources TEXT NOT NULL DEFAULT '[]',
        story_id TEXT
    );
    CREATE INDEX timeline_date ON timeline(date);
    """,
    # 4: which quote readers analysed each input and ran each build (NULL: before this: the CRF)
    """
    ALTER TABLE inputs ADD COLUMN readers TEXT;
    ALTER TABLE builds ADD COLUMN readers TEXT;
    """,
    # 5: the measure key under which the link pass compared each claim (NULL: not compared)
    """
    ALTER TABLE claims ADD COLUMN measure TEXT;
    CREATE INDEX claims_measure ON claims(measure);
    """,
    # 6: how each build ended (running, finished, interrupted; NULL: not recorded), and the
    # generations of the stored articles and of the last link pass, so that a build finds articles
    # stored but not linked. A ledger migrated here is linked once by its next build.
    """
    ALTER TABLE builds ADD COLUMN status TEXT;
    CREATE TABLE ledger_state (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    INSERT INTO ledger_state(key, value) VALUES ('content', 1), ('linked', 0);
    """,
    # 7: why the link pass left an entity out of the actor lists (NULL: listed), and the names it
    # merged into an entity with the reason (JSON [{name, reason}])
    """
    ALTER TABLE entities ADD COLUMN set_aside TEXT;
    ALTER TABLE entities ADD COLUMN merged TEXT NOT NULL DEFAULT '[]';
    """,
    # 8: why a claim is a side detail ("ordinal", "duration", "distance", "participants",
    # "composition"; '' for a figure of the story)
    """
    ALTER TABLE claims ADD COLUMN aside TEXT NOT NULL DEFAULT '';
    """,
    # 9: whether a problem stopped its input ("error") or is a note on an input that was read
    # ("note": decoded with replacements, not analysed), and why no extractor ran on a stored
    # article (NULL: analysed; "language ru")
    """
    ALTER TABLE problems ADD COLUMN severity TEXT NOT NULL DEFAULT 'error';
    ALTER TABLE documents ADD COLUMN not_analysed TEXT;
    """,
    # 10: quotes: the parts of a quote split by its attribution (JSON [{start, end, source_start,
    # source_end, text}], [] for one piece), the attribution kind ("speech", "writing", "position",
    # "report") and who relays the speaker's words (JSON span or NULL)
    """
    ALTER TABLE quotes ADD COLUMN fragments TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE quotes ADD COLUMN act TEXT NOT NULL DEFAULT 'speech';
    ALTER TABLE quotes ADD COLUMN via TEXT;
    """,
    # 11: relations between actors on the PLOVER ontology (start/end: the sentence; see docs/relations.md)
    """
    CREATE TABLE relations (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        source_start INTEGER, source_end INTEGER,
        text TEXT NOT NULL,
        cue TEXT NOT NULL, cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL,
        type TEXT NOT NULL, mode TEXT,
        source_key TEXT, source_text TEXT, target_key TEXT, target_text TEXT,
        date TEXT, date_source TEXT, status TEXT NOT NULL,
        claimant_key TEXT, claimant_name TEXT,
        source_entity TEXT, target_entity TEXT, claimant_entity TEXT,  -- entity ids (after linking)
        edge TEXT,                           -- the cross-article edge it belongs to (after linking)
        edge_docs INTEGER,                   -- articles reporting that edge (corroboration when > 1)
        contradicted INTEGER NOT NULL DEFAULT 0  -- the edge is both claimed and denied
    );
    CREATE INDEX relations_doc ON relations(doc_id);
    CREATE INDEX relations_pair ON relations(source_entity, target_entity);
    CREATE INDEX relations_type ON relations(type);
    CREATE INDEX relations_edge ON relations(edge);
    """,
    # 12: timeline kinds and arcs: what each event and timeline entry reports (happened, expected,
    # background), and the related stories of one developing arc (each pair in both directions)
    """
    ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'happened';
    ALTER TABLE timeline ADD COLUMN kind TEXT NOT NULL DEFAULT 'happened';
    CREATE TABLE story_links (
        story_id TEXT NOT NULL,
        related TEXT NOT NULL,
        score REAL NOT NULL,
        shared TEXT NOT NULL DEFAULT '[]',   -- the central entities both stories share
        PRIMARY KEY (story_id, related)
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """The SQL statements of one migration script, one string each."""
    out: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {pending.strip()[:60]!r}")
    return out


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` up to :data:`SCHEMA_VERSION`; return the version it was at.

    The version is read and every missing migration applied in one ``BEGIN IMMEDIATE``
    transaction, so that two processes opening a new ledger at once apply each migration once: the
    second waits for the first (the connection's busy timeout) and then finds the ledger current.
    A ledger already current is only read.
    """
    current = _version(conn)
    if current == SCHEMA_VERSION:
        return current
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = _version(conn)  # again, inside the lock: another process may have migrated it
        for number in range(current, SCHEMA_VERSION):
            for statement in statements(MIGRATIONS[number]):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.commit()
    except BaseException:
        conn.rollback()  # the migrations and the version number land together or not at all
        raise
    return current


def _version(conn: sqlite3.Connection) -> int:
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current > SCHEMA_VERSION:
        raise LedgerError(
            f"ledger schema version {current} is newer than this onrecord ({SCHEMA_VERSION}); upgrade onrecord"
        )
    return current
