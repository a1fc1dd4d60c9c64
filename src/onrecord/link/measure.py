"""What a figure counts: the measure a claim is about, read from its words and its sentence.

A measure is the counted noun's head and qualifiers (``Russian soldiers``: head ``soldier``,
qualifier ``russ``; a trailing participle that names no event is dropped: ``indictment released``
counts indictments), the event of the words around the figure (signed contracts, died, on strike),
its rate (``a day``, ``a year``), whether it is a forecast (``could``, ``expected``) and whether it
is compared with another figure of the same sentence (``lower than the 280,000``, ``up from
12,000``). A sum of money has no counted noun: what it is for or where it comes from names it
(head ``money for`` / ``money from``, see :func:`_money`), or a named earner (``money earned``:
"the Clintons earned $140,937,785", :func:`_earned`); a percentage with no counted noun may be a
rate of a named holder (``rate``: "the Clintons' effective federal tax rate", :func:`_rate`). The
named winner of a count won or held is one of its qualifiers ("The Conservative Party ... won 121
seats"), and a figure right after "N of" is the whole, not the part ("157 of 338 seats"): see
:mod:`onrecord.link.winners`. Two claims are about the same measure when :func:`compatible` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.link.measure_named import asked_purpose, compound, copula_subject, kinds
from onrecord.link.opinions import opinion_of
from onrecord.link.text import content_words, stem, words
from onrecord.link.winners import whole_of, winner
from onrecord.models import Claim
from onrecord.synonyms import SYNONYMS

SMALL = 10  # counts below this ("two leaders") are compared only when everything matches
WINDOW_BEFORE = 50  # characters of its clause read before a figure for its event and forecast
WINDOW_AFTER = 70  # and after it (both stop at the neighbouring figure and at the clause's end)
PROPER_PREFIX = 4  # "Russian"/"Russia", "Ukrainian"/"Ukraine" share their first letters

PERSON_NOUNS = frozenset(
    stem(w)
    for w in """people person men man women woman members workers soldiers troops personnel
    staff employees strikers recruits civilians residents protesters fighters volunteers""".split()
)

PEOPLE = frozenset(stem(w) for w in "people person men man women woman".split())  # nouns of anyone

# Counted nouns that name the same thing (onrecord.synonyms), each set read as its first word
HEAD_OF = {stem(w): stem(ws.split()[0]) for ws in SYNONYMS for w in ws.split()}

EVENT_CLASSES = {
    "enlist": "volunteer volunteered volunteering voluntary voluntarily contract enlist enlisted "
    "recruit recruited sign signed signing",
    "strike": "strike striking walkout walked stopped",
    "killed": "killed died dead death deaths fatalities",
    "wounded": "wounded injured injuries",
    "casualties": "lost losses casualties",
    "mobilised": "mobilised mobilized mobilisation mobilization called",
    "fled": "fled displaced refugees",
    "fired": "fired",
    "produced": "produce produced produces manufacture manufactured turn",
    "possessed": "possess possesses stockpile stockpiled",
    "waiting": "waiting queue queued",
    "diverted": "diverted divert move moved moving unlock unlocked tap tapped redirect redirected shift shifted",
    "demanded": "demanded demanding requested sought proposed",
    # a threshold ("the 41 votes necessary to filibuster") is not a tally held ("has only 51 votes")
    "needed": "needed necessary required",  # verbs: "as part of a request" is no sum asked for
    # a contingent abroad is counted as sent, deployed, stationed or in training: one measure
    "deployed": "send sent sending deploy deployed deploying dispatch dispatched stationed training trained",
}
# How a measure's name reads each event class ("Russian men (signed up)")
EVENT_LABEL = {"enlist": "signed up", "strike": "on strike", "casualties": "lost", "possessed": "held"}
EVENT_OF = {stem(w): cls for cls, ws in EVENT_CLASSES.items() for w in ws.split()}

RATE = re.compile(r"\b(?:a|an|per|every|each)\s+(day|week|month|year)\b|\b(daily|weekly|monthly|annually|yearly)\b",
                  re.IGNORECASE)
RATE_OF = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}
FORECAST = re.compile(r"\b(?:could|would|will|may|might|expected|expects|forecast|predicts?|going to)\b", re.IGNORECASE)
# "could be as large as 15,000": a hedge on a present size, not a forecast
HEDGE = re.compile(r"\b(?:could|may|might|would)\s+be\s+(?:as (?:large|high|many|much|big) as|up to|about|around|"
                   r"more than|over|some|nearly|almost)?\s*$", re.IGNORECASE)
CLAUSE_END = re.compile(r"[,;:—–]|\band\b|\bbut\b")
COMPARE = re.compile(r"\b(?:than|compared with|compared to|against)(?:\s+the)?\s*$", re.IGNORECASE)
UPDATE = re.compile(r"\b(?:up|down|rose|risen|fell|fallen|increased|decreased|grew)\s+from(?:\s+the)?\s*$",
                    re.IGNORECASE)
# Money has no counted noun: what it is for or where it comes from names it ("$5.7 billion for the
# wall", "$3.6 billion from military construction projects", "money from the construction budget,
# to the tune of $3.5 billion").
CURRENCIES = frozenset({"$", "us$", "£", "€", "¥", "yuan", "euro", "euros", "dollar", "dollars", "pound",
                        "pounds", "rupees", "roubles", "rubles", "yen"})
MONEY_AFTER = re.compile(r"^\W*(?:in\s+(?:all|total)\s+|in\s+(?:[\w'’-]+\s+){0,3}?(?:funding|funds|money|spending)\s+)?"
                         r"(from|for|toward|towards)\s+(.*)", re.IGNORECASE | re.DOTALL)
TUNE = re.compile(r"[,\s]*\bto the tune of\s*$", re.IGNORECASE)
MONEY_BEFORE = re.compile(r"\b(from|for|toward|towards)\s+", re.IGNORECASE)
PHRASE_END = re.compile(r"[,;:.()—–\"“”]|\s(?:to|into|toward|towards|for|from|in|on|at|by|with|that|which|who|as|along|"
                        r"and|or|but|than|while|after|before|so|is|are|was|were|has|have|had|will|would)\s",
                        re.IGNORECASE)  # the phrase ends at the next verb too ("for the wall is non-negotiable")
MONEY_WORDS = frozenset({"money", "fund", "funding", "dollar", "cash"})
SAYS = re.compile(r"^\W*(?:the\s+)?((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+"
                  r"(?:said|says|say|estimated|estimates|claimed|claims|put|puts|reported)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Measure:
    """What one figure counts (see the module docstring)."""

    head: str  # stemmed last counted word ("" when the claim names none)
    proper: frozenset[str]  # nationality / place qualifiers, cut to their first letters
    common: frozenset[str]  # the other counted words
    events: frozenset[str]  # event classes of the words around the figure
    rate: str  # "", "day", "week", "month", "year"
    forecast: bool
    compares: str = ""  # "than" or "from" when the figure is compared with the one before it

    @property
    def person(self) -> bool:
        return self.head in PERSON_NOUNS


def _proper(word: str) -> str:
    return word.lower()[:PROPER_PREFIX]


def _counted(counted: str) -> tuple[str, frozenset[str], frozenset[str]]:
    raw = [w for w in re.findall(r"[\w'’-]+", counted) if content_words(w)]
    if len(raw) > 1 and _participle(raw[-1]) and stem(raw[-1].lower()) not in EVENT_OF:
        raw = raw[:-1]  # "indictment released (by ...)", "votes needed": the noun counts, not the act
    if not raw:
        return "", frozenset(), frozenset()
    head = stem(raw[-1].lower())
    head = HEAD_OF.get(head, head)
    proper = {_proper(w) for w in raw[:-1] if w[:1].isupper() and w.lower() not in ("the", "a")}
    common = {stem(w.lower()) for w in raw[:-1] if not w[:1].isupper()}
    if re.search(r"\bother\b", counted, re.I):
        common.add(stem("other"))  # "dozens of other Democrats": not the Democrats counted elsewhere
    if raw[-1][:1].isupper():  # "Russians": a demonym counts people of that place
        proper.add(_proper(raw[-1]))
        head = "people"
    return head, frozenset(proper), frozenset(common)


IRREGULAR_PARTICIPLES = frozenset("brought given taken made held paid sold left found kept seen shown".split())


def _participle(word: str) -> bool:
    w = word.lower()
    return w == word and (w.endswith("ed") or w in IRREGULAR_PARTICIPLES)


def read(c: Claim, before: str, after: str, earlier: str = "", document: str = "", sentence: str = "") -> Measure:
    """The measure of ``c``; ``before``/``after`` are the sentence's words around the figure, cut
    at the neighbouring figures; ``earlier`` the text before the sentence (what "that project"
    stands for), ``document`` all of it, ``sentence`` the sentence before the figure (readings of
    :mod:`onrecord.link.measure_named`)."""
    head, proper, common = _counted(c.counted or "")
    if head and compound(after):
        head = ""  # "48 states and the District of Columbia": neither set alone
    clause = _clause(before, after)
    context = clause
    if not head and is_money(c):
        head, proper, common, context = _money(before, after, clause, earlier)
        if not head:
            head, proper, common = _earned(before)
        if not head and (purpose := asked_purpose(before, document)):
            proper, common = _purpose(purpose)
            head = "money for" if proper or common else ""
        if not head and (subject := copula_subject(before)):
            head, proper, common = _counted(subject)
    common |= kinds(before, sentence or before, earlier)
    if not head and (c.unit or "") == "%":
        head, proper, common = _rate(before)
    events = frozenset(EVENT_OF[w] for w in map(stem, words(context)) if w in EVENT_OF) | _who_did(after) | opinion_of(after, c.unit)
    proper |= {_proper(w) for w in re.findall(r"\b[A-Z][a-z]+(?:ian|ean|ese|ish)\b", before[-25:])}
    proper |= winner(before)  # "The Conservative Party ... won 121 seats": not the Liberals' seats
    if whole_of(before):
        common |= {WHOLE}  # "157 of 338 seats": the whole, not the part
    rate = next((m.group(1) or RATE_OF[m.group(2).lower()] for m in RATE.finditer(after[:WINDOW_AFTER])), "")
    compares = "from" if UPDATE.search(before) else "than" if COMPARE.search(before) else ""
    # a relative clause on the counted noun ("15 bills that they contend will help") is no forecast of the figure
    forecast = bool(FORECAST.search(_clause(before, RELATIVE.split(after, maxsplit=1)[0]))) and not HEDGE.search(before)
    return Measure(head, frozenset(proper), common, events, rate.lower(), forecast, compares)


# "the 10 Democrats who gathered outside the Senate chamber": the verb of a relative clause on the
# counted noun names the set counted (not the 33 Democrats whose support passed the bill).
WHO_DID = re.compile(r"^\W*(?:of\s+)?(?:[\w'’-]+\s+){0,4}?who\s+(?:\w+ly\s+)?(?:have\s+|has\s+|had\s+)?([a-z]+)\b")


def _who_did(after: str) -> frozenset[str]:
    m = WHO_DID.match(after)
    if m is None or m.group(1) in AUXILIARIES:
        return frozenset()
    verb = stem(m.group(1))
    return frozenset({EVENT_OF.get(verb, f"who {m.group(1)}")})


AUXILIARIES = frozenset("is are was were be been will would could can may might must should do did does not".split())


def is_money(c: Claim) -> bool:
    return (c.unit or "").lower() in CURRENCIES


RELATIVE = re.compile(r"\s(?:that|which|who)\s")
# "for that project": a purpose named by a word pointing back takes the last purpose named before
DEMONSTRATIVE = re.compile(r"^\s*(?:that|this|the same)\s+\w+\s*(?:[,;.]|$|\s(?:while|and|but)\s)", re.IGNORECASE)
EARLIER_PURPOSE = re.compile(r"\b(for|from|toward|towards)\s+((?:[\w'’-]+\s+){0,2}(?:money|funding|funds))\b",
                             re.IGNORECASE)


def _money(before: str, after: str, clause: str, earlier: str = ""
           ) -> tuple[str, frozenset[str], frozenset[str], str]:
    """What a sum of money is: ``money for`` or ``money from`` as its head and the words of that
    phrase as qualifiers ("for that project": those of the last purpose of money named in
    ``earlier``, "his demand for wall money"); the text its events are read from (the clause, and
    before "to the tune of" the clause it ends)."""
    role, phrase, context = "", "", clause
    m = MONEY_AFTER.match(after)
    if m:
        role, phrase = m.group(1).lower(), m.group(2)
        back = list(EARLIER_PURPOSE.finditer(earlier)) if DEMONSTRATIVE.match(phrase) else []
        if back:
            role, phrase = back[-1].group(1).lower(), back[-1].group(2)
    elif TUNE.search(before):
        pre = re.split(r"[;:—–]", TUNE.sub("", before))[-1]
        found = list(MONEY_BEFORE.finditer(pre))
        if found:
            role, phrase = found[-1].group(1).lower(), pre[found[-1].end():]
            context = clause + " " + pre[-WINDOW_BEFORE - len(phrase):]
    if not role:
        return "", frozenset(), frozenset(), clause
    proper, common = _purpose(phrase)
    if not proper and not common:
        return "", frozenset(), frozenset(), clause
    return "money " + ("from" if role == "from" else "for"), proper, common, context


def _purpose(phrase: str) -> tuple[frozenset[str], frozenset[str]]:
    """The qualifiers of a purpose or source of money, to the end of its phrase."""
    phrase = PHRASE_END.split(" " + phrase + " ", maxsplit=1)[0]
    raw = [w for w in re.findall(r"[\w'’-]+", phrase) if content_words(w)]
    proper = frozenset(_proper(w) for w in raw if w[:1].isupper())
    return proper, frozenset(stem(w.lower()) for w in raw if not w[:1].isupper()) - MONEY_WORDS


# A sum earned, named by who earned it: "the Clintons earned $140,937,785", "Hillary and Bill
# Clinton earned roughly $141 million" (a pair, by their shared surname); "she earned" names no one.
EARNED = re.compile(r"(?:^|[,;:—–(]|\bthat\b)\s*((?:[\w.'’-]+\s+){1,6}?)(?:(?:have|has|had)\s+)?"
                    r"(?:earned|made|took in|brought in)\s*$", re.IGNORECASE)
# A rate, named by whose it is: "the Clintons' effective federal tax rate for 2014 was 35.7 percent",
# "Bush paid an effective tax rate of roughly 36 percent"; a rate of no one named has no measure.
RATE_BEFORE = re.compile(r"((?:[\w'’-]+\s+){1,6}?)rate\s*(?:(?:for|in)\s+\d{4}\s+)?"
                         r"(?:of|was|is|were|are|stood at|at|:)?\s*$", re.IGNORECASE)
NOT_NAMES = frozenset("""mr mrs ms dr sen rep gov president former last this the a an he she it they we i
    his her its their our""".split())  # capitalised words that name no one
PAIR = re.compile(r"\b(?:and|couple|both)\b", re.IGNORECASE)


def _named(words_: list[str]) -> frozenset[str]:
    """The names among a few words, cut to their first letters (not titles, not "Last")."""
    return frozenset(_proper(w) for w in words_ if w[:1].isupper() and w.lower().strip(".’'") not in NOT_NAMES)


def _earned(before: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """``money earned`` by a named earner: their surname, and ``pair`` for two of them."""
    m = EARNED.search(re.split(r"[;:—–]", before)[-1])
    if not m:
        return "", frozenset(), frozenset()
    subject = m.group(1).split()
    names = [w for w in subject if w[:1].isupper() and w.lower().strip(".’'") not in NOT_NAMES]
    if not names:
        return "", frozenset(), frozenset()
    last = re.sub(r"['’]s?$", "", names[-1])
    pair = bool(PAIR.search(m.group(1))) or (last.endswith("s") and len(names) == 1)
    return "money earned", frozenset({_proper(last)}), frozenset({"pair"} if pair else set())


def _rate(before: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """``rate`` of a named holder, with the words before "rate" (tax, effective, federal)."""
    m = RATE_BEFORE.search(re.split(r"[,;—–]", before)[-1])
    if not m:
        return "", frozenset(), frozenset()
    raw = re.findall(r"[\w'’-]+", m.group(1))
    names = _named(raw)
    if not names:
        return "", frozenset(), frozenset()
    common = frozenset(w for w in (content_words(" ".join(x for x in raw if not x[:1].isupper())))
                       if w in RATE_WORDS)
    return "rate", names, common


# The words that say which rate it is ("paid", "said", "his" say nothing of it)
RATE_WORDS = frozenset(stem(w) for w in """tax taxes income federal state local effective average combined
    marginal corporate capital payroll interest unemployment growth inflation mortgage""".split())


def _clause(before: str, after: str) -> str:
    """The words of the figure's own clause around it (at most the window on each side)."""
    return CLAUSE_END.split(before)[-1][-WINDOW_BEFORE:] + " " + CLAUSE_END.split(after, maxsplit=1)[0][:WINDOW_AFTER]


