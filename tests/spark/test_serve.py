"""``onrecord serve`` on a ledger built by the Spark engine answers every page and its JSON twin."""

from __future__ import annotations

import warnings
from pathlib import Path
from urllib.parse import quote

warnings.filterwarnings("ignore", message=".*httpx2.*")


def test_every_page_of_the_spark_ledger_answers(built, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from onrecord.store.ledger import Ledger
    from onrecord.web.app import create_app

    with Ledger(built.spark, readonly=True) as ledger:
        # every kind of page; of the many stories, actors and documents, the first 100 of each
        stories = [row["id"] for row in ledger.rows("stories", order="id")][:100]
        entities = [row["id"] for row in ledger.rows("entities", order="id")][:100]
        documents = [row["id"] for row in ledger.rows("documents", order="id")][:100]
    pages = ["", "problems", "actors", "quotes", "claims", "documents"]
    pages += [f"stories/{quote(s, safe='')}" for s in stories]
    pages += [f"actors/{quote(e, safe='/')}" for e in entities]
    pages += [f"documents/{quote(d, safe='/')}" for d in documents]
    assert stories and entities and documents
    app = create_app(built.spark, corrections=tmp_path / "corrections.json")
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        for page in pages:
            html, data = client.get(f"/{page}"), client.get(f"/api/{page or 'overview'}")
            assert html.status_code == 200 and html.headers["content-type"].startswith("text/html"), page
            assert data.status_code == 200 and isinstance(data.json(), dict), page
        for extra in ("/corrections", "/docs"):
            assert client.get(extra).status_code == 200, extra
