"""The quotes explorer lists speech and writing unless asked for positions or reports; the
document page marks each fragment of a split quote."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import fixtures_dossier
from onrecord.models import Span

BASE = "http://127.0.0.1:8000"


@pytest.fixture()
def acts_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from fastapi.testclient import TestClient

    from onrecord.web.app import create_app

    original = fixtures_dossier.analyses()
    target = next(a.document.id for a in original if a.quotes)

    def changed():
        out = []
        for a in original:
            if a.document.id == target:
                first, *rest = a.quotes
                body = a.document.body
                cut = first.start + (first.end - first.start) // 2
                frags = (Span(first.start, cut, body[first.start : cut]), Span(cut + 1, first.end, body[cut + 1 : first.end]))
                belief = replace(first, end=cut, text=body[first.start : cut], act="position")  # a position in its words
                quotes = (replace(first, fragments=frags), *rest, belief)
                a = replace(a, quotes=quotes)
            out.append(a)
        return out

    monkeypatch.setattr(fixtures_dossier, "analyses", changed)
    ledger = fixtures_dossier.build(tmp_path / "ledger.db")
    with TestClient(create_app(ledger, corrections=tmp_path / "c.json"), base_url=BASE) as c:
        yield c, next(a for a in changed() if a.document.id == target)


def _ids(client, **params) -> set[str]:
    page = client.get("/api/quotes", params=params).json()["quotes"]
    return {q["id"] for q in page["items"]}


def test_positions_are_listed_only_when_asked(acts_client) -> None:
    client, a = acts_client
    positions = {f"{a.document.id}/q{i}" for i, q in enumerate(a.quotes) if q.act == "position"}
    assert positions and not positions & _ids(client)
    assert positions <= _ids(client, act="all") and positions == _ids(client, act="position") & positions
    assert 'name="act"' in client.get("/quotes").text


def test_the_document_page_marks_each_fragment(acts_client) -> None:
    client, a = acts_client
    pieces = client.get(f"/api/documents/{a.document.id}").json()["pieces"]
    quoted, at = set(), 0
    for p in pieces:
        if "quote" in p["kinds"]:
            quoted |= set(range(at, at + len(p["text"])))
        at += len(p["text"])
    first, second = a.quotes[0].fragments
    assert set(range(first.start, first.end)) | set(range(second.start, second.end)) <= quoted
    assert first.end not in quoted  # the gap between the fragments is not marked
