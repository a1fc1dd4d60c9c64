"""The briefing turns only http(s) URLs into links: never ``javascript:``, ``data:`` or the like."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixtures_dossier import BAD_URLS, build
from onrecord.report import write_report


def _reports(tmp_path: Path, url: str) -> tuple[str, str]:
    db = build(tmp_path / "ledger.db", {"docA": {"url": url}})
    write_report(db, tmp_path / "b.md")
    write_report(db, tmp_path / "b.html")
    return (tmp_path / "b.md").read_text(encoding="utf-8"), (tmp_path / "b.html").read_text(encoding="utf-8")


def _md_links(text: str) -> list[str]:
    """Link targets a Markdown renderer would make: autolinks ``<scheme:...>`` and ``[x](target)``."""
    return re.findall(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>", text) + re.findall(r"\]\(([^)]*)\)", text)


@pytest.mark.parametrize("url", BAD_URLS)
def test_report_never_links_a_non_http_url(tmp_path: Path, url: str) -> None:
    markdown, html = _reports(tmp_path, url)
    assert all(target.startswith(("#", "https://example.org/")) for target in _md_links(markdown)), _md_links(markdown)
    assert "(not a web link: " in markdown
    hrefs = re.findall(r"""href=["']?([^"' >]*)""", html)
    assert hrefs and all(h.startswith("#") for h in hrefs)


def test_report_markdown_autolinks_an_https_url(tmp_path: Path) -> None:
    markdown, _ = _reports(tmp_path, "https://example.org/a_b?x=1&y=2 3")
    assert "<https://example.org/a_b?x=1&y=2%203>" in markdown


def test_md_url_reads_the_url_as_a_browser_does() -> None:
    from onrecord.report.render import md_url

    assert md_url(" \x01JaVaScRiPt:alert(1)").startswith("(not a web link: ")
    assert md_url("java\nscript:alert(1)").startswith("(not a web link: ")
    assert md_url("javascript:alert(1)") == "(not a web link: javascript:alert(1))"
    assert md_url("http://example.org/<x>") == "<http://example.org/%3Cx%3E>"
