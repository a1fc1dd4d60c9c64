"""Bytes to text: binary detection, BOMs, UTF-16 without a BOM, UTF-8 (strict, then with replacement
when the bytes are mostly UTF-8), and a legacy-encoding fallback."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from onrecord.errors import InputError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text files (NUL and most C0 controls).
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27})
_TEXT_CONTROLS = set("\t\n\x0b\x0c\r\x1b")
# File signatures of formats that can pass for text in their first bytes.
MAGIC = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x7fELF", "ELF"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"OggS", "Ogg"),
)
HEAD = 8192  # bytes read to tell text from binary
UTF16_MIN_NUL_SHARE = 0.05  # NUL bytes at one parity, per code unit, for UTF-16 without a BOM
UTF8_VALID_PER_INVALID = 2  # valid multibyte sequences needed per invalid one to read bytes as UTF-8
MAX_ODD_SHARE = 0.01  # control, unassigned or private-use characters allowed in a decoded text
PLAUSIBLE_SAMPLE = 100_000  # characters read to judge a decoded text


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded text, the encoding it was read as, and how many invalid sequences became U+FFFD."""

    text: str
    encoding: str
    replacements: int = 0


def signature(data: bytes) -> str | None:
    """The binary format ``data`` starts like (``"PNG"``, ``"PDF"``, ...), or None."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    return None


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB contain NUL bytes or many control characters."""
    head = data[:HEAD]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls / len(head) > 0.05


def decode(data: bytes, name: str) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; see :func:`decode_text`."""
    result = decode_text(data, name)
    return result.text, result.encoding


def decode_text(data: bytes, name: str) -> Decoded:
    """Decode ``data``; raise :class:`InputError` for binary or undecodable bytes.

    Order: a BOM (UTF-32, UTF-8, UTF-16); a binary signature; UTF-16 without a BOM (NUL bytes on
    one parity); binary by NUL or control bytes; strict UTF-8; UTF-8 with replacement when valid
    multibyte sequences outnumber invalid ones two to one; the legacy single-byte encodings news
    sites still serve (cp1252, latin-1) as detected by charset-normalizer.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _with_replacement(data, encoding)
    kind = signature(data)
    if kind is not None:
        raise InputError(name, f"binary file ({kind} data), not text")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if looks_binary(data):
        raise InputError(name, "binary file, not text (NUL or control bytes in the first 8 KiB)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    return _legacy(data, name)


def _with_replacement(data: bytes, encoding: str) -> Decoded:
    text = data.decode(encoding, errors="replace")
    genuine = data.decode(encoding, errors="ignore").count("\ufffd")
    return Decoded(text, encoding, text.count("\ufffd") - genuine)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 LE or BE when NUL bytes fall on one parity only and the text decodes plausibly."""
    head = data[:HEAD]
    units = len(head) // 2
    if units < 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= UTF16_MIN_NUL_SHARE * units and other * 4 <= nuls:
            result = _with_replacement(data, encoding)
            allowed = max(1.0, MAX_ODD_SHARE * len(result.text))
            if result.replacements <= allowed and plausible_text(result.text):
                return result
    return None


def plausible_text(text: str) -> bool:
    """Few NULs, stray controls, unassigned or private-use characters: what a decoded text looks like."""
    sample = text[:PLAUSIBLE_SAMPLE]
    if not sample or "\x00" in sample:
        return False
    odd = sum(1 for c in sample if c not in _TEXT_CONTROLS and unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs"))
    return odd <= MAX_ODD_SHARE * len(sample)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with U+FFFD for a few stray bytes, when valid multibyte sequences clearly dominate."""
    result = _with_replacement(data, "utf-8")
    non_ascii = len(result.text) - len(result.text.encode("ascii", "ignore"))
    valid = non_ascii - result.replacements
    if result.replacements and valid >= UTF8_VALID_PER_INVALID * result.replacements:
        return result
    return None


def _legacy(data: bytes, name: str) -> Decoded:
    # English news in a legacy encoding is nearly always Windows-1252 (smart quotes in 0x80-0x9F);
    # a detector guesses poorly on short texts, so it only decides when cp1252 reads oddly.
    try:
        text = data.decode("cp1252")
        if _plausible_western(text):
            return Decoded(text, "cp1252")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    for encoding in ([best.encoding] if best is not None else []) + ["latin-1"]:
        try:
            return Decoded(data.decode(encoding), encoding)
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
