"""Compare two JSON exports of the ledger, ignoring what differs from run to run (timestamps, build ids).

    .venv/bin/python scripts/compare_exports.py BEFORE.json AFTER.json [--ignore-keys built_at,...]

Prints, per table, how many rows each side has and how many differ, then the first differences
(path, before, after). Exits 0 when the exports are the same, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# keys whose values are clocks or counters of the run, not results
VOLATILE = frozenset({"built_at", "exported_at", "generated_at", "created_at", "started_at", "finished_at",
                      "build_id", "build", "version", "onrecord_version", "added_at"})


def strip(value: Any, ignore: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {k: strip(v, ignore) for k, v in value.items() if k not in ignore}
    if isinstance(value, list):
        return [strip(v, ignore) for v in value]
    return value


def differences(before: Any, after: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            if key not in after:
                yield f"{path}.{key}", before[key], "<missing>"
            elif key not in before:
                yield f"{path}.{key}", "<missing>", after[key]
            else:
                yield from differences(before[key], after[key], f"{path}.{key}")
    elif isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            yield f"{path} (length)", len(before), len(after)
        for i, (b, a) in enumerate(zip(before, after, strict=False)):
            yield from differences(b, a, f"{path}[{i}]")
    elif before != after:
        yield path, before, after


def compare(before: dict, after: dict, show: int = 20) -> int:
    """Print the comparison; return the number of differences found."""
    total = 0
    for table in sorted(set(before) | set(after)):
        b, a = before.get(table), after.get(table)
        diffs = list(differences(b, a, table))
        total += len(diffs)
        state = "same" if not diffs else f"{len(diffs)} differences"
        print(f"{table:12} before {_size(b):>6}  after {_size(a):>6}  {state}")
        for path, old, new in diffs[:show]:
            print(f"    {path}: {_short(old)} -> {_short(new)}")
    return total


def _size(value: Any) -> str:
    if value is None:
        return "-"
    return str(len(value)) if isinstance(value, list) else "1"


def _short(value: Any, width: int = 100) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore-keys", default="", help="More keys to ignore, comma-separated.")
    parser.add_argument("--show", type=int, default=20, help="Differences printed per table.")
    args = parser.parse_args(argv)
    ignore = VOLATILE | {k for k in args.ignore_keys.split(",") if k}
    before = strip(json.loads(args.before.read_text(encoding="utf-8")), ignore)
    after = strip(json.loads(args.after.read_text(encoding="utf-8")), ignore)
    total = compare(before, after, args.show)
    print("the exports are the same" if total == 0 else f"{total} differences")
    return 0 if total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
