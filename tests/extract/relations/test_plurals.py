"""The plural party of a symmetric cue (extract/relations/plurals.py) on hand-parsed Docs: a side
that says "two" or "both" looks back five sentences for the pair, other plurals two."""

from __future__ import annotations

import spacy

from marked_docs import parsed_relations

NLP = spacy.blank("en")


def _rows(fillers: int, last: list[tuple[str, str, str, int, str]]) -> str:
    """"Trump called Putin ." then ``fillers`` times "Rain fell ." then the ``last`` sentence
    (word, pos, dep, head offset within it, lemma)."""
    rows = ["Trump PROPN nsubj 1", "called VERB ROOT 1 call", "Putin PROPN dobj 1", ". PUNCT punct 1"]
    for _ in range(fillers):
        at = len(rows)
        rows += [f"Rain NOUN nsubj {at + 1} rain", f"fell VERB ROOT {at + 1} fall", f". PUNCT punct {at + 1}"]
    at = len(rows)
    rows += [f"{w} {p} {d} {at + h} {lemma}" for w, p, d, h, lemma in last]
    return "\n".join(rows)


_TWO_LEADERS = [("The", "DET", "det", 2, "the"), ("two", "NUM", "nummod", 2, "two"),
                ("leaders", "NOUN", "nsubj", 3, "leader"), ("met", "VERB", "ROOT", 3, "meet"),
                (".", "PUNCT", "punct", 3, ".")]
_THEY_MET = [("They", "PRON", "nsubj", 1, "they"), ("met", "VERB", "ROOT", 1, "meet"), (".", "PUNCT", "punct", 1, ".")]
_ENTS = ((0, 1, "PERSON"), (2, 3, "PERSON"))


def _meetings(rows: str) -> list[set]:
    return [{s, g} for t, mode, s, g, _ in parsed_relations(NLP.vocab, rows, _ENTS) if mode == "meet"]


def test_the_two_leaders_are_the_pair_named_four_sentences_before():
    assert _meetings(_rows(3, _TWO_LEADERS)) == [{"Trump", "Putin"}]


def test_a_pair_named_more_than_five_sentences_before_is_too_far():
    assert _meetings(_rows(5, _TWO_LEADERS)) == []


def test_they_look_back_two_sentences_only():
    assert _meetings(_rows(1, _THEY_MET)) == [{"Trump", "Putin"}]
    assert _meetings(_rows(3, _THEY_MET)) == []
