"""Verbs whose object a figure counts as something done, not reported, and tags a figure lies past.

"Bush, who released 250,000 emails", "lawyers, who found roughly 900 pages" (a percentage found is
still a finding), and "add", which reports only a content clause or a quote: "The economy added
146,000 jobs" and "the budget would add $7.9 trillion to the debt" are counts, while "he added
that 5 percent ..." and "'...,' he added" are reports. A tag followed by a dash ends the report:
"Iran will enrich to 3.7%, Kamalvandi said -- above the 3.67% mandated by the deal" (the 3.67%
is the outlet's).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

DASHES = ("—", "–", "―", "--")  # em dash, en dash, horizontal bar (U+2015), double hyphen
ACT_LEMMAS = {"release", "publish", "post", "find", "produce", "turn", "identify"}
CLAUSE_DEPS = ("ccomp", "parataxis")


def act_object(tok: Token, below: Token, verb: Token) -> bool:
    """The figure ``tok`` (under ``below``, the child of ``verb`` on its path) counts what the verb
    does, not what it reports."""
    if verb.lemma_.lower() == "add":
        return below.dep_ not in CLAUSE_DEPS
    if verb.lemma_.lower() not in ACT_LEMMAS or below.dep_ != "dobj":
        return False
    counts_it = below.i == tok.i or (tok.head.i == below.i and tok.dep_ == "nummod")
    return counts_it and not any(t.text == "%" or t.lower_ in ("percent", "cent") for t in below.subtree)


def adds_it(verb: Token, tok: Token) -> bool:
    """"The economy added 146,000 jobs": the figure is in what "add" adds, outside any clause of it."""
    if verb.lemma_.lower() != "add":
        return False
    below = next((t for t in (tok, *tok.ancestors) if t.head.i == verb.i and t.i != verb.i), None)
    return below is not None and below.dep_ not in CLAUSE_DEPS


def past_tag(verb: Token, tok: Token) -> bool:
    """The figure ``tok`` comes after the tagging ``verb`` and a dash right after the verb's words."""
    if tok.i <= verb.i:
        return False
    end = max(verb.i, *(c.right_edge.i for c in verb.rights if c.i < tok.i and c.text not in DASHES), verb.i)
    return end + 1 < tok.i and verb.doc[end + 1].text in DASHES


def adds_quoted(doc: Doc, quote, start: int, end: int) -> bool:
    """An indirect quote cued by "add" whose figure (``start``-``end``) is what the verb adds
    ("Retailers added 53,000 jobs last month"): no report."""
    if quote.kind == "direct" or (quote.cue or "").lower().split()[-1:] not in (["add"], ["added"], ["adds"]) \
            or not doc.has_annotation("DEP"):
        return False
    fig = doc.char_span(start, end, alignment_mode="expand")
    return fig is not None and any(adds_it(t, fig.root) for t in fig.root.ancestors)


_DASH = re.compile(r"—|–|―|--| - ")


def one_dash(text: str) -> bool:
    """A single dash in ``text``: the clause after it is another ("... at least eight Democrats
    to break a filibuster — a threshold he is not on track to meet, according to interviews");
    a pair of dashes is an aside."""
    return len(_DASH.findall(text)) % 2 == 1
