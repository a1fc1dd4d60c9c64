"""Names of actors: cleaning NER spans, normalising names, and the small lexicons actors need.

Everything here is plain string work (no spaCy), so the link stage can reuse it across articles.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Words that precede a person's name as a form of address or title and are not part of the name.
HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister
    premier chancellor king queen prince princess pope rev reverend father sheikh comrade mister
    madam madame secretary ambassador judge justice gen general col colonel lt lieutenant maj
    major capt captain sgt sergeant adm admiral marshal sen senator rep gov governor mayor
    chairman chairwoman deputy foreign defence defense supreme leader dictator patriarch""".split()
)
# Titles that, capitalised right before a capitalised word, introduce a person's name even where
# NER missed it ("Patriarch Kirill", "Mayor Sokolov"). Titles that also open names of things
# ("General Motors", "Justice Department", "Major League") are left out.
PERSON_TITLES = frozenset(
    """mr mrs ms miss mx dr prof sir dame lady mister madam madame president premier chancellor
    king queen prince princess pope patriarch cardinal archbishop bishop rabbi imam ayatollah
    sheikh rev reverend senator sen gov governor mayor ambassador colonel admiral marshal
    lieutenant sergeant""".split()
)
# Words that make a capitalised phrase a place or an institution, not a person ("King Street",
# "Queen Mary University", "Premier League").
INSTITUTION_WORDS = frozenset(
    """court assembly office house council department ministry party administration government
    palace church cathedral street square avenue road bridge hospital university college school
    airport station foundation institute committee commission bank fund league cup island islands
    bay river lake park hall tower centre center museum hotel prize award agency service
    corporation company group club day forces army navy""".split()
)
# Verbs that headline-case NER glues to a name ("Obama Says").
HEADLINE_VERBS = frozenset(
    """says said tells told warns warned calls called seeks urges vows asks claims wants plans
    meets hits slams blasts denies admits defends insists accuses rejects backs""".split()
)
# Honorifics that say nothing about the person's function (not kept as roles).
ADDRESS_FORMS = frozenset("mr mrs ms miss mx dr sir dame mister madam madame".split())
FEMALE_ADDRESS = frozenset("mrs ms miss madam madame dame".split())
MALE_ADDRESS = frozenset("mr mister sir".split())

# Lower-case parts allowed inside a person's name ("Ursula von der Leyen", "Bashar al-Assad").
NAME_PARTICLES = frozenset("von van der den de del della da di du la le al el bin ibn bint".split())

# The group each actor type is compared within: facilities are organisations, locations places.
TYPE_GROUP = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "FAC": "ORG",
    "GPE": "GPE",
    "LOC": "GPE",
    "NORP": "NORP",
    "NATIONALITY": "NATIONALITY",
}
# The type of a nationality adjective ("North Korean soldiers"): an attribute of what it
# modifies, kept for events and stories, never listed as an actor.
ATTRIBUTE_TYPE = "NATIONALITY"

# Canonical names of states and bodies, keyed by normalised variants.
_STATES: dict[str, tuple[str, ...]] = {
    "United States": (
        "us",
        "u s",
        "usa",
        "u s a",
        "united states",
        "united states of america",
        "america",
        "the us",
        "the united states",
    ),
    "United Kingdom": ("uk", "u k", "britain", "great britain", "united kingdom"),
    "North Korea": (
        "north korea",
        "dprk",
        "democratic people's republic of korea",
        "democratic peoples republic of korea",
    ),
    "South Korea": ("south korea", "republic of korea", "rok"),
    "Russia": ("russia", "russian federation"),
    "China": ("china", "prc", "people's republic of china", "peoples republic of china"),
    "Ukraine": ("ukraine",),
    "Japan": ("japan",),
    "Iran": ("iran", "islamic republic of iran"),
    "France": ("france",),
    "Germany": ("germany",),
    "United Nations": ("un", "u n", "united nations"),
    "European Union": ("eu", "e u", "european union"),
    "Nato": ("nato", "north atlantic treaty organization", "north atlantic treaty organisation"),
}
STATE_NAMES: dict[str, str] = {v: name for name, vs in _STATES.items() for v in vs}
STATE_BODIES = frozenset({"United Nations", "European Union", "Nato"})
# Platforms and companies the statistical NER often reads as people ("a fiery response from Fox,
# also on Twitter, as he called on …": Twitter is not who "he" is)
PLATFORMS = frozenset(
    "twitter facebook instagram youtube google yahoo tiktok reddit snapchat whatsapp linkedin".split()
)

