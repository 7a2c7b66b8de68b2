"""charts.py: well-formed SVG that carries the numbers it claims, with every string escaped."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from growthlog.pages import charts

SVG = "{http://www.w3.org/2000/svg}"
NASTY = "<script>alert(1)</script> & \"Co\" 'x' {{ y }}"


def parse(chart: charts.Chart) -> ET.Element:
    return ET.fromstring(str(chart.svg))


def test_every_chart_has_a_labelled_text_alternative() -> None:
    chart = charts.stacked_bars(
        "c1",
        "Title <b>",
        "Desc & more",
        ["Jan"],
        [charts.Series("Done", "gl-fill--x", (1,))],
        category_header="M",
    )
    root = parse(chart)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title[@id='c1-title']").text == "Title <b>"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc[@id='c1-desc']").text == "Desc & more"  # type: ignore[union-attr]
    assert root.get("viewBox", "").startswith("0 0 640 ")


def test_stacked_bars_heights_match_values_and_labels_totals() -> None:
    series = [charts.Series("Done", "a", (3, 0, 1)), charts.Series("Todo", "b", (1, 2, 0))]
    chart = charts.stacked_bars("c", "T", "D", ["Jan", "Feb", "Mar"], series, category_header="Month")
    root = parse(chart)
    rects = list(root.iter(f"{SVG}rect"))
    assert [(r.get("data-series"), r.get("data-value")) for r in rects] == [
        ("Done", "3"),
        ("Todo", "1"),
        ("Todo", "2"),
        ("Done", "1"),
    ]
    # The axis tops at 4 (the largest total); the plot is 192 units tall, so one round is 48 units.
    assert [float(r.get("height", "")) for r in rects] == [144, 48, 96, 48]
    totals = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "gl-chart__value"]
    assert totals == ["4", "2", "1"]
    assert chart.table.rows == (("Jan", 3, 1, 4), ("Feb", 0, 2, 2), ("Mar", 1, 0, 1))
    assert chart.legend == (("Done", "a"), ("Todo", "b"))


def test_a_series_with_no_values_is_left_out_of_table_and_legend() -> None:
    series = [charts.Series("Done", "a", (1,)), charts.Series("Ghosted", "g", (0,))]
    chart = charts.stacked_bars("c", "T", "D", ["Jan"], series, category_header="Month")
    assert chart.table.headers == ("Month", "Done", "Total")
    assert chart.legend == (("Done", "a"),)


def test_user_strings_are_escaped_in_svg_and_survive_as_text() -> None:
    chart = charts.horizontal_bars(
        "c", NASTY, NASTY, [charts.Bar(NASTY, 2)], label_header="Company", value_header="N"
    )
    svg = str(chart.svg)
    assert "<script>" not in svg
    assert "{{ y }}" in svg  # drawn literally, never evaluated
    root = parse(chart)
    assert root.find(f"{SVG}title").text == NASTY  # type: ignore[union-attr]
    group = root.find(f"{SVG}g[@class='gl-chart__bar']")
    assert group is not None and group.get("data-label") == NASTY
    label = next(t for t in group.iter(f"{SVG}text") if t.get("text-anchor") == "end")
    assert label.text == NASTY[: charts.LABEL_CHARS - 1].rstrip() + "…"
    assert chart.table.rows == ((NASTY, "2"),)  # the template escapes table cells


def test_line_chart_escapes_point_labels() -> None:
    points = [charts.Point(dt.date(2026, 1, 5), 3, NASTY)]
    chart = charts.line_chart("c", "T", "D", points, y_min=1, y_max=5, headers=("a", "b", "c"))
    root = parse(chart)
    circle = root.find(f"{SVG}circle")
    assert circle is not None and NASTY in (circle.find(f"{SVG}title").text or "")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "chart",
    [
        charts.stacked_bars("a", "T", "D", [], [], category_header="M"),
        charts.horizontal_bars("b", "T", "D", [], label_header="L", value_header="V"),
        charts.line_chart("c", "T", "D", [], y_min=1, y_max=5, headers=("a", "b", "c")),
        charts.calendar("d", "T", "D", {}, first=dt.date(2026, 1, 1), last=dt.date(2026, 1, 1)),
    ],
    ids=["bars", "hbars", "line", "calendar"],
)
def test_empty_charts_are_well_formed(chart: charts.Chart) -> None:
    assert parse(chart).tag == f"{SVG}svg"
    assert chart.table.rows == ()


def test_horizontal_bar_widths_are_proportional() -> None:
    chart = charts.horizontal_bars(
        "c", "T", "D", [charts.Bar("a", 4), charts.Bar("b", 1)], label_header="L", value_header="V"
    )
    widths = [float(r.get("width", "")) for r in parse(chart).iter(f"{SVG}rect")]
    assert widths[0] == 4 * widths[1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, (1, 1)),
        (1, (1, 1)),
        (4, (4, 1)),
        (5, (5, 1)),
        (6, (6, 2)),
        (9, (10, 2)),
        (14, (15, 5)),
        (60, (60, 20)),
    ],
)
def test_nice_max(value: int, expected: tuple[int, int]) -> None:
    assert charts.nice_max(value) == expected


def test_charts_carry_no_colours_of_their_own() -> None:
    """Colours come from CSS classes (Material's variables), so both palettes and print work."""
    series = [charts.Series("Done", "gl-fill--plan-done", (1, 2))]
    svg = str(charts.stacked_bars("c", "T", "D", ["Jan", "Feb"], series, category_header="M").svg)
    assert "fill=" not in svg and "stroke=" not in svg and "style=" not in svg
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
