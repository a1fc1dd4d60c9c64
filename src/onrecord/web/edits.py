"""Corrections sent from the UI: checked against the ledger by the corrections validator, then appended.

The corrections file is applied by the next ``onrecord build``; nothing here touches the ledger.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from onrecord import corrections
from onrecord.store.read_documents import doc_known
from onrecord.store.read_entities import name_known
from onrecord.store.read_items import item_known


def known(conn: sqlite3.Connection) -> corrections.Known:
    """What the ledger behind ``conn`` holds, for :func:`onrecord.corrections.validate`."""
    return corrections.Known(name=partial(name_known, conn), item=partial(item_known, conn),
                             doc=partial(doc_known, conn))


def from_form(form: Mapping[str, Any]) -> dict[str, Any]:
    """The operation a corrections form sends: its op's fields (and a note) that were filled in."""
    kind = str(form.get("op", ""))
    required, optional = corrections.FIELDS.get(kind, (frozenset(), frozenset()))
    allowed = required | optional | {"note"}
    return {"op": kind, **{k: v for k, v in form.items() if k in allowed and str(v).strip()}}


def save(path: Path, op: Any, conn: sqlite3.Connection) -> dict[str, Any]:
    """Validate ``op`` against the ledger and append it to the corrections file; the operation as
    saved. List fields may be typed as one comma- or line-separated string."""
    return corrections.append(path, corrections.split_lists(op), known=known(conn)).as_dict()