# Metonyms: a capital, a seat of government or a government building standing for a state.
METONYMS: dict[str, tuple[str, str]] = {  # normalised -> (state canonical name, actor type)
    "kremlin": ("Russia", "ORG"),
    "moscow": ("Russia", "GPE"),
    "pyongyang": ("North Korea", "GPE"),
    "washington": ("United States", "GPE"),
    "white house": ("United States", "ORG"),
    "pentagon": ("United States", "ORG"),
    "state department": ("United States", "ORG"),
    "kyiv": ("Ukraine", "GPE"),
    "kiev": ("Ukraine", "GPE"),
    "beijing": ("China", "GPE"),
    "seoul": ("South Korea", "GPE"),
    "tokyo": ("Japan", "GPE"),
    "london": ("United Kingdom", "GPE"),
    "downing street": ("United Kingdom", "ORG"),
    "whitehall": ("United Kingdom", "ORG"),
    "tehran": ("Iran", "GPE"),
    "paris": ("France", "GPE"),
    "elysee": ("France", "ORG"),
    "berlin": ("Germany", "GPE"),
    "brussels": ("European Union", "GPE"),
}
# Metonyms NER often misses; scanned for in the text as written (capitalised).
SCANNED_METONYMS = ("Kremlin", "White House", "Pentagon", "Downing Street", "Whitehall")

# Words naming a nationality, or a body tied to one, mapped to the state.
NATIONALITY: dict[str, str] = {
    "russian": "Russia",
    "russians": "Russia",
    "soviet": "Russia",
    "kgb": "Russia",
    "fsb": "Russia",
    "gru": "Russia",
    "north korean": "North Korea",
    "north koreans": "North Korea",
    "south korean": "South Korea",
    "south koreans": "South Korea",
    "american": "United States",
    "americans": "United States",
    "cia": "United States",
    "fbi": "United States",
    "ukrainian": "Ukraine",
    "ukrainians": "Ukraine",
    "chinese": "China",
    "british": "United Kingdom",
    "mi6": "United Kingdom",
    "japanese": "Japan",
    "iranian": "Iran",
    "french": "France",
    "german": "Germany",
    "kazakh": "Kazakhstan",
    "swedish": "Sweden",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "mexican": "Mexico",
    "canadian": "Canada",
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})
_LEAD_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL_POSS = re.compile(r"(?:['’]s|['’])$")
_STRIP = ' \t\r\n,;:"“”‘’()[]{}«»-–—*•|/'
_HONORIFIC_RE = re.compile(r"^([A-Z][a-z]*)\.?\s+")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII form: accents removed, apostrophes unified."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Normalised name for comparisons: folded, no dots or hyphens, no leading "the"."""
    text = fold(text).replace(".", " ").replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def name_parts(text: str) -> list[str]:
    """Normalised parts of a person's name; "Kim Jong-un" and "Kim Jong Un" give the same parts."""
    return [p for p in norm(text).split() if p]


def state_of(text: str) -> str | None:
    """The canonical state a name, demonym, metonym or national body points to, if any."""
    key = norm(text)
    key = key[:-2] if key.endswith(" s") or key.endswith("'s") else key
    if key in STATE_NAMES:
        return STATE_NAMES[key]
    if key in METONYMS:
        return METONYMS[key][0]
    return NATIONALITY.get(key)


def clean_span(text: str, start: int, label: str) -> tuple[int, int, str, tuple[str, ...]] | None:
    """Clean an NER span: returns (start, end, text, honorifics stripped) or None when junk.

    Removes line breaks (keeps the longest line), a leading "the", leading honorifics of
    persons, a trailing possessive and stray punctuation.
    """
    start, text = _longest_line(text, start)
    start, text = _strip_edges(text, start)
    m = _LEAD_THE.match(text)
    if m:
        start, text = start + m.end(), text[m.end() :]
    honorifics: list[str] = []
    while label == "PERSON":
        if (m := _HONORIFIC_RE.match(text)) and fold(m.group(1)) in HONORIFICS:
            honorifics.append(m.group(1))
        elif not (m := _LEAD_ACRONYM.match(text)) or not _body_acronym(m.group(1)):
            break  # "MI6 Richard Moore", "US President Joe Biden": the body is not the name
        start, text = start + m.end(), text[m.end() :]
    if label == "PERSON" and (m := re.search(r"['’]s\s", text)):
        if state_of(text[: m.start()]):  # "North Korea's Kim": the person follows
            start, text = start + m.end(), text[m.end() :]
        else:  # "Kim's Mercedes-Benz": the person comes first
            text = text[: m.start()]
    if label == "PERSON" and len(text.split()) >= 2 and fold(text.split()[-1]) in HEADLINE_VERBS:
        text = text[: text.rfind(" ")]
    text = _TRAIL_POSS.sub("", text)
    start, text = _strip_edges(text, start)
    if re.search(r"[a-z]{2,}\.$", text):
        text = text[:-1]
    if not _plausible(text, label):
        return None
    return start, start + len(text), text, tuple(honorifics)


