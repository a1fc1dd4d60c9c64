"""Who said what: direct, indirect and mixed quotes with their speakers.

``extract_quotes`` combines two readings of the text. Quotation marks give the direct quotes
(``marks``); the dependency parse gives the reporting cues, their speakers and reported clauses
(``cues``). A cue whose clause is a quotation makes a direct quote, a clause with a quoted
fragment inside makes a mixed one, any other clause an indirect one (``candidates``). Quotations
with no cue of their own take the speaker of the quote before them in the paragraph ("'…,' he
said. '…'") or, when they open a paragraph, of the previous paragraph's last quote. Short quoted
phrases with no cue (scare quotes, titles, nicknames) are not quotes. With the learned readers
(the default), a tagger labels content, source and cue words, and two candidate models score a
broad set of candidates (``features``) and choose their edges; speakers are then read off the
tagger's source runs (``speakers``).
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from spacy.tokens import Doc

from onrecord.extract.quotes import transformer
from onrecord.extract.quotes.acts import act_of, cue_lemma
from onrecord.extract.quotes.candidates import candidates, continued_speakers
from onrecord.extract.quotes.crf import load_tagger
from onrecord.extract.quotes.draft import Draft, overlap, trim
from onrecord.extract.quotes.features import all_features
from onrecord.extract.quotes.mentions import undated
from onrecord.extract.quotes.model import (
    EXACT_FILE,
    MINILM_EXACT_FILE,
    MINILM_FILE,
    MODEL_FILE,
    QuoteModel,
    load_model,
)
from onrecord.extract.quotes.phrases import (
    author_of,
    before_clause,
    final_name,
    institution_of,
    restricted,
    written_name,
)
from onrecord.extract.quotes.sources import (
    after_cue,
    after_dateline,
    antecedent,
    core,
    group_name,
    person_inside,
    relay,
    relayed,
)
from onrecord.extract.quotes.speakers import speaker_key, tagged_speakers
from onrecord.extract.quotes.statements import joined
from onrecord.extract.quotes.subjects import doer, implied_subject
from onrecord.extract.quotes.tagging import QuoteTagger
from onrecord.models import Actor, Entry, Quote, Span
from onrecord.nlp.pipeline import text_of
from onrecord.settings import DEFAULT, Settings

log = logging.getLogger(__name__)

PRECISION_TABLE = "data/quotes/candidate_precision.json"
MIN_SEEN = 8  # candidates of a kind seen fewer times in training are kept
IMPRESSIONS = frozenset({"appear", "seem"})  # cues PolNeAR gives no source (the writer's impression)
MIN_PRECISION = 0.5  # kinds whose training precision falls below this are dropped
# the fast readers: a candidate whose reading scores below this (candidate × exactness
# probability) is no quote; decided on PolNeAR train (scripts/measure_quotes.py)
MIN_READING = 0.15


def extract_quotes(
    doc: Doc,
    actors: Sequence[Actor] = (),
    headline_end: int = 0,
    entries: Sequence[Entry] = (),
    settings: Settings = DEFAULT,
) -> tuple[Quote, ...]:
    """The quotes of ``doc`` (built from a document body), in text order, read as ``settings``
    say (the fast tagger by default).

    With the learned candidate model, a broad set of candidates is scored by it; without it, the
    rules' candidates pass the learned precision filter."""
    readers = readers_for(settings)
    model, exact, tagger = readers.model, readers.exact, readers.tagger
    floor = readers.floor if exact is not None else 0.0
    if model is None:
        drafts = [d for d in candidates(doc) if _likely(d)]
    else:
        text = text_of(doc)
        tagged = second = None
        if tagger is not None and doc.has_annotation("DEP"):
            tagged, second = tagger.taggings(doc)
        found = candidates(doc, broad=True, tagged=tagged, second=second)
        feats = all_features(text, found, tagged, second)
        # of the candidates kept, overlapping ones are readings of one quote: the one kept is
        # the likeliest attribution with the likeliest edges (the exactness model's choice);
        # a reading unlikely on both counts (below the floor) is none, and hides none
        scored = []
        for d, f in zip(found, feats, strict=True):
            p = model.probability(f)
            if p >= model.threshold and (score := p * exact.probability(f) if exact is not None else p) >= floor:
                scored.append((score, d))
        drafts = suppress(scored)
        if tagged is not None and tagger is not None:
            drafts = tagged_speakers(text, drafts, tagged, snap=tagger.accurate)
        drafts = continued_speakers(text, drafts)  # "'…,' said Baron. '…'": his, joined
    return _finish(doc, drafts, actors, headline_end, entries)


