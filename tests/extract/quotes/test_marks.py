"""Quotation marks per paragraph (no model)."""

from __future__ import annotations

from onrecord.extract.quotes.marks import find_quoted, paragraphs


def _quoted(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_quoted(text)]


def test_quote_marks_paragraphs_split_on_blank_lines() -> None:
    text = "One.\n\n  Two.\n \nThree."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]


def test_quote_marks_open_quote_continues_into_next_paragraph() -> None:
    text = "“We will hold the line.\n\n“And we will rebuild the bridge,” she said."
    assert _quoted(text) == ["“We will hold the line.\n\n“And we will rebuild the bridge,”"]


def test_quote_marks_unbalanced_mark_runs_to_paragraph_end_only() -> None:
    text = "The minister said “we are ready\n\nLater, the talks resumed."
    assert _quoted(text) == ["“we are ready"]


def test_quote_marks_apostrophes_and_possessives_are_not_quotes() -> None:
    text = "The players' union backed Moscow's plan, and it's 'final' now."
    assert _quoted(text) == ["'final'"]


def test_quote_marks_guillemets_and_single_curly_marks_are_found() -> None:
    text = "He called it «a new era» and ‘a turning point for us’."
    assert _quoted(text) == ["«a new era»", "‘a turning point for us’"]


def test_quote_marks_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''It is a stone of memory,'' the curator said, and ''I had to step back.''"
    assert _quoted(text) == ["''It is a stone of memory,''", "''I had to step back.''"]


def test_quote_marks_closing_curly_mark_opening_a_paragraph_opens_a_quote() -> None:
    text = "”The harbour must reopen now.” ― Lena Berg"
    assert _quoted(text) == ["”The harbour must reopen now.”"]


def test_quote_marks_straight_opener_closed_by_a_curly_mark() -> None:
    text = 'The "tax-exempt” status and her “private letters” were both questioned.'
    assert _quoted(text) == ['"tax-exempt”', "“private letters”"]


def test_quote_marks_opening_curly_mark_in_closing_position_closes() -> None:
    text = "The fact-checkers rated it “Half True.“ Then the debate moved on."
    assert _quoted(text) == ["“Half True.“"]


def test_quote_marks_elided_years_are_not_quotes() -> None:
    text = "In the '90s, she said, the class of '08 called it 'a lost decade' for the town."
    assert _quoted(text) == ["'a lost decade'"]
