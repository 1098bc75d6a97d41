"""Line chart over time, with an optional target line and numbered notes on the time axis (pure)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from kosmos.core.domain.charts.base import (
    MISSING,
    SMALL,
    Chart,
    DataTable,
    Formatter,
    Series,
    check_series,
    describe,
    lines_height,
    num,
    number_format,
    svg_document,
    text,
    text_lines,
    tooltip,
    value_texts,
    wrap,
)
from kosmos.core.domain.charts.colours import AXIS, GRID, MUTED_TEXT, TARGET, TEXT, WHITE, series_style
from kosmos.core.domain.charts.marks import line_legend, marker
from kosmos.core.domain.numbers import format_number

WIDTH = 640
MAX_SERIES = 6


@dataclass(frozen=True, slots=True)
class Target:
    """A horizontal target line, e.g. "target: 80 %"; ``label`` is written at the line."""

    value: float
    label: str


@dataclass(frozen=True, slots=True)
class TimeNote:
    """A note pinned to one point of the time axis (index into ``points``), e.g. "new phone system"."""

    index: int
    text: str


def nice_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) from ``low`` to at least ``high``."""
    span = high - low
    magnitude = 10 ** math.floor(math.log10(span / most)) if span > 0 else 1.0
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if span / (m * magnitude) <= most)
    count = math.ceil(span / step - 1e-9)
    return [low + step * i for i in range(count + 1)]


def _tick_labels(ticks: list[float], fmt: Formatter) -> list[str]:
    labels = [fmt(t) for t in ticks]
    if len(set(labels)) == len(labels):
        return labels
    return [format_number(t, 2, trim=True) for t in ticks]  # the value format is too coarse for the steps


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    time_label: str,
    points: Sequence[str],
    series: Sequence[Series],
    positions: Sequence[float] | None = None,
    minimum: float = 0,
    maximum: float | None = None,
    fmt: Formatter | None = None,
    missing: str = MISSING,
    target: Target | None = None,
    notes: Sequence[TimeNote] = (),
    target_label: str = "",
    notes_label: str = "",
    note: str = "",
    table: DataTable | None = None,
) -> Chart:
    """Values of one or more series at the points of a time axis (``points``: labels such as "03/2025").

    ``positions`` places the points (e.g. days since the first); by default they are evenly spaced.
    A ``None`` value breaks the line. Series differ in colour, dash pattern and marker shape, and each
    line ends in its name. The target is a dashed line with its label; notes are numbered markers on
    the time axis, explained below the chart and in the table (columns ``target_label`` and
    ``notes_label``, given by the caller when there is a target or notes).
    """
    fmt = fmt or number_format()
    if not points:
        raise ValueError("A line chart needs at least one point in time.")
    if not 1 <= len(series) <= MAX_SERIES:
        raise ValueError(f"A line chart takes 1 to {MAX_SERIES} series.")
    check_series(series, len(points), "points")
    positions = list(positions) if positions is not None else [float(i) for i in range(len(points))]
    if len(positions) != len(points) or any(b < a for a, b in zip(positions, positions[1:], strict=False)):
        raise ValueError("positions must give one ascending position per point.")
    for n in notes:
        if not 0 <= n.index < len(points):
            raise ValueError(f"Note {n.text!r} points to {n.index}, outside the time axis.")
    values = [v for s in series for v in s.values if v is not None]
    if target is not None:
        values.append(target.value)
    top = maximum if maximum is not None else max([*values, minimum + 1])
    if top <= minimum:
        raise ValueError("maximum must be above minimum.")
    texts = [value_texts(s, fmt, missing) for s in series]
    ticks = nice_ticks(minimum, top)
    top = ticks[-1]

    body, y = line_legend([(series_style(k), s.name) for k, s in enumerate(series)], x=10, y=8, width=WIDTH - 20)
    left, right = 64.0, WIDTH - 130.0  # room for tick labels left, line names right
    plot_top, plot_bottom = y + 10, y + 250
    span = positions[-1] - positions[0] or 1.0

    def px(i: int) -> float:
        return left + (right - left) * ((positions[i] - positions[0]) / span if len(points) > 1 else 0.5)

    def py(value: float) -> float:
        clipped = max(minimum, min(value, top))
        return plot_bottom - (plot_bottom - plot_top) * (clipped - minimum) / (top - minimum)

    for tick, label in zip(ticks, _tick_labels(ticks, fmt), strict=True):
        body.append(f'<line x1="{num(left)}" y1="{num(py(tick))}" x2="{num(right)}" y2="{num(py(tick))}" '
                    f'stroke="{GRID}" stroke-width="0.5"/>')
        body.append(text(left - 6, py(tick) + 4, label, size=SMALL - 1, anchor="end", fill=MUTED_TEXT))
    body.append(f'<line x1="{num(left)}" y1="{num(plot_bottom)}" x2="{num(right)}" y2="{num(plot_bottom)}" '
                f'stroke="{AXIS}" stroke-width="1"/>')
    slot = (right - left) / max(1, len(points) - 1) if len(points) > 1 else right - left
    label_chars = max(4, int(slot / (SMALL * 0.56)))
    deepest = plot_bottom
    for i, point in enumerate(points):
        x = px(i)
        body.append(f'<line x1="{num(x)}" y1="{num(plot_bottom)}" x2="{num(x)}" y2="{num(plot_bottom + 5)}" '
                    f'stroke="{AXIS}" stroke-width="1"/>')
        lines = wrap(point, label_chars, 2)
        body.append(text_lines(x, plot_bottom + 18, lines, size=SMALL - 1, anchor="middle"))
        deepest = max(deepest, plot_bottom + 18 + lines_height(len(lines), SMALL - 1))

    if target is not None:
        ty = py(target.value)
        body.append(f'<line x1="{num(left)}" y1="{num(ty)}" x2="{num(right)}" y2="{num(ty)}" stroke="{TARGET}" '
                    f'stroke-width="2" stroke-dasharray="10 3 2 3"/>')
        body.append(text(right + 6, ty + 4, f"{target.label}: {fmt(target.value)}", size=SMALL - 1, fill=TARGET))

    for number, n in enumerate(notes, start=1):
        x = px(n.index)
        body.append(f'<line x1="{num(x)}" y1="{num(plot_top)}" x2="{num(x)}" y2="{num(plot_bottom)}" stroke="{AXIS}" '
                    f'stroke-width="1" stroke-dasharray="2 3"/>')
        body.append(f'<circle cx="{num(x)}" cy="{num(plot_top - 2)}" r="8" fill="{WHITE}" stroke="{TEXT}" '
                    f'stroke-width="1">{tooltip(f"{number} {n.text}")}</circle>')
        body.append(text(x, plot_top + 2, str(number), size=SMALL - 1, anchor="middle", bold=True))

    for k, s in enumerate(series):
        style = series_style(k)
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        runs: list[list[tuple[float, float]]] = [[]]
        for i, v in enumerate(s.values):
            if v is None:
                runs.append([])
            else:
                runs[-1].append((px(i), py(v)))
        body.append(f'<g class="line-series line-series-{k + 1}">')
        for run in runs:
            if len(run) > 1:
                pts = " ".join(f"{num(x)},{num(y)}" for x, y in run)
                body.append(f'<polyline points="{pts}" fill="none" stroke="{style.colour}" stroke-width="2.5"{dash}/>')
        for i, (v, shown) in enumerate(zip(s.values, texts[k], strict=True)):
            if v is not None:
                body.append(marker(style.marker, px(i), py(v), style.colour, f"{s.name} – {points[i]}: {shown}"))
        last = next((i for i in range(len(points) - 1, -1, -1) if s.values[i] is not None), None)
        if last is not None:
            body.append(text(px(last) + 10, py(s.values[last]) + 4, wrap(s.name, 16, 1)[0], size=SMALL - 1,  # type: ignore[arg-type]
                             fill=TEXT))
        body.append("</g>")

    y = deepest + 8
    for number, n in enumerate(notes, start=1):
        lines = wrap(f"{number} {n.text}", 90, 3)
        body.append(text_lines(10, y + 12, lines, size=SMALL))
        y += lines_height(len(lines), SMALL) + 2

    summary = [
        f"{s.name}: " + "; ".join(f"{p}: {t}" for p, t in zip(points, texts[k], strict=True))
        for k, s in enumerate(series)
    ]
    if target is not None:
        summary.append(f"{target.label}: {fmt(target.value)}")
    summary.extend(f"{points[n.index]}: {n.text}" for n in notes)
    svg = svg_document(chart_id, title, describe(description, summary), WIDTH, y + 8, body,
                       css_class="kosmos-chart--line")
    return Chart(svg, table or _table(title, time_label, points, series, texts, fmt, target, target_label,
                                      notes, notes_label, note))


