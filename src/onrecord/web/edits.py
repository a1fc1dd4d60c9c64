"""Corrections sent from the UI: validate one operation against the ledger, then append it.

The corrections file is applied by the next ``onrecord build``; nothing here touches the ledger.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from onrecord import corrections
from onrecord.errors import CorrectionError
from onrecord.web import queries as Q

log = logging.getLogger(__name__)

OPS = {
    "merge": {"names"},
    "split": {"name", "docs", "alias"},
    "rename": {"name", "to"},
    "ignore": {"name"},
    "wrong": {"item"},
}
COMMON = {"op", "note"}
MAX_TEXT = 300


def _text(op: dict, key: str) -> str:
    value = op.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError(f"'{key}' must be a non-empty string")
    if len(value) > MAX_TEXT:
        raise CorrectionError(f"'{key}' is longer than {MAX_TEXT} characters")
    return value.strip()


def _texts(op: dict, key: str, minimum: int) -> list[str]:
    values = op.get(key)
    if isinstance(values, str):
        values = [v for v in values.replace("\n", ",").split(",")]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise CorrectionError(f"'{key}' must be a list of strings")
    values = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    if len(values) < minimum:
        raise CorrectionError(f"'{key}' needs at least {minimum} different values")
    return values


def _known_name(conn: sqlite3.Connection, name: str) -> str:
    if not Q.name_known(conn, name):
        raise CorrectionError(f"no actor named {name!r} in the ledger (use the name shown on its actor page)")
    return name


def validate(op: object, conn: sqlite3.Connection) -> dict:
    """Return the cleaned operation, or raise :class:`CorrectionError` saying what is valid."""
    if not isinstance(op, dict):
        raise CorrectionError("a correction is a JSON object with an 'op' field")
    kind = op.get("op")
    if kind not in OPS:
        raise CorrectionError(f"'op' must be one of {', '.join(sorted(OPS))}; got {kind!r}")
    extra = set(op) - OPS[kind] - COMMON
    if extra:
        raise CorrectionError(f"unexpected field(s) for {kind}: {', '.join(sorted(extra))}")
    clean = _checked(kind, op, conn)
    if op.get("note"):
        clean["note"] = _text(op, "note")
    return clean


def _checked(kind: str, op: dict, conn: sqlite3.Connection) -> dict:
    if kind == "merge":
        return {"op": kind, "names": [_known_name(conn, n) for n in _texts(op, "names", 2)]}
    if kind == "split":
        return _split(op, conn)
    if kind == "rename":
        name, to = _known_name(conn, _text(op, "name")), _text(op, "to")
        if name == to:
            raise CorrectionError("'to' must differ from 'name'")
        return {"op": kind, "name": name, "to": to}
    if kind == "ignore":
        return {"op": kind, "name": _known_name(conn, _text(op, "name"))}
    item = _text(op, "item")
    if not Q.item_known(conn, item):
        raise CorrectionError(f"no quote or claim with id {item!r} (ids look like DOCID/q3 or DOCID/c0)")
    return {"op": kind, "item": item}


def _split(op: dict, conn: sqlite3.Connection) -> dict:
    name = _known_name(conn, _text(op, "name"))
    out: dict = {"op": "split", "name": name}
    if op.get("docs"):
        docs = _texts(op, "docs", 1)
        unknown = [d for d in docs if not Q.doc_known(conn, d)]
        if unknown:
            raise CorrectionError(f"unknown document id(s): {', '.join(unknown)}")
        out["docs"] = docs
    if op.get("alias"):
        out["alias"] = _text(op, "alias")
    if "docs" not in out and "alias" not in out:
        raise CorrectionError("split needs 'docs' (document ids to split off) or 'alias'")
    return out


def default_path(db: Path) -> Path:
    """The corrections file the build reads by default, beside the ledger."""
    return corrections.default_path(db)


def append(path: Path, op: dict) -> None:
    """Append a validated operation to the corrections file (atomic write by the corrections module)."""
    try:
        corrections.append(path, op)
    except corrections.CorrectionError as exc:
        raise CorrectionError(str(exc)) from exc
