"""Hostile article data on the pages: links only to http(s), literal filters, nothing raw on any page."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fixtures_dossier import BAD_URLS, FORMULA, PAYLOADS, SCRIPT, STORY, build

OWN_SCRIPT = '<script src="/static/app.js" defer></script>'


def _client(db: Path, tmp_path: Path):
    from fastapi.testclient import TestClient

    from onrecord.web.app import create_app

    return TestClient(create_app(db, corrections=tmp_path / "corrections.json"), base_url="http://127.0.0.1:8000")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v for k, v in attrs if k in ("href", "src", "action", "formaction") and v is not None]


def _hrefs(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


@pytest.mark.parametrize("url", BAD_URLS)
def test_document_page_never_links_a_non_http_url(tmp_path: Path, url: str) -> None:
    db = build(tmp_path / "ledger.db", {"docA": {"url": url}})
    with _client(db, tmp_path) as c:
        html = c.get("/documents/docA").text
    hrefs = _hrefs(html)
    assert not [h for h in hrefs if re.sub(r"[\x00-\x20]", "", h).lower().startswith(("javascript", "data", "vbscript",
                                                                                           "file", "//evil"))]
    assert not [h for h in hrefs if h.strip() == url.strip()]
    assert 'title="not an http or https link"' in html  # still shown, as text


def test_document_page_links_an_https_url(client) -> None:
    html = client.get("/documents/docA").text
    assert '<a class="url" href="https://example.org/docA" rel="noopener noreferrer nofollow">' in html


def test_api_filters_take_percent_and_underscore_literally(client) -> None:
    assert client.get("/api/claims", params={"q": "%"}).json()["claims"]["items"] == []
    assert client.get("/api/claims", params={"claimant": "_"}).json()["claims"]["items"] == []
    assert client.get("/api/quotes", params={"speaker": "%"}).json()["quotes"]["items"] == []
    assert client.get("/api/actors", params={"q": "_"}).json()["actors"]["items"] == []
    assert client.get("/api/actors", params={"q": "Peskov"}).json()["actors"]["items"]


def _crawl(client, start: str = "/", limit: int = 300) -> dict[str, str]:
    """Every HTML page reachable from ``start`` by the links the pages hold (same site, GET), by
    path; the JSON twins they link to are data, served as ``application/json`` with ``nosniff``."""
    seen: dict[str, str] = {}
    todo = deque([start])
    while todo and len(seen) < limit:
        path = todo.popleft()
        if path in seen or path.startswith("/api/") or path == "/openapi.json":
            continue
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        assert response.headers["content-type"].startswith("text/html"), path
        seen[path] = response.text
        for href in _hrefs(response.text):
            target = href.split("#")[0]
            if target.startswith("/") and not target.startswith(("//", "/static/")) and target not in seen:
                todo.append(target)
    return seen


def test_crawl_of_a_payload_ledger_finds_no_raw_markup_from_the_data(tmp_path: Path) -> None:
    db = build(tmp_path / "ledger.db", {"docX": {"url": f"javascript:{SCRIPT}"}, "docA": {"title": FORMULA}})
    with _client(db, tmp_path) as c:
        pages = _crawl(c)
        pages.update({p: c.get(p).text for p in (f"/stories/{STORY}", "/documents/docX", "/problems", "/docs")})
    assert len(pages) > 20 and "/documents/docX" in pages
    for path, text in pages.items():
        assert text.count("<script") == text.count(OWN_SCRIPT), path
        for payload in PAYLOADS:
            assert payload not in text, (path, payload)
        assert "<img" not in text and "<svg onload" not in text, path
        assert not [h for h in _hrefs(text) if "javascript" in h.lower()], path
