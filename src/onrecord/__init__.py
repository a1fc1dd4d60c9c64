"""onrecord: from a pile of news articles to a sourced dossier.

>>> import onrecord
>>> onrecord.build(["examples/corpus"], db="dossier.db",
...                settings=onrecord.Settings(quotes="accurate"))   # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build", "Ledger", "Settings"]


def __getattr__(name: str):  # lazy: importing onrecord stays cheap
    if name == "build":
        from onrecord.pipeline import build

        return build
    if name == "Ledger":
        from onrecord.store.ledger import Ledger

        return Ledger
    if name == "Settings":
        from onrecord.settings import Settings

        return Settings
    raise AttributeError(name)
