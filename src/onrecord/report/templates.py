"""The report's HTML template (kept in code so the file is self-contained package source)."""

HTML = r"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Briefing · onrecord</title>
<style>
body { font: 15px/1.55 system-ui, sans-serif; color: #1d2330; max-width: 980px; margin: 2rem auto; padding: 0 1.2rem; }
h1 { font-size: 1.7rem; } h2 { border-bottom: 2px solid #1d2330; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { margin-top: 1.6rem; border-bottom: 1px solid #d9dde5; }
.muted { color: #6a7180; } .ref { font: .8rem ui-monospace, monospace; }
.bad { color: #b3261e; font-weight: 600; } tr.conflict td { background: #fff1f0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid #e3e6ec; vertical-align: top; }
blockquote { margin: .2rem 0; }
.disagreement { border-left: 4px solid #b3261e; padding: .2rem .8rem; margin: .8rem 0; background: #fffafa; }
.corroboration { border-left: 4px solid #2e7d32; padding: .1rem .8rem; margin: .6rem 0; }
.disagreement blockquote { font-size: .92rem; color: #333a48; } .ok { color: #2e7d32; font-weight: 600; } li { margin-bottom: .35rem; }
svg { width: 100%; height: auto; border: 1px solid #d9dde5; border-radius: 4px; }
svg .axis { stroke: #98a0ad; } svg .tick { font-size: 11px; fill: #6a7180; } svg .label { font-size: 12px; }
svg .src { font-size: 10px; fill: #6a7180; } svg circle { fill: #1f5fa8; } svg .conflict circle { fill: #b3261e; }
svg .stem { stroke: #c4cad4; stroke-dasharray: 2 2; } svg .range { stroke: #8aa6c8; stroke-width: 3; }
.lead { background: #f4f7fb; border-left: 4px solid #1f5fa8; padding: .3rem .9rem; margin: .8rem 0; } .lead ul { margin: .2rem 0; }
a.cite { font-size: .8rem; white-space: nowrap; } td.sentence { font-size: .85rem; color: #333a48; } strong.said { font-weight: 600; }
@media print { a { color: inherit; text-decoration: none; } }
</style></head>
<body>
{% macro ref(doc, start, end) %}<a class="ref" href="{{ at_href(doc, start, end, web) if web else '#' ~ doc|anchor }}">{{ doc }} @ {{ start }}–{{ end }}</a>{% endmacro %}
{% macro sref(e) %}{{ ref(e.doc_id, e.sentence_start if e.sentence_start is not none else e.start, e.sentence_end if e.sentence_end is not none else e.end) }}{% endmacro %}
<h1>Briefing</h1>
<p class="muted">Generated {{ generated }} from {{ totals.documents }} articles, {{ totals.quotes }} quotes, {{ totals.claims }} figures. Each statement quotes the sentence behind it with its outlet and date, and cites its article and the sentence's character offsets in the clean text; {% if web %}the link opens the article in the dossier ({{ web }}) at that sentence, marked{% else %}the link leads to the sources list{% endif %}.</p>
<nav><ol>{% for s in stories %}<li><a href="#story-{{ loop.index }}">{{ s.story.title }}</a></li>{% endfor %}<li><a href="#sources">Sources</a></li></ol></nav>
{% for s in stories %}
<section id="story-{{ loop.index }}">
<h2>{{ s.story.title }}</h2>
<p>{{ s.summary.articles }} articles from {{ s.summary.outlets }} outlets, {{ s.summary.first or "?" }} to {{ s.summary.last or "?" }}.
{% if s.actors %}Main actors, by salience: {% for a in s.actors[:8] %}{{ a.name }} ({{ counts(a) }}){% if not loop.last %}, {% endif %}{% endfor %}.{% endif %}</p>
{% if s.lead %}<div class="lead"><strong>In brief.</strong><ul>{% for l in s.lead %}<li>{{ l.text }} {% for c in l.cites %}<a class="cite" href="{{ at_href(c.doc_id, c.start, c.end, web) if web else '#' ~ c.doc_id|anchor }}" title="{{ c.doc_id }} @ {{ c.start }}–{{ c.end }}">{{ c.outlet or "?" }}, {{ (c.published or "undated")[:10] }}</a>{% if not loop.last %} · {% endif %}{% endfor %}</li>{% endfor %}</ul></div>{% endif %}
<h3>Timeline</h3>
{% set t = s.timeline_svg %}
{% if t %}
<svg viewBox="0 0 {{ t.width }} {{ t.height }}" role="img" aria-label="timeline">
<line x1="40" x2="{{ t.width - 40 }}" y1="{{ t.axis_y }}" y2="{{ t.axis_y }}" class="axis"/>
{% for tick in t.ticks %}<text x="{{ tick.x }}" y="{{ t.axis_y - 10 }}" class="tick" text-anchor="middle">{{ tick.label }}</text>{% endfor %}
{% for p in t.points %}<g><title>{{ p.date }}: {{ p.summary }}</title><line x1="{{ p.x }}" x2="{{ p.x }}" y1="{{ t.axis_y }}" y2="{{ p.y }}" class="stem"/><circle cx="{{ p.x }}" cy="{{ t.axis_y }}" r="{{ p.r }}"/><text x="{{ p.tx }}" y="{{ p.y }}" text-anchor="{{ p.text_anchor }}" class="label">{{ p.date }} {{ p.label }}</text><text x="{{ p.tx }}" y="{{ p.y + 12 }}" text-anchor="{{ p.text_anchor }}" class="src">{% for o in p.outlets %}{{ o.outlet or o.doc }}{% if not loop.last %} · {% endif %}{% endfor %}</text></g>{% endfor %}
</svg>
{% endif %}
<ul>{% for e in s.timeline %}<li><strong>{{ e.date }}</strong>{% if e.kind == "expected" %} <em>(expected)</em>{% endif %} {{ e.summary }} — {% for o in e.outlets %}<a class="ref" href="#{{ o.doc|anchor }}">{{ o.outlet or o.doc }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</li>{% else %}<li class="muted">No dated events.</li>{% endfor %}</ul>
{% if s.arc %}<p>Earlier and later in this arc: {% for r in s.arc.related %}{{ r.title }} ({{ r.when }}, {{ (r.first or "undated")[:10] }}){% if not loop.last %}; {% endif %}{% endfor %}.</p>{% endif %}
{% include "relations.html" %}
<h3>Who said what</h3>
<ul>{% for q in s.quotes %}{% set w = q.in_sentence %}<li><strong>{{ q.speaker_name or "unknown speaker" }}</strong> <span class="muted">({{ q.kind }}{% if q.cue %}, {{ q.cue }}{% endif %})</span>: {% if w %}<span class="sentence">{{ w.before }}<strong class="said">{{ w.statement }}</strong>{{ w.after }}</span>{% else %}<q>{{ q.text }}</q>{% endif %} — {{ q.outlet or "?" }}, {{ q.published or "undated" }} {{ ref(q.doc_id, w.start if w else q.start, w.end if w else q.end) }}{% if q.echoes %} <span class="muted">also in {{ q.echoes|map(attribute="outlet")|map("default", "?", true)|unique|join(", ") }}</span>{% endif %}</li>{% else %}<li class="muted">No quotes.</li>{% endfor %}</ul>
{% if s.quotes_rest %}<p class="muted">{{ s.quotes_rest }} more quote{{ "s" if s.quotes_rest != 1 }}{% if web and s.story.id %}: <a href="{{ web }}/quotes?story={{ s.story.id|urlencode }}">the full list</a>{% else %} in the dossier (<code>onrecord serve</code>, /quotes{% if s.story.id %}?story={{ s.story.id }}{% endif %}){% endif %}.</p>{% endif %}
<h3>Figures and where they disagree</h3>
{% for d in s.conflicts %}
<div class="disagreement"><p><span class="bad">Sources disagree</span> on {{ d.what }}:
<strong>{{ d.sides[0][0].who }}</strong> says {{ d.sides[0][0].text }} — <strong>{{ d.sides[1][0].who }}</strong> says {{ d.sides[1][0].text }}.</p>
{% for e in d.quoted %}<blockquote>“{{ e.sentence|trim }}” <span class="muted">— {{ e.figures }}; {{ e.outlet or "?" }}, {{ e.published or "undated" }}</span> {{ sref(e) }}</blockquote>{% endfor %}
</div>
{% endfor %}
{% for d in s.corroborations %}
<div class="corroboration"><p><span class="ok">{{ "Running total" if d.running else "Sources agree" }}</span> on {{ d.what }}:
{% for e in d.figures %}<strong>{{ e.who }}</strong> {{ e.text }} <span class="muted">({{ e.outlet or "?" }})</span>{% if not loop.last %}; {% endif %}{% endfor %}.</p>
{% for e in d.quoted %}<blockquote>“{{ e.sentence|trim }}” <span class="muted">— {{ e.figures }}; {{ e.outlet or "?" }}, {{ e.published or "undated" }}</span> {{ sref(e) }}</blockquote>{% endfor %}</div>
{% endfor %}
{% for m in s.figures if m.claims|length > 1 or m.conflict %}
<h4>{{ m.label or m.counted }}{% if m.unit and not m.unit.isalpha() %} ({{ m.unit }}){% endif %}{% if m.conflict %} <span class="bad">sources disagree</span>{% endif %}</h4>
<table><thead><tr><th>figure</th><th>claimant</th><th>status</th><th>the sentence</th><th>outlet, date</th><th>source</th></tr></thead><tbody>
{% for c in m.claims %}<tr{% if c.conflict %} class="conflict"{% endif %}><td>{{ c.text }}</td><td>{{ c.claimant_name or "the outlet" }}</td><td>{{ c.status }}{% if c.conflict %} <span class="bad">conflicts</span>{% endif %}</td><td class="sentence">“{{ c.sentence|trim }}”</td><td>{{ c.outlet or "?" }}, {{ c.published or "undated" }}</td><td>{{ sref(c) }}</td></tr>{% endfor %}
</tbody></table>
{% else %}{% if not s.figures %}<p class="muted">No figures.</p>{% endif %}{% endfor %}
{% set single = s.figures|selectattr("conflict", "false")|selectattr("claims", "length_one")|list %}
{% if single %}<h4>Figures given once</h4><ul>{% for m in single %}{% set c = m.claims[0] %}<li><strong>{{ c.text }}</strong> {{ m.label or m.counted }} — {{ c.claimant_name or "the outlet" }}: “{{ c.sentence|trim }}” <span class="muted">{{ c.outlet or "?" }}, {{ c.published or "undated" }}</span> {{ sref(c) }}</li>{% endfor %}</ul>{% endif %}
{% if s.more_measures %}<p class="muted">{{ s.more_measures }} more measure{{ "s" if s.more_measures != 1 }}{% if web and s.story.id %}: <a href="{{ web }}/claims?story={{ s.story.id|urlencode }}">the full list</a>{% else %} in the dossier (<code>onrecord serve</code>, /claims{% if s.story.id %}?story={{ s.story.id }}{% endif %}){% endif %}.</p>{% endif %}
{% if s.other_figures %}<p class="muted">Other figures (ranks, durations, distances, the articles' own participants), not compared: {% for c in s.other_figures %}{{ c.text }} ({{ c.aside }}){% if not loop.last %}, {% endif %}{% endfor %}.</p>{% endif %}
</section>
{% endfor %}
<section id="sources">
<h2>Sources</h2>
<ol>{% for d in sources %}<li id="{{ d.id|anchor }}"><code>{{ d.id }}</code> — {{ d.outlet or "?" }}, {{ d.published or "undated" }}: {{ d|label }}{% if d.url %} <span class="muted">{{ d.url }}</span>{% endif %} <span class="muted">({{ d.source }})</span></li>{% endfor %}</ol>
</section>
</body></html>
"""