_LEAD_ACRONYM = re.compile(r"^([A-Z][A-Z0-9]+)\s+(?=[A-Z])")


def _body_acronym(word: str) -> bool:
    """An all-capitals word that names a body or a state, not a person's initials ("JD Vance")."""
    return any(c.isdigit() for c in word) or len(word) >= 3 or state_of(word) is not None


def _longest_line(text: str, start: int) -> tuple[int, str]:
    if "\n" not in text:
        return start, text
    best, best_at, pos = "", 0, 0
    for line in text.split("\n"):
        if len(line.strip()) > len(best.strip()):
            best, best_at = line, pos
        pos += len(line) + 1
    return start + best_at, best


def _strip_edges(text: str, start: int) -> tuple[int, str]:
    stripped = text.lstrip(_STRIP)
    start += len(text) - len(stripped)
    return start, stripped.rstrip(_STRIP)


def _plausible(text: str, label: str) -> bool:
    if not text or len(text) > 60 or not any(c.isupper() for c in text):
        return False
    if not text[0].isalpha() or not text[0].isupper():
        return False
    words = text.split()
    if len(words) > 6 or "/" in text or (len(words) > 1 and text.isupper()):
        return False
    if label == "PERSON":
        if any(c.isdigit() for c in text):
            return False
        return all(w[0].isupper() or fold(w) in NAME_PARTICLES or w[0] in "'’" for w in words)
    return True


def is_initial(part: str) -> bool:
    return len(part) == 1


def given_compatible(a: str, b: str) -> bool:
    """Two normalised given names may be the same person's ("v"/"vladimir", "dmitri"/"dmitry")."""
    if a == b:
        return True
    if is_initial(a) or is_initial(b):
        return a[0] == b[0]
    fa, fb = _translit(a), _translit(b)
    if fa == fb:
        return True
    return min(len(fa), len(fb)) >= 5 and fa[0] == fb[0] and _edit_distance_le1(fa, fb)


def _translit(name: str) -> str:
    name = name.replace("ks", "x").replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1", r"\1", name)


def _edit_distance_le1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def same_person_name(a: list[str], b: list[str]) -> bool:
    """Two multi-part person names (normalised parts) that can name the same person.

    Last parts must match; first parts must be compatible; middle parts (initials) must not
    contradict when both are given.
    """
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or not given_compatible(a[0], b[0]):
        return False
    mid_a, mid_b = a[1:-1], b[1:-1]
    if mid_a and mid_b:
        return all(given_compatible(x, y) for x, y in zip(mid_a, mid_b, strict=False))
    return True


def name_rank(text: str) -> tuple[int, int]:
    """Sort key for choosing the canonical (fullest) name: full parts, then all parts."""
    parts = name_parts(text)
    return sum(1 for p in parts if not is_initial(p)), len(parts)


# Common given names whose gender is unambiguous; used only to rule out "she"/"he" antecedents.
_FEMALE_GIVEN = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley emily donna michelle carol amanda melissa deborah stephanie rebecca
    laura helen sharon cynthia kathleen amy angela anna ruth julia maria olga natalia tatiana
    elena irina svetlana yulia ekaterina marine hillary nikki kamala nancy theresa angela ursula
    kaja annalena giorgia liz priti yo-jong ivanka melania michelle chelsea jill tulsi
    claire susana ellie""".split()
)
_MALE_GIVEN = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
    ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
    vladimir dmitry dmitri sergei sergey igor oleg alexei aleksei andrei andrey mikhail nikolai
    ivan yuri boris viktor volodymyr emmanuel olaf rishi keir joe barack bill mike ron bernie
    ted jim tim xi narendra recep chris""".split()
)


def given_name_gender(given: str) -> str:
    """ "f", "m" or "" for a given name found in the small lists above."""
    g = fold(given)
    if g in _FEMALE_GIVEN:
        return "f"
    return "m" if g in _MALE_GIVEN else ""
