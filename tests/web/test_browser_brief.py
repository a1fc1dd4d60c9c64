"""The brief in headless Chromium: the story page's lead and ranked quotes, the claims explorer
(disagreements first, a synonym search with its matches marked) and a source link that lands on
the cited sentence, scrolled into view and marked.

Screenshots go to ``artifacts/screenshots/`` (as for ``test_browser.py``). Skipped when Chromium or
Playwright is not installed.
"""

from __future__ import annotations

import pytest

from fixtures_dossier import PAYLOADS, STORY
from web.test_browser import SHOTS, page, server  # noqa: F401  (the fixtures: one server, one browser)

pytestmark = pytest.mark.browser


def test_browser_story_opens_with_a_cited_lead_and_ranked_quotes(page, server) -> None:  # noqa: F811
    base, _ = server
    assert page.goto(f"{base}/stories/{STORY}").status == 200
    page.screenshot(path=str(SHOTS / "story-brief.png"), full_page=True)
    lead = page.locator("#lead li")
    assert lead.count() >= 2
    for i in range(lead.count()):
        assert lead.nth(i).locator("a.cite").count() >= 1  # every sentence cited
    assert "disagree" in (page.locator("#lead").inner_text())
    quotes = page.locator("#quotes li.quote")
    assert quotes.count() >= 2
    kinds = [quotes.nth(i).locator("blockquote").get_attribute("class") for i in range(quotes.count())]
    first_indirect = kinds.index("indirect") if "indirect" in kinds else len(kinds)
    assert all(k in ("direct", "mixed") for k in kinds[:first_indirect])
    assert all(k == "indirect" for k in kinds[first_indirect:])  # direct and mixed quotes first
    outlets = {quotes.nth(i).locator(".meta").inner_text().split(" · ")[1] for i in range(2)}
    assert len(outlets) == 2  # the top is dealt across outlets
    assert "also in" in page.locator("#quotes").inner_text()  # an echoed statement is shown once
    assert page.dialogs == []


def test_browser_claims_explorer_puts_disagreements_first_and_marks_synonym_matches(page, server) -> None:  # noqa: F811
    base, _ = server
    assert page.goto(f"{base}/claims").status == 200
    page.screenshot(path=str(SHOTS / "claims-explorer.png"), full_page=True)
    first = page.locator("#figures h2").first.inner_text()
    assert first == "Where sources disagree"
    assert "says" in page.locator(".disagreement .headline").first.inner_text()
    page.fill("#filters input[name=q]", "troops")
    page.click("#filters button")
    page.wait_for_url("**q=troops**")
    page.screenshot(path=str(SHOTS / "claims-search.png"), full_page=True)
    hits = page.locator("#matches mark.hit").all_inner_texts()
    assert hits and {h.lower() for h in hits} <= {"troops", "soldiers", "servicemen", "personnel", "troop", "soldier"}
    assert "soldiers" in {h.lower() for h in hits}  # "troops" finds the sentences that say soldiers
    assert all(p not in page.content() for p in PAYLOADS)


def test_browser_source_link_lands_on_the_marked_sentence(page, server) -> None:  # noqa: F811
    base, _ = server
    page.goto(f"{base}/stories/{STORY}")
    link = page.locator(".disagreement blockquote.sentence a.ref").first
    sentence = link.locator("xpath=ancestor::blockquote").inner_text().split("”")[0].strip("“ ")
    link.click()
    page.wait_for_url("**/documents/**?at=*#at")
    page.wait_for_function("document.querySelector(':target') !== null")
    assert page.evaluate("document.querySelector(':target').id") == "at"
    marked = "".join(page.locator("#body mark.target").all_text_contents())
    assert marked.strip() == sentence  # the whole sentence is marked, not a clipped piece of it
    box = page.locator("#at").bounding_box()
    assert box is not None and 0 <= box["y"] <= 900 - box["height"]  # scrolled into view
    page.screenshot(path=str(SHOTS / "source-link.png"))  # the viewport: what the reader lands on
    assert page.dialogs == []
