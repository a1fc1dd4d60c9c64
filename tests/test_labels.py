"""Readable names: titles cut between words, untitled articles named by outlet, date, first words."""

from __future__ import annotations

from onrecord.labels import doc_label, opening, shorten


def test_shorten_cuts_between_words_and_marks_the_cut() -> None:
    title = "Vladimir Putin has admitted for the first time that he is in talks on soldiers"
    cut = shorten(title, 60)
    assert len(cut) <= 60 and cut.endswith("…")
    assert title.startswith(cut[:-1]) and title[len(cut) - 1] == " "  # the cut falls on a space
    assert shorten("short", 60) == "short" and shorten("a  b\n c", 60) == "a b c"
    assert shorten("Supercalifragilistic", 8) == "Superca…"  # one long word: nothing else fits


def test_untitled_article_is_named_by_outlet_date_and_first_words() -> None:
    body = "Vladimir Putin has admitted for the first time that he is in talks with Kim Jong-un."
    assert doc_label(None, "The Telegraph", "2024-10-24T08:00:00", body) == (
        "The Telegraph, 2024-10-24: Vladimir Putin has admitted for the first time…")
    assert doc_label("  A  title ", "X", "2024-01-01", body) == "A title"
    assert doc_label("", None, None, "", "doc1") == "doc1"
    assert opening("one two, three") == "one two, three" and opening("a b c d e f g h i,") == "a b c d e f g h…"
