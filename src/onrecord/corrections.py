"""The user's corrections: merge, split, rename or ignore entities, and mark extracted items wrong.

A corrections file is JSON: ``{"version": 1, "operations": [op, ...]}`` (a bare list of operations
is read too). Operations apply in file order, after the automatic merge:

* ``{"op": "merge", "names": ["Vladimir Putin", "V. Putin"]}``
* ``{"op": "split", "name": "John Smith", "docs": ["doc-id", ...]}`` or ``"alias": "J. Smith"``
* ``{"op": "rename", "name": "Kim", "to": "Kim Jong-un"}``
* ``{"op": "ignore", "name": "Video Icon"}``
* ``{"op": "wrong", "item": "<quote or claim id>"}``

Every operation may also carry ``note``, ``by`` and ``at`` strings. ``append`` validates and
writes atomically (temporary file, then rename), so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # not POSIX: appends are atomic but not serialised
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

VERSION = 1
ENTITY_OPS = frozenset({"merge", "split", "rename", "ignore"})
_FIELDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {  # op -> (required, optional)
    "merge": (frozenset({"names"}), frozenset()),
    "split": (frozenset({"name"}), frozenset({"docs", "alias"})),
    "rename": (frozenset({"name", "to"}), frozenset()),
    "ignore": (frozenset({"name"}), frozenset()),
    "wrong": (frozenset({"item"}), frozenset()),
}
_COMMON = frozenset({"op", "note", "by", "at"})


class CorrectionError(ValueError):
    """A corrections file or operation that is not valid; ``field`` names the bad field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Op:
    """One validated operation."""

    op: str
    names: tuple[str, ...] = ()
    name: str | None = None
    docs: tuple[str, ...] = ()
    alias: str | None = None
    to: str | None = None
    item: str | None = None
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The operation as written to the file (only the fields it uses)."""
        out: dict[str, Any] = {"op": self.op}
        for key in ("names", "name", "docs", "alias", "to", "item", "note"):
            value = getattr(self, key)
            if value:
                out[key] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True, slots=True)
class Corrections:
    """All operations of a corrections file, in order."""

    ops: tuple[Op, ...] = ()

    @property
    def entity_ops(self) -> tuple[Op, ...]:
        return tuple(o for o in self.ops if o.op in ENTITY_OPS)

    @property
    def wrong_items(self) -> frozenset[str]:
        """Ids of quotes and claims the user marked wrong."""
        return frozenset(o.item for o in self.ops if o.op == "wrong" and o.item)

    def is_wrong(self, item_id: str) -> bool:
        return item_id in self.wrong_items


def default_path(ledger: str | Path) -> Path:
    """The corrections file beside a ledger file: ``story.db`` → ``story.corrections.json``."""
    ledger = Path(ledger)
    return ledger.with_name(f"{ledger.stem}.corrections.json")


def validate(op: Mapping[str, Any], where: str = "op") -> Op:
    """Check one operation; raise :class:`CorrectionError` naming the bad field."""
    if not isinstance(op, Mapping):
        raise CorrectionError(
            f"{where}: an operation must be a JSON object, got {type(op).__name__}", where
        )
    kind = op.get("op")
    if kind not in _FIELDS:
        raise CorrectionError(f"{where}.op: must be one of {sorted(_FIELDS)}, got {kind!r}", "op")
    required, optional = _FIELDS[kind]
    for key in op:
        if key not in required | optional | _COMMON:
            raise CorrectionError(f"{where}.{key}: unknown field for op {kind!r}", key)
    for key in required:
        if key not in op:
            raise CorrectionError(f"{where}.{key}: required for op {kind!r}", key)
    for key in ("note", "by", "at"):
        if key in op and not isinstance(op[key], str):
            raise CorrectionError(f"{where}.{key}: must be a string", key)
    return _build(kind, op, where)


def _build(kind: str, op: Mapping[str, Any], where: str) -> Op:
    note = op.get("note")
    if kind == "merge":
        names = _strings(op["names"], f"{where}.names", "names")
        if len(set(names)) < 2:
            raise CorrectionError(f"{where}.names: needs at least two different names", "names")
        return Op("merge", names=names, note=note)
    if kind == "wrong":
        return Op("wrong", item=_string(op["item"], f"{where}.item", "item"), note=note)
    name = _string(op["name"], f"{where}.name", "name")
    if kind == "rename":
        return Op("rename", name=name, to=_string(op["to"], f"{where}.to", "to"), note=note)
    if kind == "ignore":
        return Op("ignore", name=name, note=note)
    docs = _strings(op["docs"], f"{where}.docs", "docs") if "docs" in op else ()
    alias = _string(op["alias"], f"{where}.alias", "alias") if "alias" in op else None
    if not docs and alias is None:
        raise CorrectionError(f"{where}.docs: split needs 'docs' or 'alias'", "docs")
    return Op("split", name=name, docs=docs, alias=alias, note=note)


def _string(value: Any, where: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError(f"{where}: must be a non-empty string, got {value!r}", field)
    return value.strip()


def _strings(value: Any, where: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise CorrectionError(f"{where}: must be a non-empty list of strings", field)
    return tuple(_string(v, f"{where}[{i}]", field) for i, v in enumerate(value))


def load(path: str | Path) -> Corrections:
    """Read a corrections file; a missing file means no corrections."""
    raw = _read_ops(Path(path))
    return Corrections(tuple(validate(op, f"operations[{i}]") for i, op in enumerate(raw)))


def _read_ops(path: Path) -> list[Any]:
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "[]")
    except json.JSONDecodeError as exc:
        raise CorrectionError(
            f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})", None
        ) from exc
    if isinstance(data, dict):
        if data.get("version", VERSION) != VERSION:
            raise CorrectionError(f"{path}: version must be {VERSION}", "version")
        data = data.get("operations", [])
    if not isinstance(data, list):
        raise CorrectionError(f"{path}: 'operations' must be a list", "operations")
    return data


def append(path: str | Path, op: Mapping[str, Any]) -> None:
    """Validate ``op`` and add it to the file at ``path`` (created if missing), atomically."""
    checked = validate(op)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path.parent):
        ops = _read_ops(path)
        for i, old in enumerate(ops):
            validate(old, f"operations[{i}]")
        entry = checked.as_dict()
        entry.update({k: op[k] for k in ("by", "at") if k in op})
        ops.append(entry)
        _write(path, {"version": VERSION, "operations": ops})
    log.info("correction appended to %s: %s", path, entry)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Serialise writers (two web requests appending at once) with a lock on the folder."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _write(path: Path, data: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
