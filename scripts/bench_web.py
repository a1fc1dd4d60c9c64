"""Time every dossier page on a big ledger and report the slowest render.

    python scripts/bench_web.py --db /tmp/bench.db            # builds 10,000 synthetic articles first
    python scripts/bench_web.py --db /tmp/bench.db --reuse    # takes the ledger as it is

The synthetic ledger: N articles from 40 outlets over 365 days, each with 8 actors (drawn from
600 entities with a heavy head, so a few actors appear in thousands of articles), 3 quotes,
3 claims, 4 dates, 2 events and 2 relations (between its first three actors); stories of about 30 articles plus one story of 2,000; same-quote
and conflict links; 6 timeline entries per story. Each page is requested in-process with
FastAPI's TestClient (routing, SQL, template rendering, no network); the figure reported per
page is the slowest of its requests, taken on the heaviest ids (biggest story, most-quoted
actor, deepest page).
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

from onrecord.link.records import Entity, EntityIndex, Link, LinkResult, Story, TimelineEntry
from onrecord.link.relations import edge_of, relation_edges
from onrecord.models import (
    Actor,
    Analysis,
    Claim,
    Document,
    Event,
    Mention,
    Quote,
    Relation,
    Segment,
    Span,
    TimeExpr,
)
from onrecord.store.ledger import Ledger

log = logging.getLogger("bench_web")

WORDS = ("army troops border talks ministry officials report city region attack drone missile "
         "statement ceasefire aid sanctions exercise deployment village bridge port meeting").split()
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
TARGET_MS = 200.0


def _sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _entity(rng: random.Random, n_entities: int) -> int:
    return min(int(rng.paretovariate(1.2)) - 1, n_entities - 1)


def synthetic(i: int, rng: random.Random, n_entities: int) -> Analysis:
    ents = sorted({_entity(rng, n_entities) for _ in range(12)})[:8]
    names = [f"Person {e:03d}" if e % 3 else f"Agency {e:03d}" for e in ents]
    parts, spans = [], {}
    pos = 0
    for k, name in enumerate(names):
        quote = f"We will {rng.choice(WORDS)} the {rng.choice(WORDS)} number {i}-{k}"
        text = f"{name} said \"{quote}\" on 3 March. {_sentence(rng)} About {rng.randint(1, 90) * 100} " \
               f"{rng.choice(['soldiers', 'drones', 'civilians'])} were counted. "
        spans[k] = (pos, text, quote)
        parts.append(text)
        pos += len(text)
    body = "".join(parts) + "\n\n" + " ".join(_sentence(rng) for _ in range(6))
    actors, quotes, claims, times, events = [], [], [], [], []
    for k, name in enumerate(names):
        start, text, quote = spans[k]
        actors.append(Actor(f"a{k}", name, "PERSON" if ents[k] % 3 else "ORG", (),
                            (Mention(start, start + len(name), name, f"a{k}"),)))
        if k < 3:
            qs = start + text.index(quote)
            quotes.append(Quote(qs, qs + len(quote), quote, "direct", "said",
                                Span(start, start + len(name), name), f"a{k}", name))
            cs = start + text.index("About ")
            ce = cs + len(text[text.index("About "):].split(" were")[0].rsplit(" ", 1)[0])
            claims.append(Claim(cs, ce, body[cs:ce], start, start + len(text), float(rng.randint(1, 90) * 100),
                                None, None, "~", None, text[text.index("About "):].split()[2], f"a{k}", name,
                                "attributed"))
        if k < 4:
            ts = start + text.index("3 March")
            times.append(TimeExpr(ts, ts + 7, "3 March", "2024-03-03", "day", "published"))
        if k < 2:
            events.append(Event(start, start + len(text), text, f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                (f"a{k}",)))
    day = 1 + i % 365
    published = f"2024-{1 + (day - 1) // 31 % 12:02d}-{1 + (day - 1) % 28:02d}"
    doc = Document(id=f"bench{i:05d}", source=f"bench/{i}.txt", input_id=f"{i}.txt", title=_sentence(rng, 7),
                   standfirst=None, outlet=OUTLETS[i % len(OUTLETS)], authors=("Staff",), published=published,
                   language="en", body=body, source_text=body, segments=(Segment(0, 0, len(body)),),
                   content_hash=f"h{i}")
    return Analysis(doc, tuple(actors), tuple(quotes), tuple(claims), tuple(times), tuple(events),
                    _relations(i, rng, spans, published))


RELATION_TYPES = ("CONSULT", "AID", "ACCUSE", "THREATEN", "SANCTION", "AGREE")


def _relations(i: int, rng: random.Random, spans: dict, date: str) -> tuple[Relation, ...]:
    """Two relations an article, from its first actors to the next ones, on the actors' sentences."""
    out = []
    for k in range(min(2, len(spans) - 1)):
        start, text, _ = spans[k]
        out.append(Relation(start, start + len(text), text, "said", start, start + 4, rng.choice(RELATION_TYPES),
                            None, f"a{k}", None, f"a{k + 1}", None, date, "published",
                            rng.choice(("reported", "alleged", "denied")), None, None))
    return tuple(out)


