"""A long article's windows analysed apart and merged: offsets shifted into the body, actors with
one key joined, the headline only in the first window."""

from __future__ import annotations

from onrecord.extract.windows import merge, shift, window_document
from onrecord.models import (
    Actor,
    Analysis,
    Claim,
    Document,
    Entry,
    Event,
    Mention,
    Quote,
    Role,
    Span,
    TimeExpr,
)

BODY = "Headline here\n\nMaria Okafor said \"no deal\" on Monday.\n\nMaria Okafor said 12 percent on Friday.\n"
SECOND = BODY.index("Maria Okafor said 12")


def _document(**changes) -> Document:
    fields = dict(id="d1", source="long.txt", input_id="long.txt", title="Headline here", standfirst=None,
                  outlet=None, authors=(), published="2024-05-03", language="en", body=BODY, source_text=BODY)
    fields.update(changes)
    return Document(**fields)


def _window_analysis(text: str, document: Document) -> Analysis:
    """What the extractors would find in one window holding one 'Maria Okafor said ...' sentence."""
    at = text.index("Maria Okafor")
    mention = Mention(at, at + 12, "Maria Okafor", "person:maria-okafor")
    actor = Actor("person:maria-okafor", "Maria Okafor", "PERSON", ("Maria Okafor",), (mention,),
                  (Role("spokesperson", at, at + 5),))
    said = text.index("said")
    quote = Quote(said + 5, said + 14, "\"no deal\"", "direct", "said", Span(at, at + 12, "Maria Okafor"),
                  actor.key, actor.name)
    claim = Claim(said + 5, said + 15, "12 percent", at, len(text), 12.0, None, None, "none", "percent", None,
                  actor.key, actor.name, "claimed")
    day = text.index("day") - 3
    time = TimeExpr(day, day + 6, text[day:day + 6], "2024-05-03", "day", "published")
    event = Event(at, len(text), text[at:], "2024-05-03", (actor.key,))
    return Analysis(document, (actor,), (quote,), (claim,), (time,), (event,))


def test_window_document_keeps_the_headline_only_in_the_first_window():
    entries = (Entry("10:00", None, None, 0, 20), Entry("11:00", None, None, SECOND, len(BODY)))
    document = _document(entries=entries)
    first = window_document(document, 0, SECOND)
    later = window_document(document, SECOND, len(BODY))
    assert first.title == "Headline here" and first.body == BODY[:SECOND]
    assert later.title is None and later.body == BODY[SECOND:]
    assert [(e.start, e.end) for e in later.entries] == [(0, len(BODY) - SECOND)]
    assert [e.time for e in first.entries] == ["10:00"]


def test_shift_moves_every_offset_into_the_body():
    window = BODY[SECOND:]
    shifted = shift(_window_analysis(window, _document()), SECOND)
    (actor,), (quote,), (claim,) = shifted.actors, shifted.quotes, shifted.claims
    assert BODY[actor.mentions[0].start:actor.mentions[0].end] == "Maria Okafor"
    assert (actor.roles[0].start, actor.roles[0].end) == (SECOND, SECOND + 5)
    assert quote.start == window.index("said") + 5 + SECOND
    assert BODY[quote.speaker_mention.start:quote.speaker_mention.end] == "Maria Okafor"
    assert (claim.sentence_start, claim.sentence_end) == (SECOND, len(BODY))
    assert BODY[shifted.times[0].start:shifted.times[0].end] == shifted.times[0].text == "Friday"
    assert shifted.events[0].start == SECOND
    assert shift(shifted, 0) is shifted


def test_merge_joins_actors_by_key_and_keeps_every_item_in_order():
    document = _document()
    first = _window_analysis(BODY[:SECOND], document)
    second = shift(_window_analysis(BODY[SECOND:], document), SECOND)
    merged = merge(document, [first, second])
    (actor,) = merged.actors
    assert [m.start for m in actor.mentions] == [BODY.index("Maria"), SECOND]
    assert actor.aliases == ("Maria Okafor",) and len(actor.roles) == 2
    assert len(merged.quotes) == len(merged.claims) == len(merged.times) == len(merged.events) == 2
    assert [t.text for t in merged.times] == ["Monday", "Friday"]
    assert merged.document is document
