"""Small text helpers shared by the link modules: words, content words, TF-IDF vectors."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

WORD = re.compile(r"\w+", re.UNICODE)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself yourselves said says
    say told tells according mr mrs ms dr one two new last first year years week day days time
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december would could may might must shall us per""".split()
)


def words(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens."""
    return WORD.findall(text.lower())


def stem(word: str) -> str:
    """A very light English stem: plural and possessive endings only."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Stemmed words that are neither stopwords nor numbers."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


def idf(docs: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over bags of terms."""
    df: Counter[str] = Counter()
    n = 0
    for terms in docs:
        n += 1
        df.update(set(terms))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def tfidf(terms: Iterable[str], weights: Mapping[str, float]) -> dict[str, float]:
    """An L2-normalised TF-IDF vector (sublinear tf)."""
    tf = Counter(terms)
    vec = {t: (1.0 + math.log(c)) * weights.get(t, 1.0) for t, c in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def overlap(a: set[str], b: set[str]) -> float:
    """Overlap coefficient: shared words over the smaller set."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
