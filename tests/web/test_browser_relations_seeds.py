"""The relations of the five seed articles in headless Chromium (built with the spaCy model): the
2023 story's graph and main relations, and the North Korea ↔ Russia page in date order with the
arms-supplies edge flagged as contradicted. Screenshots: ``artifacts/screenshots/seeds-*.png``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import onrecord
from web.test_browser import SHOTS, page, server  # noqa: F401  (the fixtures: one server, one browser)

pytestmark = [pytest.mark.browser, pytest.mark.model]

META = Path(__file__).resolve().parents[2] / "examples" / "seeds-meta.jsonl"


@pytest.fixture(scope="module")
def dossier(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ledger the imported ``server`` fixture serves: the seeds, built."""
    db = tmp_path_factory.mktemp("seeds-browser") / "seeds.db"
    onrecord.build([seeds], db=db, meta=META)
    return db


def test_browser_seeds_graph_and_the_korea_russia_page(page, server) -> None:  # noqa: F811
    base, _ = server
    assert page.goto(base + "/").status == 200
    page.locator("a", has_text="Kim Jong-un arrives in Russia").first.click()
    page.wait_for_url("**/stories/**")
    page.locator("#relations").scroll_into_view_if_needed()
    page.locator("#relations").screenshot(path=str(SHOTS / "seeds-relations-graph.png"))
    top = page.locator("ol.main-relations li").all_inner_texts()
    assert re.match(r"Kim Jong-un — CONSULT/meet(, visit)? — (Vladimir Putin|Russia) 2023-09-12.*3 outlets", top[0])
    assert any(t.startswith("North Korea — AID/military — Russia") and "contradicted" in t for t in top)
    assert page.locator("svg.relations-graph a.node").count() <= 10
    page.locator("ol.main-relations a", has_text="North Korea — AID/military — Russia").click()
    page.wait_for_url("**/relations/*/with/*?type=AID")
    page.locator("#types a", has_text="all").click()
    page.wait_for_url("**/with/*")
    page.screenshot(path=str(SHOTS / "seeds-korea-russia.png"), full_page=True)
    edges = page.locator("#edges li.edge-item")
    firsts = [edges.nth(i).get_attribute("data-first") or "~" for i in range(edges.count())]
    assert len(firsts) >= 4 and firsts == sorted(firsts)
    assert page.locator("#edges li.edge-item.contradicted").count() >= 1
    assert page.dialogs == []
