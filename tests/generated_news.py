"""Generated news articles for build tests, from ``scripts/make_long_article.py``."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_long_article.py"
_spec = importlib.util.spec_from_file_location("make_long_article", _SCRIPT)
assert _spec is not None and _spec.loader is not None
make_long_article = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_long_article)


def article(size: int, seed: int = 7, title: str | None = None) -> str:
    """About ``size`` characters of news text (its own headline when ``title`` is None)."""
    return make_long_article.article(size, seed, title)


def corpus(folder: Path, count: int, size: int = 1_200) -> list[Path]:
    """``count`` short articles as text files in ``folder``, each with its own headline and date."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        rng = random.Random(i)
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        path = folder / f"article-{i:03d}.txt"
        path.write_text(f"{day}\n\n" + article(size, seed=i), encoding="utf-8")
        paths.append(path)
    return paths