def _table(
    caption: str, time_label: str, points: Sequence[str], series: Sequence[Series], texts: list[list[str]],
    fmt: Formatter, target: Target | None, target_label: str, notes: Sequence[TimeNote], notes_label: str,
    note: str,
) -> DataTable:
    header = [time_label, *(s.name for s in series)]
    with_target = target is not None
    with_notes = bool(notes)
    if with_target:
        header.append(target_label or target.label)  # type: ignore[union-attr]
    if with_notes:
        header.append(notes_label)
    rows = []
    for i, point in enumerate(points):
        row = [point, *(t[i] for t in texts)]
        if with_target:
            row.append(fmt(target.value))  # type: ignore[union-attr]
        if with_notes:
            row.append("; ".join(n.text for n in notes if n.index == i))
        rows.append(tuple(row))
    return DataTable(caption, tuple(header), tuple(rows), note)


def sparkline(values: Sequence[float | None], *, low: float, high: float, middle: float | None = None,
              width: int = 120, height: int = 32) -> str:
    """A small decorative line of values between ``low`` and ``high`` (e.g. a score over versions).

    Hidden from assistive technology: the page states the numbers and the trend in words beside
    it. Empty when there are fewer than two values. ``middle`` draws a dashed reference line.
    """
    points_in = [v for v in values if v is not None]
    if len(points_in) < 2 or high <= low:
        return ""
    pad = 4
    step = (width - 2 * pad) / (len(points_in) - 1)

    def y(v: float) -> float:
        share = (max(low, min(high, v)) - low) / (high - low)
        return round(height - pad - share * (height - 2 * pad), 1)

    points = " ".join(f"{num(round(pad + i * step, 1))},{num(y(v))}" for i, v in enumerate(points_in))
    last_x, last_y = round(pad + (len(points_in) - 1) * step, 1), y(points_in[-1])
    colour = series_style(0).colour
    reference = (
        f'<line x1="{pad}" y1="{num(y(middle))}" x2="{width - pad}" y2="{num(y(middle))}" stroke="{GRID}" '
        f'stroke-dasharray="2 3" stroke-width="1"/>'
        if middle is not None else ""
    )
    return (
        f'<svg class="kosmos-sparkline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-hidden="true" focusable="false">{reference}'
        f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
        f'<circle cx="{num(last_x)}" cy="{num(last_y)}" r="3" fill="{colour}"/></svg>'
    )
