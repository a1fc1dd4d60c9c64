"""Metadata stated in the text: datelines, bylines, author bios, outlet labels and cues."""

from __future__ import annotations

import re
from urllib.parse import urlparse

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DMY = re.compile(r"\b(?P<day>\d{1,2})(st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(19|20)\d{2})\b", re.I)
_MDY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(st|nd|rd|th)?,?\s+(?P<year>(19|20)\d{2})\b", re.I)
_ISO = re.compile(r"(?<!\d)(?P<year>(19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
_FILLER = re.compile(
    r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\b|"
    r"\b(published|updated|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|[a-z]{2,4}t|gmt|utc|bst|cest|cet)\b|"
    r"\d{1,2}[:.]\d{2}|[,|•·/()\-–—:.]",
    re.I,
)
LEADING_DATE = re.compile(r"^date\s+(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\s*")
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|bin|al|da|di|le|la)){1,3}"
BYLINE = re.compile(r"^(by|words by|written by|reporting by)\s+(?P<names>.+)$", re.I)
NAME_LINE = re.compile(r"^" + _NAME + r"$")
BIO = re.compile(
    r"^(?P<name>" + _NAME + r") (is|was) (a|an|the|our)\b[^.]{0,80}?\b(contributor|correspondent|reporter|editor|writer|"
    r"columnist|journalist|producer|chief|fellow|author)\b[^.]{0,40}?\b(to|for|at|of|with) "
    r"(?P<outlet>(the |The )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)*)"
)
# "Jane Doe is the Daily Example's labour correspondent."
BIO_POSSESSIVE = re.compile(
    r"^(?P<name>" + _NAME + r") (is|was) (the )?(?P<outlet>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})['’]s\b[^.]{0,40}?\b"
    r"(contributor|correspondent|reporter|editor|writer|columnist|journalist|producer|chief)\b"
)
OUTLET_LINE = re.compile(r"^The(?: [A-Z][a-z]+){1,3}$")
TOLD_OUTLET = re.compile(r"\b(?:told|tells|telling|speaking to|said to) (?P<outlet>The [A-Z][a-z]+(?: [A-Z][a-z]+){0,2})")
CITED_OUTLET = re.compile(r"\b(reported|according to|reports?|wrote|writes|published by)\b", re.I)
NOT_NAMES = {"the", "a", "an", "and", "in", "of", "on", "for", "with", "to"}


def find_date(text: str) -> str | None:
    """The first full calendar date in ``text`` as YYYY-MM-DD, or None."""
    for rx in (_ISO, _DMY, _MDY):
        m = rx.search(text)
        if m:
            iso = _iso(m.group("year"), m.group("month"), m.group("day"))
            if iso:
                return iso
    return None


def _iso(year: str, month: str, day: str) -> str | None:
    mon = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    d = int(day)
    if not mon or not 1 <= mon <= 12 or not 1 <= d <= 31:
        return None
    return f"{int(year):04d}-{mon:02d}-{d:02d}"


def dateline(text: str) -> str | None:
    """The date of a line that states only a date (and perhaps weekday, time, zone, "Updated")."""
    if len(text.split()) > 12:
        return None
    iso = find_date(text)
    if not iso:
        return None
    rest = _FILLER.sub(" ", _remove_date(text))
    return iso if not re.search(r"[A-Za-z]{3,}", rest) else None


def _remove_date(text: str) -> str:
    for rx in (_ISO, _DMY, _MDY):
        text = rx.sub(" ", text)
    return text


def byline_authors(text: str, names_only: bool = True) -> tuple[str, ...] | None:
    """Author names from a "By A and B" line or (``names_only``) a line that is only a name."""
    m = BYLINE.match(text)
    if m:
        names = re.split(r",\s*|\s+and\s+|\s*&\s*", _strip_trailer(m.group("names")))
        found = tuple(n.strip() for n in names if NAME_LINE.match(n.strip()))
        return found or None
    if names_only and looks_like_name(text):
        return (text,)
    return None


def _strip_trailer(names: str) -> str:
    return re.split(r"\s+[|•·—–-]\s+|\s+(?:in|for)\s+[A-Z]|,\s*(?:staff|senior|chief|political)\b", names)[0]


def looks_like_name(text: str) -> bool:
    """A short line of two to four capitalised words that is not an outlet ("The Times")."""
    if not NAME_LINE.match(text) or text.split()[0].lower() in NOT_NAMES:
        return False
    return not any(w.lower().strip(".") in MONTHS for w in text.split())


def author_bio(text: str) -> tuple[str, str] | None:
    """(name, outlet) from "Jane Doe is a contributor to The Daily Example ..."."""
    m = BIO.match(text) or BIO_POSSESSIVE.match(text)
    if not m:
        return None
    outlet = m.group("outlet").strip()
    if outlet.startswith("the "):
        outlet = "The " + outlet[4:]
    return m.group("name"), outlet


def outlet_line(text: str) -> str | None:
    return text if OUTLET_LINE.match(text) else None


def told_outlet(text: str) -> str | None:
    """The outlet in "X told The Telegraph" when the sentence does not cite another's report."""
    m = TOLD_OUTLET.search(text)
    if not m or CITED_OUTLET.search(text):
        return None
    return m.group("outlet")


def domain(url: str | None) -> str | None:
    """The host of ``url`` without a leading "www."."""
    if not url:
        return None
    host = urlparse(url).netloc.lower().split(":")[0]
    return host.removeprefix("www.") or None