@dataclass(frozen=True, slots=True)
class Readers:
    """What reads the quotes under some settings: the tagger (None: none), the two candidate
    models trained on its output (None: the rules and their precision table) and the score a
    candidate's reading needs (``MIN_READING`` for the fast tagger's models, else 0)."""

    tagger: QuoteTagger | None
    model: QuoteModel | None
    exact: QuoteModel | None
    floor: float = 0.0


def readers_for(settings: Settings) -> Readers:
    """The readers ``settings`` ask for, loaded once per process."""
    return _readers(settings.quotes, settings.tagger, settings.models, settings.torch_threads)


@functools.lru_cache(maxsize=4)
def _readers(quotes: str, tagger: bool, models: bool, threads: int) -> Readers:
    if not models:
        return Readers(None, None, None)
    if quotes == "accurate" and tagger:
        return Readers(transformer.load(threads), load_model(MINILM_FILE), load_model(MINILM_EXACT_FILE))
    if not tagger:
        return Readers(None, load_model(MODEL_FILE), load_model(EXACT_FILE))
    return Readers(load_tagger(), load_model(MODEL_FILE), load_model(EXACT_FILE), MIN_READING)


def effective(settings: Settings) -> Settings:
    """``settings`` as they can run here: the accurate tagger asked for but not installed gives
    the fast one, with a warning that says why (the one place its absence is allowed)."""
    if settings.quotes != "accurate" or not settings.tagger:
        return settings
    reason = transformer.missing()
    if reason is None:
        return settings
    log.warning("the accurate quote tagger cannot run: %s; using the fast one", reason)
    return replace(settings, quotes="fast")


def suppress(scored: list[tuple[float, Draft]]) -> list[Draft]:
    """Keep the better-scored of candidates that overlap: attributions in news text almost never
    overlap (12 of 2,192 in PolNeAR dev), so overlapping candidates are readings of one."""
    kept: list[Draft] = []
    for _, d in sorted(scored, key=lambda pd: -pd[0]):
        if not any(min(d.end, k.end) > max(d.start, k.start) for k in kept):  # overlap > 0, inline
            kept.append(d)
    return sorted(kept, key=lambda d: (d.start, d.end))


def _likely(draft: Draft) -> bool:
    """False for a kind of candidate that was rarely a gold attribution in training."""
    hits, total = PRECISION.get(draft.feature, (0, 0))
    return total < MIN_SEEN or hits / total >= MIN_PRECISION


def _load_precision() -> dict[str, tuple[int, int]]:
    try:
        raw = resources.files("onrecord").joinpath(PRECISION_TABLE).read_text(encoding="utf-8")
    except FileNotFoundError:
        log.warning("learned precision table missing; keeping every candidate quote")
        return {}
    return {k: (v[0], v[1]) for k, v in json.loads(raw).items()}


def _finish(
    doc: Doc,
    drafts: list[Draft],
    actors: Sequence[Actor],
    headline_end: int,
    entries: Sequence[Entry],
) -> tuple[Quote, ...]:
    text = text_of(doc)
    by_key = {a.key: a for a in actors}
    heads = _heading_ranges(text, entries)
    last_person: str | None = None
    quotes: list[Quote] = []
    cues: list[tuple[int, int] | None] = []  # each quote's own cue, for telling statements apart
    for d in drafts:
        d = doer(doc, d) or implied_subject(doc, d) or d  # "Republicans decrying them", "He paused, then added"
        carried = relayed(doc, d)  # "according to Tass, Peskov said that …": Peskov's, via Tass
        d, via = carried if carried is not None else (d, relay(doc, d))
        start, end = trim(text, d.start, d.end, d.kind == "direct")
        act = act_of(doc, d)
        if end <= start or act is None:
            continue  # an action or an event is no statement
        mention = _mention(doc, d)
        who = (antecedent(doc, mention) or core(mention)) if mention else None  # "Putin, who said" → Putin
        key, name = _speaker(doc, actors, who, last_person)
        if who is not None and who.text.lower() == "they" and (group := _group_before(doc, quotes, by_key, who)):
            key, name = group  # "… advocacy groups said …. They accused …": the groups
        elif who is not None and who.text.lower() in ("he", "she") and (same := _person_before(doc, quotes, by_key, who)):
            key = same  # "Kristol … said that Steele still needs to go -- though he said …": Kristol
        actor = by_key.get(key) if key else None
        if actor is not None and actor.type == "PERSON":
            last_person = actor.key
        name = actor.name if actor else name
        in_head = start < headline_end or any(s <= start < e for s, e in heads)
        quotes.append(
            Quote(start, end, text[start:end], d.kind, d.cue, mention, key, name, in_head, act=act, via=via)
        )
        cues.append(None if d.feature.split("/")[1:2] == ["continued"] else d.cue_at)
    return joined(text, quotes, cues)


