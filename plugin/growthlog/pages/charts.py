"""Inline SVG charts, drawn at build time.

Our own small drawing code rather than a charting library: the charts we need
are bars, a line and a calendar grid, and every library we could use either
needs JavaScript in the browser (Chart.js, Vega), or draws its own colours and
fonts into the SVG (matplotlib, pygal), which breaks Material's light and dark
palettes. Here each shape only carries a CSS class; `assets/charts.css` colours
it from Material's CSS variables, so a chart follows the palette, prints, and
needs no request to anyone.

Every chart comes with its text alternative (`<title>` and `<desc>`, tied to the
`<svg role="img">` by `aria-labelledby`) and the same numbers as a `Table`,
which the page renders under the chart. Every user string drawn into the SVG
is escaped here; the SVG is the only markup growthlog builds outside Jinja.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

#: Width of every chart's coordinate system; the SVG scales to its container.
WIDTH = 640
#: Characters of a bar label shown before it is cut with an ellipsis (the full text is in its tooltip).
LABEL_CHARS = 18


@dataclass(frozen=True, slots=True)
class Table:
    """The numbers a chart draws, as rows for an HTML table (cells are escaped by the template)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart: the SVG markup and the table with the same numbers."""

    id: str
    title: str
    desc: str
    svg: Markup
    table: Table
    legend: tuple[tuple[str, str], ...] = ()
    """(name, CSS class) of each series drawn; the page shows it as an HTML list, which wraps on a phone."""


@dataclass(frozen=True, slots=True)
class Series:
    """One layer of a stacked bar chart: a name, the CSS class it is drawn with, a value per bar."""

    name: str
    css: str
    values: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a horizontal bar chart."""

    label: str
    value: int
    css: str = "gl-fill--primary"
    note: str = ""
    """Shown after the value (e.g. 'not yet'); the value is then drawn as an open bar."""


@dataclass(frozen=True, slots=True)
class Point:
    """One point of a line chart: a date, a value and what the point is (for its tooltip)."""

    date: dt.date
    value: float
    """An integer rating, or an average (shown with one decimal)."""
    label: str


#: About how wide one character of a minor label is, in the chart's units (at a phone's size).
LABEL_CHAR_WIDTH = 9.0