def _store(ledger: Ledger, batch: list[Analysis], via_add: bool) -> None:
    if via_add:
        for a in batch:
            ledger.add(a)
        return
    # Bulk path: fresh ids into an empty ledger, so add()'s per-article replace step (finding and
    # deleting an earlier version of each document) is skipped: there is none to replace.
    with ledger.conn:
        for a in batch:
            ledger._insert_document(a.document)
            ledger._insert_extractions(a)


def build(db: Path, n: int, seed: int = 7, via_add: bool = False) -> None:
    rng = random.Random(seed)
    n_entities = 600
    entity_of: dict[tuple[str, str], str] = {}
    docs_of_entity: dict[str, int] = {}
    t0 = time.perf_counter()
    with Ledger(db) as ledger:
        ledger.conn.execute("PRAGMA synchronous = OFF")
        batch: list[Analysis] = []
        kept: list[Analysis] = []  # for the relations' edges
        for i in range(n):
            a = synthetic(i, rng, n_entities)
            batch.append(a)
            kept.append(a)
            for actor in a.actors:
                eid = f"E{actor.name.split()[-1]}"
                entity_of[(a.document.id, actor.key)] = eid
                docs_of_entity[eid] = docs_of_entity.get(eid, 0) + 1
            if len(batch) == 500 or i == n - 1:
                _store(ledger, batch, via_add)
                batch = []
                log.info("%d articles stored (%.0f s)", i + 1, time.perf_counter() - t0)
        ids = [f"bench{i:05d}" for i in range(n)]
        big = ids[: min(2000, n)]
        stories = [Story("S-big", "The big story", tuple(big))]
        rest = ids[len(big):]
        stories += [Story(f"S{k}", f"Story {k}", tuple(rest[k:k + 30])) for k in range(0, len(rest), 30)]
        members: dict[str, list[tuple[str, str]]] = {}
        for member, eid in entity_of.items():
            members.setdefault(eid, []).append(member)
        entities = tuple(Entity(e, ("Person " if int(e[1:]) % 3 else "Agency ") + e[1:],
                                "PERSON" if int(e[1:]) % 3 else "ORG", (), (), None, tuple(members[e]),
                                mention_count=c)
                         for e, c in docs_of_entity.items())
        links, timeline = [], []
        for s in stories:
            d = s.docs
            links.append(Link("same_quote", tuple(f"{x}/q0" for x in d[:3]), "", d[0] + "/q0"))
            links.append(Link("conflicts", tuple(f"{x}/c0" for x in d[:2]), "differ", d[0] + "/c0"))
            timeline += [TimelineEntry(f"2024-{1 + j:02d}-{1 + j * 3:02d}", "day", float(j), _sentence(rng, 10),
                                       (f"{d[0]}/e0",), d[:4], story_id=s.id) for j in range(6)]
        result = LinkResult(tuple(stories), tuple(links), tuple(timeline))
        edges = edge_of(relation_edges(kept, entity_of))
        ledger.replace_links(result, EntityIndex(entities, entity_of), relation_edges=edges)
    log.info("built %d articles in %.0f s", n, time.perf_counter() - t0)


