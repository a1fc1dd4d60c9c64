"""The dossier web UI and JSON API (FastAPI + Jinja2, server-rendered, no external assets)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def serve(db: Path, host: str = "127.0.0.1", port: int = 8000, corrections: Path | None = None,
          allow_hosts: Iterable[str] = ()) -> None:
    """Serve the dossier for the ledger at ``db`` (binds loopback unless told otherwise; answers
    only requests whose ``Host`` is a loopback name, ``host`` or one of ``allow_hosts``)."""
    from onrecord.web.app import serve as _serve

    _serve(db, host=host, port=port, corrections=corrections, allow_hosts=allow_hosts)
