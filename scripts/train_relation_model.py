"""Train the learned relation reading (``extract/relations/learned.py``) on the tuned splits of the
relations gold (tune .. held8; held9 is never read) and write ``src/onrecord/data/relation_model.json``.

    PYTHONPATH=src python scripts/train_relation_model.py ../shared/datasets [--no-write]

A multinomial logistic regression (scikit-learn) over the candidates' sparse features, labelled
from the gold (``eval/relations_cv.label``). Its regularisation and its threshold are chosen by
cross-validation grouped by story (five folds; a BASIL story's articles stay in one fold): each
fold's articles read by the rules alone and by the rules with the model trained on the other
folds, both scored as ``onrecord eval relations`` scores; the setting kept is the one with the
highest mean recall whose mean precision is not below the rules' mean precision. Runs on CPU in
about five minutes.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from statistics import mean

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from onrecord.eval.relations import default_gold, load_gold
from onrecord.eval.relations_cv import TUNED, articles, label, scored, span_lemmas, story
from onrecord.extract.relations.combined import learned_candidates, merged
from onrecord.extract.relations.extract import extract_relations
from onrecord.extract.relations.learned import MODEL_FILE, NONE, Model, lexicon_type

CS = (0.3, 1.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
OUT = Path(__file__).resolve().parents[1] / "src" / "onrecord" / MODEL_FILE


def cue_lemmas(data: dict, docs) -> frozenset[str]:
    """Lemmas outside the hand lexicon that stand in two or more gold spans of ``docs``."""
    counts = Counter(lemma for d in docs for lemma in data[d][4])
    return frozenset(lemma for lemma, n in counts.items() if n >= 2)


def fit(rows: list[tuple[str, bool, list[str], str]], c: float, lemmas: frozenset[str]) -> Model:
    rows = [r for r in rows if r[1] or r[0] in lemmas]
    seen = Counter(f for _, _, feats, _ in rows for f in feats)
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in feats if seen[f] >= 2} for _, _, feats, _ in rows])
    y = [lab for *_, lab in rows]
    clf = LogisticRegression(C=c, tol=1e-3, max_iter=300).fit(x, y)
    names = vec.get_feature_names_out()
    keep = [j for j in range(len(names)) if abs(clf.coef_[:, j]).max() > 1e-3]
    return Model(tuple(str(k) for k in clf.classes_), clf.intercept_.astype(float),
                 {str(names[j]): n for n, j in enumerate(keep)}, clf.coef_[:, keep].T.astype(float), 0.5, lemmas)


def prepare(datasets: Path, gold: list[dict]):
    arts = articles(datasets, {g["doc"] for g in gold})
    every = frozenset(lemma for art in arts for lemma in span_lemmas(art, gold))
    data = {}
    for art in arts:
        g_doc = [g for g in gold if g["doc"] == art.doc_id]
        cands = learned_candidates(art.doc, art.actors, art.quotes, every)
        rows = []
        for c in cands:
            p = c.candidate.pred
            lab = label(art, g_doc, p.idx, p.idx + len(p), c.source_key, c.target_key, c.candidate.source.text,
                        c.candidate.target.text)
            rows.append((p.lemma_.lower(), lexicon_type(p) != "-", c.features, lab))
        rules = extract_relations(art.doc, art.actors, art.times, art.quotes, art.document.published)
        data[art.doc_id] = (art, cands, rows, rules, [x for x in span_lemmas(art, g_doc)])
    return arts, data


def figures(gold, arts, data, model: Model | None) -> dict:
    def read(art):
        _, cands, _, rules, _ = data[art.doc_id]
        if model is None:
            return rules
        return merged(art.doc, art.actors, art.times, art.quotes, art.document.published, rules, cands, model)
    r = scored(gold, arts, read)
    return {"P": r["exact"]["precision"], "R": r["exact"]["recall"], "pairs": r["pairs"]["accuracy"],
            "tp": r["exact"]["tp"], "pred": r["predicted"]}


def cross_validate(gold, arts, data) -> dict:
    docs = sorted(data)
    folds = GroupKFold(n_splits=5).split(docs, groups=[story(d) for d in docs])
    table: dict = {}
    for train_i, test_i in folds:
        train = {docs[i] for i in train_i}
        test = {docs[i] for i in test_i}
        g_test = [g for g in gold if g["doc"] in test]
        table.setdefault("rules", []).append(figures(g_test, arts, data, None))
        rows = [r for d in train for r in data[d][2]]
        lemmas = cue_lemmas(data, train)
        for c in CS:
            model = fit(rows, c, lemmas)
            for t in THRESHOLDS:
                table.setdefault((c, t), []).append(figures(g_test, arts, data, model.with_threshold(t)))
    return {k: {m: round(mean(f[m] for f in v), 4) for m in ("P", "R", "pairs")} | {
        "tp": sum(f["tp"] for f in v), "pred": sum(f["pred"] for f in v)} for k, v in table.items()}


def main(datasets: str, write: bool) -> None:
    gold = [g for g in load_gold(default_gold()) if g["split"] in TUNED]
    arts, data = prepare(Path(datasets), gold)
    cv = cross_validate(gold, arts, data)
    base = cv["rules"]
    print(f"rules alone: {base}")
    for k, v in cv.items():
        if k != "rules":
            print(f"C {k[0]} threshold {k[1]}: {v}")
    good = [k for k, v in cv.items() if k != "rules" and v["P"] >= base["P"] and v["pairs"] >= min(base["pairs"], 0.8)]
    if not good:
        print("no setting keeps the rules' precision: no model written")
        return
    best = max(good, key=lambda k: (cv[k]["R"], cv[k]["P"]))
    print(f"kept: C {best[0]} threshold {best[1]}: {cv[best]}")
    rows = [r for d in sorted(data) for r in data[d][2]]
    model = fit(rows, best[0], cue_lemmas(data, sorted(data))).with_threshold(best[1])
    print(f"trained on {len(rows)} candidates ({sum(r[3] != NONE for r in rows)} typed), {len(model.index)} features, "
          f"{len(model.cue_lemmas)} cue lemmas")
    if write:
        OUT.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], "--no-write" not in sys.argv[2:])