def _heaviest(conn) -> dict[str, str]:
    actor = conn.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker "
                         "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    story = conn.execute("SELECT story_id FROM story_docs GROUP BY story_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    small = conn.execute("SELECT story_id FROM story_docs GROUP BY story_id ORDER BY COUNT(*) LIMIT 1").fetchone()[0]
    doc = conn.execute("SELECT doc_id FROM quotes GROUP BY doc_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    outlet = conn.execute("SELECT outlet FROM documents LIMIT 1").fetchone()[0]
    pair = conn.execute("SELECT source_entity, target_entity FROM relations WHERE source_entity IS NOT NULL "
                        "GROUP BY 1, 2 ORDER BY COUNT(*) DESC LIMIT 1").fetchone() or ("-", "-")
    return {"actor": actor, "story": story, "small": small, "doc": doc, "outlet": outlet, "a": pair[0], "b": pair[1]}


def pages(db: Path) -> list[str]:
    with Ledger(db, readonly=True) as ledger:
        h = _heaviest(ledger.conn)
        n = ledger.count("documents")
    paths = ["/", "/actors", f"/actors/{h['actor']}", f"/stories/{h['story']}", f"/stories/{h['small']}",
             "/quotes", f"/quotes?speaker={h['actor']}", "/quotes?speaker=Person", "/quotes?q=ministry+talks",
             f"/quotes?outlet={h['outlet'].replace(' ', '+')}&date_from=2024-03-01&date_to=2024-06-30",
             "/claims", "/claims?status=attributed&q=soldiers", f"/claims?claimant={h['actor']}",
             "/documents", "/documents?q=ceasefire", f"/documents?offset={max(n - 60, 0)}",
             f"/documents/{h['doc']}", f"/relations?story={h['story']}", f"/relations/{h['a']}/with/{h['b']}",
             "/docs", "/corrections"]
    return paths + ["/api" + p if p.startswith(("/stories", "/actors", "/quotes", "/claims", "/documents", "/relations"))
                    else "/api/overview" for p in paths[:19]]


def measure(db: Path, repeat: int) -> list[tuple[str, float, float]]:
    warnings.filterwarnings("ignore")
    from fastapi.testclient import TestClient

    from onrecord.web.app import create_app

    client = TestClient(create_app(db, corrections=db.with_suffix(".corrections.json")), base_url="http://127.0.0.1")
    results = []
    for path in dict.fromkeys(pages(db)):
        client.get(path)  # warm the page cache and the template cache
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
        results.append((path, max(times), statistics.median(times)))
    return results


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--reuse", action="store_true", help="use the ledger at --db as it is")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--via-add", action="store_true", help="store with Ledger.add (slow on big ledgers)")
    args = ap.parse_args()
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        build(args.db, args.articles, via_add=args.via_add)
    results = measure(args.db, args.repeat)
    width = max(len(p) for p, *_ in results)
    print(f"{'page':<{width}}  {'max ms':>8}  {'median ms':>9}")
    for path, worst, median in sorted(results, key=lambda r: -r[1]):
        print(f"{path:<{width}}  {worst:8.1f}  {median:9.1f}")
    slowest = max(results, key=lambda r: r[1])
    print(f"slowest page: {slowest[0]} {slowest[1]:.1f} ms (target < {TARGET_MS:.0f} ms)")
    return 0 if slowest[1] < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
