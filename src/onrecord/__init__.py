"""onrecord: from a pile of news articles to a sourced dossier."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build", "Ledger"]


def __getattr__(name: str):  # lazy: importing onrecord stays cheap
    if name == "build":
        from onrecord.pipeline import build

        return build
    if name == "Ledger":
        from onrecord.store.ledger import Ledger

        return Ledger
    raise AttributeError(name)
