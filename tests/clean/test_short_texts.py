"""A text given as such is an article however short; the length gate is for pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.clean import clean
from onrecord.ingest import iter_inputs
from onrecord.models import Document, Problem, RawInput

SHORT = [
    "BREAKING: Port of Halden closes after a fire in the grain terminal.",  # a wire alert
    "The ministry said it would not comment on the report.",  # a statement
    "Dock strike ends after nine days",  # a headline: no final full stop
    "James Lipman With 275 pound-feet of torque at 3000 rpm.",
    "However the figure drops to just 87 mph (140 km/h) if you opt for bulletproofing Ford F-Series SUV Video",
    "Council votes 7-2 to close the ferry\nThe decision takes effect in May.",
]


def _text(content: str, source: str = "alert.txt") -> Document | Problem:
    return clean(RawInput(source=source, input_id=source, kind="text", content=content))


@pytest.mark.parametrize("text", SHORT)
def test_a_short_given_text_is_an_article(text: str):
    document = _text(text)
    assert isinstance(document, Document), document
    assert document.body == text.replace("\n", "\n\n")
    for segment in document.segments:
        piece = document.body[segment.body_start:segment.body_start + segment.length]
        assert piece == document.source_text[segment.source_start:segment.source_start + segment.length]


def test_one_sentence_jsonl_rows_are_articles(tmp_path: Path):
    path = tmp_path / "alerts.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(SHORT[:3])))
    results = [clean(r) if isinstance(r, RawInput) else r for r in iter_inputs([path])]
    assert [type(r).__name__ for r in results] == ["Document"] * 3
    assert [d.source for d in results] == [f"{path}#a{i}" for i in range(3)]


def test_a_short_text_keeps_only_its_article_lines():
    document = _text("Advertisement\nPort of Halden closes after a fire.\nShare this article")
    assert isinstance(document, Document)
    assert document.body == "Port of Halden closes after a fire."
    assert {r.reason for r in document.removed} >= {"advertisement"}


@pytest.mark.parametrize("content", ["", "   \n\t ", "\u3000\n"])
def test_an_empty_text_is_still_refused(content: str):
    result = _text(content)
    assert isinstance(result, Problem) and result.reason == "empty text" and result.input == "alert.txt"


@pytest.mark.parametrize("content", ["Home\nNews\nSign in", "Advertisement", "Share this article"])
def test_a_text_of_labels_and_boilerplate_is_refused_with_the_reason(content: str):
    result = _text(content)
    assert isinstance(result, Problem) and result.reason.startswith("no article: 0 characters of prose")
    assert "most removed as" in result.reason


def test_a_short_page_is_still_refused():
    page = "<html><head><title>Alert</title></head><body><article><p>Port of Halden closes.</p></article></body></html>"
    result = clean(RawInput(source="alert.html", input_id="alert.html", kind="html", content=page))
    assert isinstance(result, Problem) and result.reason.startswith("no article")


def test_a_clean_problem_names_its_input_on_one_line():
    result = _text("Advertisement", source="odd\nname.txt")
    assert isinstance(result, Problem) and result.input == "odd\\nname.txt"


@pytest.mark.datasets
def test_every_newsquant_sentence_is_an_article(datasets: Path):
    rows = json.loads((datasets / "newsquant" / "dev.json").read_text())
    refused = [r["text"] for i, r in enumerate(rows) if not isinstance(_text(r["text"], f"nq#{i}"), Document)]
    assert len(rows) == 295 and refused == []
