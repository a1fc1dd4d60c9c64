"""Regular expressions that find time expressions (HeidelTime-style rules), compiled once.

Each rule is ``(name, pattern)``; ``resolve`` and ``periods`` have one resolver per name. Month and weekday
names must be capitalised ("May" the month, not "may" the verb); everything else ignores case.
"""

from __future__ import annotations

import re

MON = (
    r"(?-i:(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?![A-Za-z])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![A-Za-z])\.?))"
)
WDAY = r"(?-i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?![A-Za-z]))"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
NUM = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
)
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
PART = r"(?:morning|afternoon|evening|night)"
EDGE = (
    r"(?:(?:the\s+)?(?:early|late|mid|middle\s+of|end\s+of|beginning\s+of|start\s+of"
    r"|first\s+half\s+of|second\s+half\s+of|earlier|later|around|before)(?:\s+|-))?"
)
TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
SPELLED_YEAR = (
    rf"(?:nineteen|eighteen)[-\s]+(?:{TENS}(?:[-\s]{UNITS})?|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    rf"|two\s+thousand(?:\s+and)?(?:[-\s]+(?:{UNITS}|ten|eleven|twelve|{TENS}(?:[-\s]{UNITS})?))?"
)
TZ = r"(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b))?(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|BST|UTC|CET|CEST|ET|MSK|local\s+time))?"
# a comma or spaces between a date's parts; tokenised text puts a space before the comma ("April 27 , 2003")
COMMA = r"(?:[ \t]?,\s+|\s+)"
NOT_QTY = r"(?!\s*(?:%|percent|per\s+cent|[-/]\d|,\d{3}|\.\d))"

