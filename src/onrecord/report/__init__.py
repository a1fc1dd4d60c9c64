"""The briefing report: one self-contained HTML file (inline CSS and SVG) or a Markdown file.

For each story: a summary, the timeline, who said what, the figures and where sources disagree,
and the sources list. Every statement names its article and offsets (``DOC @ start–end``); in HTML
it also links to that article's entry in the sources section.
"""

from __future__ import annotations

import logging
from pathlib import Path

from onrecord.errors import OnrecordError
from onrecord.report.build import briefing
from onrecord.report.render import to_html, to_markdown
from onrecord.safe import link_url
from onrecord.store.ledger import Ledger

log = logging.getLogger(__name__)

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def write_report(db: Path, out: Path, max_stories: int = 10, web: str | None = None) -> None:
    """Write the briefing for the ledger at ``db``; the format follows ``out``'s suffix. With
    ``web`` (the address ``onrecord serve`` answers at, such as ``http://127.0.0.1:8000``) every
    citation opens the article there at the cited sentence; without it the report links only
    inside itself."""
    out = Path(out)
    fmt = SUFFIXES.get(out.suffix.lower())
    if fmt is None:
        raise OnrecordError(f"{out}: the report file must end in .html or .md")
    if web and link_url(web) is None:
        raise OnrecordError(f"{web}: the dossier's address must be an http or https URL")
    with Ledger(db, readonly=True) as ledger:
        data = {**briefing(ledger.conn, max_stories), "web": web.rstrip("/") if web else None}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_html(data) if fmt == "html" else to_markdown(data), encoding="utf-8")
    log.info("wrote the %s briefing to %s", fmt, out)
