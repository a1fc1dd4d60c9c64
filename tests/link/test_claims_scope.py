"""Which figures count one thing across outlets: a period's years, a trailing participle, a sum
added to another, the month a figure's clause or the text before it names, the question a share answers."""

from dataclasses import replace

from link.link_factory import analysis, claim, compare_in_story
from onrecord.models import Claim, TimeExpr


def _pages(doc_id: str, body: str, figure: str, value: float, counted: str) -> object:
    c = replace(claim(body, figure, value, counted, None), unit="page")
    a = analysis(doc_id, body, "2021-05-04", claims=(c,))
    times = tuple(TimeExpr(body.index(y), body.index(y) + 4, y, y, "year", "absolute")
                  for y in ("2011", "2015") if y in body)
    return replace(a, times=times)


def test_a_period_in_the_sentence_does_not_date_the_figure_and_a_participle_does_not_name_it():
    a = _pages("tribune", "The 38-page complaint lists payments between 2011 and 2015.", "38", 38, "complaint")
    b = _pages("herald", "The 37-page complaint filed by the agency was made public.", "37", 37,
               "complaint filed")
    links = compare_in_story(a, b)
    assert [link.kind for link in links] == ["conflicts"]


def _sums(doc_id: str, body: str, figures: tuple[tuple[str, float], ...], who: str | None = None) -> object:
    """Sums of money; the first one put forward by ``who`` (a source in its words)."""
    claims: list[Claim] = [replace(claim(body, f, v, "", None), unit="$", counted=None) for f, v in figures]
    claims[0] = replace(claims[0], claimant_name=who)
    return analysis(doc_id, body, "2021-05-04", claims=tuple(claims))


def test_a_sum_added_to_another_is_not_the_same_sum():
    said = "Officials said the plan gives $2 billion for repairs."
    a = _sums("gazette", said, (("$2 billion", 2e9),), "officials")
    body = "Smith's plan gives $2 billion for road repairs, plus an additional $1 billion for repairs at ports."
    b = _sums("tribune", body, (("$2 billion", 2e9), ("$1 billion", 1e9)), "Smith")
    assert "conflicts" not in [link.kind for link in compare_in_story(a, b)]
    other = "Smith's plan gives $2 billion for road repairs and $1 billion for repairs at ports."
    b = _sums("tribune", other, (("$2 billion", 2e9), ("$1 billion", 1e9)), "Smith")
    assert "conflicts" in [link.kind for link in compare_in_story(a, b)]


def test_a_purpose_phrase_ends_at_the_verb_after_it():
    from onrecord.link.measure import read

    body = "Trump has said that $5 billion in funding for the wall is non-negotiable."
    c = replace(claim(body, "$5 billion", 5e9, "", None), unit="$", counted=None)
    m = read(c, body[:c.start], body[c.end:])
    assert (m.head, m.common) == ("money for", frozenset({"wall"}))


def _jobs(doc_id: str, body: str, figure: str, value: float, month: tuple[str, str] | None,
          published: str, who: str | None = None) -> object:
    """A count of jobs in the last sentence of ``body``; ``month``: (words, YYYY-MM) a time
    expression of ``body`` names."""
    c = claim(body, figure, value, "jobs", who)
    c = replace(c, sentence_start=body.rfind(". ", 0, c.start) + 2 if ". " in body[:c.start] else 0)
    times = () if month is None else (TimeExpr(body.index(month[0]), body.index(month[0]) + len(month[0]),
                                               month[0], month[1], "month", "published"),)
    return replace(analysis(doc_id, body, published, names=(who,) if who else (), claims=(c,)), times=times)


def test_figures_of_different_named_months_are_different_counts():
    sept = _jobs("times", "For September, the department said the economy created 132,000 jobs.", "132,000",
                 132_000, ("September", "2012-09"), "2012-12-08", "department")
    nov = _jobs("radio", "The rate fell in November. The economy added 146,000 jobs.", "146,000", 146_000,
                ("November", "2012-11"), "2012-12-07")
    assert compare_in_story(sept, nov) == []  # November is named in the sentence before
    oct_ = _jobs("radio", "The rate fell in September. The economy added 146,000 jobs.", "146,000", 146_000,
                 ("September", "2012-09"), "2012-12-07")
    assert [link.kind for link in compare_in_story(sept, oct_)] == ["conflicts"]
    plain = _jobs("radio", "The economy added 146,000 jobs.", "146,000", 146_000, None, "2012-12-07")
    assert [link.kind for link in compare_in_story(sept, plain)] == ["conflicts"]  # no month named: not told apart


def _share(doc_id: str, body: str, figure: str, value: float) -> object:
    c = replace(claim(body, figure, value, "Americans", None), unit="%")
    return analysis(doc_id, body, "2013-11-20", claims=(c,))


def test_shares_answering_different_poll_questions_are_different_counts():
    approve = _share("cnn", "The poll found 41% of Americans approve of the job he is doing.", "41%", 41)
    honest = _share("times", "The poll found 49% of Americans think of him as honest.", "49%", 49)
    assert compare_in_story(approve, honest) == []
    plain = _share("times", "The poll found 49% of Americans approve of the job he is doing.", "49%", 49)
    assert [link.kind for link in compare_in_story(approve, plain)] == ["conflicts"]
