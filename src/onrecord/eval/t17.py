"""Timeline17: build a timeline per topic and score date F1 against the journalists' timelines.

For each ``<topic>_<outlet>/`` folder: read ``articles.jsonl.gz`` (PTB-tokenised texts, detokenised
lightly), resolve time expressions per article (``onrecord.extract.times.extract_times``; ``light_times``
is a small regex resolver for the link benchmark), turn each sentence holding a day-precise date
into an event, link everything with :func:`onrecord.link.link`, rank the dates of the timeline
by summed salience, keep as many as the gold timeline has dates and score the date-set F1.
With ``events="spacy"`` events come from ``onrecord.extract.events`` over spaCy docs instead
(slow: analyses are cached per topic under the temp dir).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import logging
import pickle
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from onrecord.link import link
from onrecord.link.timeline import rank_dates
from onrecord.models import Actor, Analysis, Document, Event, Mention, TimeExpr

log = logging.getLogger(__name__)

CACHE = Path(tempfile.gettempdir()) / "onrecord-t17-cache"
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE_PATTERNS = [
    re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"),
    re.compile(r"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"),
    re.compile(r"\b(?P<rel>yesterday|today|tonight|last night|this morning)\b", re.I),
    re.compile(r"\b(?:on|last|this)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
]
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|\n|$)")
CAPWORDS = re.compile(r"\b[A-Z][a-zA-Z]+(?:\s+(?:of\s+)?[A-Z][a-zA-Z]+)*")


def detokenize(text: str) -> str:
    """Undo the commonest PTB tokenisation: spaced punctuation, ``quotes``, -LRB-."""
    t = text.replace("`` ", '"').replace(" ''", '"').replace("``", '"').replace("''", '"').replace("-LRB-", "(").replace("-RRB-", ")")
    t = re.sub(r" ([,.;:!?%)\]])", r"\1", t)
    t = re.sub(r"([(\[$]) ", r"\1", t)
    t = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", t)
    return re.sub(r"[ \t]+", " ", t).strip()


def _resolve(m: re.Match[str], ref: dt.date | None) -> str | None:
    g = m.groupdict()
    if g.get("iso"):
        return g["iso"]
    if ref is None:
        return None
    if g.get("rel"):
        back = 1 if g["rel"].lower() in ("yesterday", "last night") else 0
        return (ref - dt.timedelta(days=back)).isoformat()
    if g.get("wd"):
        delta = (ref.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        return (ref - dt.timedelta(days=delta)).isoformat()
    month = MONTHS[g["mon"].lower().rstrip(".")]
    year = int(g["year"]) if g.get("year") else ref.year
    try:
        day = dt.date(year, month, int(g["day"]))
    except ValueError:
        return None
    if not g.get("year") and (day - ref).days > 183:
        day = day.replace(year=year - 1)
    return day.isoformat()


def light_times(text: str, published: str | None) -> tuple[TimeExpr, ...]:
    """Day-precise time expressions found by a few patterns, resolved against ``published``."""
    try:
        ref = dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        ref = None
    found: dict[int, TimeExpr] = {}
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e.end for s, e in found.items()):
                continue
            value = _resolve(m, ref)
            if value:
                found[m.start()] = TimeExpr(m.start(), m.end(), m.group(0), value, "day", "published")
    return tuple(sorted(found.values(), key=lambda t: t.start))


def light_actors(text: str) -> tuple[Actor, ...]:
    """Capitalised word sequences not at a sentence start, as actors keyed by their name."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in CAPWORDS.finditer(text):
        name = m.group(0)
        if m.start() == 0 or text[m.start() - 2 : m.start()].strip() in (".", "!", "?", '"'):
            continue
        if name.lower() in MONTHS or name.lower() in WEEKDAYS:
            continue
        mentions[name].append(Mention(m.start(), m.end(), name, name))
    return tuple(Actor(k, k, "", (k,), tuple(v)) for k, v in mentions.items())


def light_events(text: str, times: Sequence[TimeExpr], actors: Sequence[Actor]) -> tuple[Event, ...]:
    """One event per sentence and day-precise date it mentions."""
    spans = [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group(0).strip()]
    where = sorted((mention.start, actor.key) for actor in actors for mention in actor.mentions)
    events = []
    for t in times:
        if not t.value or len(t.value) != 10:
            continue
        for s, e in spans:
            if s <= t.start < e:
                keys = tuple(dict.fromkeys(k for p, k in where if s <= p < e))
                events.append(Event(s, e, text[s:e].strip(), t.value, keys))
                break
    return tuple(dict.fromkeys(events))


