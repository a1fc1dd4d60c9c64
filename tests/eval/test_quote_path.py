"""The product path of ``eval quotes``: source offsets as the export maps them, the export metric."""

from __future__ import annotations

from onrecord.eval.polnear import split_groups
from onrecord.eval.quote_path import edge_trim, export_counts, export_scores, gold_hulls, in_source
from onrecord.models import Document, Quote, Segment, Span

SOURCE = "Headline.\n\n“We stay,” the mayor said. “We rebuild.”\n\nOfficials said that the road is closed."


def _at(word: str) -> int:
    return SOURCE.index(word)


def _ann() -> str:
    c1 = (_at("“We stay"), _at("“We stay") + 10)
    c2 = (_at("“We rebuild"), _at("“We rebuild") + 13)
    src = (_at("the mayor"), _at("the mayor") + 9)
    c3 = (_at("that the road"), len(SOURCE))
    src2 = (_at("Officials"), _at("Officials") + 9)
    return "\n".join([
        f"T1\tContent {c1[0]} {c1[1]};{c2[0]} {c2[1]}\t…",
        f"T2\tSource {src[0]} {src[1]}\tthe mayor",
        "E1\tAttribution:T2 Content:T1 Source:T2",
        f"T4\tContent {c3[0]} {c3[1]}\tthat the road is closed.",
        f"T5\tSource {src2[0]} {src2[1]}\tOfficials",
        "E2\tAttribution:T5 Content:T4 Source:T5",
    ])


def _quote(start: int, end: int, mention: Span | None, kind: str = "direct") -> Quote:
    return Quote(start, end, SOURCE[start:end], kind, "said", mention, None, None)  # type: ignore[arg-type]


def test_edge_trim_drops_marks_and_stops_at_both_ends() -> None:
    s, e = edge_trim(SOURCE, _at("“We stay"), _at("“We stay") + 10)
    assert SOURCE[s:e] == "We stay"


def test_gold_hulls_span_a_discontinuous_content() -> None:
    (c1, s1), (c3, s3) = gold_hulls(_ann(), SOURCE)
    assert SOURCE[c1[0]:c1[1]] == "We stay,” the mayor said. “We rebuild"
    assert s1 is not None and SOURCE[s1[0]:s1[1]] == "the mayor"
    assert SOURCE[c3[0]:c3[1]] == "that the road is closed"


def test_in_source_maps_a_quote_and_its_speaker_through_the_segments() -> None:
    body = SOURCE[_at("“We stay"):]  # the cleaner dropped the headline
    shift = _at("“We stay")
    document = Document(id="d", source="a.txt", input_id="a.txt", title=None, standfirst=None, outlet=None,
                        authors=(), published=None, language="en", body=body, source_text=SOURCE,
                        segments=(Segment(0, shift, len(body)),))
    at = body.index("the mayor")
    quote = Quote(1, 8, "We stay", "direct", "said", Span(at, at + 9, "the mayor"), None, None)
    mapped = in_source(document, quote)
    assert mapped is not None
    assert SOURCE[mapped.start:mapped.end] == "We stay"
    assert mapped.speaker_mention is not None
    assert SOURCE[mapped.speaker_mention.start:mapped.speaker_mention.end] == "the mayor"
    assert in_source(document, Quote(len(body) + 5, len(body) + 9, "", "direct", None, None, None, None)) is None


def test_export_counts_score_one_prediction_per_record() -> None:
    mayor = Span(_at("the mayor"), _at("the mayor") + 9, "the mayor")
    officials = Span(_at("Officials"), _at("Officials") + 9, "Officials")
    parts = [_quote(_at("We stay"), _at("We stay") + 7, mayor), _quote(_at("We rebuild"), _at("We rebuild") + 10, mayor)]
    indirect = _quote(_at("that the road"), len(SOURCE), officials, "indirect")
    counts = export_counts(SOURCE, _ann(), [*parts, indirect])
    # the two parts of the split quote are two records: neither equals the gold hull
    assert counts["exact"] == 1 and counts["predicted"] == 3
    assert counts["coverage_0.3"] == 1 and counts["speaker_exact"] == 1  # a part covers too little of the hull
    # as one record spanning its parts, the split quote matches exactly
    joined = [Quote(parts[0].start, parts[1].end, "", "direct", "said", mayor, None, None), indirect]
    assert export_counts(SOURCE, _ann(), joined)["exact"] == 2
    assert len(split_groups(SOURCE, [*parts, indirect])) == 2


def test_export_scores_add_up_over_articles() -> None:
    officials = Span(_at("Officials"), _at("Officials") + 9, "Officials")
    indirect = _quote(_at("that the road"), len(SOURCE), officials, "indirect")
    scores = export_scores([("a", SOURCE, _ann())], [[indirect]])
    assert scores["exact"]["precision"] == 1.0 and scores["exact"]["recall"] == 0.5
    assert scores["speaker_exact"]["f1"] == round(2 / 3, 4)
