"""Render a briefing as self-contained HTML (autoescaped Jinja2, inline CSS/SVG) or Markdown."""

from __future__ import annotations

import re
from urllib.parse import quote

import jinja2

from onrecord.labels import doc_label
from onrecord.report import relations
from onrecord.report.templates import HTML
from onrecord.safe import link_url
from onrecord.web.cite import at_href

_ENV = jinja2.Environment(loader=jinja2.DictLoader({"report.html": HTML, "relations.html": relations.HTML}), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined)
_ENV.filters["anchor"] = lambda doc: "src-" + re.sub(r"[^A-Za-z0-9_-]", "_", str(doc))
_ENV.globals["counts"] = lambda a: actor_counts(a)
_ENV.globals["at_href"] = at_href
_ENV.globals.update(rel_kind=relations.kind, rel_when=relations.when, rel_claims=relations.claims_of)
_ENV.filters["label"] = lambda d: doc_label(d.get("title"), d.get("outlet"), d.get("published"), d.get("opening"),
                                            d.get("id", ""))
_ENV.tests["length_one"] = lambda items: len(items) == 1
_ENV.filters["num"] = lambda v: "–" if v is None else f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def to_html(data: dict) -> str:
    return _ENV.get_template("report.html").render(**data)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|!])")


def md(text: object) -> str:
    """Text safe inside Markdown: markup characters escaped, HTML neutralised, one line."""
    s = " ".join(str(text if text is not None else "").split())
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def md_url(url: object) -> str:
    """A URL in Markdown: an autolink when it is http(s) (characters an autolink cannot hold
    percent-encoded), otherwise escaped text that no renderer turns into a link."""
    href = link_url(url)
    if href is None:
        return f"(not a web link: {md(url)})"
    return "<" + quote(href, safe="!#$%&'()*+,-./:;=?@[]_~") + ">"


def ref(doc: str, start: object, end: object, web: str | None = None) -> str:
    """A citation: to the article opened at the passage in the dossier at ``web``, else to the
    article's entry in the sources list."""
    if web and isinstance(start, int) and isinstance(end, int):
        return f"[`{doc} @ {start}–{end}`]({at_href(doc, start, end, web)})"
    return f"[`{doc} @ {start}–{end}`](#{_ENV.filters['anchor'](doc)})"


def sref(e: dict, web: str | None) -> str:
    """The citation of a figure: its sentence's offsets when known."""
    start, end = e.get("sentence_start"), e.get("sentence_end")
    if start is None or end is None:
        start, end = e["start"], e["end"]
    return ref(e["doc_id"], start, end, web)


def to_markdown(data: dict) -> str:
    lines = ["# Briefing", "", f"Generated {data['generated']} from {data['totals']['documents']} articles.", ""]
    for s in data["stories"]:
        lines += _md_story({**s, "web": data.get("web")})
    lines += ["## Sources", ""]
    for d in data["sources"]:
        lines.append(f"- <a id=\"{_ENV.filters['anchor'](d['id'])}\"></a>`{d['id']}` {md(d.get('outlet') or '?')}, "
                     f"{d.get('published') or 'undated'}: {md(_ENV.filters['label'](d))}"
                     + (f" {md_url(d['url'])}" if d.get("url") else ""))
    return "\n".join(lines) + "\n"


def _md_story(s: dict) -> list[str]:
    sm = s["summary"]
    out = [f"## {md(s['story']['title'])}", "",
           f"{sm.get('articles', 0)} articles from {sm.get('outlets', 0)} outlets, "
           f"{sm.get('first') or '?'} to {sm.get('last') or '?'}."]
    if s["actors"]:
        out.append("Main actors, by salience: " + ", ".join(
            f"{md(a['name'])} ({actor_counts(a)})" for a in s["actors"][:8]) + ".")
    if s.get("lead"):
        out += ["", "**In brief.**", ""] + [
            f"- {md(x['text'])} " + " · ".join(_md_cite(c, s["web"]) for c in x["cites"])
            for x in s["lead"]]
    out += ["", "### Timeline", ""]
    for e in s["timeline"]:
        srcs = ", ".join(f"{md(o.get('outlet') or o['doc'])} {ref(o['doc'], '', '').replace(' @ –', '')}"
                         for o in e["outlets"])
        expected = " *(expected)*" if e.get("kind") == "expected" else ""
        out.append(f"- **{md(e['date'])}**{expected} {md(e['summary'])} — {srcs}")
    if s.get("arc"):
        out.append("\nEarlier and later in this arc: " + "; ".join(
            f"{md(r['title'])} ({r['when']}, {(r['first'] or 'undated')[:10]})" for r in s["arc"]["related"]) + ".")
    out += _md_relations(s)
    out += ["", "### Who said what", ""]
    for q in s["quotes"]:
        out.append(_md_quote(q, s["web"]))
    if s.get("quotes_rest"):
        where = (f"<{s['web']}/quotes?story={quote(s['story']['id'], safe='')}>" if s["web"] and s["story"]["id"]
                 else "in the dossier (`onrecord serve`, /quotes)")
        out.append(f"\n{s['quotes_rest']} more quote{'s' if s['quotes_rest'] != 1 else ''}: {where}")
    out += ["", "### Figures and where they disagree", ""]
    out += _md_disagreements(s)
    for m in s["figures"]:
        flag = " — **sources disagree**" if m["conflict"] else ""
        out.append(f"- **{md(m.get('label') or m['counted'])}**{flag}")
        for c in m["claims"]:
            mark = " ⚠ conflicts" if c.get("conflict") else ""
            out.append(f"  - {md(c['text'])} — {md(c.get('claimant_name') or 'the outlet')} ({c['status']}{mark}): "
                       f"“{md(c.get('sentence') or '')}” {md(c.get('outlet') or '?')}, {c.get('published') or 'undated'} "
                       f"{sref(c, s['web'])}")
    if s.get("more_measures"):
        n = s["more_measures"]
        where = (f"<{s['web']}/claims?story={quote(s['story']['id'], safe='')}>" if s["web"] and s["story"]["id"]
                 else "in the dossier (`onrecord serve`, /claims)")
        out.append(f"\n{n} more measure{'s' if n != 1 else ''}: {where}")
    out.append("")
    return out


