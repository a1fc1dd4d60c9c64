"""Bytes to text: binary detection, BOMs, UTF-8, and a legacy-encoding fallback."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from onrecord.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text files (NUL and most C0 controls).
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27})


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB contain NUL bytes or many control characters."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls / len(head) > 0.05


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for binary or undecodable bytes.

    UTF-8 (with or without BOM) first, then UTF-16 with a BOM, then the legacy single-byte encodings
    news sites still serve (cp1252, latin-1) as detected by charset-normalizer.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if looks_binary(data):
        raise InputError(name, "binary file, not text (NUL or control bytes in the first 8 KiB)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # English news in a legacy encoding is nearly always Windows-1252 (smart quotes in 0x80-0x9F);
    # a detector guesses poorly on short texts, so it only decides when cp1252 reads oddly.
    try:
        text = data.decode("cp1252")
        if _plausible_western(text):
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    for encoding in ([best.encoding] if best is not None else []) + ["latin-1"]:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(name, "undecodable bytes: not UTF-8, cp1252 or latin-1")  # pragma: no cover


def _plausible_western(text: str) -> bool:
    """Few accented capitals/letters runs: what cp1252-decoded Cyrillic or CJK bytes look like."""
    high = [c for c in text if ord(c) > 127]
    if not high:
        return True
    accented = sum(1 for c in high if "\u00c0" <= c <= "\u00ff")
    return accented / len(high) < 0.5 or len(high) / len(text) < 0.02
