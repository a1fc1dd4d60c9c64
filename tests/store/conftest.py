"""Fixtures for the read-layer tests: the hand-made dossier ledger, opened read-only."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures_dossier import build
from onrecord.store.ledger import Ledger


@pytest.fixture(scope="module")
def dossier_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("dossier") / "ledger.db")


@pytest.fixture(scope="module")
def conn(dossier_db: Path) -> Iterator[sqlite3.Connection]:
    with Ledger(dossier_db, readonly=True) as ledger:
        yield ledger.conn
