"""Events: sentences whose verb is anchored to a resolved time."""

from __future__ import annotations

import re

from onrecord.dates import event_kind, period
from onrecord.extract.events import event_date, extract_events
from onrecord.extract.times import extract_times, infer_published
from onrecord.models import Actor, Entry, Mention, Quote


def _events(nlp, text: str, published: str, actors=(), entries=()):
    doc = nlp(text)
    times = extract_times(text, published, entries, doc=doc)
    return extract_events(doc, times, actors)


def test_events_plain_doc_keeps_prepositional_time_and_drops_mere_mention(blank_nlp):
    text = "Putin met Kim on Wednesday. The 2019 summit was recalled."
    events = _events(blank_nlp, text, "2023-09-13")
    assert [(e.text, e.date) for e in events] == [("Putin met Kim on Wednesday.", "2023-09-13")]


def test_events_carry_keys_of_actors_mentioned_in_the_sentence(blank_nlp):
    text = "Kim arrived yesterday. Putin waited."
    kim = Actor("kim", "Kim", "PERSON", ("Kim",), (Mention(0, 3, "Kim", "kim"),))
    putin = Actor("putin", "Putin", "PERSON", ("Putin",), (Mention(23, 28, "Putin", "putin"),))
    events = _events(blank_nlp, text, "2023-09-13", actors=(putin, kim))
    assert [(e.date, e.actors) for e in events] == [("2023-09-12", ("kim",))]


def test_events_ignore_reference_values_like_now(blank_nlp):
    assert _events(blank_nlp, "Talks are now under way.", "2023-09-13") == ()


def test_events_date_drops_part_of_day_code():
    assert event_date("2023-09-12TMO") == "2023-09-12"
    assert event_date("2023-W37") == "2023-W37"
    assert event_date("1989-Q3") is None and event_date("PAST_REF") is None


def test_events_parsed_doc_keeps_fronted_time_and_drops_nominal_year(nlp):
    text = "Last month, the US approved sending jets. He praised the 2019 summit in Hanoi."
    events = _events(nlp, text, "2023-09-12")
    assert [(e.text, e.date) for e in events] == [("Last month, the US approved sending jets.", "2023-08")]


