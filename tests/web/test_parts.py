"""Unit tests of the page helpers: highlighting pieces and chart geometry."""

from __future__ import annotations

from onrecord.web.charts import claims_svg, day_number, timeline_svg
from onrecord.web.highlight import Note, pieces


def test_highlight_pieces_cover_the_body_exactly_once() -> None:
    body = "Peskov said no comment today."
    notes = [Note(0, 6, "mention", "actor"), Note(0, 6, "speaker", "speaker"), Note(12, 22, "quote", "q", "d/q0"),
             Note(15, 29, "time", "date")]
    out = pieces(body, notes)
    assert "".join(p.text for p in out) == body
    overlap = next(p for p in out if p.text == "comment")
    assert overlap.kinds == ("quote", "time") and "q; date" == overlap.title
    assert next(p for p in out if p.anchor == "d/q0").text == "no "


def test_highlight_ignores_spans_outside_the_body() -> None:
    out = pieces("short", [Note(3, 99, "quote", "bad"), Note(-1, 2, "quote", "bad")])
    assert [p.kinds for p in out] == [()]


def test_charts_day_number_reads_every_granularity() -> None:
    assert day_number("2024-11-04") - day_number("2024-11-01") == 3
    assert day_number("2024-11") == day_number("2024-11-15")
    assert day_number("2024-W45") is not None and day_number("2024-11-04T09:30") == day_number("2024-11-04")
    assert day_number("someday") is None and day_number(None) is None


def test_charts_timeline_places_dates_to_scale() -> None:
    entries = [{"date": d, "summary": "x", "salience": 1.0} for d in ("2024-01-01", "2024-01-11", "2024-01-31")]
    xs = [p["x"] for p in timeline_svg(entries)["points"]]
    assert round((xs[1] - xs[0]) * 2) == round(xs[2] - xs[1])


def test_charts_claims_skip_undated_claims_and_scale_values() -> None:
    claims = [{"published": "2024-01-01", "value": 100.0, "low": None, "high": None, "text": "100"},
              {"published": "2024-01-02", "value": 50.0, "low": 40.0, "high": 60.0, "text": "50"},
              {"published": None, "value": 5.0, "low": None, "high": None, "text": "5"}]
    chart = claims_svg(claims)
    assert len(chart["points"]) == 2
    assert chart["points"][0]["y"] < chart["points"][1]["y"]  # the bigger value is drawn higher
    assert chart["points"][1]["y_low"] > chart["points"][1]["y_high"]


def test_views_measures_put_conflicts_first_and_unnamed_last() -> None:
    from onrecord.web.views import measures

    claims = [{"counted": None, "unit": None, "published": None},
              {"counted": None, "unit": None, "published": None},
              {"counted": "troops", "unit": None, "published": None},
              {"counted": "drones", "unit": None, "published": None, "conflict": True}]
    assert [m["counted"] for m in measures(claims)] == ["drones", "troops", "(unspecified)"]


def test_web_serve_binds_loopback_by_default() -> None:
    import inspect

    from onrecord.web import app, serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(app.serve).parameters["host"].default == "127.0.0.1"


def test_charts_timeline_labels_on_the_same_row_never_overlap():
    from onrecord.web.charts import CHAR_WIDTH, timeline_svg

    entries = [{"date": f"2023-09-{d:02d}", "salience": 1.0 + d / 100, "summary": f"Event number {d} " * 3}
               for d in range(1, 15)] + [{"date": "1945", "salience": 0.1, "summary": "background"}]
    chart = timeline_svg(entries)
    assert len(chart["points"]) == 12 and all(p["date"] != "1945" for p in chart["points"])
    spans: dict[float, list[tuple[float, float]]] = {}
    for p in chart["points"]:
        width = (len(p["label"]) + 11) * CHAR_WIDTH + 12
        span = (p["x"] - width, p["x"]) if p["text_anchor"] == "end" else (p["x"], p["x"] + width)
        for other in spans.get(p["y"], []):
            assert span[1] <= other[0] or other[1] <= span[0], "labels overlap"
        spans.setdefault(p["y"], []).append(span)
