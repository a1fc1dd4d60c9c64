"""FollowTheMoney entities (newline-delimited FtM JSON) written by the published schema.

Actors become ``Person`` / ``Organization`` / ``LegalEntity``; articles become ``Article``; each
actor's presence in an article, each quote and each claim becomes a ``Documentation`` linking the
actor to the article (``role`` says which, ``summary`` carries the words, ``description`` the
offsets); each relation becomes an ``Event`` and each cross-article edge of relations an
``UnknownLink`` between its two actors (:mod:`onrecord.export.relations`). Every property value
is a list of strings, as FtM requires. An article's URL becomes
``sourceUrl`` (a link in FtM tools) only when it is http(s); any other URL is kept as text in
``notes``.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator

from onrecord.export.records import iter_claims, iter_documents, iter_entities, iter_quotes
from onrecord.export.relations import ftm_events, ftm_links
from onrecord.safe import link_url

SCHEMA_OF = {"PERSON": "Person", "ORG": "Organization"}
NS = "onrecord"


def ftm_id(*parts: str) -> str:
    """A stable FtM id (``onrecord-`` plus a SHA-1 of the parts)."""
    return f"{NS}-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def _props(**values: object) -> dict[str, list[str]]:
    out = {}
    for key, value in values.items():
        items = value if isinstance(value, list | tuple) else [value]
        items = [str(v) for v in items if v not in (None, "")]
        if items:
            out[key] = items
    return out


def _entity(eid: str, schema: str, **props: object) -> dict:
    return {"id": eid, "schema": schema, "properties": _props(**props)}


def _article(d: dict) -> dict:
    url = link_url(d["url"])
    kept = f"source URL (not an http or https link): {d['url']}" if d["url"] and url is None else None
    return _entity(ftm_id("doc", d["id"]), "Article", title=d["title"] or d["id"], author=d["authors"],
                   publishedAt=d["published"], bodyText=d["body"], sourceUrl=url, publisher=d["outlet"],
                   summary=d["standfirst"], fileName=d["input_id"], language=_lang(d["language"]), notes=kept)


def _lang(code: str | None) -> str | None:
    # FtM languages are ISO 639-2/B three-letter codes; map the common two-letter ones.
    table = {"en": "eng", "ru": "rus", "uk": "ukr", "ko": "kor", "fr": "fre", "de": "ger", "es": "spa"}
    return table.get(code or "", None)


def _actor(e: dict) -> dict:
    schema = SCHEMA_OF.get(e["type"], "LegalEntity")
    return _entity(ftm_id("entity", e["id"]), schema, name=e["name"], alias=e["aliases"],
                   notes=f"onrecord {e['type']} {e['id']}")


def _doc_of(e: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in e["mentions"]:
        counts[m["doc"]] = counts.get(m["doc"], 0) + 1
    return counts


def _documentation(entity: str, doc: str, role: str, summary: str | None, where: str, date: str | None,
                   key: str) -> dict:
    return _entity(ftm_id("documentation", key), "Documentation", entity=ftm_id("entity", entity),
                   document=ftm_id("doc", doc), role=role, summary=summary, description=where, date=date)


def iter_ftm(conn: sqlite3.Connection) -> Iterator[dict]:
    published = {}
    for d in iter_documents(conn):
        published[d["id"]] = d["published"]
        yield _article(d)
    for e in iter_entities(conn):
        yield _actor(e)
        for doc, n in _doc_of(e).items():
            yield _documentation(e["id"], doc, "mentioned", f"{n} mention(s)", doc, published.get(doc),
                                 f"m|{e['id']}|{doc}")
    for q in iter_quotes(conn):
        if q["speaker"]:
            yield _documentation(q["speaker"], q["doc"], f"quoted ({q['kind']})", q["text"],
                                 f"{q['id']} @ {q['start']}-{q['end']}", published.get(q["doc"]), q["id"])
    for c in iter_claims(conn):
        if c["claimant"]:
            yield _documentation(c["claimant"], c["doc"], f"claimant ({c['status']})", c["sentence"],
                                 f"{c['id']} @ {c['start']}-{c['end']}", published.get(c["doc"]), c["id"])
    yield from ftm_events(conn, _entity, ftm_id)
    yield from ftm_links(conn, _entity, ftm_id)
