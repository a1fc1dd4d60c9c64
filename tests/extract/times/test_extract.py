"""Time expressions and their values, on short hand-written texts."""

from __future__ import annotations

import pytest

from onrecord.extract.times import extract_times, granularity, infer_published
from onrecord.models import Entry


def values(text: str, published: str | None = "2023-09-13", **kw) -> dict[str, str | None]:
    return {t.text: t.value for t in extract_times(text, published, **kw)}


def test_times_past_weekday_resolves_to_most_recent_on_or_before_publication():
    # 2023-09-13 is a Wednesday.
    assert values("Putin welcomed Kim on Wednesday.") == {"Wednesday": "2023-09-13"}
    assert values("The train crossed the border on Monday.") == {"Monday": "2023-09-11"}


def test_times_future_weekday_resolves_to_the_next_one():
    assert values("The two leaders will meet again on Friday.") == {"Friday": "2023-09-15"}


def test_times_last_and_next_month_shift_from_publication_month():
    got = extract_times("Last month the deal was agreed; it takes effect next month.", "2023-09-12")
    assert [(t.text, t.value, t.granularity, t.anchor) for t in got] == [
        ("Last month", "2023-08", "month", "published"),
        ("next month", "2023-10", "month", "published"),
    ]


def test_times_bare_month_follows_tense_of_its_clause():
    assert values("In July, the defence minister visited Pyongyang.") == {"July": "2023-07"}
    assert values("Elections will be held in February.") == {"February": "2024-02"}


def test_times_relative_years_and_months_ago():
    got = values("Earlier this year he agreed; next year he runs; 18 months ago troops crossed.", "2024-10-24")
    assert got == {"Earlier this year": "2024", "next year": "2025", "18 months ago": "2023-04"}


def test_times_explicit_dates_with_and_without_year():
    got = extract_times("It began on 8 August 2022, resumed 2022-09-01 and ended September 12.", "2023-09-13")
    assert [(t.value, t.anchor) for t in got] == [
        ("2022-08-08", "absolute"),
        ("2022-09-01", "absolute"),
        ("2023-09-12", "published"),
    ]


def test_times_tokenised_text_with_a_space_before_the_comma_keeps_the_year():
    # scraped or tokenised text ("April 27 , 2003"): one date, not a month-day of the publication year
    assert values("On April 27 , 2003 , a barge hit an obstacle.", "2010-06-01") == {"April 27 , 2003": "2003-04-27"}
    assert values("On Tuesday , 27 April , 2010 the rig sank.", "2010-06-01") == {"Tuesday , 27 April , 2010": "2010-04-27"}
    assert values("Prices rose in April , with 2003 a record year.", "2010-06-01")["April"] == "2010-04"


def test_times_durations_are_not_dates():
    assert values("After 18 months of war and a three-day event, he served for two years.") == {}


def test_times_without_publication_date_resolves_only_absolute_expressions():
    got = extract_times("Yesterday he spoke; on 8 August 2022 he had not.", None)
    assert [(t.text, t.value, t.anchor) for t in got] == [
        ("Yesterday", None, None),
        ("8 August 2022", "2022-08-08", "absolute"),
    ]


def test_times_expression_inside_live_blog_entry_uses_entry_date():
    text = "Intro written today.\nKim arrived today, officials said."
    entry = Entry(time="2.45pm", date="September 12", heading=None, start=21, end=len(text))
    got = extract_times(text, "2023-09-13", entries=(entry,))
    assert [(t.value, t.anchor) for t in got] == [("2023-09-13", "published"), ("2023-09-12", "entry")]


def test_times_timeml_values_for_quarters_weeks_decades_and_refs():
    got = values("Profit fell in the third quarter, last week and in the 1990s, and is now flat.", "1989-11-02")
    assert got == {
        "the third quarter": "1989-Q3",
        "last week": "1989-W43",
        "the 1990s": "199",
        "now": "PRESENT_REF",
    }


def test_times_year_ago_after_a_quarter_means_that_quarter_a_year_before():
    got = values("Third-quarter profit rose to $5 million from $4 million a year ago.", "1989-11-02")
    assert got == {"Third-quarter": "1989-Q3", "a year ago": "1988-Q3"}


def test_times_person_named_may_is_not_a_month():
    assert values("Theresa May said the talks were useful.") == {}


def test_times_clock_time_takes_the_day_it_names():
    assert values("The vote closed at 5 p.m. Tuesday.") == {"5 p.m. Tuesday": "2023-09-12T17:00"}


def test_times_stated_weekday_picks_the_year_of_a_month_day():
    # 25 April is a Saturday in 2026, not in 2025 or 2027.
    assert values("The editorial ran on Saturday, April 25.", "2026-09-01") == {
        "Saturday, April 25": "2026-04-25"
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023", "year"), ("2023-08", "month"), ("2023-W37", "week"), ("2023-09-13", "day"),
     ("2023-09-13T10:05", "minute"), ("PRESENT_REF", None), (None, None)],
)  # fmt: skip


def test_times_granularity_follows_value_shape(value, expected):
    assert granularity(value) == expected


def test_infer_published_reads_a_keyword_date_line():
    assert infer_published(" date 2024-10-24 Putin told reporters that ...") == ("2024-10-24", "date line")


def test_infer_published_reads_a_standalone_dateline_with_weekday_and_clock():
    text = "Headline here\n\nBy A Reporter\nMonday 08 August 2022 09:00 EDT\nComments\nBody text."
    assert infer_published(text) == ("2022-08-08", "date line")


def test_infer_published_ignores_dates_inside_sentences():
    assert infer_published("The war began on 24 February 2022 when troops crossed.") == (None, "none")


def test_times_with_parsed_doc_take_tense_from_the_governing_verb(nlp):
    text = "Shoigu travelled to Pyongyang to meet the dictator in July."
    got = extract_times(text, "2023-09-12", doc=nlp(text))
    assert [t.value for t in got] == ["2023-07"]


def test_times_on_seed_articles_resolve_against_their_dates(seeds):
    def find(name: str, published: str | None) -> dict[str, str | None]:
        text = next(seeds.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
        pub = published or infer_published(text)[0]
        return {t.text.lower(): t.value for t in extract_times(text, pub)}

    assert find("003", "2023-09-13")["wednesday"] == "2023-09-13"
    assert find("000", "2023-09-12")["last month"] == "2023-08"
    s001 = find("001", None)
    assert (s001["thursday"], s001["earlier this year"], s001["next month"]) == ("2024-10-24", "2024", "2024-11")
    assert find("004", None)["last month"] == "2022-07"


def test_times_last_fiscal_year_is_the_year_before():
    assert values("Arrests fell to 400,000 in the last fiscal year.", "2019-02-15") == {"last fiscal year": "2018"}
