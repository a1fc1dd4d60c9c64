"""The quote tagger: features, gold labels, runs, and the installed model on a parsed text."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from onrecord.extract.quotes import crf as quote_tagger
from onrecord.extract.quotes.crf import token_features
from onrecord.extract.quotes.tagging import Run, gold_labels, runs


def _doc() -> Doc:
    words = ["Ames", "said", "the", "bridge", "would", "close", "."]
    spaces = [True, True, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    heads = [1, 1, 3, 5, 5, 1, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    lemmas = ["Ames", "say", "the", "bridge", "would", "close", "."]
    for tok, head, dep, p, lemma in zip(doc, heads, deps, pos, lemmas, strict=True):
        tok.head = doc[head]
        tok.dep_ = dep
        tok.pos_ = p
        tok.lemma_ = lemma
    return doc


def test_gold_labels_lay_sources_and_cues_over_content() -> None:
    doc = _doc()
    text = doc.text
    spans = [("C", text.index("the"), text.index(".")), ("S", 0, 4), ("Q", 5, 9)]
    assert gold_labels(doc, spans) == ["B-S", "B-Q", "B-C", "I-C", "I-C", "I-C", "O"]


def test_a_nested_content_leaves_the_outer_one_its_words() -> None:
    doc = _doc()
    text = doc.text
    outer = ("C", 0, text.index("."))
    inner = ("C", text.index("bridge"), text.index("."))
    labels = gold_labels(doc, [inner, outer])
    assert labels[:6] == ["B-C", "I-C", "I-C", "I-C", "I-C", "I-C"]


def test_runs_read_bio_labels_back_into_character_spans() -> None:
    doc = _doc()
    labels = ["B-S", "B-Q", "B-C", "I-C", "I-C", "I-C", "O"]
    got = runs(doc, labels)
    assert [(r.label, doc.text[r.start : r.end]) for r in got] == [
        ("S", "Ames"), ("Q", "said"), ("C", "the bridge would close")]
    # an I- without a B- opens a run; a B- right after a run of its label starts another
    got = runs(doc, ["I-C", "B-C", "O", "O", "O", "O", "O"])
    assert [(r.first, r.last) for r in got] == [(0, 1), (1, 2)]
    assert isinstance(got[0], Run)


def test_features_name_the_reporting_verb_above_a_token_and_its_branch() -> None:
    doc = _doc()
    ((start, end, feats),) = token_features(doc)
    assert (start, end) == (0, len(doc))
    bridge = feats[3]
    assert "gov=say" in bridge and "branch=ccomp" in bridge and "side=after" in bridge
    assert "gov=say" in feats[0] and "branch=nsubj" in feats[0] and "side=before" in feats[0]
    assert "-1:w=the" in bridge and "+1:w=would" not in bridge and "1:w=would" in bridge


def test_features_of_a_token_seen_again_are_the_same_and_each_token_gets_its_own_list() -> None:
    # the features of a token already seen come from a cache: equal, in order, and never shared
    first = token_features(_doc())[0][2]
    first[3].append("changed")
    again = token_features(_doc())[0][2]
    assert "changed" not in again[3]
    assert first[3][:-1] == again[3]
    assert again[0] != again[3] and again[3] is not token_features(_doc())[0][2][3]
    # "the" and "bridge" differ in their parse (det of bridge / subject of close), so in features
    the, bridge = again[2], again[3]
    assert "dep=det" in the and "dep=nsubj" in bridge and "gov=say" in bridge


def test_tagger_switched_off_by_the_settings() -> None:
    from onrecord.extract.quotes import readers_for
    from onrecord.settings import Settings

    readers = readers_for(Settings(tagger=False))
    assert readers.tagger is None and readers.model is not None
    assert readers_for(Settings()).tagger is quote_tagger.load_tagger()


@pytest.mark.model
def test_installed_tagger_tags_a_plain_report(nlp) -> None:
    tagger = quote_tagger.load_tagger()
    assert tagger is not None
    doc = nlp("The mayor said that the new bridge would open in the spring.")
    got = {(r.label, doc.text[r.start : r.end]) for r in runs(doc, tagger.tag(doc))}
    assert ("S", "The mayor") in got
    assert ("Q", "said") in got
    assert any(label == "C" and "bridge would open" in span for label, span in got)
