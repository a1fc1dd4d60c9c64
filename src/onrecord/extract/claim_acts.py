"""Verbs whose object a figure counts as something done, not reported.

"Bush, who released 250,000 emails", "lawyers, who found roughly 900 pages" (a percentage found is
still a finding), and "add", which reports only a content clause or a quote: "The economy added
146,000 jobs" and "the budget would add $7.9 trillion to the debt" are counts, while "he added
that 5 percent ..." and "'...,' he added" are reports.
"""

from __future__ import annotations

from spacy.tokens import Token

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
