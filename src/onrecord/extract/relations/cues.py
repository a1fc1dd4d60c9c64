"""The cue lexicon: which verb and noun lemmas report which PLOVER event type, and its mode.

PLOVER's 16 event types fall in four quad classes (verbal/material cooperation/conflict). A cue is
a lemma; a light verb ("hold", "impose", "sign", "provide") takes its type from its object noun
("hold talks" is CONSULT, "impose sanctions" is SANCTION). Reporting and denial verbs ("say",
"deny", "allege") are not cues: they set a relation's status (see :mod:`.status`).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from onrecord.plover import QUAD, TYPES  # noqa: F401  (re-exported by extract.relations)


@dataclass(frozen=True, slots=True)
class Cue:
    type: str
    mode: str | None = None
    symmetric: bool = False  # "Putin and Kim met": the conjoined subjects are source and target
    preps: frozenset[str] | None = None  # the target only as the object of these ("travelled to X")
    reverse: bool = False  # the object is the doer ("Putin hosted Kim": Kim visits)


def _cues(type_: str, lemmas: str, mode: str | None = None, symmetric: bool = False,
          preps: str | None = None, reverse: bool = False) -> dict[str, Cue]:
    allowed = frozenset(preps.split()) if preps else None
    return {lemma: Cue(type_, mode, symmetric, allowed, reverse) for lemma in lemmas.split()}


_TO = "to in into"
# The lexicon follows PLOVER's definition of each type (its codebook, read for meaning): the verbs
# and event nouns news text uses for it, with their common synonyms, not only those of the tuning
# articles. A word that is usually no event between parties ("engage", "charge" as a fee) is held
# back by its frame: its target must name a party.
VERBS: dict[str, Cue] = {
    **_cues("AGREE", "agree ratify", symmetric=True),
    **_cues("AGREE", "pledge promise"),
    **_cues("CONSULT", "meet", "meet", symmetric=True),
    **_cues("CONSULT", "talk speak confer engage converse consult", "meet", symmetric=True, preps="with to"),
    **_cues("CONSULT", "sit eat dine lunch huddle chat", "meet", symmetric=True, preps="with"),
    **_cues("CONSULT", "visit tour", "visit"),
    **_cues("CONSULT", "arrive travel fly land head come go journey sneak snuck", "visit", preps=_TO),
    **_cues("CONSULT", "host", "visit", reverse=True),
    **_cues("CONSULT", "invite"),
    **_cues("CONSULT", "phone telephone", "call"),
    **_cues("CONSULT", "shake", "meet", symmetric=True, preps="with"),  # "shook hands with Kim"
    **_cues("CONSULT", "negotiate discuss", "meet", symmetric=True, preps="with"),  # the object is the topic
    **_cues("CONSULT", "correspond communicate message email e-mail", symmetric=True, preps="with to"),
    **_cues("CONSULT", "contact"),
    **_cues("CONSULT", "exchange text", symmetric=True, preps="with"),  # "exchanged texts with Page"
    **_cues("SUPPORT", "support back praise welcome thank congratulate defend hail endorse credit tout "
                       "compliment embrace laud applaud commend salute champion extol approve recognize "
                       "recognise admire"),
    **_cues("SUPPORT", "vouch campaign stump", preps="for"),  # "campaigned for Trump", not "against"
    **_cues("SUPPORT", "sympathize sympathise", preps="with"),
    **_cues("CONCEDE", "concede apologize apologise ease lift release free pardon relent capitulate acquiesce "
                       "forgive"),
    **_cues("COOPERATE", "cooperate collaborate ally partner", symmetric=True),
    **_cues("COOPERATE", "work", symmetric=True, preps="with alongside"),
    **_cues("COOPERATE", "collude liaise", symmetric=True, preps="with"),
    **_cues("AID", "supply provide give send ship deliver arm donate fund finance lend", "material"),
    **_cues("AID", "help assist aid rescue"),
    **_cues("AID", "subsidize subsidise bankroll", "economic"),
    **_cues("AID", "train equip", "military"),
    **_cues("RETREAT", "withdraw retreat evacuate surrender"),
    **_cues("REQUEST", "ask request urge appeal demand seek press implore beg plead lobby petition exhort "
                       "beseech entreat"),
    **_cues("REQUEST", "encourage push pressure prod nudge challenge dare advise instruct"),  # only with an
    # infinitive: "pushed Kim to", "challenged her to"
    **_cues("ACCUSE", "accuse blame condemn criticize criticise denounce slam blast rebuke lambast decry "
                      "chide scold taunt mock deride assail castigate berate excoriate disparage belittle "
                      "ridicule fault tweak needle skewer bash slander smear vilify demonize demonise "
                      "charge indict prosecute impeach reprimand admonish censure chastise upbraid denigrate "
                      "defame insult lampoon pillory scapegoat confront reproach lambaste knock rip trash pan "
                      "savage flay hammer impugn malign besmirch libel badmouth demean shame "
                      "heckle jeer harangue browbeat deplore disrespect"),
    **_cues("ACCUSE", "rail", preps="against"),
    **_cues("ACCUSE", "complain", preps="about of"),
    **_cues("ACCUSE", "object", preps="to"),
    **_cues("ACCUSE", "sue"),
    **_cues("REJECT", "vote", preps="against"),  # "voted against the repeal", not "voted for"
    **_cues("CONCEDE", "cave yield bow", preps="to"),  # "caved to Democrats", "bowed to pressure from X"
    **_cues("ACCUSE", "spar feud quarrel", symmetric=True, preps="with"),  # "the men began sparring"
    **_cues("REJECT", "reject refuse veto rebuff dismiss snub spurn oppose defy resist disobey repudiate "
                      "renounce disavow shun stonewall obstruct overrule"),
    **_cues("THREATEN", "threaten warn intimidate blackmail menace"),
    **_cues("PROTEST", "protest boycott demonstrate picket"),
    **_cues("PROTEST", "rally march", preps="against"),
    **_cues("SANCTION", "sanction embargo expel blacklist ban sever penalize penalise punish convict fine"),
    **_cues("MOBILIZE", "mobilize mobilise deploy station mass amass redeploy"),
    **_cues("COERCE", "arrest detain seize jail imprison deport blockade coerce compel force confiscate "
                      "censor extradite sentence remove restrict suspend"),
    **_cues("ASSAULT", "attack bomb shell invade kill strike assassinate shoot hack murder massacre "
                       "torture kidnap abduct assault raid ambush bombard wound"),
    **_cues("ASSAULT", "fire", preps="at"),  # "fire missiles at Guam"; "fired back at": readings.py
}
# Cues that ask only through an infinitive: "pushed Kim to disarm", not "pushed the bill".
NEEDS_INFINITIVE = frozenset("encourage push pressure prod nudge challenge dare advise instruct".split())
# "call" reads three ways (see parse.py): "called on X to" (REQUEST), "called X a liar" (ACCUSE),
# "called X" (CONSULT/call).
CALL = "call"
# "declared the Taliban a terrorist organization", "labelled him a traitor": with an object
# predicate these accuse.
NAMING = frozenset("call declare label brand designate dub".split())
# Verb + particle cues: "turned down the invitation", "pulled out of Syria".
PARTICLES: dict[tuple[str, str], Cue | None] = {
    ("back", "off"): None, ("back", "down"): None, ("back", "away"): None,  # retreats from a position, no support
    ("turn", "down"): Cue("REJECT"), ("pull", "out"): Cue("RETREAT", preps=frozenset({"of", "from"})),
    ("lash", "out"): Cue("ACCUSE", preps=frozenset({"at", "against"})),
    ("shoot", "down"): Cue("ASSAULT"), ("bring", "down"): Cue("ASSAULT"),
    ("single", "out"): Cue("ACCUSE"),  # "singled out the Republican leaders" (for blame)
    ("side", "with"): Cue("SUPPORT", preps=frozenset({"with"})), ("stand", "by"): Cue("SUPPORT", preps=frozenset({"by"})),
    ("team", "up"): Cue("COOPERATE", symmetric=True, preps=frozenset({"with"})),
    ("seize", "on"): None, ("seize", "upon"): None,  # "seized on the texts": made use of them
    ("back", "up"): None,  # "to back up Trump's claims": to bear them out
    ("sneer", "at"): Cue("ACCUSE", preps=frozenset({"at"})), ("go", "after"): Cue("ACCUSE", preps=frozenset({"after"})),
    ("reach", "out"): Cue("CONSULT", preps=frozenset({"to"})),  # "reaching out to key Democrats"
    ("cut", "off"): Cue("SANCTION"),  # "could cut the U.S. off from exotic minerals"
    ("blow", "up"): Cue("ASSAULT"),
    ("hit", "out"): Cue("ACCUSE", preps=frozenset({"at", "against"})),
    ("fire", "back"): Cue("ACCUSE", preps=frozenset({"at"})),
    ("speak", "out"): Cue("ACCUSE", preps=frozenset({"against"})),
    ("call", "out"): Cue("ACCUSE"),  # "called out Trump"
    ("crack", "down"): Cue("COERCE", preps=frozenset({"on", "against"})),
    ("round", "up"): Cue("COERCE"), ("lock", "up"): Cue("COERCE"),
    ("stand", "with"): Cue("SUPPORT", preps=frozenset({"with"})),
    ("rally", "behind"): Cue("SUPPORT", preps=frozenset({"behind"})),
    ("rally", "around"): Cue("SUPPORT", preps=frozenset({"around"})),
    ("push", "back"): Cue("REJECT", preps=frozenset({"against", "on", "at"})),
    ("pull", "back"): Cue("RETREAT"),
    ("give", "in"): Cue("CONCEDE", preps=frozenset({"to"})), ("cave", "in"): Cue("CONCEDE", preps=frozenset({"to"})),
    ("show", "up"): Cue("CONSULT", "visit", preps=frozenset({"at", "in"})),
    ("meet", "up"): Cue("CONSULT", "meet", symmetric=True, preps=frozenset({"with"})),
    ("vote", "down"): Cue("REJECT"), ("brush", "off"): Cue("REJECT"), ("brush", "aside"): Cue("REJECT"),
    ("wave", "off"): Cue("REJECT"), ("prop", "up"): Cue("SUPPORT"),
    ("stick", "up"): Cue("SUPPORT", preps=frozenset({"for"})), ("stand", "up"): Cue("SUPPORT", preps=frozenset({"for"})),
    ("speak", "up"): Cue("SUPPORT", preps=frozenset({"for"})),
    ("hit", "back"): Cue("ACCUSE", preps=frozenset({"at", "against"})),
}

# Feelings voiced at someone; "the ire of X" is X's ("drew the ire of the teachers' union").
FEELINGS_AGAINST = ("frustration anger outrage disdain contempt skepticism scepticism displeasure dismay disgust "
                    "ire fury rage scorn disapproval exasperation")
NOUNS: dict[str, Cue] = {
    **_cues("AGREE", "agreement treaty pact deal accord truce ceasefire", symmetric=True, preps="with"),
    **_cues("AGREE", "pledge promise commitment", preps="to"),
    **_cues("CONSULT", "summit talk talks meeting negotiation conversation discussion dialog dialogue "
                       "interaction contact consultation encounter handshake", "meet", symmetric=True),
    **_cues("CONSULT", "visit trip arrival tour journey", "visit"),
    **_cues("CONSULT", "mission", "visit", preps="to"),
    **_cues("CONSULT", "dinner lunch breakfast", "meet", symmetric=True, preps="with"),
    **_cues("CONSULT", "exchange", "meet", symmetric=True, preps="with"),  # "during an exchange with Sen. Risch"
    **_cues("CONSULT", "invitation"),
    **_cues("CONSULT", "call", "call"),
    **_cues("SUPPORT", "support praise endorsement embrace backing approval commendation tribute",
            preps="for of to on"),  # "praise for", "embrace of"
    **_cues("SUPPORT", "gratitude allegiance deference loyalty admiration congratulations congratulation "
                       "affection sympathy",
            preps="to toward towards for at with"),  # "expressed gratitude toward", "pledged allegiance to"
    **_cues("SUPPORT", "defense defence", preps="of"),  # "the Justice Department's defense of Eric Holder"
    **_cues("SUPPORT", "solidarity", preps="with"),
    **_cues("CONCEDE", "release concession pardon apology amnesty clemency"),
    **_cues("COOPERATE", "cooperation alliance partnership collaboration", symmetric=True),
    **_cues("CONSULT", "correspondence communication communications message messages", symmetric=True,
            preps="with to"),
    **_cues("COOPERATE", "exercise exercises drill drills", symmetric=True, preps="with"),  # "joint drills with Seoul"
    **_cues("AID", "aid assistance shipment supply delivery transfer donation", "material"),
    **_cues("AID", "funding loan loans bailout subsidy subsidies", "economic"),
    **_cues("AID", "training", "military"),
    **_cues("RETREAT", "withdrawal pullout retreat evacuation surrender", preps="from"),
    **_cues("REQUEST", "request appeal demand plea petition"),
    **_cues("ACCUSE", "accusation condemnation criticism rebuke lawsuit slander smear denunciation censure "
                      "reprimand critique mockery ridicule indictment"),
    **_cues("ACCUSE", "charge charges allegation allegations complaint complaints", preps="against"),
    **_cues("ACCUSE", "blame", preps="on"),  # "placing the blame squarely on him"
    **_cues("ACCUSE", "insult barb feud spat quarrel", symmetric=True),
    **_cues("ACCUSE", "shot swipe dig potshot jab jabs aim", preps="at"),  # "took a shot at", "threw jabs at"
    **_cues("ACCUSE", "tirade diatribe broadside", preps="against at on"),
    **_cues("ACCUSE", FEELINGS_AGAINST, preps="at with over about toward towards for against"),
    **_cues("REJECT", "rejection refusal veto opposition defiance repudiation snub rebuff"),
    **_cues("REJECT", "vote", preps="against"),  # "McCain's vote against Trump's repeal"
    **_cues("THREATEN", "threat warning ultimatum intimidation blackmail"),
    **_cues("PROTEST", "protest boycott demonstration"),
    **_cues("PROTEST", "rally march", preps="against"),
    **_cues("SANCTION", "sanction sanctions embargo expulsion tariff tariffs blacklist ban bans penalty penalties "
                        "freeze"),
    **_cues("MOBILIZE", "deployment mobilization mobilisation buildup redeployment"),
    **_cues("COERCE", "arrest detention seizure blockade crackdown imprisonment deportation confiscation "
                      "censorship extradition"),
    **_cues("ASSAULT", "strike airstrike invasion bombing offensive assault aggression attack incursion raid "
                       "killing murder massacre assassination shelling bombardment ambush "
                       "cyberattack hacking kidnapping abduction torture"),  # on a person: ACCUSE
    **_cues("ASSAULT", "fighting", symmetric=True),
    **_cues("ASSAULT", "operation campaign war violence", preps="against on"),
}
ADJECTIVES: dict[str, Cue] = {**_cues("ACCUSE", "critical"), **_cues("SUPPORT", "supportive")}

# Prepositions that name the target of an event noun besides the usual ones ("the invasion of Syria").
OF_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "CONCEDE", "ACCUSE", "REJECT"})

LIGHT_VERBS = frozenset("hold have impose sign conclude make pay issue launch provide offer extend seal "
                        "reach level announce stage conduct carry strike file accept send deliver "
                        "slap step trade lavish heap reiterate renew repeat take win receive get earn gain "
                        "enjoy place lay put throw increase raise hike start begin resume open continue "
                        "revive restart express voice show pledge swear tweet vent".split())

MODE_WORDS = {
    "military": frozenset("arm arms weapon weapons munition munitions ammunition shell shells missile missiles "
                          "artillery rocket rockets drone drones troop troops soldier soldiers military "
                          "tank tanks equipment materiel jet jets fighter fighters bomber bombers aircraft warship warships "
                          "helicopter helicopters".split()),
    "economic": frozenset("money fund funds loan loans oil gas grain credit cash investment economic financial".split()),
    "humanitarian": frozenset("food medicine medical humanitarian shelter".split()),
}

# Verbs whose clause sets the status of the relation they govern.
REPORTING = frozenset("say tell claim allege report believe suggest assert insist state add note "
                      "confirm reveal indicate show think argue write accuse estimate assess warn tweet "
                      "announce conclude theorize theorise find remind acknowledge".split())
# Adverbs of frequency: "does not travel abroad frequently" says what someone tends to do, no event.
HABITUAL = frozenset("frequently often usually rarely seldom regularly generally typically".split())
DENIAL = frozenset("deny dismiss refute reject".split())
# Verbs and nouns that say their complement did not happen: "avoided criticizing", "refusal to".
NOT_DONE = frozenset("avoid refuse fail decline neglect refusal failure".split())
PLANNING = frozenset("plan expect intend prepare aim hope want propose schedule seek set".split())
PROSPECTS = frozenset("prospect possibility threat offer proposal promise plan".split())  # "the prospect of sanctions"
PLANNING_AUX = frozenset("will would shall could may might".split())
HEDGES = frozenset("allegedly reportedly purportedly supposedly apparently".split())


# The wider lexicon (data/relation_cues.txt): lemmas written per PLOVER type beyond the core above,
# which wins where both hold a lemma; a lemma that sets a status or lends its object's type is no cue.
WIDE_TABLE = "data/relation_cues.txt"
_NOT_CUES = REPORTING | DENIAL | NOT_DONE | PLANNING | LIGHT_VERBS | NAMING | {CALL}


def _wide_entry(line: str) -> tuple[str, Cue, list[str], bool]:
    head, lemmas = line.split("|", 1)
    kind, type_, mode, flags = head.split()
    flag = set() if flags == "-" else set(flags.split(","))
    preps = next((f.removeprefix("preps=").split("/") for f in flag if f.startswith("preps=")), None)
    cue = Cue(type_, None if mode == "-" else mode, "symmetric" in flag,
              frozenset(preps) if preps else None, "reverse" in flag)
    return kind, cue, lemmas.split(), "infinitive" in flag


def wide_lexicon() -> tuple[dict[str, Cue], dict[str, Cue], dict[tuple[str, str], Cue], frozenset[str]]:
    """The data file's verbs, nouns, verb + particle cues and infinitive-only verbs."""
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    particles: dict[tuple[str, str], Cue] = {}
    infinitive: set[str] = set()
    raw = resources.files("onrecord").joinpath(WIDE_TABLE).read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, cue, lemmas, needs_infinitive = _wide_entry(line)
        for lemma in lemmas:
            if kind == "particle":
                verb, particle = lemma.split("_")
                particles.setdefault((verb, particle), cue)
            elif kind == "noun":
                nouns.setdefault(lemma, cue)
            elif lemma not in _NOT_CUES:
                verbs.setdefault(lemma, cue)
                if needs_infinitive:
                    infinitive.add(lemma)
    return verbs, nouns, particles, frozenset(infinitive)


_WIDE_VERBS, _WIDE_NOUNS, _WIDE_PARTICLES, _WIDE_INFINITIVE = wide_lexicon()
VERBS = {**_WIDE_VERBS, **VERBS}
NOUNS = {**_WIDE_NOUNS, **NOUNS}
PARTICLES = {**_WIDE_PARTICLES, **PARTICLES}
NEEDS_INFINITIVE = NEEDS_INFINITIVE | {v for v in _WIDE_INFINITIVE if VERBS[v] is _WIDE_VERBS[v]}


def mode_from(words: set[str], cue: Cue) -> str | None:
    """The AID mode the object names ("supplied artillery shells": military); the cue's otherwise."""
    if cue.type != "AID":
        return cue.mode
    for mode, lexicon in MODE_WORDS.items():
        if words & lexicon:
            return mode
    return None if cue.mode == "material" else cue.mode
