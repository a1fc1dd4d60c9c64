"""A story's main relations in the briefing: its best-ranked edges (:mod:`onrecord.web.edges`),
each as "A — TYPE/mode — B, date, status (claimant)" with the sentences behind it cited."""

from __future__ import annotations

import sqlite3

from onrecord.web.edges import attach, story_edges

EDGES = 8  # edges a story's section lists
SENTENCES = 2  # sentences quoted per edge (one per status first: a denial beside its claim)


def story_relations(conn: sqlite3.Connection, story_id: str) -> dict:
    """``main``: the story's :data:`EDGES` best edges, each with ``cited`` (the relations quoted)
    and ``uncited`` (how many it leaves out); ``more``: the edges not listed."""
    if not story_id:
        return {"main": [], "more": 0}
    edges, _ = story_edges(conn, story_id)
    main = edges[:EDGES]
    attach(conn, main, SENTENCES, story_id)
    for e in main:
        e["cited"], e["uncited"] = e.pop("relations"), e["more"]
    return {"main": main, "more": len(edges) - len(main)}


def claims_of(e: dict) -> str:
    """"reported; denied (Dmitry Peskov)": an edge's statuses with their claimants."""
    return "; ".join(s["status"] + (f" ({s['claimant']})" if s["claimant"] else "") for s in e["statuses"])


def when(e: dict) -> str:
    """An edge's date, or its first and last dates."""
    if not e["first"]:
        return "undated"
    return e["first"] if e["last"] in (None, e["first"]) else f"{e['first']} to {e['last']}"


def kind(e: dict) -> str:
    """"AID/military": the PLOVER type and its modes."""
    return e["type"] + ("/" + ", ".join(e["modes"]) if e["modes"] else "")


HTML = r"""{% set rel = s.relations %}
{% if rel and rel.main %}
<h3>Relations</h3>
<p class="muted">Who does what to whom (PLOVER event types), ranked by the outlets that report each relation and the salience of its two actors; each with the sentences behind it.</p>
<ul class="relations">{% for e in rel.main %}<li><strong>{{ e.source.name }}</strong> — {{ rel_kind(e) }} — <strong>{{ e.target.name }}</strong>, {{ rel_when(e) }}, {{ rel_claims(e) }}{% if e.outlets > 1 %} <span class="muted">({{ e.outlets }} outlets)</span>{% endif %}{% if e.contradicted %} <span class="bad">contradicted</span>{% endif %}
<ul>{% for r in e.cited %}<li>“{{ r.text|trim }}” <span class="muted">— {{ r.status }}{% if r.claimant_name %} ({{ r.claimant_name }}){% endif %}</span> <a class="cite" href="{{ at_href(r.doc_id, r.start, r.end, web) if web else '#' ~ r.doc_id|anchor }}" title="{{ r.doc_id }} @ {{ r.start }}–{{ r.end }}">{{ r.outlet or "?" }}, {{ (r.published or "undated")[:10] }}</a></li>{% endfor %}{% if e.uncited %}<li class="muted">and {{ e.uncited }} more sentence{{ "s" if e.uncited != 1 }}</li>{% endif %}</ul></li>{% endfor %}</ul>
{% if rel.more %}<p class="muted">{{ rel.more }} more relation{{ "s" if rel.more != 1 }}{% if web and s.story.id %}: <a href="{{ web }}/relations?story={{ s.story.id|urlencode }}">the full list</a>{% else %} in the dossier (<code>onrecord serve</code>, /relations?story={{ s.story.id }}){% endif %}.</p>{% endif %}
{% endif %}
"""
