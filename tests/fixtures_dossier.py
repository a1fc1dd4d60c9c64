"""A small hand-made ledger for the web, report and export tests.

Five invented articles from four outlets on one story (troops sent abroad), with quotes tied to
speakers, two claims that conflict, events on dates, a live blog with entries, a duplicate, and
article text carrying markup payloads that every page must escape.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from onrecord.link.records import (
    Entity,
    EntityIndex,
    EntityRole,
    Link,
    LinkResult,
    Story,
    TimelineEntry,
)
from onrecord.models import (
    Actor,
    Analysis,
    Claim,
    Document,
    Entry,
    Event,
    Mention,
    Problem,
    Quote,
    Removed,
    Role,
    Segment,
    Span,
    TimeExpr,
)
from onrecord.store.ledger import Ledger

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SVG = "<svg onload=alert(2)>"
PAYLOADS = (SCRIPT, IMG, SVG)
FORMULA = '=HYPERLINK("http://evil.example","Click")'
BAD_URLS = ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", " \x01JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)", "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x", "https://")

STORY = "story-troops"
E_PESKOV = "ent-peskov"
E_ZELENSKY = "ent-zelensky"
E_PENTAGON = "ent-pentagon"
E_KOREA = "ent-nkorea"
E_EVIL = "ent-evil"


def _at(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def _mentions(body: str, key: str, *names: str) -> tuple[Mention, ...]:
    out = []
    for name in names:
        s, e = _at(body, name)
        out.append(Mention(s, e, name, key))
    return tuple(sorted(out, key=lambda m: m.start))


def _doc(doc_id: str, outlet: str, published: str, title: str, body: str, **kw) -> Document:
    prefix = kw.pop("prefix", "")
    source_text = prefix + body
    return Document(
        id=doc_id, source=f"corpus/{doc_id}.txt", input_id=f"{doc_id}.txt", title=title,
        standfirst=kw.pop("standfirst", None), outlet=outlet, authors=kw.pop("authors", ("Staff",)),
        published=published, language="en", body=body, source_text=source_text,
        segments=(Segment(0, len(prefix), len(body)),), content_hash=f"hash-{doc_id}",
        published_source="stated", url=f"https://example.org/{doc_id}", **kw,
    )


def _quote(body: str, text: str, speaker: str | None, name: str | None, mention: str | None,
           kind: str = "direct", cue: str = "said") -> Quote:
    s, e = _at(body, text)
    span = None
    if mention:
        ms, me = _at(body, mention)
        span = Span(ms, me, mention)
    return Quote(s, e, text, kind, cue, span, speaker, name)


def _claim(body: str, text: str, sentence: str, value: float, counted: str, claimant: str | None,
           name: str | None, status: str, low: float | None = None, high: float | None = None,
           change: str = "=") -> Claim:
    s, e = _at(body, text)
    ss, se = _at(body, sentence)
    return Claim(s, e, text, ss, se, value, low, high, change, None, counted, claimant, name, status)


def _time(body: str, text: str, value: str, gran: str = "day") -> TimeExpr:
    s, e = _at(body, text)
    return TimeExpr(s, e, text, value, gran, "absolute")


def _event(body: str, sentence: str, date: str, actors: tuple[str, ...]) -> Event:
    s, e = _at(body, sentence)
    return Event(s, e, sentence, date, actors)


def _alpha() -> Analysis:
    s1 = "Kremlin spokesman Dmitry Peskov said on Monday: \"We do not comment on this.\""
    s2 = "The Pentagon said about 10,000 North Korean soldiers had arrived in Russia by 28 October."
    s3 = "Pyongyang has not confirmed the deployment."
    body = "\n\n".join((s1, s2, s3))
    peskov = Actor("a1", "Dmitry Peskov", "PERSON", ("Peskov",), _mentions(body, "a1", "Dmitry Peskov"),
                   (Role("Kremlin spokesman", *_at(body, "Kremlin spokesman")),))
    pentagon = Actor("a2", "Pentagon", "ORG", (), _mentions(body, "a2", "Pentagon"))
    korea = Actor("a3", "North Korea", "GPE", ("Pyongyang",), _mentions(body, "a3", "Pyongyang"))
    doc = _doc("docA", "Northern Wire", "2024-11-04", "Kremlin stays silent on troops", body,
               prefix="HEADER LINE\n", removed=(Removed("Subscribe to our newsletter", "boilerplate"),),
               captions=("Soldiers at a railway station",))
    return Analysis(
        doc, (peskov, pentagon, korea),
        (_quote(body, "We do not comment on this.", "a1", "Dmitry Peskov", "Dmitry Peskov"),),
        (_claim(body, "about 10,000", s2, 10000, "North Korean soldiers", "a2", "Pentagon", "attributed",
                9000, 11000, "~"),),
        (_time(body, "28 October", "2024-10-28"), _time(body, "Monday", "2024-11-04")),
        (_event(body, s2, "2024-10-28", ("a2", "a3")),),
    )


def _beta() -> Analysis:
    s1 = "President Volodymyr Zelensky said 12,000 North Korean soldiers were in Kursk."
    s2 = "Peskov told reporters: \"We do not comment on this.\""
    s3 = "Fighting was reported on 1 November near the border."
    body = "\n\n".join((s1, s2, s3))
    zel = Actor("z", "Volodymyr Zelensky", "PERSON", ("Zelensky",),
                _mentions(body, "z", "Volodymyr Zelensky"), (Role("President", *_at(body, "President")),))
    peskov = Actor("p", "Dmitry Peskov", "PERSON", ("Peskov",), _mentions(body, "p", "Peskov"))
    doc = _doc("docB", "Eastern Post", "2024-11-05", "Kyiv puts number at 12,000", body)
    return Analysis(
        doc, (zel, peskov),
        (_quote(body, "We do not comment on this.", "p", "Dmitry Peskov", "Peskov", cue="told reporters"),),
        (_claim(body, "12,000", s1, 12000, "North Korean soldiers", "z", "Volodymyr Zelensky", "attributed"),),
        (_time(body, "1 November", "2024-11-01"),),
        (_event(body, s3, "2024-11-01", ()),),
    )


def _live() -> Analysis:
    e1 = "09:00 Morning update\nThe Pentagon repeated that about 10,000 soldiers are in Russia."
    e2 = "11:30 Kyiv reacts\nZelensky said the troops would face Ukrainian forces soon."
    body = e1 + "\n\n" + e2
    s2 = body.index(e2)
    pentagon = Actor("x", "Pentagon", "ORG", (), _mentions(body, "x", "Pentagon"))
    zel = Actor("y", "Volodymyr Zelensky", "PERSON", ("Zelensky",), _mentions(body, "y", "Zelensky"))
    entries = (Entry("09:00", "2024-11-06", "Morning update", 0, len(e1)),
               Entry("11:30", "2024-11-06", "Kyiv reacts", s2, s2 + len(e2)))
    doc = _doc("docL", "Live Desk", "2024-11-06", "Live: troops deployment latest", body, entries=entries)
    return Analysis(
        doc, (pentagon, zel),
        (_quote(body, "the troops would face Ukrainian forces soon", "y", "Volodymyr Zelensky", "Zelensky",
                kind="indirect"),),
        (_claim(body, "about 10,000", "The Pentagon repeated that about 10,000 soldiers are in Russia.",
                10000, "North Korean soldiers", "x", "Pentagon", "attributed", 9000, 11000, "~"),),
        (),
        (),
    )


def _dup() -> Analysis:
    a = _alpha()
    d = a.document
    doc = _doc("docD", "Syndicate Daily", "2024-11-04", d.title, d.body)
    return Analysis(doc, a.actors, a.quotes, a.claims, a.times, a.events)


def _payload() -> Analysis:
    s1 = f"An official named Mallory {SCRIPT} said \"{IMG} is what we saw\" on 2 November."
    s3 = f"The caption read {SVG} and 5,000 people {SCRIPT} left the city."
    body = s1 + "\n\n" + s3
    evil = Actor("m", f"Mallory {SCRIPT}", "PERSON", (IMG,), _mentions(body, "m", "Mallory"),
                 (Role(IMG, *_at(body, IMG)),))
    doc = _doc("docX", f"Outlet {IMG}", "2024-11-02", f"Title {SCRIPT} {IMG}", body,
               standfirst=SVG, authors=(SCRIPT,), removed=(Removed(SCRIPT, IMG),), captions=(SVG,))
    return Analysis(
        doc, (evil,),
        (_quote(body, f"{IMG} is what we saw", "m", f"Mallory {SCRIPT}", "Mallory"),),
        (_claim(body, "5,000", s3, 5000, f"people {SCRIPT}", "m", f"Mallory {SCRIPT}", "unverified"),),
        (_time(body, "2 November", "2024-11-02"),),
        (_event(body, s1, "2024-11-02", ("m",)),),
    )


def analyses() -> list[Analysis]:
    return [_alpha(), _beta(), _live(), _dup(), _payload()]


def _role(text: str, doc_id: str) -> EntityRole:
    body = next(a.document.body for a in analyses() if a.document.id == doc_id)
    return EntityRole(text, doc_id, *_at(body, text))


def _entity(entity_id: str, name: str, type_: str, aliases: tuple[str, ...], mentions: int,
            roles: tuple[EntityRole, ...] = ()) -> Entity:
    members = tuple(sorted(member for member, e in ENTITY_OF.items() if e == entity_id))
    return Entity(entity_id, name, type_, aliases, roles, None, members, mention_count=mentions)


def _entities() -> EntityIndex:
    entities = (
        _entity(E_PESKOV, "Dmitry Peskov", "PERSON", ("Peskov",), 3, (_role("Kremlin spokesman", "docA"),)),
        _entity(E_ZELENSKY, "Volodymyr Zelensky", "PERSON", ("Zelensky",), 2, (_role("President", "docB"),)),
        _entity(E_PENTAGON, "Pentagon", "ORG", (), 3),
        _entity(E_KOREA, "North Korea", "GPE", ("Pyongyang",), 2),
        _entity(E_EVIL, f"Mallory {SCRIPT}", "PERSON", (IMG,), 1, (_role(IMG, "docX"),)),
    )
    return EntityIndex(entities, ENTITY_OF)


ENTITY_OF = {
    ("docA", "a1"): E_PESKOV, ("docA", "a2"): E_PENTAGON, ("docA", "a3"): E_KOREA,
    ("docD", "a1"): E_PESKOV, ("docD", "a2"): E_PENTAGON, ("docD", "a3"): E_KOREA,
    ("docB", "z"): E_ZELENSKY, ("docB", "p"): E_PESKOV,
    ("docL", "x"): E_PENTAGON, ("docL", "y"): E_ZELENSKY,
    ("docX", "m"): E_EVIL,
}

LINKS = (
    Link("same_quote", ("docA/q0", "docB/q0", "docD/q0"), "same words", "docA/q0"),
    Link("conflicts", ("docA/c0", "docB/c0"), "10,000 vs 12,000 North Korean soldiers", "docA/c0"),
    Link("corroborates", ("docA/c0", "docL/c0"), "about 10,000", "docA/c0"),
    Link("duplicate", ("docA", "docD"), "same text", "docA"),
    Link("same_event", ("docA/e0", "docD/e0"), None, "docA/e0"),
)

TIMELINE = (
    TimelineEntry("2024-10-28", "day", 2.0,
                  "The Pentagon said about 10,000 North Korean soldiers had arrived in Russia.",
                  ("docA/e0", "docD/e0"), ("docA", "docD"), story_id=STORY),
    TimelineEntry("2024-11-01", "day", 1.0, "Fighting near the border.", ("docB/e0",), ("docB",), story_id=STORY),
    TimelineEntry("2024-11-02", "day", 1.0, f"Payload {SCRIPT} {IMG}", ("docX/e0",), ("docX",), story_id=STORY),
)


def build(path: Path, changes: Mapping[str, Mapping[str, Any]] | None = None) -> Path:
    """Write the fixture ledger at ``path`` and return it; ``changes`` replaces fields of some
    documents (``{"docA": {"url": "javascript:alert(1)"}}``)."""
    changes = changes or {}
    with Ledger(path) as ledger:
        for a in analyses():
            if a.document.id in changes:
                a = replace(a, document=replace(a.document, **changes[a.document.id]))
            ledger.add(a)
        story = Story(STORY, "North Korean troops in Russia", ("docA", "docB", "docL", "docD", "docX"))
        ledger.replace_links(LinkResult((story,), LINKS, TIMELINE), _entities(), wrong_items=())
        ledger.record_problem(Problem(f"broken-{SCRIPT}.html", "clean", f"no text found {IMG}"))
    return path
