"""``clean`` over the five real seed articles: metadata the text states, live-blog entries, no lost prose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onrecord.clean import clean
from onrecord.clean.lines import ends_sentence
from onrecord.models import Document, RawInput

# Removal reasons that may legitimately take a long sentence-like line away.
PROSE_REASONS = {"paywall/subscription banner", "caption", "duplicated caption", "photo caption with credit",
                 "author bio", "repeated paragraph", "teaser snippet"}


def _seed(seeds: Path, prefix: str) -> tuple[str, Document]:
    path = next(seeds.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    doc = clean(RawInput(source=str(path), input_id=path.name, kind="text", content=text))
    assert isinstance(doc, Document), doc
    return text, doc


@pytest.mark.datasets
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_no_article_sentence_is_lost(seeds: Path, prefix: str):
    text, doc = _seed(seeds, prefix)
    removed = {r.text: r.reason for r in doc.removed}
    for line in (raw.strip() for raw in text.splitlines()):
        if len(line.split()) >= 12 and ends_sentence(line) and line not in doc.body:
            assert removed.get(line) in PROSE_REASONS, line
    for s in doc.segments:
        assert doc.body[s.body_start:s.body_start + s.length] == doc.source_text[s.source_start:s.source_start + s.length]


@pytest.mark.datasets
def test_seed_irish_times_title_author_and_outlet(seeds: Path):
    _, doc = _seed(seeds, "000")
    assert doc.title.startswith("Putin claims Russians eager to fight in Ukraine")
    assert doc.standfirst.startswith("US has warned Pyongyang")
    assert doc.authors == ("Daniel McLaughlin",)
    assert doc.outlet == "The Irish Times"
    assert doc.published is None


@pytest.mark.datasets
def test_seed_telegraph_date_line_captions_and_outlet(seeds: Path):
    _, doc = _seed(seeds, "001")
    assert (doc.published, doc.published_source) == ("2024-10-24", "stated")
    assert doc.outlet == "The Telegraph"
    assert not doc.body.startswith("date ")
    assert " - Anadolu" not in doc.body and len(doc.captions) == 4


@pytest.mark.datasets
def test_seed_times_live_blog_entries_and_noise(seeds: Path):
    text, doc = _seed(seeds, "002")
    assert doc.title == "Kim Jong-un arrives in Russia for meeting with Putin"
    assert doc.outlet == "The Times"
    times = re.findall(r"^(\d{1,2})\.(\d{2})(am|pm)$", text, flags=re.M)
    expected = [f"{int(h) % 12 + (12 if ap == 'pm' else 0):02d}:{m}" for h, m, ap in times]
    assert [e.time for e in doc.entries] == expected and len(expected) == 16
    assert doc.entries[0].heading == "All Russians must mobilise, says head of Orthodox Church"
    assert all(e.date == "--09-12" for e in doc.entries)
    for noise in ("Advertisement", "Video Icon", "GETTY IMAGES", "follow live", "update your payment details",
                  "Kim plans talks with Putin over arms for Ukraine war"):
        assert noise not in doc.body


@pytest.mark.datasets
def test_seed_wordpress_copy_drops_the_cms_tail(seeds: Path):
    _, doc = _seed(seeds, "003")
    assert doc.title.startswith("Russia-Ukraine War: Kim and Putin")
    assert doc.body.rstrip().endswith("contributed reporting.")
    assert doc.outlet is None and doc.published is None


@pytest.mark.datasets
def test_seed_independent_byline_dateline_and_widgets(seeds: Path):
    _, doc = _seed(seeds, "004")
    assert doc.authors == ("Arpan Rai",)
    assert (doc.published, doc.published_source) == ("2022-08-08", "stated")
    assert doc.standfirst.startswith("Moscow should not be shy")
    for noise in ("Comments", "Related:", "commenting forum", "Thank you for registering", "logged in"):
        assert noise not in doc.body
