from link.link_factory import analysis, event
from onrecord.link import link
from onrecord.link.records import TimelineEntry
from onrecord.link.timeline import granularity, rank_dates

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
