"""HTML input: trafilatura's main text, page metadata, schema.org live-blog updates."""

from __future__ import annotations

import json

from onrecord.clean import clean
from onrecord.clean.html import live_blog_text
from onrecord.models import Document, Problem, RawInput

PARAS = [
    "The harbour authority said on Tuesday that the ferry service would resume next month after repairs to the pier.",
    "Local traders have complained for months that the closure cut their takings by about a third, a survey found.",
    "The regional government has promised to cover part of the repair bill, which engineers put at four million euros.",
]


def _page(extra_head: str = "", body: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<html><head><title>Ferry to resume | Coastal Herald</title>"
            f'<meta property="og:site_name" content="Coastal Herald">'
            f'<meta name="author" content="Maria Lind">'
            f'<meta property="article:published_time" content="2023-06-03T10:00:00Z">{extra_head}</head>'
            f"<body><nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
            f"<article><h1>Ferry to resume</h1>{body or paras}</article>"
            f"<footer>© 2023 Coastal Herald. All rights reserved.</footer></body></html>")


def test_html_article_text_and_metadata():
    doc = clean(RawInput(source="p.html", input_id="p.html", kind="html", content=_page()))
    assert isinstance(doc, Document)
    for p in PARAS:
        assert p in doc.body
    assert "Home" not in doc.body and "All rights reserved" not in doc.body
    assert doc.outlet == "Coastal Herald" and doc.authors == ("Maria Lind",)
    assert (doc.published, doc.published_source) == ("2023-06-03", "meta")
    for s in doc.segments:
        assert doc.body[s.body_start:s.body_start + s.length] == doc.source_text[s.source_start:s.source_start + s.length]


def test_html_live_blog_updates_become_entries():
    ld = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": [
        {"@type": "BlogPosting", "headline": "Council answers critics", "datePublished": "2023-06-03T16:15:00Z",
         "articleBody": PARAS[0] + "\n" + PARAS[1]},
        {"@type": "BlogPosting", "headline": "Repairs on schedule", "datePublished": "2023-06-03T14:05:00Z",
         "articleBody": PARAS[2]},
    ]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    doc = clean(RawInput(source="live.html", input_id="live.html", kind="html", content=_page(head)))
    assert isinstance(doc, Document)
    assert [(e.time, e.date, e.heading) for e in doc.entries] == [
        ("16:15", "2023-06-03", "Council answers critics"), ("14:05", "2023-06-03", "Repairs on schedule")]
    assert doc.body[doc.entries[1].start:doc.entries[1].end].endswith(PARAS[2])


def test_html_without_live_blog_markup_has_no_live_text():
    assert live_blog_text(_page()) is None


def test_html_page_without_article_is_a_problem():
    page = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    result = clean(RawInput(source="e.html", input_id="e.html", kind="html", content=page))
    assert isinstance(result, Problem) and result.reason.startswith("no article")
