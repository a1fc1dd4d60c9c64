"""A metadata manifest for inputs that do not state their own (scraped text files often don't).

A JSONL file, one object per line: ``input`` (a file name, a path relative to the manifest, or a
source as recorded, e.g. ``rows.jsonl#a1``) plus any of ``title``, ``outlet``, ``published``,
``url``, ``authors``. What the manifest says wins over what the cleaner infers from the text.

    {"input": "000_e2e34082e48dac26.txt", "outlet": "The Irish Times", "published": "2023-09-12"}
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from onrecord.errors import InputError
from onrecord.ingest.names import printable
from onrecord.models import RawInput

KEYS = ("title", "outlet", "published", "url", "authors")


@dataclasses.dataclass(frozen=True, slots=True)
class Manifest:
    by_key: dict[str, dict]

    def apply(self, raw: RawInput) -> RawInput:
        """``raw`` with the manifest's metadata for it merged into ``raw.meta``."""
        path, _, row = raw.source.partition("#")
        name = Path(path).name
        keys = [raw.source, path, name, f"{name}#{row}" if row else None, raw.input_id]
        for key in keys:
            if key and key in self.by_key:
                return dataclasses.replace(raw, meta={**raw.meta, **self.by_key[key]})
        return raw


def load(path: str | Path) -> Manifest:
    """Read a manifest; a malformed line raises :class:`InputError` naming the line."""
    path = Path(path)
    by_key: dict[str, dict] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the manifest ({exc})", stage="manifest") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}", f"malformed manifest line: {exc.msg}", stage="manifest") from exc
        if not isinstance(row, dict) or not isinstance(row.get("input"), str):
            raise InputError(f"{path}:{number}", "each manifest line needs an 'input' string", stage="manifest")
        meta = {k: row[k] for k in KEYS if row.get(k) not in (None, "", [])}
        if isinstance(meta.get("authors"), str):
            meta["authors"] = [meta["authors"]]
        by_key[printable(row["input"])] = meta  # inputs' names are recorded as printable() writes them
    return Manifest(by_key)
