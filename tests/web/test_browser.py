"""Drive the real pages in headless Chromium: load, timeline, filters, a correction round trip.

Screenshots of each page go to ``artifacts/screenshots/``. Skipped when Chromium or Playwright
is not installed.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures_dossier import E_PESKOV, PAYLOADS, STORY
from onrecord import corrections

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(dossier: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    uvicorn = pytest.importorskip("uvicorn")
    from onrecord.web.app import create_app

    fixes = tmp_path_factory.mktemp("fixes") / "corrections.json"
    port = _free_port()
    config = uvicorn.Config(create_app(dossier, corrections=fixes), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", fixes
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def page(server):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"needs Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.dialogs = dialogs
        yield pg
        browser.close()


def _visit(page, base: str, path: str, shot: str) -> None:
    response = page.goto(base + path)
    assert response is not None and response.status == 200
    page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)


@pytest.mark.parametrize(("path", "shot"), [
    ("/", "overview"), ("/actors", "actors"), (f"/actors/{E_PESKOV}", "actor"), ("/quotes", "quotes"),
    ("/claims", "claims"), ("/documents", "documents"), ("/documents/docA", "document"),
    ("/documents/docX", "document-payloads"), ("/documents/docL", "document-liveblog"), ("/docs", "api-docs"), ("/problems", "problems"),
])
def test_browser_pages_load_without_running_article_markup(page, server, path: str, shot: str) -> None:
    base, _ = server
    _visit(page, base, path, shot)
    assert page.dialogs == []  # no payload ever ran alert()
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("main h1").count() == 1


def test_browser_story_timeline_renders_entries_with_sources(page, server) -> None:
    base, _ = server
    _visit(page, base, f"/stories/{STORY}", "story")
    assert page.locator("svg.timeline a.entry circle").count() == 3
    assert "Syndicate Daily" in (page.locator("svg.timeline").text_content() or "")
    assert page.locator("#figures tr.conflict").count() == 2


def test_browser_quote_filters_narrow_the_list(page, server) -> None:
    base, _ = server
    page.goto(base + "/quotes")
    assert page.locator("#quote-list li.quote").count() == 5
    page.select_option("select[name=kind]", "indirect")
    page.click("#filters button")
    page.wait_for_url("**kind=indirect**")
    assert page.locator("#quote-list li.quote").count() == 1
    page.fill("input[name=speaker]", "Peskov")
    page.select_option("select[name=kind]", "")
    page.click("#filters button")
    page.wait_for_url("**speaker=Peskov**")
    assert page.locator("#quote-list li.quote").count() == 3
    page.screenshot(path=str(SHOTS / "quotes-filtered.png"), full_page=True)


def test_browser_highlight_toggle_hides_a_kind(page, server) -> None:
    base, _ = server
    page.goto(base + "/documents/docA")
    page.uncheck("#legend input[data-kind=quote]")
    assert "hide-quote" in (page.locator("body").get_attribute("class") or "")


def test_browser_correction_round_trips_to_the_file(page, server) -> None:
    base, fixes = server
    page.goto(base + "/quotes")
    page.click("#quote-list li.quote >> nth=0 >> a.fix")
    page.wait_for_url("**/corrections?op=wrong**")
    page.click("#correction-form button[type=submit]")
    assert "applied on the next build" in page.locator("#saved").inner_text()
    page.screenshot(path=str(SHOTS / "correction-saved.png"), full_page=True)
    assert len(corrections.load(fixes).wrong_items) == 1
    assert all(p not in page.content() for p in PAYLOADS)
