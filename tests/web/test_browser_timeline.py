"""The seeds' story page in headless Chromium: its timeline (forecasts drawn hollow and tagged
expected, dated relations among the events, background collapsed apart) and the arc of related
stories with one timeline. Screenshots go to ``artifacts/screenshots/``. Skipped when Chromium,
Playwright, the model or the seeds are missing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import onrecord
from web.test_browser import SHOTS, page, server  # noqa: F401  (the fixtures: one server, one browser)

pytestmark = [pytest.mark.browser, pytest.mark.model]
META = Path(__file__).resolve().parents[2] / "examples" / "seeds-meta.jsonl"


@pytest.fixture(scope="module")
def dossier(seeds, tmp_path_factory) -> Path:
    """The seeds built through the product path (the ``server`` fixture serves this ledger)."""
    db = tmp_path_factory.mktemp("seeds-browser") / "seeds.db"
    onrecord.build([seeds], db=db, meta=META)
    return db


def _trip(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return next(sid for sid, title in con.execute("select id, title from stories") if "arrives" in title)


def test_browser_story_timeline_marks_forecasts_relations_and_background(page, server, dossier) -> None:  # noqa: F811
    base, _ = server
    assert page.goto(f"{base}/stories/{_trip(dossier)}").status == 200
    page.locator("#timeline").screenshot(path=str(SHOTS / "story-timeline.png"))
    assert page.locator("svg.timeline a.entry.expected circle").count() >= 1  # drawn hollow
    expected = page.locator("#timeline li.kind-expected").all_inner_texts()
    assert any("Putin is expected to meet Xi" in t and "expected" in t for t in expected)
    relations = page.locator("#timeline li.relation").all_inner_texts()
    assert any("Sergei Shoigu — CONSULT/visit — North Korea, Jul 2023" in t for t in relations)
    background = page.locator("#timeline details.background")
    assert background.count() == 1 and background.get_attribute("open") is None  # collapsed
    assert "1956" not in (page.locator("svg.timeline").first.text_content() or "")  # off the chart
    background.locator("summary").click()
    assert "In 2001 he took a three-week train trip" in background.inner_text()
    background.screenshot(path=str(SHOTS / "story-background.png"))
    items = page.locator("#timeline ol.timeline-list > li").all_inner_texts()
    assert not [t for t in items if t.split(" ", 1)[0] == "1945" or "\u201cToday the West" in t]
    page.locator("#timeline li.relation a[title]").first.click()
    page.wait_for_url("**/documents/**?at=*#at")  # cited to its sentence, marked
    assert page.locator("#body mark.target").count() >= 1
    assert page.dialogs == []


def test_browser_story_arc_links_earlier_and_later_stories_on_one_timeline(page, server, dossier) -> None:  # noqa: F811
    base, _ = server
    page.goto(f"{base}/stories/{_trip(dossier)}")
    arc = page.locator("#arc")
    arc.screenshot(path=str(SHOTS / "story-arc.png"))
    stories = arc.locator("ul.arc-stories li").all_inner_texts()
    assert [s.split(" ", 1)[0] for s in stories] == ["earlier", "later"]
    years = {t[:4] for t in arc.locator("ol.arc-list li strong").all_inner_texts()}
    assert {"2022", "2023", "2024"} <= years  # one timeline spanning the arc
    page.screenshot(path=str(SHOTS / "story-seeds.png"), full_page=True)
    arc.locator("ul.arc-stories li a").first.click()
    page.wait_for_url("**/stories/**")
    assert json.dumps(page.locator("#arc ul.arc-stories").inner_text()).count("later") == 2
