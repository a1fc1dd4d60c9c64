"""What kind of attribution a candidate quote is, read from its cue, and which candidates are not
statements at all.

``act_of(doc, draft)`` gives ``speech`` (said, told, added), ``writing`` (wrote, posted, "in a
statement"), ``position`` (believes, hopes, wants, plans, warned that), ``report`` ("according to"
a document or an agency, "the poll found") or None: an action or an event ("welcomed", "visited",
"ordered", "chose", "held meetings", "declined to reveal"), which is not a quote.
"""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.extract.quotes.draft import Draft
from onrecord.models import Act

SPEECH = frozenset(
    """say tell add ask note announce suggest claim insist admit estimate explain declare acknowledge
    state reply respond recall predict reveal confirm deny stress emphasize emphasise complain concede
    contend assert allege maintain testify disclose observe remark comment quip joke boast lament
    caution repeat reiterate continue conclude counter retort charge mention recount affirm inform
    shout scream yell whisper speculate hint describe call accuse blame praise criticize criticise
    thank dismiss question answer brief assure concur exclaim muse interject tout decry denounce
    condemn slam blast defend reject dispute request plead warn argue attack lash raise""".split()
)
WRITING = frozenset(
    """write post tweet publish email text blog letter statement memo editorial column essay message
    communique""".split()
)
POSITION = frozenset(
    """believe think feel fear hope worry doubt expect want wish plan intend aim seek urge promise vow
    pledge propose agree disagree support oppose favor favour endorse back prefer consider suspect
    suppose assume understand know recognize recognise view regard anticipate envision envisage
    decide determine accept reckon figure guess imagine trust bet need goal threat demand push press
    lobby concern offer vote make""".split()
)
REPORT = frozenset("find show indicate project document record report poll survey study data analysis".split())
# actions and events: what someone did, not what they stated
ACTION = frozenset(
    """welcome visit order choose hold decline refuse meet sign launch host greet receive pressure
    travel arrive leave fly send deploy fire kill arrest win lose veto pass approve appoint name
    nominate hire buy sell give take build open close begin start end stop try manage fail possess
    attempt help allow let keep bring put set use run lead join attend invite present award grant
    provide spend pay cut increase reduce move hit strike shoot bomb invade seize capture ignore step
    release free return gather celebrate mark honor honour sanction ban block delay postpone cancel
    suspend resume have specify""".split()
)
# words of a medium, a document or an institution: "according to" one of these is a report
_DOCUMENT_WORDS = frozenset(
    """report poll survey study data figure statement document record filing analysis agency
    ministry department office media news newspaper paper website release estimate census
    tass kcna xinhua ria interfax yonhap""".split()
)
# with a "that" clause these say what someone holds: "warned that ..." is a position
_POSITION_WITH_CLAUSE = frozenset({"warn", "agree", "argue"})
_UNCUED = frozenset({"colon", "dash", "continued", "alone"})


def act_of(doc: Doc, draft: Draft) -> Act | None:
    """The attribution kind of ``draft`` or None when its cue is an action, not a statement."""
    lemma, how = cue_lemma(doc, draft), (draft.feature.split("/") + [""])[1]
    if lemma == "" or how in _UNCUED:
        return "speech"
    if lemma == "according":
        return "report" if _documentary(doc, draft) else "speech"
    if lemma in _POSITION_WITH_CLAUSE and "that=True" in draft.features:
        return "position"
    if lemma in WRITING:
        return "writing"
    if lemma in SPEECH:
        return "speech"
    if lemma in REPORT:
        return "report"
    if lemma in POSITION:
        return "position"
    if lemma in ACTION:
        return None
    return "speech" if how == "adjacent" else "position"


def cue_lemma(doc: Doc, draft: Draft) -> str:
    """The lemma of the draft's cue: the rules' own, else the last verb or noun of the cue words
    (a tagger's cue run); "" when there is none."""
    lemma = draft.feature.split("/", 1)[0]
    if lemma not in ("", "-") or draft.cue_at is None:
        return "" if lemma == "-" else lemma
    span = doc.char_span(*draft.cue_at, alignment_mode="expand")
    words = [t for t in span or () if t.pos_ in ("VERB", "NOUN")]
    return words[-1].lemma_.lower() if words else ""


def _documentary(doc: Doc, draft: Draft) -> bool:
    """True when the source of an "according to" is a document, a medium or an agency."""
    if draft.speaker is None:
        return False
    span = doc.char_span(*draft.speaker, alignment_mode="expand")
    if span is None:
        return False
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    if words & _DOCUMENT_WORDS:
        return True
    return any(t.ent_type_ == "ORG" for t in span) and not any(t.ent_type_ == "PERSON" for t in span)