def _times_function():
    """The extract stage's ``extract_times`` over plain text (no parse), and its label."""
    from onrecord.extract.times import extract_times

    return (lambda text, published: extract_times(text, published)), "extract.times"


def load_topic(folder: Path, limit: int | None = None) -> list[Document]:
    docs = []
    with gzip.open(folder / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = detokenize(row.get("text") or "")
            docs.append(Document(
                id=f"{folder.name}/{row['id']}", source=str(folder), input_id=str(row["id"]),
                title=None, standfirst=None, outlet=folder.name.split("_")[-1], authors=(),
                published=row.get("published"), language="en", body=text, source_text=text,
            ))
            if limit and len(docs) >= limit:
                break
    return docs


def analyse_light(docs: Sequence[Document]) -> tuple[list[Analysis], str]:
    times_of, how = _times_function()
    out = []
    for d in docs:
        times = tuple(times_of(d.body, d.published))
        actors = light_actors(d.body)
        out.append(Analysis(d, actors=actors, times=times, events=light_events(d.body, times, actors)))
    return out, how


def analyse_spacy(docs: Sequence[Document], folder: Path) -> tuple[list[Analysis], str]:
    """Analyses by the extract stage over spaCy docs, cached per topic."""
    key = hashlib.sha1(("events-v2" + "".join(d.id + d.body[:50] for d in docs)).encode()).hexdigest()[:12]
    cache = CACHE / f"{folder.name}-{key}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes()), "extract (cached)"
    from onrecord.extract.actors import extract_actors
    from onrecord.extract.events import extract_events
    from onrecord.extract.times import extract_times
    from onrecord.nlp.pipeline import load

    nlp = load()
    out = []
    for d, doc in zip(docs, nlp.pipe((d.body for d in docs), batch_size=16), strict=True):
        actors = extract_actors(doc)
        times = tuple(extract_times(d.body, d.published, doc=doc))
        events = extract_events(doc, times, actors, d.published)
        out.append(Analysis(d, actors=actors, times=times, events=events))
    CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(out))
    return out, "extract"


def date_f1(predicted: Sequence[str], gold: set[str]) -> dict[str, float]:
    chosen = set(list(predicted)[: len(gold)])
    hit = len(chosen & gold)
    p = hit / len(chosen) if chosen else 0.0
    r = hit / len(gold) if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score_topic(folder: Path, limit: int | None, events: str) -> dict:
    t0 = time.perf_counter()
    docs = load_topic(folder, limit)
    analyses, how = analyse_spacy(docs, folder) if events == "spacy" else analyse_light(docs)
    t1 = time.perf_counter()
    result = link(analyses)
    gold = {g["date"][:10] for g in json.loads((folder / "timeline.json").read_text(encoding="utf-8"))}
    published = {d.id: d.published for d in docs}
    dates = [date for date, _ in rank_dates(result.timeline, published, result.links)]
    scores = date_f1(dates, gold)
    scores.update(topic=folder.name, articles=len(docs), gold_dates=len(gold), times=how,
                  entries=len(result.timeline), extract_s=round(t1 - t0, 1),
                  link_s=round(time.perf_counter() - t1, 1))
    return scores


def run(path: Path, limit: int | None = None, events: str = "light") -> dict:
    """Date F1 per timeline folder and the average (``limit``: first N articles per folder)."""
    folders = sorted(p for p in Path(path).iterdir() if (p / "timeline.json").exists())
    t0 = time.perf_counter()
    topics = [score_topic(f, limit, events) for f in folders]
    average = sum(t["f1"] for t in topics) / len(topics) if topics else 0.0
    return {"topics": topics, "date_f1": average, "seconds": round(time.perf_counter() - t0, 1),
            "events": events, "limit": limit}


def format_result(result: dict) -> str:
    lines = [f"{'timeline':24} {'articles':>8} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for t in result["topics"]:
        lines.append(f"{t['topic']:24} {t['articles']:8d} {t['gold_dates']:5d} "
                     f"{t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}")
    lines.append(f"average date F1 {result['date_f1']:.3f} over {len(result['topics'])} timelines "
                 f"(news-tls DATEWISE 0.544); {result['seconds']} s, events={result['events']}")
    return "\n".join(lines)
