"""The cue lexicon: which verb and noun lemmas report which PLOVER event type, and its mode.

PLOVER's 16 event types fall in four quad classes (verbal/material cooperation/conflict). A cue is
a lemma; a light verb ("hold", "impose", "sign", "provide") takes its type from its object noun
("hold talks" is CONSULT, "impose sanctions" is SANCTION). Reporting and denial verbs ("say",
"deny", "allege") are not cues: they set a relation's status (see :mod:`.status`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cue:
    type: str
    mode: str | None = None
    symmetric: bool = False  # "Putin and Kim met": the conjoined subjects are source and target


QUAD = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}  # fmt: skip
TYPES = tuple(QUAD)


def _cues(type_: str, lemmas: str, mode: str | None = None, symmetric: bool = False) -> dict[str, Cue]:
    return {lemma: Cue(type_, mode, symmetric) for lemma in lemmas.split()}


VERBS: dict[str, Cue] = {
    **_cues("AGREE", "agree ratify", symmetric=True),
    **_cues("AGREE", "pledge promise endorse"),
    **_cues("CONSULT", "meet", "meet", symmetric=True),
    **_cues("CONSULT", "visit arrive host tour travel fly", "visit"),
    **_cues("CONSULT", "phone call telephone", "call"),
    **_cues("CONSULT", "negotiate discuss", "meet", symmetric=True),
    **_cues("SUPPORT", "support back praise welcome thank congratulate defend hail"),
    **_cues("CONCEDE", "concede apologize apologise ease lift release"),
    **_cues("COOPERATE", "cooperate collaborate ally partner", symmetric=True),
    **_cues("AID", "supply provide give send ship deliver arm donate fund finance", "material"),
    **_cues("AID", "help assist aid"),
    **_cues("AID", "train", "military"),
    **_cues("RETREAT", "withdraw retreat evacuate"),
    **_cues("REQUEST", "ask request urge appeal demand seek"),
    **_cues("ACCUSE", "accuse blame condemn criticize criticise denounce slam"),
    **_cues("REJECT", "reject refuse veto rebuff dismiss snub"),
    **_cues("THREATEN", "threaten warn"),
    **_cues("PROTEST", "protest boycott demonstrate"),
    **_cues("SANCTION", "sanction embargo expel blacklist"),
    **_cues("MOBILIZE", "mobilize mobilise deploy station mass"),
    **_cues("COERCE", "arrest detain seize jail imprison deport blockade"),
    **_cues("ASSAULT", "attack bomb shell invade kill strike assassinate shoot"),
}

NOUNS: dict[str, Cue] = {
    **_cues("AGREE", "agreement treaty pact deal accord", symmetric=True),
    **_cues("CONSULT", "summit talk talks meeting negotiation", "meet", symmetric=True),
    **_cues("CONSULT", "visit trip arrival", "visit"),
    **_cues("CONSULT", "call", "call"),
    **_cues("SUPPORT", "support praise"),
    **_cues("COOPERATE", "cooperation alliance partnership", symmetric=True),
    **_cues("AID", "aid assistance shipment supply delivery transfer", "material"),
    **_cues("AID", "training", "military"),
    **_cues("REQUEST", "request appeal demand"),
    **_cues("ACCUSE", "accusation condemnation criticism"),
    **_cues("REJECT", "rejection refusal veto"),
    **_cues("THREATEN", "threat warning ultimatum"),
    **_cues("PROTEST", "protest boycott"),
    **_cues("SANCTION", "sanction sanctions embargo expulsion"),
    **_cues("MOBILIZE", "deployment mobilization mobilisation"),
    **_cues("COERCE", "arrest detention seizure blockade"),
    **_cues("ASSAULT", "attack strike invasion bombing offensive assault"),
}

LIGHT_VERBS = frozenset("hold have impose sign conclude make pay issue launch provide offer extend seal "
                        "reach level announce stage conduct carry".split())

MODE_WORDS = {
    "military": frozenset("arm arms weapon weapons munition munitions ammunition shell shells missile missiles "
                          "artillery rocket rockets drone drones troop troops soldier soldiers military "
                          "tank tanks equipment materiel".split()),
    "economic": frozenset("money fund funds loan loans oil gas grain credit cash investment economic".split()),
    "humanitarian": frozenset("food medicine medical humanitarian shelter".split()),
}

# Verbs whose clause sets the status of the relation they govern.
REPORTING = frozenset("say tell claim allege report believe suggest assert insist state add note "
                      "confirm reveal indicate show think argue write accuse estimate assess warn".split())
DENIAL = frozenset("deny dismiss refute reject".split())
PLANNING = frozenset("plan expect intend prepare aim hope want propose schedule seek set".split())
PLANNING_AUX = frozenset("will would shall could may might".split())
HEDGES = frozenset("allegedly reportedly purportedly supposedly apparently".split())


def mode_from(words: set[str], cue: Cue) -> str | None:
    """The AID mode the object names ("supplied artillery shells": military); the cue's otherwise."""
    if cue.type != "AID":
        return cue.mode
    for mode, lexicon in MODE_WORDS.items():
        if words & lexicon:
            return mode
    return None if cue.mode == "material" else cue.mode
