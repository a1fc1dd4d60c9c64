"""Several processes on one ledger: first opens that race to create it all succeed, and a writer
kept waiting past the busy timeout stops with a message that says so."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from onrecord.errors import LedgerError
from onrecord.store.ledger import Ledger
from onrecord.store.schema import SCHEMA_VERSION

PROCESSES = 4
TRIALS = 12


def _open(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        with Ledger(path) as ledger:
            ledger.start_build("crf")
        results.put("ok")
    except Exception as exc:  # noqa: BLE001 — the parent reports it
        results.put(f"{type(exc).__name__}: {exc}")


def test_processes_creating_the_same_new_ledger_at_once_all_succeed(tmp_path: Path):
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    for trial in range(TRIALS):
        path = tmp_path / f"new-{trial}.db"
        barrier = ctx.Barrier(PROCESSES)
        procs = [ctx.Process(target=_open, args=(str(path), barrier, results)) for _ in range(PROCESSES)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=60)
        outcomes = [results.get(timeout=5) for _ in procs]
        assert outcomes == ["ok"] * PROCESSES, (trial, outcomes)
        with Ledger(path, readonly=True) as ledger:
            assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert ledger.count("builds") == PROCESSES
            assert ledger.generations() == (1, 0)


@pytest.fixture()
def held(tmp_path: Path):
    """A ledger whose write lock another connection holds."""
    path = tmp_path / "held.db"
    Ledger(path).close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    yield path
    holder.rollback()
    holder.close()


def test_a_writer_kept_waiting_past_the_busy_timeout_gets_a_clear_ledger_error(held: Path):
    with Ledger(held, busy_timeout=0.3) as ledger:
        with pytest.raises(LedgerError, match=rf"ledger {held} is locked by another process for more than 0.3 s"):
            ledger.start_build("crf")


def test_a_build_that_cannot_get_the_lock_stops_with_that_message(held: Path, tmp_path: Path):
    import onrecord.pipeline as pipeline
    from onrecord.settings import Settings

    (tmp_path / "in").mkdir()
    with pytest.raises(LedgerError, match="is locked by another process for more than 0.2 s"):
        pipeline.build([tmp_path / "in"], db=held, settings=Settings(busy_timeout=0.2))


def test_migrating_a_locked_older_ledger_waits_then_says_it_is_locked(tmp_path: Path):
    from onrecord.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:5]):
        conn.executescript(script + f"PRAGMA user_version = {number + 1};")
    conn.execute("BEGIN IMMEDIATE")
    with pytest.raises(LedgerError, match="locked by another process for more than 0.2 s"):
        Ledger(path, busy_timeout=0.2)
    conn.rollback()
    with Ledger(path) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert ledger.needs_link()  # a migrated ledger is linked once by its next build
