"""Other edges of a candidate and the tagger's content runs as candidates."""

from __future__ import annotations


def _draft(start: int, end: int, feature: str = "say/clause/indirect"):
    from onrecord.extract.quotes import Draft

    return Draft(start, end, "indirect", "said", (0, 3), None, feature)


def _plain(text: str):
    """A tokenised doc with no parse: enough for the variants that read the text only."""
    import spacy

    return spacy.blank("en")(text)


def test_variants_offer_edges_without_that_and_without_a_trailing_clause() -> None:
    from onrecord.extract.quotes import Run
    from onrecord.extract.quotes.variants import variants

    text = "Ames said that the bridge would close, which surprised the town council."
    start = text.index("that")
    d = _draft(start, len(text) - 1)
    spans = {text[v.start : v.end]: v.feature for v in variants(_plain(text), [d], ())}
    assert spans["the bridge would close, which surprised the town council"] == "say/nolead/indirect"
    assert spans["that the bridge would close"] == "say/notail/indirect"
    run = Run("C", text.index("the bridge"), text.index(","), 0, 0)
    spans = {text[v.start : v.end]: v.feature for v in variants(_plain(text), [d], [run])}
    assert spans["the bridge would close"] == "say/snap/indirect"
    assert all(v.speaker == d.speaker and v.cue == d.cue for v in variants(_plain(text), [d], [run]))


def test_direct_quotes_get_no_variants() -> None:
    from onrecord.extract.quotes import Draft
    from onrecord.extract.quotes.variants import variants

    text = '"The bridge will close, which is bad," Ames said.'
    d = Draft(0, text.index(" Ames"), "direct", "said", (0, 3), None, "say/adjacent/direct")
    assert variants(_plain(text), [d], ()) == []


def test_tagger_content_runs_no_candidate_covers_become_candidates() -> None:
    from onrecord.extract.quotes import Run
    from onrecord.extract.quotes.variants import from_runs

    text = "Ames reckons the bridge will close soon. Officials said the road is open."
    doc = _plain(text)
    at = text.index
    runs = [
        Run("S", 0, 4, 0, 1), Run("Q", at("reckons"), at("reckons") + 7, 1, 2),
        Run("C", at("the bridge"), at(". Officials"), 2, 7),
        Run("C", at("the road"), len(text) - 1, 0, 0),
    ]
    covered = _draft(at("the road"), len(text) - 1)
    (new,) = from_runs(doc, runs, [], [covered])
    assert text[new.start : new.end] == "the bridge will close soon"
    assert new.speaker == (0, 4) and new.cue == "reckons" and new.kind == "indirect"
    assert new.feature == "-/tagger/indirect"


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]):
    """A hand-built parsed doc (heads as absolute indices)."""
    import spacy
    from spacy.tokens import Doc

    spaces = [i + 1 < len(words) and words[i + 1] not in ".," for i in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas, sent_starts=[True] + [False] * (len(words) - 1))


def test_a_content_that_runs_into_a_reporting_verb_of_its_own_is_cut_before_it() -> None:
    from onrecord.extract.quotes.variants import second_cues, variants

    # "Ames said he respects Clinton and warned her rivals ." with "warned" a conjunct of "respects"
    words = ["Ames", "said", "he", "respects", "Clinton", "and", "warned", "her", "rivals", "."]
    heads = [1, 1, 3, 1, 3, 3, 3, 8, 6, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "cc", "conj", "poss", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PRON", "VERB", "PROPN", "CCONJ", "VERB", "PRON", "NOUN", "PUNCT"]
    lemmas = ["Ames", "say", "he", "respect", "Clinton", "and", "warn", "her", "rival", "."]
    doc = _parsed(words, heads, deps, pos, lemmas)
    text = doc.text
    d = _draft(text.index("he "), text.index("."))
    assert [text[d.start : cut] for cut in second_cues(doc, d)] == ["he respects Clinton "]
    spans = {text[v.start : v.end]: v.feature for v in variants(doc, [d], ())}
    assert spans["he respects Clinton"] == "say/notail/indirect"
    # a verb that reports nothing ("and met her rivals") is no cut
    met = [w if w != "warned" else "met" for w in words]
    doc = _parsed(met, heads, deps, pos, [m if m != "warn" else "meet" for m in lemmas])
    assert second_cues(doc, _draft(doc.text.index("he "), doc.text.index("."))) == []
