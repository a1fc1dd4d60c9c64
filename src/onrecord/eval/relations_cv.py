"""The relations gold read article by article in one process, for sorting the rules' misses by
class (``scripts/relations_diagnose.py``) and for scoring readings of the articles by story folds.

Each gold article is cleaned and parsed as the build does (:func:`onrecord.pipeline.process_batch`)
and kept with its spaCy Doc, actors, quotes and times; relations read from it are scored with
:func:`onrecord.eval.relations.score` on an export-shaped dict, so that the figures are the ones
``onrecord eval relations`` counts (names here are the article's actor names, before linking).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from onrecord.eval.relations import article_rows, same_actor, score
from onrecord.models import Actor, Document, Quote, Relation, TimeExpr

TUNED = ("tune", "held", "held2", "held3", "held4", "held5", "held6", "held7", "held8")


@dataclass
class Article:
    doc_id: str  # the gold's ``doc``
    document: Document
    doc: Doc
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    times: tuple[TimeExpr, ...]

    def names(self, key: str) -> list[str]:
        a = next((a for a in self.actors if a.key == key), None)
        return [a.name, *a.aliases] if a is not None else []

    def to_source(self, start: int, end: int) -> tuple[int | None, int | None]:
        return self.document.to_source(start, end)


def story(doc_id: str) -> str:
    """A BASIL article's story (the id before '-'); an AllSides article is its own story."""
    return doc_id.split("-")[0]


def articles(datasets: Path, ids: set[str]) -> list[Article]:
    """The gold's articles cleaned, parsed and analysed as the build does."""
    from onrecord.extract import analyze as analyze_module
    from onrecord.ingest import iter_inputs
    from onrecord.pipeline import process_batch

    rows = article_rows(Path(datasets), ids)
    kept: dict[str, Article] = {}
    original = analyze_module.analyze

    def keep(document, doc, settings=None):
        result = original(document, doc) if settings is None else original(document, doc, settings)
        kept[document.input_id] = Article(document.input_id, document, doc, result.actors, result.quotes,
                                          result.times)
        return result

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        analyze_module.analyze = keep
        try:
            process_batch([r for r in iter_inputs([path]) if not hasattr(r, "stage")])
        finally:
            analyze_module.analyze = original
    return [kept[i] for i in sorted(kept)]


def exported(arts: Sequence[Article], relations: Callable[[Article], Sequence[Relation]]) -> dict:
    """An export-shaped dict (documents, entities, relations) of ``relations(article)`` for each article."""
    out: dict = {"documents": [], "entities": [], "relations": []}
    for n, art in enumerate(arts):
        out["documents"].append({"id": str(n), "input_id": art.doc_id})
        out["entities"] += [{"id": f"{n}:{a.key}", "name": a.name, "aliases": list(a.aliases)} for a in art.actors]
        for r in relations(art):
            start, end = art.to_source(r.start, r.end)
            out["relations"].append({"doc": str(n), "source_start": start, "source_end": end, "type": r.type,
                                     "mode": r.mode, "source": f"{n}:{r.source_key}", "source_text": r.source_text,
                                     "target": f"{n}:{r.target_key}", "target_text": r.target_text,
                                     "status": r.status, "date": r.date, "cue": r.cue, "text": r.text})
    return out


def scored(gold: list[dict], arts: Sequence[Article], relations: Callable[[Article], Sequence[Relation]]) -> dict:
    docs = {g["doc"] for g in gold}
    chosen = [a for a in arts if a.doc_id in docs]
    return score(gold, exported(chosen, relations))


def pair_agrees(g: dict, art: Article, source_key: str, target_key: str, source_text: str = "",
                target_text: str = "") -> bool:
    """The gold relation's two actors are these two, in either order."""
    s, t = [*art.names(source_key), source_text], [*art.names(target_key), target_text]
    return (same_actor(g["source"], s) and same_actor(g["target"], t)) or (
        same_actor(g["source"], t) and same_actor(g["target"], s))
