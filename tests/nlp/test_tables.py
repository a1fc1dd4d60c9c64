"""The array versions of the attribute ruler and the lemmatizer give spaCy's own attributes."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.nlp.pipeline import load
from onrecord.nlp.tables import AttributeTable, LemmaTable, Unsupported

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# Written to reach the ruler's exceptions: contractions, "gonna", whitespace tokens, "to", dashes.
TEXT = """Officials ain't sure, and they're gonna wait.  She said: "We'd rather not."

The U.S. didn't say whether it wanted to send 3,000 troops -- or none at all.
\tKim's train, which he'd boarded on Sunday, wasn't   seen again.
"""


def readings(nlp, texts):
    return [[(t.text, t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph), t.head.i, t.ent_type_, t.is_sent_start)
             for t in doc] for doc in nlp.pipe(texts)]


def test_the_build_pipeline_uses_the_tables_and_the_stock_one_does_not() -> None:
    assert isinstance(load().get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(load().get_pipe("lemmatizer"), LemmaTable)
    assert type(load(stock=True).get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_the_tables_give_the_stock_attributes_on_hand_written_text() -> None:
    texts = [TEXT, TEXT.upper(), "", " ", "Gonna"]
    assert readings(load(), texts) == readings(load(stock=True), texts)


def test_a_pattern_the_table_cannot_test_keeps_the_stock_ruler() -> None:
    ruler = load(stock=True).get_pipe("attribute_ruler")

    class WithOperator:
        patterns = [{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"POS": "DET"}, "index": 0}]
        attrs = ruler.attrs[:1]

    with pytest.raises(Unsupported):
        AttributeTable(ruler.vocab).compile(WithOperator())


def test_the_tables_give_the_stock_attributes_on_the_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"needs the seed articles in {SEEDS}")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS.iterdir()) if p.is_file()]
    fast, stock = readings(load(), texts), readings(load(stock=True), texts)
    assert sum(len(d) for d in fast) > 5000
    assert fast == stock