def _value(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _e(text: object) -> str:
    return str(escape(str(text)))


def _n(value: float) -> str:
    """A coordinate with at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _cut(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def nice_max(value: int) -> tuple[int, int]:
    """The top of a count axis and its tick step: integers, at most about five ticks."""
    if value <= 0:
        return 1, 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value / step <= 5:
            return step * math.ceil(value / step), step
    step = 10 ** len(str(value // 5))
    return step * math.ceil(value / step), step


def _open(chart_id: str, title: str, desc: str, height: float, css: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gl-chart__svg {css}" '
        f'viewBox="0 0 {WIDTH} {_n(height)}" role="img" '
        f'aria-labelledby="{_e(chart_id)}-title {_e(chart_id)}-desc" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{_e(chart_id)}-title">{_e(title)}</title>',
        f'<desc id="{_e(chart_id)}-desc">{_e(desc)}</desc>',
    ]


def _text(x: float, y: float, text: str, css: str = "gl-chart__label", anchor: str = "middle") -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}" class="{css}" text-anchor="{anchor}">{_e(text)}</text>'


def _y_axis(top: float, bottom: float, left: float, right: float, y_max: int, step: int) -> list[str]:
    parts = ['<g class="gl-chart__axis" aria-hidden="true">']
    for tick in range(0, y_max + 1, step):
        y = bottom - (bottom - top) * tick / y_max
        parts.append(
            f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}" class="gl-chart__grid"/>'
        )
        parts.append(_text(left - 6, y + 4, str(tick), anchor="end"))
    parts.append("</g>")
    return parts


def stacked_bars(
    chart_id: str,
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    category_header: str,
    sublabels: Sequence[str] = (),
) -> Chart:
    """Vertical bars, one per category, each stacked from the series in order (bottom first).

    `sublabels` is an optional second line under each category label (e.g. the
    year under the first month of a year).
    """
    height, top, bottom, left, right = 256.0, 24.0, 216.0, 40.0, WIDTH - 8.0
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    y_max, step = nice_max(max(totals, default=0))
    unit = (bottom - top) / y_max
    parts = _open(chart_id, title, desc, height, "gl-chart--bars")
    parts += _y_axis(top, bottom, left, right, y_max, step)
    band = (right - left) / max(len(categories), 1)
    width = min(band * 0.7, 48.0)
    # Labels about 36 units wide: show every k-th so they never overlap.
    every = max(1, math.ceil(36 / band))
    for i, category in enumerate(categories):
        x = left + band * i + (band - width) / 2
        y = bottom
        parts.append(f'<g class="gl-chart__bar" data-category="{_e(category)}" data-total="{totals[i]}">')
        for s in series:
            value = s.values[i]
            if value == 0:
                continue
            h = value * unit
            y -= h
            parts.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(h)}" '
                f'class="{_e(s.css)}" data-series="{_e(s.name)}" data-value="{value}">'
                f"<title>{_e(category)}: {value} {_e(s.name.lower())}</title></rect>"
            )
        if totals[i]:
            parts.append(_text(x + width / 2, y - 5, str(totals[i]), "gl-chart__value"))
        parts.append("</g>")
        if i % every == 0:
            parts.append(_text(left + band * (i + 0.5), bottom + 18, category))
            if i < len(sublabels) and sublabels[i]:
                parts.append(
                    _text(
                        left + band * (i + 0.5),
                        bottom + 34,
                        sublabels[i],
                        "gl-chart__label gl-chart__label--minor",
                    )
                )
    parts.append("</svg>")
    present = [s for s in series if any(s.values)]
    rows: tuple[tuple[str | int, ...], ...] = tuple(
        (category, *(s.values[i] for s in present), totals[i]) for i, category in enumerate(categories)
    )
    table = Table((category_header, *(s.name for s in present), "Total"), rows)
    legend = tuple((s.name, s.css) for s in present)
    return Chart(chart_id, title, desc, Markup("".join(parts)), table, legend)


def horizontal_bars(
    chart_id: str,
    title: str,
    desc: str,
    bars: Sequence[Bar],
    *,
    label_header: str,
    value_header: str,
    unit: str = "",
) -> Chart:
    """One horizontal bar per row, labelled on the left, its value at its end."""
    row, top, label_w = 34.0, 8.0, 220.0
    height = top * 2 + row * max(len(bars), 1)
    # Room after the longest bar for its value, and for a note such as "so far".
    left, right = label_w + 8, WIDTH - (130.0 if any(b.note for b in bars) else 60.0)
    x_max = max((b.value for b in bars), default=0) or 1
    scale = (right - left) / x_max
    parts = _open(chart_id, title, desc, height, "gl-chart--hbars")
    for i, bar in enumerate(bars):
        y = top + row * i
        w = bar.value * scale
        shown = f"{bar.value}{unit}" + (f" {bar.note}" if bar.note else "")
        parts.append(f'<g class="gl-chart__bar" data-label="{_e(bar.label)}">')
        parts.append(f"<title>{_e(bar.label)}: {_e(shown)}</title>")
        parts.append(_text(label_w, y + row / 2 + 5, _cut(bar.label), anchor="end"))
        css = bar.css + (" gl-chart__open" if bar.note else "")
        parts.append(
            f'<rect x="{_n(left)}" y="{_n(y + 5)}" width="{_n(w)}" height="{_n(row - 10)}" '
            f'class="{_e(css)}" data-value="{bar.value}"/>'
        )
        parts.append(_text(left + w + 6, y + row / 2 + 5, shown, "gl-chart__value", anchor="start"))
        parts.append("</g>")
    parts.append("</svg>")
    rows = tuple((b.label, f"{b.value}" + (f" ({b.note})" if b.note else "")) for b in bars)
    return Chart(chart_id, title, desc, Markup("".join(parts)), Table((label_header, value_header), rows))


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    points: Sequence[Point],
    *,
    y_min: int,
    y_max: int,
    headers: tuple[str, str, str],
    per_month: bool = False,
) -> Chart:
    """Points joined in date order, x by date, y on a fixed integer scale (e.g. 1 to 5).

    With `per_month`, each point stands for a month (dated its first day) and is named by its month.
    """
    height, top, bottom, left, right = 240.0, 16.0, 208.0, 40.0, WIDTH - 16.0

    def when(day: dt.date) -> str:
        return f"{day:%Y-%m}" if per_month else day.isoformat()

    parts = _open(chart_id, title, desc, height, "gl-chart--line")
    parts.append('<g class="gl-chart__axis" aria-hidden="true">')
    for tick in range(y_min, y_max + 1):
        y = bottom - (bottom - top) * (tick - y_min) / (y_max - y_min)
        parts.append(
            f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}" class="gl-chart__grid"/>'
        )
        parts.append(_text(left - 6, y + 4, str(tick), anchor="end"))
    parts.append("</g>")
    ordered = sorted(points, key=lambda p: p.date)
    if ordered:
        first, last = ordered[0].date, ordered[-1].date
        span = max((last - first).days, 1)

        def x_of(day: dt.date) -> float:
            if first == last:
                return (left + right) / 2
            return left + 8 + (right - left - 16) * (day - first).days / span

        def y_of(value: float) -> float:
            return bottom - (bottom - top) * (value - y_min) / (y_max - y_min)

        path = " ".join(f"{_n(x_of(p.date))},{_n(y_of(p.value))}" for p in ordered)
        parts.append(f'<polyline points="{path}" class="gl-chart__line"/>')
        for p in ordered:
            parts.append(
                f'<circle cx="{_n(x_of(p.date))}" cy="{_n(y_of(p.value))}" r="5" class="gl-chart__dot" '
                f'data-date="{when(p.date)}" data-value="{_value(p.value)}">'
                f"<title>{_e(when(p.date))} {_e(p.label)}: {_value(p.value)}</title></circle>"
            )
        for day in _month_starts(first, last):
            parts.append(_text(x_of(day), bottom + 20, day.strftime("%b"), anchor="middle"))
    parts.append("</svg>")
    rows = tuple((when(p.date), p.label, _value(p.value) if per_month else int(p.value)) for p in ordered)
    return Chart(chart_id, title, desc, Markup("".join(parts)), Table(headers, rows))


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    day = dt.date(first.year, first.month, 1)
    out = []
    while day <= last:
        if day >= first:
            out.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out


def calendar(
    chart_id: str,
    title: str,
    desc: str,
    counts: Mapping[dt.date, int],
    *,
    first: dt.date,
    last: dt.date,
) -> Chart:
    """A GitHub-style grid: one column per week (Monday first), one cell per day from `first` to `last`.

    The table lists only the days with rounds: a row for each of 365 days would
    bury the numbers a screen reader user came for.
    """
    cell, gap, top, left = 11.0, 2.0, 20.0, 28.0
    start = first - dt.timedelta(days=first.weekday())
    weeks = (last - start).days // 7 + 1
    # Wide enough for every week of a year at this cell size; the viewBox scales it down on a phone.
    width = left + weeks * (cell + gap) + 4
    height = top + 7 * (cell + gap) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gl-chart__svg gl-chart--calendar" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" role="img" '
        f'aria-labelledby="{_e(chart_id)}-title {_e(chart_id)}-desc">',
        f'<title id="{_e(chart_id)}-title">{_e(title)}</title>',
        f'<desc id="{_e(chart_id)}-desc">{_e(desc)}</desc>',
        '<g class="gl-chart__axis" aria-hidden="true">',
    ]
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
        parts.append(
            _text(
                left - 4,
                top + row * (cell + gap) + cell - 2,
                name,
                "gl-chart__label gl-chart__label--small",
                "end",
            )
        )
    parts.append("</g>")
    day = start
    while day <= last:
        week = (day - start).days // 7
        x = left + week * (cell + gap)
        if day.day == 1 and day >= first:
            parts.append(
                _text(x, top - 6, day.strftime("%b"), "gl-chart__label gl-chart__label--small", "start")
            )
        if day >= first:
            count = counts.get(day, 0)
            level = min(count, 3)
            y = top + day.weekday() * (cell + gap)
            parts.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(cell)}" height="{_n(cell)}" rx="2" '
                f'class="gl-cal--{level}" data-date="{day.isoformat()}" data-value="{count}">'
                f"<title>{day.isoformat()}: {count} round{'' if count == 1 else 's'}</title></rect>"
            )
        day += dt.timedelta(days=1)
    parts.append("</svg>")
    rows = tuple((d.isoformat(), n) for d, n in sorted(counts.items()) if first <= d <= last and n)
    return Chart(chart_id, title, desc, Markup("".join(parts)), Table(("Day", "Rounds"), rows))


@dataclass(frozen=True, slots=True)
class Dot:
    """One point of a scatter chart: x on a continuous scale, y one of a few ordered rows."""

    x: float
    y: int
    label: str
    css: str


def scatter(
    chart_id: str,
    title: str,
    desc: str,
    dots: Sequence[Dot],
    *,
    x_min: int,
    x_max: int,
    x_title: str,
    rows: Sequence[str],
    table: Table,
    legend: tuple[tuple[str, str], ...] = (),
) -> Chart:
    """Dots on a grid: x from `x_min` to `x_max`, y one of `rows` (bottom first), each dot labelled.

    Dots at the same place are spread sideways so each stays visible.
    """
    row_h, top, left, right = 36.0, 30.0, 124.0, WIDTH - 24.0
    bottom = top + row_h * (len(rows) - 1)
    height = bottom + 44
    parts = _open(chart_id, title, desc, height, "gl-chart--scatter")
    parts.append('<g class="gl-chart__axis" aria-hidden="true">')
    for i, name in enumerate(rows):
        y = bottom - row_h * i
        parts.append(
            f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}" class="gl-chart__grid"/>'
        )
        parts.append(_text(left - 10, y + 5, name, anchor="end"))

    def x_of(value: float) -> float:
        return left + (right - left) * (value - x_min) / (x_max - x_min)

    for tick in range(x_min, x_max + 1):
        parts.append(_text(x_of(tick), bottom + 22, str(tick)))
    parts.append(_text((left + right) / 2, bottom + 40, x_title, "gl-chart__label gl-chart__label--minor"))
    parts.append("</g>")
    seen: dict[tuple[float, int], int] = {}
    # The stretches of x taken by labels, per band: a label goes above its dot (band = its row) or
    # below it (band = the row under it, whose labels above sit at the same height). A label that
    # fits in neither is left out: the dot keeps its name in its tooltip, and the table lists all.
    taken: dict[int, list[tuple[float, float]]] = {}
    for dot in sorted(dots, key=lambda d: (d.y, d.x)):
        nth = seen.get((dot.x, dot.y), 0)
        seen[dot.x, dot.y] = nth + 1
        # Alternate right and left of the true place: 0, +1, -1, +2...
        shift = ((nth + 1) // 2) * (1 if nth % 2 else -1) * 12.0
        cx, cy = x_of(dot.x) + shift, bottom - row_h * dot.y
        parts.append(
            f'<g class="gl-chart__dot-group"><circle cx="{_n(cx)}" cy="{_n(cy)}" r="7" class="{_e(dot.css)}" '
            f'data-x="{_n(dot.x)}" data-y="{dot.y}"><title>{_e(dot.label)}: {_n(dot.x)}, {_e(rows[dot.y])}</title></circle>'
        )
        label = _cut(dot.label, 16)
        width = LABEL_CHAR_WIDTH * len(label)
        # Near the right edge a label ends at its dot instead of starting there.
        at_edge = cx > right - 40
        span = (cx - 10 - width, cx - 10) if at_edge else (cx + 10, cx + 10 + width)
        for band, dy in ((dot.y, -9.0), (dot.y - 1, 20.0)):
            if all(span[1] + 4 <= start or end + 4 <= span[0] for start, end in taken.get(band, ())):
                taken.setdefault(band, []).append(span)
                parts.append(
                    _text(
                        span[1] if at_edge else span[0],
                        cy + dy,
                        label,
                        "gl-chart__label gl-chart__label--minor",
                        "end" if at_edge else "start",
                    )
                )
                break
        parts.append("</g>")
    parts.append("</svg>")
    return Chart(chart_id, title, desc, Markup("".join(parts)), table, legend)
