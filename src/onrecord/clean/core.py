"""``clean``: one raw input to one clean ``Document`` (or a ``Problem`` saying why not)."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import replace

from onrecord.clean import metadata
from onrecord.clean.html import PageText, extract_page
from onrecord.clean.language import detect
from onrecord.clean.offsets import BodyBuilder
from onrecord.clean.text import TextResult, clean_lines, clean_short_text
from onrecord.ingest.names import problem
from onrecord.models import Document, Entry, Problem, RawInput, Removed

log = logging.getLogger(__name__)

MIN_BODY_CHARS = 100  # a page's non-space characters of prose (word counts mislead for scripts without spaces)
SHORT_TEXT_LINES = 5  # a given text this short is read whole when no run of prose is found in it
MIN_LANGUAGE_CONFIDENCE = 0.9
ENTRY_MARKS = ("time", "date")


def clean(raw: RawInput, languages: tuple[str, ...] | None = ("en",)) -> Document | Problem:
    """Clean ``raw`` into a ``Document``; a ``Problem`` for empty or article-less input.

    A page (``kind == "html"``) needs ``MIN_BODY_CHARS`` of prose once its boilerplate is gone. A
    text given as such (``kind == "text"``: a .txt file, a JSONL ``text`` field, a plain feed item)
    is an article however short, as long as some of it is left: a wire alert, a statement or a
    headline of a few lines in which no run of prose is found is read whole (see
    :func:`~onrecord.clean.text.clean_short_text`).

    ``languages``: the languages the extractors read (ISO 639-1). An article confidently detected
    in another language is still cleaned and returned, marked ``not_analysed="language xx"``:
    it is stored, dated and searchable, and no extractor runs on it. None marks none (used by
    the benchmark, which mixes languages and measures extraction only).
    """
    if not raw.content or not raw.content.strip():
        return _problem(raw, "empty text")
    page: PageText | None = None
    if raw.kind == "html":
        try:
            page = extract_page(raw.content, (raw.meta or {}).get("url"))
        except Exception as exc:  # noqa: BLE001 - a failure is data: say which and go on
            return _problem(raw, f"no article: the extractor failed on the page ({type(exc).__name__}: {exc})")
        if page is None:
            return _problem(raw, "no article: the extractor found no main text in the page")
        source_text = page.text
    else:
        source_text = raw.content
    res = clean_lines(source_text, extracted=page is not None)
    builder, entries = _build_body(res, source_text)
    if page is None and not builder.length and len(res.lines) <= SHORT_TEXT_LINES:
        res = clean_short_text(source_text)
        builder, entries = _build_body(res, source_text)
    body = builder.body
    prose = len("".join(body.split()))
    if not prose or (page is not None and prose < MIN_BODY_CHARS):
        return _problem(raw, _no_article_reason(res, body))
    lang, prob = detect(body)
    document = _document(raw, source_text, res, page, builder, entries, lang)
    if languages is not None and lang not in languages and prob >= MIN_LANGUAGE_CONFIDENCE:
        log.info("clean: %s: language %s (confidence %.2f): not analysed", raw.source, lang, prob)
        return replace(document, not_analysed=f"language {lang}")
    return document


def _problem(raw: RawInput, reason: str) -> Problem:
    found = problem(raw.source, "clean", reason)
    log.info("clean: %s: %s", found.input, found.reason)
    return found


def _no_article_reason(res: TextResult, body: str) -> str:
    reasons = Counter(label.reason for label in res.labels if label.reason)
    top = ", ".join(f"{r} ({n})" for r, n in reasons.most_common(3)) or "none"
    return (f"no article: {len(''.join(body.split()))} characters of prose left after removing "
            f"{sum(reasons.values())} of {len(res.lines)} lines; most removed as: {top}")


def _build_body(res: TextResult, source: str) -> tuple[BodyBuilder, list[Entry]]:
    builder = BodyBuilder(source)
    entries: list[Entry] = []
    pending: dict[str, str] = {}
    for line, label in zip(res.lines, res.labels, strict=True):
        if label.reason in ENTRY_MARKS:
            if label.reason == "time" and "time" in pending:
                pending = {}
            pending[label.reason] = label.value or ""
            continue
        if label.reason:
            continue
        start, end = builder.add_paragraph([(line.start, line.end)])
        if pending:
            heading = None if line.sentence_like else line.text
            entries.append(Entry(pending.get("time"), pending.get("date"), heading, start, end))
            pending = {}
    return builder, _close_entries(entries, builder.length)


def _close_entries(entries: list[Entry], body_end: int) -> list[Entry]:
    closed = []
    for i, e in enumerate(entries):
        end = entries[i + 1].start - 2 if i + 1 < len(entries) else body_end
        closed.append(Entry(e.time, e.date, e.heading, e.start, end))
    return closed


def _document(raw: RawInput, source_text: str, res: TextResult, page: PageText | None,
              builder: BodyBuilder, entries: list[Entry], lang: str) -> Document:
    content_hash = hashlib.sha256(raw.content.encode("utf-8", "surrogatepass")).hexdigest()
    meta = raw.meta or {}
    title = _line_text(res, res.title)
    standfirst = _line_text(res, res.standfirst)
    published, how = _published(meta, res, page)
    url = meta.get("url") or (page.url if page else None)
    return Document(
        id=hashlib.sha1(f"{raw.source}\0{content_hash}".encode()).hexdigest()[:16],
        source=raw.source,
        input_id=raw.input_id,
        title=meta.get("title") or (page.title if page else None) or title,
        standfirst=standfirst or (page.description if page else None),
        outlet=_outlet(meta, res, page, url),
        authors=_authors(meta, res, page),
        published=published,
        published_source=how,
        language=lang,
        body=builder.body,
        source_text=source_text,
        captions=tuple(dict.fromkeys(res.captions)),
        removed=_removed(res),
        entries=tuple(_entry_years(entries, published)),
        segments=tuple(builder.segments),
        url=url,
        content_hash=content_hash,
    )


def _line_text(res: TextResult, index: int | None) -> str | None:
    return res.lines[index].text if index is not None else None


def _published(meta: dict, res: TextResult, page: PageText | None) -> tuple[str | None, str | None]:
    stated_meta = metadata.find_date(str(meta.get("published") or ""))
    if stated_meta:
        return stated_meta, "meta"
    if res.published:
        return res.published, "stated"
    if page and page.published:
        return page.published, "meta"
    return None, None


def _outlet(meta: dict, res: TextResult, page: PageText | None, url: str | None) -> str | None:
    if meta.get("outlet"):
        return str(meta["outlet"])
    if page and page.outlet:
        return page.outlet
    if res.outlets:
        return res.outlets[0]
    if len(set(res.told_outlets)) == 1:
        return res.told_outlets[0]
    return metadata.domain(url)


def _authors(meta: dict, res: TextResult, page: PageText | None) -> tuple[str, ...]:
    given = meta.get("authors")
    if given:
        return tuple([given] if isinstance(given, str) else given)
    found = list(res.authors) + list(page.authors if page else ())
    return tuple(dict.fromkeys(found))


def _removed(res: TextResult) -> tuple[Removed, ...]:
    out = [res.leading] if res.leading else []
    for line, label in zip(res.lines, res.labels, strict=True):
        if label.reason in ENTRY_MARKS:
            out.append(Removed(line.text, f"live-blog entry {label.reason}"))
        elif label.reason:
            out.append(Removed(line.text, label.reason))
    return tuple(out)


def _entry_years(entries: list[Entry], published: str | None) -> list[Entry]:
    """Complete "--MM-DD" entry dates with the publication year when it is known."""
    if not published:
        return entries
    year = published[:4]
    return [Entry(e.time, f"{year}{e.date[1:]}" if e.date and e.date.startswith("--") else e.date,
                  e.heading, e.start, e.end) for e in entries]
