"""The briefing on the five seed articles, built end to end with the spaCy model: who said what
reaches every outlet of the 2023 story, the cut says how many quotes are left and where, and every
citation opens the article at its sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import onrecord
from onrecord.report import write_report

META = Path(__file__).resolve().parents[2] / "examples" / "seeds-meta.jsonl"
WEB = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def briefing(seeds, tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("seeds-report")
    onrecord.build([seeds], db=folder / "seeds.db", meta=META)
    write_report(folder / "seeds.db", folder / "briefing.md", web=WEB)
    return (folder / "briefing.md").read_text(encoding="utf-8")


def _section(text: str, title: str) -> str:
    story = text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    return story.split("### Who said what", 1)[1].split("###", 1)[0]


@pytest.mark.model
def test_seeds_report_quotes_every_outlet_of_the_2023_story(briefing: str) -> None:
    said = _section(briefing, "Kim Jong-un arrives in Russia for meeting with Putin")
    quotes = [line for line in said.splitlines() if line.startswith("- **")]
    assert 5 <= len(quotes) <= 12
    for outlet in ("The Irish Times", "The Times", "The New York Times"):
        assert any(f"— {outlet}, 2023-09-1" in q for q in quotes[:6]), outlet  # dealt across outlets
    assert re.search(r"\n\d+ more quotes: <http://127\.0\.0\.1:8000/quotes\?story=story-[0-9a-f]+>", said)


@pytest.mark.model
def test_seeds_report_leads_with_the_disagreement_and_cites_sentences(briefing: str) -> None:
    assert "Sources disagree on Russian men (signed up): Vladimir Putin says 270,000; Dmitry Medvedev says 280,000." in briefing
    assert "Sources disagree on North Korean soldiers (deployed)" in briefing
    cites = re.findall(r"\]\((http[^)]+)\)", briefing)
    assert cites and all(re.fullmatch(rf"{WEB}/documents/[0-9a-f]+\?at=\d+-\d+#at", c) for c in cites)
    assert "Vladimir Putin has admitted for the first time that he is in talks with Kim Jong-un on how to deploy North Korean…" in briefing


@pytest.mark.model
def test_seeds_report_lists_the_main_relations_at_their_sentences(briefing: str) -> None:
    story = briefing.split("## Kim Jong-un arrives in Russia for meeting with Putin", 1)[1].split("\n## ", 1)[0]
    part = story.split("### Relations", 1)[1].split("###", 1)[0]
    edges = [line for line in part.splitlines() if line.startswith("- **")]
    # the summit (Kim meets Putin, or arrives in Russia to meet him), from the three outlets of the 2023 story
    # (The Irish Times on the talks Putin prepared for)
    assert re.match(r"- \*\*Kim Jong-un\*\* — CONSULT/meet(, visit)? — \*\*(Vladimir Putin|Russia)\*\*, 2023-09-12.*"
                    r"\(3 outlets\)", edges[0])
    assert any(re.match(r"- \*\*North Korea\*\* — AID/military — \*\*Russia\*\*, .*denied \(Dmitry Peskov\).*"
                        r"\*\*contradicted\*\*", e) for e in edges[:5])  # the arms supplies, claimed and denied,
    # among the first five (Russia's war on Ukraine, from both outlets, may rank above it)
    cites = re.findall(r"\]\((http[^)]+)\)", part)
    assert cites and all(re.fullmatch(rf"{WEB}/documents/[0-9a-f]+\?at=\d+-\d+#at", c) for c in cites)
    assert re.search(rf"\n\d+ more relations: <{WEB}/relations\?story=story-[0-9a-f]+>", part)
