"""The user's corrections: merge, split, rename or ignore entities, and mark extracted items wrong.

A corrections file is JSON: ``{"version": 1, "operations": [op, ...]}`` (a bare list of operations
is read too). Operations apply in file order, after the automatic merge:

* ``{"op": "merge", "names": ["Vladimir Putin", "V. Putin"]}``
* ``{"op": "split", "name": "John Smith", "docs": ["doc-id", ...]}`` or ``"alias": "J. Smith"``
* ``{"op": "rename", "name": "Kim", "to": "Kim Jong-un"}``
* ``{"op": "ignore", "name": "Video Icon"}``
* ``{"op": "keep", "name": "Air Koryo"}`` (list an actor the link pass set aside)
* ``{"op": "wrong", "item": "<quote or claim id>"}``

Every operation may also carry ``note``, ``by`` and ``at`` strings; no string field is longer
than :data:`MAX_TEXT` characters. :func:`validate` checks one operation (with a :class:`Known`,
also that what it names is in the ledger: the web UI validates this way); ``append`` validates and
writes atomically (temporary file, then rename), so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onrecord.errors import OnrecordError

log = logging.getLogger(__name__)

VERSION = 1
MAX_TEXT = 300  # characters of any one string field
ENTITY_OPS = frozenset({"merge", "split", "rename", "ignore", "keep"})
FIELDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {  # op -> (required, optional)
    "merge": (frozenset({"names"}), frozenset()),
    "split": (frozenset({"name"}), frozenset({"docs", "alias"})),
    "rename": (frozenset({"name", "to"}), frozenset()),
    "ignore": (frozenset({"name"}), frozenset()),
    "keep": (frozenset({"name"}), frozenset()),  # list an actor the link pass set aside
    "wrong": (frozenset({"item"}), frozenset()),
}
COMMON = frozenset({"op", "note", "by", "at"})
LISTS = frozenset({"names", "docs"})


class CorrectionError(OnrecordError, ValueError):
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


@dataclass(frozen=True, slots=True)
class Known:
    """What exists in the ledger: an actor's name, a quote or claim id, a document id.

    Passed to :func:`validate` for a new operation, so it refers only to things that are there.
    """

    name: Callable[[str], bool]
    item: Callable[[str], bool]
    doc: Callable[[str], bool]


def default_path(ledger: str | Path) -> Path:
    """The corrections file beside a ledger file: ``story.db`` → ``story.corrections.json``."""
    ledger = Path(ledger)
    return ledger.with_name(f"{ledger.stem}.corrections.json")


def _error(where: str | None, field: str | None, text: str) -> CorrectionError:
    """``text`` alone for one operation; ``operations[3].names: text`` inside a file."""
    prefix = f"{where}.{field}: " if where and field else f"{where}: " if where else ""
    return CorrectionError(prefix + text, field)


def validate(op: Any, where: str | None = None, known: Known | None = None) -> Op:
    """Check one operation; raise :class:`CorrectionError` naming the bad field and what is valid.

    ``where`` locates the operation in a file (``operations[3]``); ``known`` also checks that the
    names, items and documents it refers to are in the ledger.
    """
    if not isinstance(op, Mapping):
        raise _error(where, None, f"a correction must be a JSON object with an 'op' field, got {type(op).__name__}")
    kind = op.get("op")
    if kind not in FIELDS:
        raise _error(where, "op", f"'op' must be one of {', '.join(sorted(FIELDS))}; got {kind!r}")
    required, optional = FIELDS[kind]
    for key in op:
        if key not in required | optional | COMMON:
            raise _error(where, key, f"'{key}' is an unexpected field for {kind}")
    for key in sorted(required):
        if key not in op:
            raise _error(where, key, f"'{key}' is required for {kind}")
    for key in ("note", "by", "at"):
        if key in op:
            _free_text(op[key], where, key)
    checked = _build(kind, op, where)
    if known is not None:
        _check_known(checked, known, where)
    return checked


def _build(kind: str, op: Mapping[str, Any], where: str | None) -> Op:
    note = op["note"].strip() or None if op.get("note") else None
    if kind == "merge":
        names = _strings(op["names"], where, "names")
        if len(names) < 2:
            raise _error(where, "names", "'names' needs at least 2 different values")
        return Op("merge", names=names, note=note)
    if kind == "wrong":
        return Op("wrong", item=_string(op["item"], where, "item"), note=note)
    name = _string(op["name"], where, "name")
    if kind == "rename":
        to = _string(op["to"], where, "to")
        if to == name:
            raise _error(where, "to", "'to' must differ from 'name'")
        return Op("rename", name=name, to=to, note=note)
    if kind in ("ignore", "keep"):
        return Op(kind, name=name, note=note)
    docs = _strings(op["docs"], where, "docs") if op.get("docs") else ()
    alias = _string(op["alias"], where, "alias") if op.get("alias") else None
    if not docs and alias is None:
        raise _error(where, "docs", "split needs 'docs' (document ids to split off) or 'alias'")
    return Op("split", name=name, docs=docs, alias=alias, note=note)


def _check_known(op: Op, known: Known, where: str | None) -> None:
    for name in (*op.names, *([op.name] if op.name else [])):
        if not known.name(name):
            raise _error(where, "names" if op.names else "name",
                         f"no actor named {name!r} in the ledger (use the name shown on its actor page)")
    unknown = [d for d in op.docs if not known.doc(d)]
    if unknown:
        raise _error(where, "docs", f"unknown document id(s): {', '.join(unknown)}")
    if op.item is not None and not known.item(op.item):
        raise _error(where, "item", f"no quote or claim with id {op.item!r} (ids look like DOCID/q3 or DOCID/c0)")


def _string(value: Any, where: str | None, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _error(where, field, f"'{field}' must be a non-empty string, got {value!r}")
    if len(value) > MAX_TEXT:
        raise _error(where, field, f"'{field}' is longer than {MAX_TEXT} characters")
    return value.strip()


def _free_text(value: Any, where: str | None, field: str) -> None:
    if not isinstance(value, str):
        raise _error(where, field, f"'{field}' must be a string, got {value!r}")
    if len(value) > MAX_TEXT:
        raise _error(where, field, f"'{field}' is longer than {MAX_TEXT} characters")


def _strings(value: Any, where: str | None, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise _error(where, field, f"'{field}' must be a non-empty list of strings")
    return tuple(dict.fromkeys(_string(v, where, field) for v in value))


def split_lists(op: Any) -> Any:
    """``op`` with list fields typed as one string (``"A, B"`` or one per line) split into lists."""
    if not isinstance(op, Mapping):
        return op
    out = dict(op)
    for key in LISTS & out.keys():
        if isinstance(out[key], str):
            out[key] = [v.strip() for v in out[key].replace("\n", ",").split(",") if v.strip()]
    return out


def load(path: str | Path) -> Corrections:
    """Read a corrections file; a missing file means no corrections. A bad file raises
    :class:`CorrectionError` as ``FILE:LINE: reason`` (the line where the bad operation starts)."""
    path = Path(path)
    raw = _read_ops(path)
    ops = []
    for i, op in enumerate(raw):
        try:
            ops.append(validate(op, f"operations[{i}]"))
        except CorrectionError as exc:
            line = operation_lines(path.read_text(encoding="utf-8")).get(i, 1)
            raise CorrectionError(f"{path}:{line}: {exc}", exc.field) from exc
    return Corrections(tuple(ops))


_SPACE = re.compile(r"[ \t\r\n]*")
_OPERATIONS = re.compile(r'"operations"[ \t\r\n]*:[ \t\r\n]*\[')


def operation_lines(text: str) -> dict[int, int]:
    """The line (from 1) where each operation of a corrections file's text starts, by index."""
    found = _OPERATIONS.search(text)
    pos = found.end() if found else text.find("[") + 1
    if pos <= 0:
        return {}
    decoder = json.JSONDecoder()
    lines: dict[int, int] = {}
    for i in itertools.count():
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text) or text[pos] == "]":
            break
        lines[i] = text.count("\n", 0, pos) + 1
        try:
            _, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            break
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos += 1
    return lines


def _read_ops(path: Path) -> list[Any]:
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "[]")
    except json.JSONDecodeError as exc:
        raise CorrectionError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", None
        ) from exc
    except RecursionError as exc:
        raise CorrectionError(f"{path}:1: not valid JSON (nested too deeply)", None) from exc
    except UnicodeDecodeError as exc:
        raise CorrectionError(f"{path}:1: not UTF-8 text ({exc.reason} at byte {exc.start})", None) from exc
    if isinstance(data, dict):
        if data.get("version", VERSION) != VERSION:
            raise CorrectionError(f"{path}:1: version must be {VERSION}", "version")
        data = data.get("operations", [])
    if not isinstance(data, list):
        raise CorrectionError(f"{path}:1: 'operations' must be a list", "operations")
    return data


def append(path: str | Path, op: Mapping[str, Any], known: Known | None = None) -> Op:
    """Validate ``op`` (against ``known``, if given) and add it to the file at ``path`` (created if
    missing), atomically; the operation as written."""
    checked = validate(op, known=known)
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
    return checked


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Serialise writers (two web requests appending at once) with a lock on the folder."""
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
