"""Errors with messages that say what input would have been valid."""

from __future__ import annotations


class OnrecordError(Exception):
    """Base class for errors onrecord raises on purpose."""


class InputError(OnrecordError):
    """An input could not be read. Carries the input's name and the reason."""

    def __init__(self, input: str, reason: str, stage: str = "ingest") -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason
        self.stage = stage


class LedgerError(OnrecordError):
    """The ledger file cannot be used (not SQLite, newer schema, locked)."""
