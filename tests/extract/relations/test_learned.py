"""The learned relation reading on hand-parsed Docs: candidates and their dependency paths, party
tokens, the model's threshold and its JSON, and how its relations join the rules' (combined.py)."""

from __future__ import annotations

import numpy as np
import spacy

from marked_docs import parsed_doc
from onrecord.extract.actors import extract_actors
from onrecord.extract.relations.combined import extract_relations, learned_candidates
from onrecord.extract.relations.learned import (
    NONE,
    Model,
    candidates,
    is_party_token,
    path,
    shipped_model,
)

NLP = spacy.blank("en")

# "Clinton discussed the job with Sestak ."
DISCUSSED = """
Clinton PROPN nsubj 1
discussed VERB ROOT 1 discuss
the DET det 3
job NOUN dobj 1
with ADP prep 1
Sestak~ PROPN pobj 4
. PUNCT punct 1
"""

# "Fox zorbed Trump ." (a made-up verb no lexicon holds)
ZORBED = """
Fox PROPN nsubj 1
zorbed VERB ROOT 1 zorb
Trump~ PROPN dobj 1
. PUNCT punct 1
"""

# "Fox criticized Trump ."
CRITICIZED = """
Fox PROPN nsubj 1
criticized VERB ROOT 1 criticize
Trump~ PROPN dobj 1
. PUNCT punct 1
"""

# "the Trump - Kim meeting"
MEETING = """
the DET det 4
Trump~ PROPN compound 4
-~ PUNCT punct 4
Kim PROPN compound 4
meeting NOUN ROOT 4 meeting
"""


def _people(*spans):
    return tuple((i, i + 1, label) for i, label in spans)


def _model(feature: str, type_: str, threshold: float = 0.5, lemmas: frozenset[str] = frozenset()) -> Model:
    classes = (NONE, "ACCUSE", "SUPPORT")
    row = np.array([[0.0 if c != type_ else 6.0 for c in classes]])
    return Model(classes, np.array([3.0, 0.0, 0.0]), {feature: 0}, row, threshold, lemmas)


def test_paths_climb_then_descend_with_the_preposition():
    doc = parsed_doc(NLP.vocab, DISCUSSED)
    assert path(doc[1], doc[0]) == "vnsubj"
    assert path(doc[1], doc[5]) == "vprep:withvpobj"
    assert path(doc[3], doc[5]) == "^dobjvprep:withvpobj"
    assert path(doc[1], doc[1]) == "="


def test_a_long_path_gives_no_candidate():
    rows = "\n".join(f"w{i} NOUN {'ROOT' if i == 0 else 'nmod'} {max(i - 1, 0)}" for i in range(7))
    doc = parsed_doc(NLP.vocab, rows)
    assert path(doc[0], doc[6]) is None and path(doc[0], doc[4]) is not None


def test_candidates_pair_every_party_with_a_lexicon_cue():
    doc = parsed_doc(NLP.vocab, DISCUSSED)
    got = {(c.pred.text, c.source.text, c.target.text) for c in candidates(doc[:])}
    assert ("discussed", "Clinton", "Sestak") in got and ("discussed", "Sestak", "Clinton") in got
    zorbed = parsed_doc(NLP.vocab, ZORBED)
    assert candidates(zorbed[:]) == []  # no cue word
    assert {c.pred.text for c in candidates(zorbed[:], frozenset({"zorb"}))} == {"zorbed"}


def test_names_in_a_compound_before_a_noun_are_parties():
    doc = parsed_doc(NLP.vocab, MEETING)
    assert is_party_token(doc[1]) and is_party_token(doc[3]) and not is_party_token(doc[0])


def test_the_threshold_decides_and_the_json_keeps_the_model():
    model = _model("l=zorb", "ACCUSE", 0.5)
    type_, prob = model.predict(["l=zorb", "unknown"])
    assert type_ == "ACCUSE" and prob > 0.9
    assert model.predict(["unknown"])[0] == NONE
    assert model.with_threshold(0.99).predict(["l=zorb"])[0] == NONE
    again = Model.from_json(model.to_json())
    assert again.classes == model.classes and again.threshold == 0.5
    assert again.predict(["l=zorb"]) == model.predict(["l=zorb"])


def test_the_model_adds_a_relation_where_the_rules_find_none():
    doc = parsed_doc(NLP.vocab, ZORBED, _people((0, "PERSON"), (2, "PERSON")))
    actors = extract_actors(doc)
    names = {a.key: a.name for a in actors}
    model = _model("l=zorb", "ACCUSE", lemmas=frozenset({"zorb"}))
    assert extract_relations(doc, actors, (), (), "2024-10-01", model=None) == ()
    rels = extract_relations(doc, actors, (), (), "2024-10-01", model=model)
    assert [(r.type, names[r.source_key], names[r.target_key], r.cue, r.status) for r in rels] == [
        ("ACCUSE", "Fox", "Trump", "zorbed", "reported")]
    assert {names[s.source_key] for s in learned_candidates(doc, actors, (), frozenset({"zorb"}))} == {"Fox", "Trump"}


def test_the_rules_keep_their_pair():
    doc = parsed_doc(NLP.vocab, CRITICIZED, _people((0, "PERSON"), (2, "PERSON")))
    actors = extract_actors(doc)
    rels = extract_relations(doc, actors, (), (), "2024-10-01", model=_model("l=criticize", "SUPPORT"))
    assert [r.type for r in rels] == ["ACCUSE"]


def test_the_shipped_model_loads():
    model = shipped_model()
    assert model is None or (NONE in model.classes and 0 < model.threshold < 1)
