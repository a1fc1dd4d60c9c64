"""Fixtures for the web tests: the hand-made dossier ledger and a client over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures_dossier import build

BASE = "http://127.0.0.1:8000"
"""Where the test client says it talks to: a loopback host the server accepts."""


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("dossier") / "ledger.db")


@pytest.fixture()
def origin() -> str:
    """The origin of the pages the test client reads (what a browser sends as ``Origin``)."""
    return BASE


@pytest.fixture()
def client(dossier: Path, tmp_path: Path):
    from fastapi.testclient import TestClient

    from onrecord.web.app import create_app

    app = create_app(dossier, corrections=tmp_path / "corrections.json")
    with TestClient(app, base_url=BASE) as c:
        yield c