def _person_before(doc: Doc, quotes: list[Quote], by_key: dict[str, Actor], pronoun: Span) -> str | None:
    """For a "he"/"she" speaker, the person who spoke earlier in the same sentence (whoever the
    words in between name): their key; None when no quote of that sentence has a person's."""
    here = doc.char_span(pronoun.start, pronoun.end, alignment_mode="expand")
    if not quotes or here is None or quotes[-1].speaker_mention is None:
        return None
    last = quotes[-1]
    actor = by_key.get(last.speaker_key) if last.speaker_key else None
    there = doc.char_span(last.speaker_mention.start, last.speaker_mention.end, alignment_mode="expand")
    if actor is None or actor.type != "PERSON" or there is None or there[0].sent.start != here[0].sent.start:
        return None
    return actor.key if there.start < here.start else None


def _group_before(doc: Doc, quotes: list[Quote], by_key: dict[str, Actor], they: Span
                  ) -> tuple[str | None, str] | None:
    """For a "they" speaker, the group that spoke in the sentence before, in the same paragraph
    ("progressive and immigrant advocacy groups said …. They accused …"): its key and name; None
    when the quote before is another sentence's, a person's or a pronoun's."""
    if not quotes or quotes[-1].speaker_mention is None or quotes[-1].speaker_name is None:
        return None
    last = quotes[-1]
    if last.speaker_mention.text.lower() in ("they", "he", "she", "who") or "\n" in text_of(doc)[last.start : they.start]:
        return None
    actor = by_key.get(last.speaker_key) if last.speaker_key else None
    if actor is not None and actor.type == "PERSON":
        return None
    here = doc.char_span(they.start, they.end, alignment_mode="expand")
    there = doc.char_span(last.speaker_mention.start, last.speaker_mention.end, alignment_mode="expand")
    if here is None or there is None or here[0].sent.start != there[0].sent.end:
        return None  # only the sentence right before
    return last.speaker_key, last.speaker_name


def _speaker(doc: Doc, actors: Sequence[Actor], who: Span | None, last_person: str | None
             ) -> tuple[str | None, str | None]:
    """The actor key of a speaker phrase and the name it speaks under when no actor is found:
    the name that ends the phrase ("Indivisible co-founder Ezra Levin", "Twitter's Adam Sharp");
    the phrase before a clause when the name the phrase resolves to is the clause's ("the
    congressman who represents … Queens"); a group narrowed by a clause under its whole
    description ("Democrats who voted to reopen the government"); an institution, not the
    person who qualifies it ("the Obama administration")."""
    if who is None:
        return None, None
    if (author := author_of(doc, who)) is not None:  # "the report, by … Robert Bauer"
        key = speaker_key(actors, doc, author, last_person)
        return key, None if key else author.text
    if (last := final_name(doc, who)) is not None:
        key = speaker_key(actors, doc, last, last_person)
        return key, None if key else last.text
    if restricted(doc, who):
        return None, group_name(doc, who)
    key = speaker_key(actors, doc, who, last_person)
    split = before_clause(doc, who) if key is not None else None
    if split is not None and speaker_key(actors, doc, split[1], last_person) == key:
        who = split[0]  # the name is the clause's ("… who represents Queens")
        key = speaker_key(actors, doc, who, last_person)
    if key is None and (inside := person_inside(doc, who)) is not None:
        key = speaker_key(actors, doc, inside, last_person)
    if key is None and " " not in who.text:  # "Republican claims": the Republicans
        key = next((a.key for a in actors if a.type == "NORP" and a.name == who.text + "s"), None)
    actor = next((a for a in actors if a.key == key), None) if key is not None else None
    if actor is not None and actor.type == "PERSON" and institution_of(doc, who):
        key = None
    written = written_name(doc, who)
    if written is not None and (actor is None or written.startswith(actor.name) and written != actor.name):
        return None, written  # "Democracy for America", which the NER cut to "Democracy"
    return key, group_name(doc, who)