def inherit(m: Measure, other: Measure) -> Measure:
    """A compared figure ("lower than the 280,000") counts what the figure before it counts."""
    return Measure(m.head or other.head, m.proper or other.proper, m.common or other.common,
                   m.events or other.events, m.rate or other.rate, m.forecast or other.forecast, m.compares)


def elliptic(m: Measure, other: Measure) -> bool:
    """Whether ``m`` names the same thing as the earlier figure ``other`` of its sentence with
    fewer words ("training up to 3,000 North Korean soldiers, although ... could be as large as
    15,000 troops"): the same head, no event and no place of its own."""
    return bool(m.head) and m.head == other.head and not m.events and not m.proper and m.rate == other.rate


# Qualifiers that set a count off from another ("at least 40 different states", "12 additional
# devices", "the dozens of other Democrats"): such a count is another set than a plain count of the
# noun, so both must carry the same. ("other" is a stop word: ``_counted`` keeps it for this.)
WHOLE = "whole of"  # a qualifier no word stems to
SET_OFF = frozenset(stem(w) for w in ("different", "additional", "separate", "other")) | {WHOLE}


def compatible(a: Measure, b: Measure, small: bool) -> bool:
    """Whether two figures count the same thing (same head or both people doing the same thing;
    no contradicting qualifiers, events, rate or forecast). Small counts need identical words."""
    if a.rate != b.rate or a.forecast != b.forecast or not a.head or not b.head:
        return False
    if a.common & SET_OFF != b.common & SET_OFF or {w for w in a.common if w.startswith("kind:")} != {
            w for w in b.common if w.startswith("kind:")}:
        return False  # "at least 40 different states"; the official measure is not the supplemental one
    if a.head in PEOPLE and b.head in PEOPLE and not a.events and not b.events:
        return False  # "43.1 million Americans", "26.6 million people": anyone, counted for what is not read
    if small:
        return (a.head, a.proper, a.common) == (b.head, b.proper, b.common) and bool(a.events & b.events)
    if a.events != b.events and not (a.events & b.events):
        return False
    if a.head != b.head and not (a.person and b.person and a.events & b.events):
        return False
    if a.head != b.head and (a.head in PEOPLE) != (b.head in PEOPLE) and a.proper != b.proper:
        return False  # "people" killed in the war are not "Ukrainian troops" killed
    if a.proper and b.proper and a.proper != b.proper:
        return False
    if a.head in ("money earned", "rate"):  # named by whose they are: the same holder, the same words
        return a.proper == b.proper and (a.common <= b.common or b.common <= a.common) and (
            a.head == "rate" or a.common == b.common)
    if a.head.startswith("money "):  # sums named by their purpose or source: a shared word is enough
        return bool(a.common & b.common) or (bool(a.proper) and a.proper == b.proper)
    return a.head != b.head or a.common <= b.common or b.common <= a.common


def unit_key(unit: str | None, counted: str | None) -> str:
    """The unit a figure is blocked by: none for a plain count whose "unit" is the counted noun
    (``270,000 people``, ``12,000 members``), so that counts of people compare across nouns."""
    u = (unit or "").lower()
    if u.isalpha() and (stem(u) in PERSON_NOUNS or stem(u) in {stem(w) for w in words(counted or "")}):
        return ""
    return u


def speaker_before(sentence: str) -> str | None:
    """``port authority`` in "The port authority said only 8,000 ...": who the sentence quotes."""
    m = SAYS.match(sentence)
    return " ".join(m.group(1).split()) if m else None
