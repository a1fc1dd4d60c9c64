"""Language identification with py3langid (normalised probabilities)."""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

FOREIGN_LINE_CONFIDENCE = 0.95
SAMPLE_CHARS = 3000  # a few paragraphs decide a language as well as the whole text, at a fraction of the cost


@functools.lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0..1) of ``text`` (its middle part when it is long)."""
    if len(text) > SAMPLE_CHARS:
        mid = len(text) // 2
        text = text[max(0, mid - SAMPLE_CHARS // 2):mid + SAMPLE_CHARS // 2]
    lang, prob = _identifier().classify(text)
    return lang, float(prob)


def foreign_line(text: str, words: int, stopword_density: float) -> bool:
    """A line of three or more words, few English stopwords, confidently not English."""
    if words < 3 or stopword_density >= 0.3:
        return False
    lang, prob = detect(text)
    return lang != "en" and prob >= FOREIGN_LINE_CONFIDENCE