def _seed(seeds, name: str) -> str:
    return next(seeds.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def _live_entries(text: str) -> tuple[Entry, ...]:
    heads = list(re.finditer(r"^(\d{1,2}\.\d{2}[ap]m)\n(September \d{1,2})$", text, re.M))
    ends = [h.start() for h in heads[1:]] + [len(text)]
    return tuple(Entry(h[1], h[2], None, h.end(), end) for h, end in zip(heads, ends, strict=True))


def test_events_on_seed_articles_have_the_dates_their_texts_imply(nlp, seeds):
    s003 = {e.date for e in _events(nlp, _seed(seeds, "003"), "2023-09-13")}
    assert "2023-09-13" in s003  # "welcomed ... on Wednesday"
    s000 = {e.date for e in _events(nlp, _seed(seeds, "000"), "2023-09-12")}
    assert "2023-06" in s000  # "a counteroffensive launched in June"
    assert "2023-08" not in s000  # "US officials estimated last month that ...": a statement
    text = _seed(seeds, "001")
    s001 = {e.date for e in _events(nlp, text, infer_published(text)[0])}
    assert {"2024-10-24", "2024"} <= s001  # "passed ... on Thursday", "agreed ... earlier this year"
    text = _seed(seeds, "004")
    s004 = {e.date for e in _events(nlp, text, infer_published(text)[0])}
    assert "2022-07" not in s004  # "It is obviously not over," Mr Moore said last month: a statement


def test_live_blog_seed_times_inside_entries_resolve_against_entry_date(seeds):
    text = _seed(seeds, "002")
    entries = _live_entries(text)
    assert len(entries) >= 10
    inside = [
        t for t in extract_times(text, "2023-09-13", entries)
        if any(e.start <= t.start < e.end for e in entries) and t.text.lower() in ("today", "this morning")
    ]
    assert inside and all(t.anchor == "entry" and t.value.startswith("2023-09-12") for t in inside)


def _kinds(nlp, text: str, published: str, quotes=()):
    doc = nlp(text)
    events = extract_events(doc, extract_times(text, published, doc=doc), (), published, quotes)
    return [(e.date, e.kind) for e in events]


def test_events_one_sentence_is_one_event_at_its_best_date(blank_nlp):
    text = "Tanks rolled into Ukraine last year, the biggest conflict in Europe since 1945."
    assert _kinds(blank_nlp, text, "2023-09-12") == [("2022", "happened")]
    text = "Brics was set up in 2009 by five states and was expanded in January by the Kremlin."
    assert _kinds(blank_nlp, text, "2024-10-24") == [("2024-01", "happened")]


def test_events_a_period_long_before_publication_is_background(blank_nlp):
    text = "More than 2,500 protesters were killed in Hungary in 1956 when troops were sent in."
    assert _kinds(blank_nlp, text, "2023-09-12") == [("1956", "background")]
    assert event_kind("2022-09", period("2023-09-12")[0]) == "happened"  # within the year
    assert event_kind("2022-02", period("2023-09-12")[0]) == "background"


def test_events_forecasts_are_expected_not_happened(blank_nlp, nlp):
    assert _kinds(blank_nlp, "Putin is expected to meet Xi in China in October.", "2023-09-12") == [
        ("2023-10", "expected")]
    # the same day, a future verb: with a parse the tense decides
    assert _kinds(nlp, "Kim will meet Putin at the spaceport today.", "2023-09-13") == [
        ("2023-09-13", "expected")]
    assert _kinds(nlp, "Kim met Putin at the spaceport today.", "2023-09-13") == [("2023-09-13", "happened")]


def test_events_statements_are_not_events(blank_nlp, nlp):
    quote = "\u201cToday the West is trying to restrain China,\u201d Putin said at the forum."
    assert _kinds(blank_nlp, quote, "2023-09-12") == []
    said = "The spokesman said on Tuesday that the two leaders would discuss trade."
    assert _kinds(blank_nlp, said, "2023-09-12") == [] and _kinds(nlp, said, "2023-09-12") == []
    assert _kinds(nlp, "He made the comments at an economic forum in Vladivostok this morning.",
                  "2023-09-12") == []
    opens = "\u201cRussia is an enemy,\u201d Putin said, predicting no change whoever wins next year."
    assert _kinds(blank_nlp, opens, "2023-09-12") == []
    # a happening inside reported speech is still dated: the verb it dates is not one of saying
    claimed = "Putin claimed that Ukraine had lost soldiers in a counteroffensive launched in June."
    assert _kinds(nlp, claimed, "2023-09-12") == [("2023-06", "happened")]


def test_events_inside_a_direct_quote_record_are_statements(blank_nlp):
    text = "He went on. Russia will win this year. Nobody disagreed."
    quote = Quote(12, 38, "Russia will win this year.", "direct", None, None, None, None)
    assert _kinds(blank_nlp, text, "2023-09-12", quotes=(quote,)) == []
    assert _kinds(blank_nlp, text, "2023-09-12") == [("2023", "happened")]


def test_events_chronology_entries_are_events_whatever_the_verb(blank_nlp, nlp):
    text = ("The case so far.\n8 December 2010 The medical board lets him keep his licence.\n"
            "11 January 2011 He is ordered to stand trial.\n4 October 2011: A cardiologist says she tried to help.")
    expected = [("8 December 2010 The medical board lets him keep his licence.", "2010-12-08"),
                ("11 January 2011 He is ordered to stand trial.", "2011-01-11"),
                ("4 October 2011: A cardiologist says she tried to help.", "2011-10-04")]
    for pipeline in (blank_nlp, nlp):
        events = _events(pipeline, text, "2011-11-30")
        assert [(e.text, e.date) for e in events] == expected
    # a heading date that the parse leaves as a sentence of its own still heads the next one
    run_on = "Stuff happened. 11 January 2011 Dr Murray is ordered to stand trial for manslaughter."
    assert [e.date for e in _events(nlp, run_on, "2011-11-30")] == ["2011-01-11"]


def test_events_page_stamps_and_mid_sentence_dates_head_no_entry(nlp):
    stamp = "22 June 2010 Last updated at 05:09 GMT\nCritics of the company said little."
    assert [e.date for e in _events(nlp, stamp, "2010-06-22") if e.date == "2010-06-22"] == []
    lowercase = "8 December 2010 was the day the board met."
    assert [e.date for e in _events(nlp, lowercase, "2011-11-30")] == []
    # a statement dated mid-sentence stays a statement
    said = "The doctor said on 4 October 2011 that she tried to help."
    assert _events(nlp, said, "2011-11-30") == ()
