"""Recognising boilerplate lines by their form: banners, labels, credits, widgets, teasers.

Each rule is generic (no site names); it returns the reason recorded in ``Document.removed``.
"""

from __future__ import annotations

import re

from onrecord.clean.lines import Line

_I = re.IGNORECASE
AD = re.compile(r"^(skip )?(advertisement|advertising|sponsored( content)?|ad)( - scroll to continue| feature)?$", _I)
VIDEO = re.compile(r"^(video( icon)?|watch( video| now)?|play( video)?|audio|listen( to (this|the) article)?|podcast|gallery|photos?|\d+ photos?)$", _I)
PAYWALL = re.compile(
    r"\b(subscri(be|ption|bers?)|(take|taking|update your) payment|payment details|my account|paywall|"
    r"newsletter|free trial|premium (article|content))\b",
    _I,
)
ACCOUNT = re.compile(r"\b(sign in|log ?in|logged in|register(ed|ing)?|unlock|already a member)\b", _I)
COMMENTS = re.compile(
    r"^(\d+\s+)?(comments?|show comments|view comments|recent comments|leave a (comment|reply)|"
    r"post a comment|add a comment|join (our|the) (commenting forum|conversation|discussion)|"
    r"(\d+ )?repl(y|ies)|most (read|popular|viewed)|share( this( article| story)?)?|"
    r"share on \w+|tweet|email|print|copy link|about \w+|check also|related( (stories|articles|content|posts))?|"
    r"more (stories|from .{1,40})|read more|see also|trending|you may also like|recommended)$",
    _I,
)
# "… — follow live" promos; "… — live updates" is how live blogs title themselves, so it stays.
FOLLOW_LIVE = re.compile(r"\b(follow|read|watch) (it )?live\b", _I)
RELATED = re.compile(r"^(related|read more|more|see also|also read|read also|recommended|watch|listen)\s*[:|»>-]\s*\S", _I)
FOOTER = re.compile(
    r"(©|\(c\) ?\d{4}|\ball rights reserved\b|\bprivacy (policy|notice)\b|\bterms (of|and) (use|service|conditions)\b|"
    r"\bcookie (policy|settings)\b|\bcontact us\b)",
    _I,
)
CREDIT_WORD = re.compile(r"\b(reuters|getty|images?|ap|afp|epa|pa|shutterstock|photo|photograph|via|courtesy|credit|anadolu|bloomberg|alamy)\b", _I)
CREDIT_PREFIX = re.compile(r"^(photo(graph)?|image|picture|credit|source)s?\s*(:|by\b|\.\.\.)", _I)
CREDIT_INLINE = re.compile(r"\b(credit\.\.\.|photo:|image:|photograph:|picture:)\s*\S", _I)
SUFFIX_CREDIT = re.compile(r"^(?P<caption>.{15,}?\S) - (?P<credit>[^-]{2,90})$")
TRUNCATED = re.compile(r"(\s…|\s\.\.\.|,\s*…|,\s*\.\.\.)$")
SECOND_PERSON = re.compile(r"\b(you|your|you're|we've)\b", _I)
COPYRIGHT = re.compile(r"(©|\ball rights reserved\b)", _I)
SHORT_WIDGET = 12  # words: widget and banner rules apply to lines no longer than this
BANNER_MAX = 45


def noise_reason(line: Line) -> str | None:
    """Why ``line`` is boilerplate by its form alone, or None."""
    text = line.text
    for rule in (_ad, _video, _credit, _comments, _related, _follow_live, _paywall, _footer):
        reason = rule(text, line)
        if reason:
            return reason
    return None


def _ad(text: str, line: Line) -> str | None:
    return "advertisement" if AD.match(text) else None


def _video(text: str, line: Line) -> str | None:
    return "video/media label" if VIDEO.match(text) else None


def _credit(text: str, line: Line) -> str | None:
    if is_credit(text):
        return "photo credit"
    return None


def is_credit(text: str) -> bool:
    """A photo credit line: short, no lower-case letters ("GETTY IMAGES"), or an agency slash form."""
    letters = [c for c in text if c.isalpha()]
    words = text.split()
    if not letters or len(words) > 10:
        return False
    if CREDIT_PREFIX.match(text):
        return True
    no_lower = not any(c.islower() for c in letters)
    if no_lower and ("/" in text or CREDIT_WORD.search(text)):
        return len(letters) >= 2
    return "/" in text and len(words) <= 6 and bool(CREDIT_WORD.search(text)) and not text.endswith(".")


def _comments(text: str, line: Line) -> str | None:
    return "comment/share widget" if COMMENTS.match(text.strip(" :|»›>")) else None


def _related(text: str, line: Line) -> str | None:
    return "related-article teaser" if RELATED.match(text) else None


def _follow_live(text: str, line: Line) -> str | None:
    if line.words <= 20 and FOLLOW_LIVE.search(text) and not line.sentence_like:
        return "follow-live promo"
    return None


def _paywall(text: str, line: Line) -> str | None:
    """Short account/subscription prompts; longer lines only when they address the reader about
    a subscription or payment ("You must update your payment details ...")."""
    if line.words <= SHORT_WIDGET and (PAYWALL.search(text) or ACCOUNT.search(text)):
        return "paywall/subscription banner"
    if line.words <= BANNER_MAX and PAYWALL.search(text) and SECOND_PERSON.search(text):
        return "paywall/subscription banner"
    return None


def _footer(text: str, line: Line) -> str | None:
    if line.words <= 40 and FOOTER.search(text) and (line.words <= 15 or COPYRIGHT.search(text)):
        return "site footer"
    return None


def truncated(line: Line) -> bool:
    """A teaser's cut-off summary ("It had been clear for years that ..., …")."""
    return line.words <= 40 and bool(TRUNCATED.search(line.text))


def split_suffix_credit(text: str) -> tuple[str, str] | None:
    """``"Caption text - Agency/Name"`` -> (caption, credit) when the tail reads as a credit."""
    m = SUFFIX_CREDIT.match(text)
    if not m:
        return None
    credit = m.group("credit").strip()
    words = credit.split()
    if len(words) > 12 or credit.endswith((".", "?", "!")):
        return None
    capitalised = all(w[0].isupper() or not w[0].isalpha() or w.lower() in {"via", "of", "and", "for", "the"} for w in words)
    if capitalised or CREDIT_WORD.search(credit):
        return m.group("caption"), credit
    return None


def inline_credit(text: str) -> bool:
    """A caption that carries its credit inline ("... Credit... Name/Agency", "Photo: ...")."""
    return bool(CREDIT_INLINE.search(text))
