"""Speakers read off the tagger's source runs."""

from __future__ import annotations


def _tagged_with_sources(*spans: tuple[int, int]):
    from onrecord.extract.quotes import Run, Tagging

    return Tagging([], [Run("S", s, e, 0, 0) for s, e in spans], {}, [])


def test_a_quote_with_no_speaker_takes_the_source_run_of_its_sentence() -> None:
    from onrecord.extract.quotes import Draft
    from onrecord.extract.quotes.speakers import tagged_speakers

    text = "Ames spoke. The council's chair, Lee, argued the plan was dead."
    at = text.index
    quote = Draft(at("the plan"), at(".", at("dead")), "indirect", "argued", None)
    other_sentence = (0, 4)  # "Ames": a sentence end lies between
    chair = (at("The council's"), at(", Lee"))
    [out] = tagged_speakers(text, [quote], _tagged_with_sources(other_sentence, chair), snap=False)
    assert out.speaker == chair
    [alone] = tagged_speakers(text, [quote], _tagged_with_sources(other_sentence), snap=False)
    assert alone.speaker is None


def test_snapping_takes_the_edges_of_the_one_overlapping_source_run() -> None:
    from onrecord.extract.quotes import Draft
    from onrecord.extract.quotes.speakers import tagged_speakers

    text = "Lee, the chair, said the plan was dead."
    at = text.index
    quote = Draft(at("the plan"), at(".", at("dead")), "indirect", "said", (0, at(", the chair")))
    run = (0, at(", said"))  # "Lee, the chair"
    [kept] = tagged_speakers(text, [quote], _tagged_with_sources(run), snap=False)
    assert kept.speaker == (0, 3)
    [snapped] = tagged_speakers(text, [quote], _tagged_with_sources(run), snap=True)
    assert snapped.speaker == run
    two = tagged_speakers(text, [quote], _tagged_with_sources((0, 2), (1, 3)), snap=True)
    assert two[0].speaker == (0, 3)  # two overlapping runs: no choice made