def _mention(doc: Doc, d: Draft) -> Span | None:
    """The speaker phrase as written: the draft's, or the person named right after an inverted
    speech verb ("…, said Josh Earnest, …") when the parse gave the verb another subject."""
    if cue_lemma(doc, d) in IMPRESSIONS:
        return None  # "it appears that …", "Trump seemed to …": the writer's impression, no one's words
    after = after_cue(doc, d) if d.cue_at is not None else None
    if after is not None and (d.speaker is None or not overlap((after.start, after.end), d.speaker)):
        return after
    if d.speaker is None:
        return None
    start, end = d.speaker
    text = text_of(doc)
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
        # "Indivisible co-founder Ezra Levin": the parse broke the phrase at the hyphen
        end = _ungluing(doc, end)
    if _placeholder(doc, start, end) or text[start:end] in ("Q", "A") and text[end : end + 1] == ":":
        return None  # "it's no surprise that …"; an interview's "Q:" and "A:" name no one
    if text[end : end + 1] == "%" and text[end - 1 : end].isdigit():
        end += 1  # "42% say …"
    if (dated := after_dateline(doc, Span(start, end, text[start:end]))) is not None:
        start, end = dated.start, dated.end  # "MYRTLE BEACH, S.C. - Sen. Ted Cruz …, casting …"
    start = _edge_start(doc, start, end)
    words = text[start:end].split(" ")
    if len(words) > 2 and words[-1] in ("both", "all"):
        end -= len(words[-1]) + 1  # "Hillary Clinton and Bernie Sanders both": the quantifier floats
    if len(words) > 2 and words[0].lower() in ("just", "virtually"):
        start += len(words[0]) + 1  # "Just 28 percent of voters": PolNeAR leaves the focus word out
    end = undated(doc, start, end)  # "The White House on Monday"
    return Span(start, end, text[start:end])



_TITLES = frozenset("gov. governor lt. sen. senator rep. representative secretary attorney mayor".split())
_DATELINE = re.compile(r"[A-Z][A-Z.' ]+(?:, [A-Z][A-Za-z.]+)? [-—–] (?=\S)")


def _edge_start(doc: Doc, start: int, end: int) -> int:
    """Where a speaker phrase starts as PolNeAR marks it: after a dateline ("MYRTLE BEACH, S.C. -
    Sen. Ted Cruz") or a dash glued to it ("-Nate Cohn"), and with the state or country a title
    before a name belongs to ("Minnesota Gov. Mark Dayton", which the parse left out)."""
    text = text_of(doc)
    if (m := _DATELINE.match(text, start, end)) is not None:
        start = m.end()
    while start < end - 1 and text[start] in "-—–":
        start += 1
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None or first.start == 0 or first[0].lower_ not in _TITLES:
        return start
    place = doc[first.start - 1]
    if place.ent_type_ in ("GPE", "NORP") and place.pos_ == "PROPN" and place.whitespace_ == " ":
        left = place.i
        while left > 0 and doc[left].ent_iob_ == "I":  # "New York Gov. Andrew Cuomo"
            left -= 1
        return doc[left].idx
    return start

def _placeholder(doc: Doc, start: int, end: int) -> bool:
    """An "it" or "that" before a form of "be" or a modal ("it's no surprise that …", "that
    would …"): a placeholder or a thing, not someone who speaks."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ not in ("it", "that") or span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.lemma_ == "be" or after.tag_ == "MD"


def _ungluing(doc: Doc, end: int) -> int:
    """The end of a speaker phrase cut at a hyphen: the words after it up to a punctuation mark,
    a verb or the end of the sentence."""
    at = doc.char_span(end, end + 1, alignment_mode="expand")
    if at is None:
        return end
    for tok in doc[at.start : at.sent.end]:
        if (tok.is_punct and tok.text != "-") or tok.is_space or tok.pos_ in ("VERB", "AUX"):
            break
        end = tok.idx + len(tok.text)
    return end


def _heading_ranges(text: str, entries: Sequence[Entry]) -> list[tuple[int, int]]:
    ranges = []
    for entry in entries:
        if not entry.heading:
            continue
        at = text.find(entry.heading, entry.start, entry.end)
        if at >= 0:
            ranges.append((at, at + len(entry.heading)))
    return ranges

PRECISION: dict[str, tuple[int, int]] = _load_precision()
