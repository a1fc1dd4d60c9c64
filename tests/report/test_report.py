"""The briefing is self-contained, cites every statement and escapes article text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixtures_dossier import PAYLOADS, build
from onrecord.errors import OnrecordError
from onrecord.link.records import EntityIndex, LinkResult
from onrecord.report import write_report
from onrecord.report.render import md
from onrecord.store.ledger import Ledger


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("report") / "ledger.db")


@pytest.fixture(scope="module")
def html(dossier: Path) -> str:
    out = dossier.parent / "briefing.html"
    write_report(dossier, out)
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def markdown(dossier: Path) -> str:
    out = dossier.parent / "briefing.md"
    write_report(dossier, out)
    return out.read_text(encoding="utf-8")


def test_report_html_has_no_external_assets(html: str) -> None:
    assert "<link" not in html and "<script" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<style>" in html and "<svg" in html


def test_report_html_links_every_citation_to_a_source_entry(html: str) -> None:
    targets = set(re.findall(r'href="#(src-[^"]+)"', html))
    anchors = set(re.findall(r'id="(src-[^"]+)"', html))
    assert targets and targets <= anchors
    assert "docA @ 0–76" in html  # Peskov's quote, cited by the offsets of its sentence


def test_report_html_shows_the_disagreement_with_claimants(html: str) -> None:
    assert "sources disagree" in html
    assert "Volodymyr Zelensky" in html and "12,000" in html and "about 10,000" in html


def test_report_escapes_payloads_in_both_formats(html: str, markdown: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html
        assert payload not in markdown


def test_report_markdown_cites_offsets_and_lists_sources(markdown: str) -> None:
    assert "[`docB @ 0–77`](#src-docB)" in markdown  # Zelensky's figure, cited by its sentence
    assert '<a id="src-docB"></a>' in markdown and "## Sources" in markdown


def test_report_covers_all_articles_when_no_story_was_linked(tmp_path: Path) -> None:
    db = build(tmp_path / "ledger.db")
    with Ledger(db) as ledger:
        ledger.replace_links(LinkResult((), (), ()), EntityIndex((), {}))
    write_report(db, tmp_path / "b.md")
    text = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "## All articles" in text and "We do not comment on this." in text


def test_report_refuses_an_unknown_suffix(dossier: Path, tmp_path: Path) -> None:
    with pytest.raises(OnrecordError, match=".html or .md"):
        write_report(dossier, tmp_path / "briefing.pdf")


def test_report_md_escapes_markup_characters() -> None:
    assert md("*bold* [x](y) <b>") == r"\*bold\* \[x\](y) &lt;b&gt;"


def test_report_with_web_links_each_citation_to_the_sentence_in_the_dossier(dossier: Path, tmp_path: Path) -> None:
    write_report(dossier, tmp_path / "b.html", web="http://127.0.0.1:8000/")
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert 'href="http://127.0.0.1:8000/documents/docB?at=0-77#at"' in html  # Zelensky's sentence
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert all(h.startswith(("#", "http://127.0.0.1:8000/documents/", "http://127.0.0.1:8000/quotes?story=",
                             "http://127.0.0.1:8000/claims?story=")) for h in hrefs)
    with pytest.raises(OnrecordError, match="http or https"):
        write_report(dossier, tmp_path / "c.html", web="javascript:alert(1)")
