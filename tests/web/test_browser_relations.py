"""Relations in headless Chromium, over the hand-made dossier with relations (fixtures_relations):
the story graph renders, a click on a line leads to the actor-pair page at that type, the pair page
lists its edges in date order with each sentence linked to the article at that sentence, and the
actor page links its pairs.

Screenshots go to ``artifacts/screenshots/`` (as for ``test_browser.py``). Skipped when Chromium or
Playwright is not installed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import fixtures_relations as fx
from fixtures_dossier import E_KOREA, PAYLOADS, STORY
from web.test_browser import SHOTS, page, server  # noqa: F401  (the fixtures: one server, one browser)

pytestmark = pytest.mark.browser

PAIR = f"/relations/{E_KOREA}/with/{fx.E_RUSSIA}"
AT = re.compile(r"/documents/(\w+)\?at=(\d+)-(\d+)#at$")


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ledger the imported ``server`` fixture serves: the dossier with relations."""
    return fx.build(tmp_path_factory.mktemp("relations-browser") / "ledger.db")


def _click_line(page, selector: str) -> None:  # noqa: F811
    """A real mouse click on the middle of an SVG line (its box's centre may lie off the curve)."""
    point = page.evaluate("""(sel) => {
        const path = document.querySelector(sel);
        path.scrollIntoView({block: "center"});
        const mid = path.getPointAtLength(path.getTotalLength() / 2);
        const m = path.getScreenCTM();
        return {x: mid.x * m.a + mid.y * m.c + m.e, y: mid.x * m.b + mid.y * m.d + m.f};
    }""", selector)
    page.mouse.click(point["x"], point["y"])


def test_browser_story_graph_renders_and_a_line_opens_the_pair_page(page, server) -> None:  # noqa: F811
    base, _ = server
    assert page.goto(f"{base}/stories/{STORY}").status == 200
    graph = page.locator("svg.relations-graph")
    graph.scroll_into_view_if_needed()
    page.locator("#relations").screenshot(path=str(SHOTS / "relations-graph.png"))
    names = graph.locator("a.node text").all_text_contents()
    assert set(names) == {"North Korea", "Russia", "Pentagon", "Mallory…"}  # a long name cut between words
    assert f"Mallory {fx.SCRIPT}" in graph.locator("a.node title").all_text_contents()  # whole, as text
    assert graph.locator("a.node circle").count() == len(names) == 4  # the actors with an edge (not Peskov, a claimant)
    assert graph.locator("a.edge path").count() == 4  # AID (its two edges as one line), CONSULT ×2, THREATEN
    radius = {n: float(graph.locator("a.node circle").nth(i).get_attribute("r") or 0) for i, n in enumerate(names)}
    assert max(radius, key=radius.__getitem__) == "Pentagon"  # the most salient of them is drawn largest
    assert graph.locator("a.edge.contradicted g.flag").count() == 1
    main = page.locator("ol.main-relations li")
    assert main.first.inner_text().startswith("North Korea — AID/military — Russia")
    assert "contradicted" in main.first.inner_text()
    _click_line(page, "svg.relations-graph a.edge[data-type=AID] path")
    page.wait_for_url(f"**{PAIR}?type=AID")
    edges = page.locator("#edges li.edge-item")
    assert edges.count() == 2 and all(t == "AID" for t in (edges.nth(i).get_attribute("data-type") for i in range(2)))
    assert page.dialogs == [] and page.locator("img[src=x]").count() == 0


def test_browser_pair_page_lists_edges_by_date_each_linking_to_its_sentence(page, server) -> None:  # noqa: F811
    base, _ = server
    assert page.goto(base + PAIR).status == 200
    page.screenshot(path=str(SHOTS / "relations-pair.png"), full_page=True)
    edges = page.locator("#edges li.edge-item")
    firsts = [edges.nth(i).get_attribute("data-first") for i in range(edges.count())]
    assert firsts == ["2024-10-28", "2024-11-01", "2024-12"]  # AID (contradicted), CONSULT, the planned AID
    flagged = page.locator("#edges li.edge-item.contradicted")
    assert flagged.count() == 1 and "contradicted: claimed and denied" in flagged.inner_text()
    assert "denied (Dmitry Peskov)" in flagged.inner_text() and "alleged (Pentagon)" in flagged.inner_text()
    links = page.locator("#edges li.source a.cite")
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert len(hrefs) == 5 and all(AT.search(h) for h in hrefs)  # three sentences on the first edge, one each after
    denial = flagged.locator("li.status-denied a.cite")
    denial.click()
    page.wait_for_url("**/documents/docR?at=0-66#at")
    page.wait_for_function("document.querySelector(':target') !== null")
    marked = "".join(page.locator("#body mark.target").all_text_contents())
    assert marked.strip() == fx.DENIAL  # the pair page's source opens the article at its sentence
    assert page.dialogs == []


def test_browser_pair_page_filters_by_type(page, server) -> None:  # noqa: F811
    base, _ = server
    page.goto(base + PAIR)
    page.locator("#types a[data-type=CONSULT]").click()
    page.wait_for_url("**?type=CONSULT")
    edges = page.locator("#edges li.edge-item")
    assert edges.count() == 1 and edges.first.get_attribute("data-type") == "CONSULT"
    page.locator("#types a", has_text="all").click()
    page.wait_for_url(f"**{PAIR}")
    assert page.locator("#edges li.edge-item").count() == 3


def test_browser_actor_page_links_its_pairs(page, server) -> None:  # noqa: F811
    base, _ = server
    page.goto(f"{base}/actors/{E_KOREA}")
    partners = page.locator("#relation-partners")
    assert "Russia" in partners.inner_text() and "(5)" in partners.inner_text()
    partners.locator("a", has_text="Russia").click()
    page.wait_for_url(f"**{PAIR}")
    assert page.locator("h1").inner_text() == "North Korea ↔ Russia"
    page.goto(f"{base}/relations?story={STORY}")
    page.screenshot(path=str(SHOTS / "relations-explorer.png"), full_page=True)
    assert page.locator("#relations tbody tr").count() == 8
    assert all(p not in page.content() for p in PAYLOADS) and page.dialogs == []