def _md_relations(s: dict) -> list[str]:
    """The story's main relations, each with its sentences cited (outlet, date, a link to the
    sentence), then "n more"."""
    rel = s.get("relations") or {}
    if not rel.get("main"):
        return []
    out = ["", "### Relations", ""]
    for e in rel["main"]:
        extra = (f" ({e['outlets']} outlets)" if e["outlets"] > 1 else "") + (" — **contradicted**" if e["contradicted"] else "")
        out.append(f"- **{md(e['source']['name'])}** — {md(relations.kind(e))} — **{md(e['target']['name'])}**, "
                   f"{md(relations.when(e))}, {md(relations.claims_of(e))}{extra}")
        for r in e["cited"]:
            who = f" ({md(r['claimant_name'])})" if r["claimant_name"] else ""
            out.append(f"  - “{md(r['text'])}” — {md(r['status'])}{who} {_md_cite(r, s['web'])}")
        if e["uncited"]:
            out.append(f"  - and {e['uncited']} more sentence{'s' if e['uncited'] != 1 else ''}")
    if rel.get("more"):
        sid = s["story"]["id"]
        where = (f"<{s['web']}/relations?story={quote(sid, safe='')}>" if s["web"] and sid
                 else f"in the dossier (`onrecord serve`, /relations?story={md(sid)})")
        out.append(f"\n{rel['more']} more relation{'s' if rel['more'] != 1 else ''}: {where}")
    return out


def actor_counts(a: dict) -> str:
    """What an actor's salience in a story is made of: "72 quotes, 80 mentions, 3 outlets"."""
    parts = [(a.get("quotes", 0), "quote"), (a.get("mention_count", 0), "mention"), (a.get("outlets", 0), "outlet")]
    return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in parts)
def _md_disagreements(s: dict) -> list[str]:
    """"A says X — B says Y" for each conflict, both sentences quoted; then the agreements."""
    out = []
    for d in s.get("conflicts", []):
        a, b = d["sides"][0][0], d["sides"][1][0]
        out.append(f"- **Sources disagree** on {md(d['what'])}: **{md(a['who'])}** says {md(a['text'])} — "
                   f"**{md(b['who'])}** says {md(b['text'])}")
        out += _md_sentences(d["quoted"], s.get("web"))
    for d in s.get("corroborations", []):
        label = "Running total" if d["running"] else "Sources agree"
        out.append(f"- {label} on {md(d['what'])}: " + "; ".join(
            f"{md(e['who'])} {md(e['text'])} ({md(e.get('outlet') or '?')})" for e in d["figures"]))
        out += _md_sentences(d["quoted"], s.get("web"))
    return out + ([""] if out else [])


def _md_sentences(quoted: list[dict], web: str | None) -> list[str]:
    return [f"  - “{md(e['sentence'])}” — {md(e['figures'])}; {md(e.get('outlet') or '?')}, "
            f"{e.get('published') or 'undated'} {sref(e, web)}" for e in quoted]


def _md_quote(q: dict, web: str | None) -> str:
    """A quote in its sentence, the quote in bold, with outlet, date and citation."""
    who = md(q.get("speaker_name") or "unknown speaker")
    w = q.get("in_sentence")
    said = (f"{_md_part(w['before'])}**{md(w['statement'])}**{_md_part(w['after'])}" if w
            else f"“{md(q['text'])}”")
    start, end = (w["start"], w["end"]) if w else (q["start"], q["end"])
    also = sorted({e.get("outlet") or "?" for e in q.get("echoes") or []})
    return (f"- **{who}** ({md(q['kind'])}{', ' + md(q['cue']) if q.get('cue') else ''}): {said} — "
            f"{md(q.get('outlet') or '?')}, {q.get('published') or 'undated'} {ref(q['doc_id'], start, end, web)}"
            + (f" (also in {md(', '.join(also))})" if also else ""))


def _md_part(text: str) -> str:
    """Text beside a bold statement: escaped, with a space kept where the text had one at its ends."""
    inner = md(text)
    if not inner:
        return ""
    return (" " if text[:1].isspace() else "") + inner + (" " if text[-1:].isspace() else "")


def _md_cite(c: dict, web: str | None) -> str:
    """A lead sentence's citation: "[Outlet, date](link to the sentence)"."""
    target = at_href(c["doc_id"], c["start"], c["end"], web) if web else f"#{_ENV.filters['anchor'](c['doc_id'])}"
    return f"[{md(c.get('outlet') or '?')}, {(c.get('published') or 'undated')[:10]}]({target})"
