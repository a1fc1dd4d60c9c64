"""Generated news articles for build tests (``scripts/make_long_article.py``), and the export
comparison of ``scripts/compare_exports.py``."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def script(name: str):
    """The module of ``scripts/NAME.py``."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_long_article = script("make_long_article")
compare_exports = script("compare_exports")


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


def export_without_clocks(db: Path, out: Path) -> dict:
    """The ledger's JSON export, without what differs from run to run (as compare_exports reads it)."""
    import json

    from onrecord.export import export

    export(db, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    return compare_exports.strip(data, compare_exports.VOLATILE)
