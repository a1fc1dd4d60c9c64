"""The briefing's "Relations": a story's main edges ranked, each cited at its sentences, escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import fixtures_relations as fx
from fixtures_dossier import PAYLOADS
from onrecord.report import relations, write_report

WEB = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fx.build(tmp_path_factory.mktemp("report-relations") / "ledger.db")


def _write(ledger: Path, name: str, web: str | None) -> str:
    out = ledger.parent / name
    write_report(ledger, out, web=web)
    return out.read_text(encoding="utf-8")


def _section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_markdown_ranks_the_corroborated_contradicted_edge_first(ledger: Path) -> None:
    part = _section(_write(ledger, "b.md", WEB), "### Relations", "### Who said what")
    lines = [line for line in part.splitlines() if line.startswith("- ")]
    assert lines[0].startswith("- **North Korea** — AID/military — **Russia**, 2024-10-28 to 2024-11-07, "
                               "alleged (Pentagon); denied (Dmitry Peskov) (3 outlets) — **contradicted**")
    assert len(lines) == 5  # every edge of the story; the unmerged "Ukrainian forces" has none
    # the claim and the denial both quoted, each linked to its sentence in the dossier
    at = fx.ARRIVAL, fx.DENIAL
    assert f"“{at[0]}” — alleged (Pentagon) [Northern Wire, 2024-11-04]({WEB}/documents/docA?at=78-167#at)" in part
    assert f"“{at[1]}” — denied (Dmitry Peskov) [Southern Ledger, 2024-11-07]({WEB}/documents/docR?at=0-66#at)" in part
    assert "and 1 more sentence" in part  # the duplicate's sentence


def test_html_cites_each_sentence_and_says_how_many_more(ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(relations, "EDGES", 2)
    html = _write(ledger, "b.html", WEB)
    part = _section(html, "<h3>Relations</h3>", "<h3>Who said what</h3>")
    assert part.count("<li><strong>") == 2 and 'class="bad">contradicted' in part
    assert f'href="{WEB}/documents/docR?at=0-66#at" title="docR @ 0–66">Southern Ledger, 2024-11-07</a>' in part
    assert f'3 more relations: <a href="{WEB}/relations?story=story-troops">the full list</a>' in part


def test_without_the_dossier_citations_lead_to_the_sources_list(ledger: Path) -> None:
    html = _write(ledger, "c.html", None)
    part = _section(html, "<h3>Relations</h3>", "<h3>Who said what</h3>")
    targets = set(re.findall(r'href="#(src-[^"]+)"', part))
    assert {"src-docA", "src-docR"} <= targets <= set(re.findall(r'id="(src-[^"]+)"', html))


def test_relations_escape_markup_in_names_and_sentences(ledger: Path) -> None:
    html, md = _write(ledger, "d.html", WEB), _write(ledger, "d.md", WEB)
    assert "Mallory &lt;script&gt;alert(1)&lt;/script&gt;" in _section(html, "<h3>Relations</h3>", "<h3>Who said")
    for payload in PAYLOADS:
        assert payload not in html and payload not in md
