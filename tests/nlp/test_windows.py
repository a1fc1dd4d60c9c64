"""Windows of whole paragraphs over a long body: they tile it, respect the cap, and cut where a
paragraph, else a sentence, else a word ends."""

from __future__ import annotations

import pytest

from onrecord.nlp.windows import windows


def _check_tiling(text: str, spans: list[tuple[int, int]], cap: int) -> None:
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end == start
    assert all(0 < e - s <= cap for s, e in spans)


def test_windows_a_short_text_is_one_window():
    assert windows("One paragraph.", cap=100) == [(0, 14)]
    assert windows("", cap=10) == [(0, 0)]


def test_windows_end_after_paragraph_breaks_and_tile_the_text():
    paragraphs = [f"Paragraph {i} says something about the harbour." for i in range(40)]
    text = "\n\n".join(paragraphs)
    spans = windows(text, cap=300)
    _check_tiling(text, spans, 300)
    assert len(spans) > 1
    for start, end in spans[:-1]:
        assert text[end - 2:end] == "\n\n"  # a window ends with the blank line of its last paragraph
        assert text[start:end].strip().startswith("Paragraph")


def test_windows_a_paragraph_over_the_cap_is_cut_after_a_sentence():
    text = " ".join(f"Sentence {i} of one long paragraph." for i in range(50))
    spans = windows(text, cap=200)
    _check_tiling(text, spans, 200)
    for _, end in spans[:-1]:
        assert text[end - 2:end] == ". "


def test_windows_without_sentences_are_cut_after_a_word_or_at_the_cap():
    words = "word " * 100
    spans = windows(words, cap=42)
    _check_tiling(words, spans, 42)
    assert all(words[e - 1] == " " for _, e in spans[:-1])
    solid = "x" * 100
    assert windows(solid, cap=40) == [(0, 40), (40, 80), (80, 100)]


def test_windows_need_a_positive_cap():
    with pytest.raises(ValueError, match="at least 1"):
        windows("text", cap=0)
