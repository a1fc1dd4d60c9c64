"""Property-based tests (Hypothesis) of clean: any text or page gives a ``Document`` or a ``Problem``
naming the input, and every piece of a document's body maps back to its source text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clean.clean_fixtures import P1, P2, P3, P4, P5
from onrecord.clean import clean
from onrecord.ingest.names import printable
from onrecord.models import Document, Problem, RawInput
from property_settings import PROPERTY, SLOW_PROPERTY

# Lines of the kinds a scraped text mixes: article paragraphs, boilerplate, live-blog marks, bylines.
LINES = [P1, P2, P3, P4, P5, "Advertisement", "Share this article", "By Jane Holm", "4.15pm", "June 3",
         "Photo: Anna Berg/Nordphoto", "Sign in to read more", "© 2025 The Daily Example", "Ferry restart latest",
         "Updated 12 March 2025", "Read more: pier repairs", "", " ", "\t", "“Quote,” she said.", "Council answers critics"]
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=600)
SEPARATORS = st.sampled_from(["\n", "\n\n", "\r\n", "\u2028", "\x85", "\x0c", " "])
MIXED = st.lists(st.tuples(st.one_of(st.sampled_from(LINES), ANY_TEXT), SEPARATORS), max_size=25).map(
    lambda parts: "".join(line + sep for line, sep in parts))


def check(raw: RawInput, result: Document | Problem) -> None:
    if isinstance(result, Problem):
        assert result.input == printable(raw.source) and result.stage == "clean" and result.reason
        line = f"{result.input} [{result.stage}]: {result.reason}"
        assert printable(line) == line
        return
    assert isinstance(result, Document) and result.body.strip() and result.source == raw.source
    for segment in result.segments:
        start, end = segment.body_start, segment.body_start + segment.length
        s, e = result.to_source(start, end)
        assert result.body[start:end] == result.source_text[s:e]
        assert result.body[start:end] == result.source_text[segment.source_start:segment.source_start + segment.length]
    for entry in result.entries:
        assert 0 <= entry.start <= entry.end <= len(result.body)


@PROPERTY
@given(text=st.one_of(ANY_TEXT, MIXED), languages=st.sampled_from([("en",), None]))
def test_any_text_gives_a_document_whose_offsets_map_back_or_a_problem(text: str, languages):
    raw = RawInput(source="input\n.txt", input_id="input.txt", kind="text", content=text)
    check(raw, clean(raw, languages=languages))


TAGS = st.sampled_from(["p", "div", "article", "h1", "h2", "li", "span", "script", "style", "nav", "footer",
                        "blockquote", "time", "figure", "figcaption", "a", "b", "br", "table"])


def _element(tag: str, text: str, children: list[str]) -> str:
    return f"<{tag}>{text}{''.join(children)}</{tag}>"


HTML_TEXT = st.one_of(st.sampled_from(LINES), ANY_TEXT)
ELEMENTS = st.recursive(
    st.builds(_element, TAGS, HTML_TEXT, st.just([])),
    lambda children: st.builds(_element, TAGS, HTML_TEXT, st.lists(children, max_size=4)),
    max_leaves=12,
)


@SLOW_PROPERTY
@given(body=st.lists(ELEMENTS, max_size=5), title=HTML_TEXT, raw_markup=st.booleans(), junk=ANY_TEXT)
def test_any_page_gives_a_document_whose_offsets_map_back_or_a_problem(body: list[str], title: str,
                                                                     raw_markup: bool, junk: str):
    page = f"<html><head><title>{title}</title></head><body>{''.join(body)}</body></html>"
    raw = RawInput(source="page.html", input_id="page.html", kind="html",
                   content=page + junk if raw_markup else page, meta={"url": "https://example.test/a"})
    check(raw, clean(raw, languages=None))
