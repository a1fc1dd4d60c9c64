"""Render a briefing as self-contained HTML (autoescaped Jinja2, inline CSS/SVG) or Markdown."""

from __future__ import annotations

import re
from urllib.parse import quote

import jinja2

from onrecord.report.templates import HTML
from onrecord.safe import link_url

_ENV = jinja2.Environment(loader=jinja2.DictLoader({"report.html": HTML}), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined)
_ENV.filters["anchor"] = lambda doc: "src-" + re.sub(r"[^A-Za-z0-9_-]", "_", str(doc))
_ENV.globals["counts"] = lambda a: actor_counts(a)
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


def ref(doc: str, start: object, end: object) -> str:
    return f"[`{doc} @ {start}–{end}`](#{_ENV.filters['anchor'](doc)})"


def to_markdown(data: dict) -> str:
    lines = ["# Briefing", "", f"Generated {data['generated']} from {data['totals']['documents']} articles.", ""]
    for s in data["stories"]:
        lines += _md_story(s)
    lines += ["## Sources", ""]
    for d in data["sources"]:
        lines.append(f"- <a id=\"{_ENV.filters['anchor'](d['id'])}\"></a>`{d['id']}` {md(d.get('outlet') or '?')}, "
                     f"{d.get('published') or 'undated'}: {md(d.get('title') or '(untitled)')}"
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
    out += ["", "### Timeline", ""]
    for e in s["timeline"]:
        srcs = ", ".join(f"{md(o.get('outlet') or o['doc'])} {ref(o['doc'], '', '').replace(' @ –', '')}"
                         for o in e["outlets"])
        out.append(f"- **{md(e['date'])}** {md(e['summary'])} — {srcs}")
    out += ["", "### Who said what", ""]
    for q in s["quotes"]:
        who = md(q.get("speaker_name") or "unknown speaker")
        out.append(f"- **{who}** ({md(q['kind'])}{', ' + md(q['cue']) if q.get('cue') else ''}): "
                   f"“{md(q['text'])}” — {md(q.get('outlet') or '?')}, {q.get('published') or 'undated'} "
                   f"{ref(q['doc_id'], q['start'], q['end'])}")
    out += ["", "### Figures and where they disagree", ""]
    out += _md_disagreements(s)
    for m in s["figures"]:
        flag = " — **sources disagree**" if m["conflict"] else ""
        out.append(f"- **{md(m.get('label') or m['counted'])}**{flag}")
        for c in m["claims"]:
            mark = " ⚠ conflicts" if c.get("conflict") else ""
            out.append(f"  - {md(c['text'])} — {md(c.get('claimant_name') or 'the outlet')} ({c['status']}{mark}), "
                       f"{md(c.get('outlet') or '?')} {c.get('published') or ''} {ref(c['doc_id'], c['start'], c['end'])}")
    out.append("")
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
        for e in d["quoted"]:
            out.append(f"  - “{md(e['sentence'])}” — {md(e['figures'])}; {md(e.get('outlet') or '?')}, "
                       f"{e.get('published') or 'undated'} {ref(e['doc_id'], e['start'], e['end'])}")
    for d in s.get("corroborations", []):
        label = "Running total" if d["running"] else "Sources agree"
        out.append(f"- {label} on {md(d['what'])}: " + "; ".join(
            f"{md(e['who'])} {md(e['text'])} ({md(e.get('outlet') or '?')}) {ref(e['doc_id'], e['start'], e['end'])}"
            for e in d["figures"]))
    return out + ([""] if out else [])
