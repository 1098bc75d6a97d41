"""Radar (spider) chart: one value per axis, one to four series (pure)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from kosmos.core.domain.charts.base import (
    MISSING,
    SMALL,
    Chart,
    DataTable,
    Formatter,
    Series,
    check_series,
    describe,
    escape,
    num,
    percent_format,
    svg_document,
    text,
    value_texts,
    wrap,
)
from kosmos.core.domain.charts.colours import GRID, MUTED_TEXT, TEXT, series_style
from kosmos.core.domain.charts.marks import line_legend, marker

MAX_SERIES = 4


def radar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    axis_label: str,
    axes: Sequence[str],
    series: Sequence[Series],
    maximum: float = 100,
    rings: Sequence[float] = (20, 40, 60, 80, 100),
    fmt: Formatter | None = None,
    missing: str = MISSING,
    size: int = 520,
    note: str = "",
    table: DataTable | None = None,
) -> Chart:
    """Values 0..``maximum`` on at least three axes (e.g. the seven EFQM criteria).

    Series differ in colour, dash pattern and marker shape, and the legend names them; a ``None``
    value sits at the centre without a marker and is written as ``missing`` in description and table.
    """
    fmt = fmt or percent_format(1, trim=True)
    if len(axes) < 3:
        raise ValueError("A radar chart needs at least three axes.")
    if not 1 <= len(series) <= MAX_SERIES:
        raise ValueError(f"A radar chart takes 1 to {MAX_SERIES} series.")
    if maximum <= 0:
        raise ValueError("maximum must be positive.")
    check_series(series, len(axes), "axes")
    for s in series:
        for v in s.values:
            if v is not None and not 0 <= v <= maximum:
                raise ValueError(f"Value {v!r} of series {s.name!r} is outside 0..{maximum}.")
    texts = [value_texts(s, fmt, missing) for s in series]
    n = len(axes)
    side = 150  # room for axis labels left and right
    radius = size / 2 - 70
    width = size + 2 * side
    cx, cy = width / 2, size / 2 + 10

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / n
        r = radius * value / maximum
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    body = ['<g class="radar-grid" aria-hidden="true">']
    for ring in rings:
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in (point(i, ring) for i in range(n)))
        body.append(f'<polygon points="{pts}" fill="none" stroke="{GRID}" stroke-width="0.75"/>')
        lx, ly = point(0, ring)
        body.append(text(lx + 4, ly + 4, fmt(ring), size=10, fill=MUTED_TEXT))
    for i in range(n):
        x, y = point(i, maximum)
        body.append(f'<line x1="{num(cx)}" y1="{num(cy)}" x2="{num(x)}" y2="{num(y)}" stroke="{GRID}" stroke-width="0.75"/>')
    body.append("</g>")

    body.append('<g class="radar-axes">')
    for i, axis in enumerate(axes):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        x, y = point(i, maximum)
        x += 12 * math.cos(angle)
        y += 12 * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        lines = wrap(axis, 22, 4)
        if math.sin(angle) < -0.3:
            y -= 14 * (len(lines) - 1)
        elif abs(math.sin(angle)) <= 0.3:
            y -= 7 * (len(lines) - 1)
        spans = "".join(
            f'<tspan x="{num(x)}" dy="{0 if k == 0 else 14}">{escape(line)}</tspan>' for k, line in enumerate(lines)
        )
        body.append(
            f'<text x="{num(x)}" y="{num(y + 4)}" text-anchor="{anchor}" font-size="{SMALL}" fill="{TEXT}">'
            f"<title>{escape(axis)}</title>{spans}</text>"
        )
    body.append("</g>")

    for k, s in enumerate(series):
        style = series_style(k)
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        pts = [point(i, v if v is not None else 0.0) for i, v in enumerate(s.values)]
        body.append(f'<g class="radar-series radar-series-{k + 1}">')
        body.append(
            f'<polygon points="{" ".join(f"{num(x)},{num(y)}" for x, y in pts)}" fill="{style.colour}" '
            f'fill-opacity="0.12" stroke="{style.colour}" stroke-width="2.5"{dash}/>'
        )
        for (x, y), axis, v, shown in zip(pts, axes, s.values, texts[k], strict=True):
            if v is not None:
                body.append(marker(style.marker, x, y, style.colour, f"{s.name} – {axis}: {shown}"))
        body.append("</g>")

    legend_top = cy + radius + 80
    items, bottom = line_legend([(series_style(k), s.name) for k, s in enumerate(series)],
                                x=side, y=legend_top - 8, width=width - 2 * side)
    body.append('<g class="radar-legend">')
    body.extend(items)
    body.append("</g>")

    summary = [
        f"{s.name}: " + "; ".join(f"{axis}: {t}" for axis, t in zip(axes, texts[k], strict=True))
        for k, s in enumerate(series)
    ]
    svg = svg_document(chart_id, title, describe(description, summary), width, bottom + 4, body,
                       css_class="kosmos-radar")
    rows = tuple((axis, *(t[i] for t in texts)) for i, axis in enumerate(axes))
    return Chart(svg, table or DataTable(title, (axis_label, *(s.name for s in series)), rows, note))
