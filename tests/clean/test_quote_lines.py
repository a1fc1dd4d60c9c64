"""Lines the quotes need stay in the body: a headline ending with a full stop, "He said:" lines."""

from __future__ import annotations

from onrecord.clean import clean
from onrecord.models import Document, RawInput

PROSE = (
    "The governor spoke to reporters on Tuesday about the state budget and the plan to close the "
    "deficit before the end of the fiscal year, which the legislature has debated for weeks.\n\n"
)
ARTICLE = (
    "Judge rejects New York Times request to unseal Trump divorce file.\n\n"
    + PROSE
    + "He said:\n\n"
    "“We will not raise taxes on working families, and we will balance the budget this year as the "
    "constitution of the state requires of every governor who has held this office.”\n\n"
    + PROSE.replace("Tuesday", "Wednesday")
)


def _body(text: str) -> Document:
    doc = clean(RawInput(source="a.txt", input_id="a.txt", kind="text", content=text))
    assert isinstance(doc, Document), doc
    return doc


def test_a_short_first_line_ending_with_a_full_stop_is_the_headline() -> None:
    doc = _body(ARTICLE)
    assert doc.title == "Judge rejects New York Times request to unseal Trump divorce file."
    assert doc.body.startswith("Judge rejects")


def test_a_line_introducing_a_quotation_stays() -> None:
    doc = _body(ARTICLE)
    assert "He said:" in doc.body
    start = doc.body.index("He said:")
    s, e = doc.to_source(start, start + 8)
    assert s is not None and ARTICLE[s:e] == "He said:"


def test_a_label_ending_with_a_colon_before_removed_text_still_goes() -> None:
    text = PROSE + "Read More:\n\nTop Stories\n\n" + PROSE.replace("Tuesday", "Friday")
    assert "Read More:" not in _body(text).body
