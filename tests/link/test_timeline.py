from dataclasses import replace

from link.link_factory import analysis, event
from onrecord.link import link
from onrecord.link.common import Entities
from onrecord.link.dedup import find_duplicates
from onrecord.link.records import TimelineEntry
from onrecord.link.same import same_events
from onrecord.link.timeline import build_timeline, granularity, rank_dates

ARRIVAL_A = "Kim Jong-un arrived at the Russian border station of Khasan on his armoured train."
ARRIVAL_B = "The armoured train of Kim Jong-un pulled into Khasan, where officials greeted him."
TALKS = "Putin and Kim Jong-un held talks at the Vostochny cosmodrome."


def _outlet(doc_id, sentences, published, dates):
    body = " ".join(sentences) + " The visit was closely watched in Washington."
    names = ("Kim Jong-un", "Khasan", "Putin")
    events = tuple(event(body, s, d, tuple(n for n in names if n in s)) for s, d in zip(sentences, dates, strict=True))
    return analysis(doc_id, body, published, names=names, events=events)


def test_timeline_khasan_arrival_from_two_outlets_appears_once_with_both_sources():
    a = _outlet("guardian", [ARRIVAL_A, TALKS], "2023-09-12", ["2023-09-12", "2023-09-13"])
    b = _outlet("bbc", [ARRIVAL_B], "2023-09-12", ["2023-09-12"])
    timeline = link([a, b]).timeline
    arrivals = [e for e in timeline if e.date == "2023-09-12"]
    assert len(arrivals) == 1
    assert set(arrivals[0].sources) == {"guardian", "bbc"}
    assert set(arrivals[0].events) == {"guardian/e0", "bbc/e0"}
    assert arrivals[0].summary in (ARRIVAL_A, ARRIVAL_B)
    assert timeline[0] == arrivals[0]  # two sources outrank one


def test_timeline_forecast_counts_less_than_a_report():
    a = _outlet("a", [TALKS], "2023-09-11", ["2023-09-13"])
    b = _outlet("b", [ARRIVAL_A], "2023-09-13", ["2023-09-12"])
    timeline = link([a, b]).timeline
    assert timeline[0].date == "2023-09-12"


def test_timeline_granularity_follows_the_iso_value():
    values = ("2023", "2023-09", "2023-W37", "2023-09-12", "2023-09-12T10:00", "1989-Q3", "2023-SU", "199")
    assert [granularity(v) for v in values] == [
        "year", "month", "week", "day", "minute", "quarter", "season", "decade"]


def test_timeline_time_of_day_is_filed_under_its_day_and_ref_values_are_left_out():
    sentence = "Kim Jong-un arrived in Khasan by armoured train."
    body = sentence + " Nothing else happened."
    a = analysis("a", body, names=("Kim Jong-un",), events=(
        event(body, sentence, "2023-09-12T06:00", ("Kim Jong-un",)),
        event(body, "Nothing else happened.", "PRESENT_REF", ()),
    ))
    timeline = link([a]).timeline
    assert [(e.date, e.granularity) for e in timeline] == [("2023-09-12", "day")]


def test_timeline_rank_dates_prefers_dates_referred_to_later():
    entries = [
        TimelineEntry("2010-04-20", "day", 1, "x", ("a/e0",), ("a", "b", "c")),
        TimelineEntry("2010-05-01", "day", 1, "y", ("d/e0",), ("d", "e")),
    ]
    published = {"a": "2010-04-21", "b": "2010-05-02", "c": "2010-04-01", "d": "2010-05-01", "e": "2010-05-03"}
    assert rank_dates(entries, published) == [("2010-04-20", 2.0), ("2010-05-01", 1.5)]


def test_timeline_same_day_events_sharing_a_person_and_a_place_merge_within_one_document():
    crossed = "Kim Jong-un's armoured train crossed into Russia early today."
    greeted = "Officials in Russia greeted Kim Jong-un on Tuesday with a band."
    speech = "Putin spoke at a forum in Vladivostok this morning."
    body = " ".join([crossed, greeted, speech])
    a = analysis("live", body, "2023-09-12", names=("Kim Jong-un", "Russia", "Putin", "Vladivostok"), events=(
        event(body, crossed, "2023-09-12", ("Kim Jong-un", "Russia")),
        event(body, greeted, "2023-09-12", ("Russia", "Kim Jong-un")),
        event(body, speech, "2023-09-12", ("Putin", "Vladivostok")),
    ))
    a = replace(a, actors=tuple(replace(x, type="GPE") if x.name in ("Russia", "Vladivostok") else x
                                for x in a.actors))
    groups = sorted(len(e.events) for e in link([a]).timeline)
    assert groups == [1, 2]


