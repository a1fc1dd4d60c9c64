"""Fixtures for the web tests: the hand-made dossier ledger and a client over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures_dossier import build


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("dossier") / "ledger.db")


@pytest.fixture()
def client(dossier: Path, tmp_path: Path):
    from fastapi.testclient import TestClient

    from onrecord.web.app import create_app

    app = create_app(dossier, corrections=tmp_path / "corrections.json")
    with TestClient(app) as c:
        yield c
