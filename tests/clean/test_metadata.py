"""Metadata cues and live-blog headers read from single lines."""

from __future__ import annotations

from onrecord.clean import liveblog, metadata, noise
from onrecord.clean.lines import split_lines


def test_metadata_dateline_reads_weekday_time_and_zone():
    assert metadata.dateline("Monday 08 August 2022 09:00 EDT") == "2022-08-08"
    assert metadata.dateline("Updated: March 3, 2021 at 4:15 p.m.") == "2021-03-03"


def test_metadata_dateline_ignores_sentences_that_contain_a_date():
    assert metadata.dateline("The treaty signed on 3 March 2021 ended the dispute.") is None


def test_metadata_byline_splits_several_authors():
    assert metadata.byline_authors("By Ann Lee and Bo Chan", names_only=False) == ("Ann Lee", "Bo Chan")


def test_metadata_outlet_line_is_not_a_person_name():
    assert not metadata.looks_like_name("The Times")
    assert metadata.outlet_line("The Times") == "The Times"


def test_metadata_told_outlet_skips_sentences_citing_another_report():
    assert metadata.told_outlet("An aide told The Courier that talks had stalled.") == "The Courier"
    assert metadata.told_outlet("An aide told The Courier, according to a report in The Post.") is None


def test_metadata_domain_drops_www():
    assert metadata.domain("https://www.example.co.uk/news/1") == "example.co.uk"


def test_liveblog_time_lines_normalise_to_24_hours():
    assert liveblog.entry_time("3.30pm") == "15:30"
    assert liveblog.entry_time("12.10am") == "00:10"
    assert liveblog.entry_time("3.30pm ministers met") is None


def test_liveblog_date_lines_without_year_are_month_day():
    assert liveblog.entry_date("September 12") == "--09-12"
    assert liveblog.entry_date("12 September 2023") == "2023-09-12"


def test_noise_credit_lines_need_an_agency_form():
    assert noise.is_credit("MIKHAIL METZEL/REUTERS")
    assert noise.is_credit("GETTY IMAGES")
    assert not noise.is_credit("FRANCE WINS")


def test_noise_suffix_credit_splits_caption_and_credit():
    assert noise.split_suffix_credit("Ministers arrive for the summit - Jon Doe/via REUTERS") == (
        "Ministers arrive for the summit", "Jon Doe/via REUTERS")
    assert noise.split_suffix_credit("The vote was 52 - 48 in favour of the motion.") is None


def test_noise_paywall_needs_a_short_line_or_second_person():
    long_sentence = ("The company said its subscription revenue rose by a fifth last year as more readers "
                     "paid for digital access to its archive.")
    assert noise.noise_reason(split_lines(long_sentence)[0]) is None
    assert noise.noise_reason(split_lines("Act now to keep your subscription")[0]) == "paywall/subscription banner"


def test_metadata_find_date_reads_timestamps_and_feed_dates():
    assert metadata.find_date("2023-06-03T10:00:00Z") == "2023-06-03"
    assert metadata.find_date("Sat, 03 Jun 2023 10:00:00 GMT") == "2023-06-03"
    assert metadata.find_date("version 12023-06-031") is None


def test_noise_account_words_alone_do_not_remove_an_article_sentence():
    sentence = "You must register to vote by Friday, the election office told residents in a letter this week."
    assert noise.noise_reason(split_lines(sentence)[0]) is None
    assert noise.noise_reason(split_lines("Thank you for registering")[0]) == "paywall/subscription banner"