CROSSED = "Kim Jong-un's armoured train arrived at the border station of Khasan on Tuesday."
PULLED = "On Tuesday the armoured train of Kim Jong-un arrived at Khasan, a border station."


def test_timeline_undated_report_in_the_same_story_joins_the_sources_but_not_the_date_ranking():
    a = _outlet("guardian", [CROSSED], "2023-09-12", ["2023-09-12"])
    b = _outlet("bbc", [PULLED], "2023-09-12", ["2023-09-12"])
    body = ("Kim Jong-un was welcomed by a band at the border station after his armoured train arrived in Khasan. "
            "Kim Jong-un is expected to meet Putin.")
    c = analysis("irish", body, "2023-09-12", names=("Kim Jong-un", "Khasan", "Putin"),
                 title="Kim Jong-un arrives in Khasan by armoured train")
    timeline = link([a, b, c]).timeline
    arrivals = [e for e in timeline if e.date == "2023-09-12"]
    assert len(arrivals) == 1
    assert set(arrivals[0].sources) == {"guardian", "bbc", "irish"} and arrivals[0].mentions == ("irish",)
    published = {"guardian": "2023-09-13", "bbc": "2023-09-13", "irish": "2023-09-13"}
    assert rank_dates(arrivals, published) == [("2023-09-12", 2.0)]


def test_timeline_undated_sentence_is_attached_only_within_the_same_story():
    a = _outlet("guardian", [CROSSED], "2023-09-12", ["2023-09-12"])
    b = _outlet("bbc", [PULLED], "2023-09-12", ["2023-09-12"])
    body = "Kim Jong-un's armoured train arrived at the border station of Khasan to a band."
    c = analysis("other", body, "2023-09-12", names=("Kim Jong-un", "Khasan"))
    analyses = [a, b, c]
    entities, sources = Entities(analyses, None), find_duplicates(analyses, {})[1]
    groups = same_events(analyses, entities, sources, {})[0]

    def arrival_sources(story_of):
        entries = build_timeline(analyses, entities, sources, groups, story_of)
        return [set(e.sources) for e in entries if e.date == "2023-09-12"]

    assert arrival_sources({"guardian": "s1", "bbc": "s1", "other": "s1"}) == [{"guardian", "bbc", "other"}]
    assert arrival_sources({"guardian": "s1", "bbc": "s1", "other": "s2"}) == [{"guardian", "bbc"}]


def test_timeline_background_year_ranks_below_the_news():
    old = "The two countries signed a treaty in 1961."
    body = ARRIVAL_A + " " + old
    a = analysis("a", body, "2023-09-12", names=("Kim Jong-un", "Khasan"), events=(
        event(body, ARRIVAL_A, "2023-09-12", ("Kim Jong-un",)),
        event(body, old, "1961", ()),
    ))
    timeline = link([a]).timeline
    assert [e.date for e in timeline] == ["2023-09-12", "1961"]
    assert timeline[1].salience < 0.5


def test_timeline_copyright_line_gives_no_entry():
    line = "© 2023 The Daily Example. All rights reserved."
    body = ARRIVAL_A + " " + line
    a = analysis("a", body, "2023-09-12", names=("Kim Jong-un",), events=(
        event(body, ARRIVAL_A, "2023-09-12", ("Kim Jong-un",)),
        event(body, line, "2023", ()),
    ))
    assert [e.date for e in link([a]).timeline] == ["2023-09-12"]


def test_timeline_summary_prefers_a_report_to_a_forecast():
    forecast = "Kim Jong-un and Putin will hold talks at the Vostochny cosmodrome on Wednesday."
    report = "Putin welcomed Kim Jong-un to the Vostochny cosmodrome for talks on Wednesday."
    a = _outlet("early", [forecast], "2023-09-12", ["2023-09-13"])
    b = _outlet("late", [report], "2023-09-13", ["2023-09-13"])
    (entry,) = [e for e in link([a, b]).timeline if e.date == "2023-09-13"]
    assert entry.summary == report and set(entry.sources) == {"early", "late"}
