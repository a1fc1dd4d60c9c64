"""Long articles: analysed in windows of whole paragraphs (offsets into the whole body), never
past spaCy's length limit; one over the hard cap is a recorded problem, and the build goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

import onrecord.pipeline as pipeline
from generated_news import article, corpus
from onrecord.models import Analysis, Problem, RawInput
from onrecord.nlp.pipeline import load
from onrecord.settings import Settings
from onrecord.store.ledger import Ledger

pytestmark = pytest.mark.model


@pytest.fixture()
def short_limit(monkeypatch):
    """spaCy refuses texts over 60,000 characters (E088), as it refuses 4 MB at its real limit."""
    monkeypatch.setattr(load(), "max_length", 60_000)


def _raw(text: str, name: str = "long.txt") -> RawInput:
    return RawInput(source=name, input_id=name, kind="text", content=text)


def test_long_article_is_analysed_in_windows_with_body_offsets(short_limit):
    text = article(130_000)
    (result,) = pipeline.process_batch([_raw(text)], Settings(window=50_000))
    assert isinstance(result, Analysis), result
    body = result.document.body
    assert len(body) > 120_000
    assert len(result.quotes) > 100 and len(result.claims) > 100 and result.times
    assert max(q.start for q in result.quotes) > 100_000  # the last window's quotes are there
    for item in (*result.quotes, *result.claims, *result.times, *result.events):
        assert body[item.start:item.end] == item.text
    for actor in result.actors:
        assert all(body[m.start:m.end] == m.text for m in actor.mentions)
    assert len({a.key for a in result.actors}) == len(result.actors)
    okafor = [a for a in result.actors if a.name == "Maria Okafor"]
    assert len(okafor) == 1 and max(m.start for m in okafor[0].mentions) > 100_000


def test_long_article_and_short_ones_are_stored_by_one_build(short_limit, tmp_path: Path):
    corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "long.txt").write_text(article(130_000), encoding="utf-8")
    summary = pipeline.build([tmp_path / "in"], db=tmp_path / "l.db", workers=1)
    assert (summary.added, summary.problems) == (4, [])
    with Ledger(tmp_path / "l.db", readonly=True) as ledger:
        sizes = sorted(len(d["body"]) for d in ledger.documents())
        assert sizes[-1] > 120_000
        assert [b["status"] for b in ledger.rows("builds")] == ["finished"]


def test_article_over_the_hard_cap_is_a_recorded_problem_and_the_build_goes_on(tmp_path: Path):
    corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "huge.txt").write_text(article(60_000), encoding="utf-8")
    summary = pipeline.build([tmp_path / "in"], db=tmp_path / "c.db", workers=1,
                             settings=Settings(max_chars=50_000))
    assert summary.added == 2 and summary.ok
    (problem,) = summary.problems
    assert isinstance(problem, Problem) and problem.input.endswith("huge.txt")
    assert "over the cap of 50,000" in problem.reason and "characters" in problem.reason
    with Ledger(tmp_path / "c.db", readonly=True) as ledger:
        assert [p["input"] for p in ledger.problems()] == [problem.input]