RULES: tuple[tuple[str, str], ...] = (
    ("iso", rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?\b"),
    ("numeric", rf"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>{YEAR})\b"),
    (
        "time",
        rf"(?:\b(?:around|about)\s+)?\b(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap](?:\.\s?m\.|\s?m\b))"
        rf"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|BST|UTC|CET|CEST|ET|MSK|local\s+time)\b)?"
        rf"(?:,?[ \t]+(?:on[ \t]+)?(?:(?P<wd>{WDAY})|(?P<rel>today|yesterday|tomorrow)\b|(?P<mon>{MON})[ \t]+(?P<d>[0-3]?\d)\b))?",
    ),
    (
        "clock",
        r"\b(?P<h>[012]\d)[:.](?P<mi>[0-5]\d)\s+(?P<tz>GMT|BST|UTC|CET|CEST|MSK|EST|EDT|local\s+time)\b",
    ),
    (
        "noon",
        rf"(?:\b(?:around|about)\s+)?\b(?P<w>noon|midnight)(?:[ \t]+(?:on[ \t]+)?(?:(?P<wd>{WDAY})|(?P<rel>today|yesterday|tomorrow)\b))?",
    ),
    (
        "mdy",
        rf"(?:(?P<wd>{WDAY}){COMMA})?{EDGE}(?P<mon>{MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,\d|\.\d|:\d)(?:{COMMA}(?P<y>{YEAR})\b{NOT_QTY})?",
    ),
    (
        "dmy",
        rf"(?:(?P<wd>{WDAY}){COMMA})?(?:the\s+)?\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MON})(?:{COMMA}(?P<y>{YEAR})\b{NOT_QTY})?",
    ),
    (
        "month_year",
        rf"{EDGE}(?P<mon>{MON}),?\s+(?:of\s+)?(?:(?P<y>{YEAR})\b{NOT_QTY}|(?P<sy>{SPELLED_YEAR})\b|(?P<rel>this|last|next)\s+year\b)",
    ),
    ("month_mod", rf"\b{EDGE}(?P<mod>last|next|this|this\s+past|this\s+coming|early|late)\s+(?P<mon>{MON})"),
    ("month", rf"{EDGE}(?P<mon>{MON})(?!\s*\d)"),
    (
        "weekday",
        rf"(?:\b(?P<mod>last|next|this|this\s+past|this\s+coming|the\s+previous|the\s+following|early|late|earlier|later)\s+)?"
        rf"(?P<wd>{WDAY})(?:'s)?(?:\s+(?P<part>{PART}))?",
    ),
    (
        "relday",
        rf"\b(?:(?:early|late|earlier|later)\s+|(?:mid-?)?(?P<pre>{PART})\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<part>{PART}))?",
    ),
    ("dayparts", rf"\b(?:(?:later|earlier)\s+)?(?P<mod>this|last|tomorrow|yesterday)\s+(?P<part>{PART})\b"),
    (
        "relunit",
        rf"\b{EDGE}(?P<mod>last|this|next|this\s+past|the\s+past|the\s+current|the\s+coming|the\s+previous|the\s+next|the\s+latest|the\s+same)\s+"
        r"(?:(?:fiscal|financial|budget)\s+(?=years?\b))?(?P<unit>years?|months?|weeks?|weekend|decades?|century|spring|summer|fall|autumn|winter)\b(?!\s+(?:of|or\s+two))",
    ),
    (
        "ago",
        rf"\b(?:(?:nearly|almost|about|some|more\s+than|roughly|around|just|only|barely)\s+)?(?P<n>{NUM}|a\s+few|several|a\s+couple\s+of|many)"
        r"\s+(?P<unit>years?|months?|weeks?|days?|decades?)(?:\s+or\s+(?:so|two|more))?\s+(?P<dir>ago|earlier)\b",
    ),
    ("weekend", r"\b(?:the|this|last|next|over\s+the)\s+weekend\b"),
    ("year_rel", r"\b(?P<w>year-(?:ago|earlier)|a\s+year\s+(?:ago|earlier))\b"),
    (
        "quarter",
        rf"(?:\b(?:the|its|a|an|this\s+year's|last\s+year's|next\s+year's|(?P<y1>{YEAR})'s|(?:the\s+)?(?P<y2>{YEAR}))\s+)?"
        rf"(?:(?:fiscal|flat|weak|strong|calendar|latest)[-\s]+)*(?P<ord>{ORD})[-\s](?:fiscal[-\s])?(?P<unit>quarter|half)\b"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y3>{YEAR})\b|\s+(?P<y4>{YEAR})\b{NOT_QTY})?",
    ),
    ("qcode", rf"\b(?P<q>Q[1-4]|H[12])(?:\s+|/)?(?P<y>{YEAR})?\b"),
    (
        "refquarter",
        r"\b(?:the|this|that|its)\s+(?P<mods>(?:(?:latest|current|most\s+recent|recent|same|comparable|corresponding|year-ago|year-earlier|previous|prior|fiscal)\s+)*)"
        rf"(?P<unit>quarter|period)\b(?!\s+of\b)(?:\s+(?P<ly>a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?P<y>{YEAR})))?",
    ),
    ("fiscal_year", rf"\b(?:the\s+)?(?P<mod>fiscal|calendar)(?:\s+year)?\s+(?P<y>{YEAR})\b{NOT_QTY}"),
    ("the_year", r"\bthe\s+(?:full|current\s+fiscal|current|calendar)\s+year\b(?!\s+(?:before|after|earlier|ago|when|that|in|of|to|old)\b)"),
    ("year_end", r"\b(?:(?:around|at|by)\s+)?year(?:'s)?[-\s]end\b"),
    ("decade", r"\b(?:the\s+)?(?:(?:early|mid|late|last\s+half\s+of\s+the|first\s+half\s+of\s+the)[-\s]+)?(?:(?P<c>1[6-9]|20)(?P<d>\d)0|'(?P<d2>\d)0)'?s\b"),
    ("decade_word", r"\bthe\s+(?:(?:early|mid|late)[-\s]+)?(?:nineteen[-\s])?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
    ("century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[-\s]century\b"),
    ("season_year", rf"\b(?:the\s+)?(?:(?:early|late)\s+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+of)?\s+(?:(?P<y>{YEAR})\b|(?P<sy>{SPELLED_YEAR}))"),
    ("season", r"\b(?:the\s+)?(?:(?:early|late)\s+)?(?P<s>spring|summer|autumn)\b"),
    ("spelled_year", rf"\b(?:the\s+year\s+)?(?P<sy>{SPELLED_YEAR})\b"),
    ("year", rf"(?<![\d$£€.,/-])\b{EDGE}(?:the\s+(?=\d{{4}}\s+period))?(?P<y>{YEAR})\b(?:\s+period\b)?{NOT_QTY}"),
    ("present", r"\b(?:right\s+now|now|currently|at\s+present|presently|these\s+days|nowadays|at\s+the\s+moment|at\s+this\s+time)\b"),
    (
        "past",
        r"\b(?:(?:more\s+|most\s+|until\s+|only\s+)?recently|lately|formerly|previously(?!\s+(?:\w+ed|said|held|had|been|known|seen|shown|told)\b)"
        r"|(?:in\s+)?the\s+past(?!\s+(?:\d|year|month|week|decade|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|century))"
        r"|recent\s+(?:years|months|weeks|days|times)|past\s+years)\b",
    ),
    (
        "future",
        r"\b(?:the\s+(?:near\s+|foreseeable\s+|distant\s+)?future(?!\s+(?:of|for)\b)|(?<!\bas\s)soon(?!\s+(?:after|afterwards?|as|enough)\b)"
        r"|as\s+soon\s+as\s+possible|the\s+(?:near|short|long)\s+term|(?:the\s+)?coming\s+(?:years|months|weeks|days|quarters)|future\s+(?:years|quarters))\b",
    ),
)

COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in RULES
)
RULE_ORDER = {name: i for i, (name, _) in enumerate(RULES)}

# A capitalised word before a bare month makes it a name ("Theresa May"), unless it is one of these.
MONTH_LEADS = frozenset(
    "in by since until till last next this early late mid before after during from through "
    "of on and or to the since, as throughout".split()
)

# What every match of a rule must contain: lower-case words (found with str.find in the
# lower-cased text), capitalised words (in the text as is), or a short regex over digits. The
# full rule runs only on the lines where its trigger occurs: the rules are slow to try at every
# position of a long article, and most lines hold no time expression at all.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UNITS = ("year", "month", "week", "decade", "century", "spring", "summer", "fall", "autumn", "winter")
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
Trigger = tuple[str, tuple[str, ...] | re.Pattern[str]]
TRIGGERS: dict[str, Trigger] = {
    "iso": ("regex", re.compile(r"\d{4}-[01]\d")),
    "numeric": ("regex", re.compile(r"\d/\d")),
    "time": ("regex", re.compile(r"\d ?[aApP]\.? ?[mM]")),
    "clock": ("regex", re.compile(r"\d[:.]\d\d\s")),
    "noon": ("lower", ("noon", "midnight")),
    "mdy": ("cased", _MONTHS),
    "dmy": ("cased", _MONTHS),
    "month_year": ("cased", _MONTHS),
    "month_mod": ("cased", _MONTHS),
    "month": ("cased", _MONTHS),
    "weekday": ("cased", ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")),
    "relday": ("lower", ("today", "yesterday", "tomorrow", "tonight")),
    "dayparts": ("lower", ("morning", "afternoon", "evening", "night")),
    "relunit": ("lower", _UNITS),
    "weekend": ("lower", ("weekend",)),
    "ago": ("lower", ("ago", "earlier")),
    "year_rel": ("lower", ("year",)),
    "quarter": ("lower", ("quarter", "half")),
    "qcode": ("regex", re.compile(r"[QH][1-4]")),
    "refquarter": ("lower", ("quarter", "period")),
    "fiscal_year": ("lower", ("fiscal", "calendar")),
    "the_year": ("lower", ("year",)),
    "year_end": ("lower", ("end",)),
    "decade": ("regex", re.compile(r"0'?s")),
    "decade_word": ("lower", ("ties",)),
    "century": ("lower", ("century",)),
    "season_year": ("lower", _SEASONS),
    "season": ("lower", _SEASONS),
    "spelled_year": ("lower", ("nineteen", "eighteen", "thousand")),
    "year": ("regex", re.compile(r"\d{4}")),
    "present": ("lower", ("now", "current", "present", "these days", "nowadays", "moment", "this time")),
    "past": ("lower", ("recent", "lately", "formerly", "previously", "past")),
    "future": ("lower", ("future", "soon", "term", "coming")),
}


def trigger_positions(trigger: Trigger, text: str, lower: str) -> list[int]:
    """Offsets where ``trigger`` occurs (``lower`` is ``text`` lower-cased, same length)."""
    kind, what = trigger
    if kind == "regex":
        return [m.start() for m in what.finditer(text)]
    haystack = lower if kind == "lower" else text
    found: list[int] = []
    for word in what:
        at = haystack.find(word)
        while at >= 0:
            found.append(at)
            at = haystack.find(word, at + len(word))
    return found
