"""The party readings' re-entry guard: a reading that comes back to its own token ends."""

from __future__ import annotations

import gzip
import json

import spacy

from onrecord.extract.relations.guard import not_reentrant
from onrecord.models import RawInput


def test_a_reading_asked_again_for_its_own_token_resolves_to_nothing():
    doc = spacy.blank("en")("They said they would go.")
    calls = []

    @not_reentrant
    def read(doc, tok, actors, by_key, quotes=(), avoid=None):
        calls.append(tok.i)
        if tok.i == 0:  # "They" asks for its antecedent, whose reading asks for "They" again
            return read(doc, doc[3], actors, by_key, quotes, avoid)
        return read(doc, doc[0], actors, by_key, quotes, avoid)

    assert read(doc, doc[0], (), {}) == (None, "They")
    assert calls == [0, 3]
    # the same token with another side to avoid is another reading, and calls end when they return
    assert read(doc, doc[0], (), {}, (), "x") == (None, "They") and calls == [0, 3, 0, 3]


def test_an_allsides_article_whose_pronouns_point_at_each_other_is_analysed(datasets):
    from onrecord.models import Analysis
    from onrecord.pipeline import process_batch

    with gzip.open(datasets / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        row = next(r for r in map(json.loads, fh) if r["id"] == "abqvxPLPfdyuTUhZ")
    raw = RawInput(f"allsides.jsonl#{row['id']}", row["id"], "text", row["text"], {"title": row.get("title")})
    (result,) = process_batch([raw])
    assert isinstance(result, Analysis), result
