"""HTML pages: main text and metadata with trafilatura; schema.org live-blog updates as entries."""

from __future__ import annotations

import calendar
import json
import logging
import re
from dataclasses import dataclass

import trafilatura

log = logging.getLogger(__name__)

LD_JSON = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
ISO_STAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


@dataclass(frozen=True, slots=True)
class PageText:
    """What was read from a page: its article text (one paragraph a line) and its metadata."""

    text: str
    title: str | None
    description: str | None
    authors: tuple[str, ...]
    outlet: str | None
    published: str | None
    url: str | None
    live: bool = False


def extract_page(html: str, url: str | None = None) -> PageText | None:
    """Main text and metadata of ``html``; None when trafilatura finds no main text."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False)
    live_text = live_blog_text(html)
    text = live_text or (doc.text if doc is not None else None)
    if not text or not text.strip():
        return None
    meta = doc.as_dict() if doc is not None else {}
    return PageText(
        text=text,
        title=_clean(meta.get("title")),
        description=_clean(meta.get("description")),
        authors=_authors(meta.get("author")),
        outlet=_clean(meta.get("sitename")),
        published=_date(meta.get("date")),
        url=meta.get("url") or url,
        live=bool(live_text),
    )


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _authors(value: object) -> tuple[str, ...]:
    if not isinstance(value, str) or not value.strip():
        return ()
    return tuple(a.strip() for a in re.split(r";|,|\band\b", value) if a.strip())


def _date(value: object) -> str | None:
    if isinstance(value, str) and (m := ISO_STAMP.match(value)):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


def live_blog_text(html: str) -> str | None:
    """The updates of a schema.org ``LiveBlogPosting`` as text, newest first as the page orders them.

    Each update becomes a time line, a date line, its headline and its body paragraphs, the form
    the plain-text cleaner reads as a live-blog entry.
    """
    updates = [u for obj in _ld_objects(html) for u in _updates(obj)]
    blocks = [b for u in updates if (b := _update_block(u))]
    return "\n\n".join(blocks) if blocks else None


def _ld_objects(html: str) -> list[dict]:
    found: list[dict] = []
    for raw in LD_JSON.findall(html):
        try:
            data = json.loads(raw.strip())
        except ValueError:
            log.debug("unreadable JSON-LD block skipped")
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph")
    return found


def _updates(obj: dict) -> list[dict]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "LiveBlogPosting" not in kinds:
        return []
    updates = obj.get("liveBlogUpdate") or []
    return [u for u in (updates if isinstance(updates, list) else [updates]) if isinstance(u, dict)]


def _update_block(update: dict) -> str | None:
    body = update.get("articleBody")
    if not isinstance(body, str) or not body.strip():
        return None
    lines: list[str] = []
    stamp = update.get("datePublished")
    if isinstance(stamp, str) and (m := ISO_STAMP.match(stamp)):
        if m.group(4):
            lines.append(f"{m.group(4)}:{m.group(5)}")
        lines.append(f"{int(m.group(3))} {calendar.month_name[int(m.group(2))]} {m.group(1)}")
    head = update.get("headline")
    parts = ["\n".join(lines)] if lines else []
    if isinstance(head, str) and head.strip():
        parts.append(head.strip())
    parts.extend(p.strip() for p in body.split("\n") if p.strip())
    return "\n\n".join(parts)
