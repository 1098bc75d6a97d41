"""Marks that tell series apart without colour: fill patterns, marker shapes, legends (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from kosmos.core.domain.charts.base import SMALL, escape, num, text, text_width, tooltip
from kosmos.core.domain.charts.colours import WHITE, SeriesStyle


def pattern_id(chart_id: str, index: int) -> str:
    return f"{chart_id}-pattern-{index}"


def pattern_def(chart_id: str, index: int, style: SeriesStyle) -> str:
    """A ``<pattern>`` of white strokes or dots over the series colour (empty for solid series)."""
    if style.pattern is None:
        return ""
    c = style.colour
    base = f'<rect width="8" height="8" fill="{c}"/>'
    marks = {
        "hatch": '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#ffffff" stroke-width="1.5"/>',
        "dots": '<circle cx="4" cy="4" r="1.6" fill="#ffffff"/>',
        "cross": '<path d="M0,0 L8,8 M8,0 L0,8" stroke="#ffffff" stroke-width="1.2"/>',
        "vertical": '<path d="M4,0 V8" stroke="#ffffff" stroke-width="1.5"/>',
        "grid": '<path d="M4,0 V8 M0,4 H8" stroke="#ffffff" stroke-width="1.2"/>',
    }[style.pattern]
    return (
        f'<pattern id="{pattern_id(chart_id, index)}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f"{base}{marks}</pattern>"
    )


def series_fill(chart_id: str, index: int, style: SeriesStyle) -> str:
    return f"url(#{pattern_id(chart_id, index)})" if style.pattern else style.colour


def marker(shape: str, x: float, y: float, colour: str, label: str = "", size: float = 4.5) -> str:
    """A point marker; its ``<title>`` names series, position and value."""
    inner = tooltip(label) if label else ""
    common = f'fill="{colour}" stroke="{WHITE}" stroke-width="1"'
    if shape == "circle":
        return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(size)}" {common}>{inner}</circle>'
    if shape == "square":
        s = size * 0.9
        return f'<rect x="{num(x - s)}" y="{num(y - s)}" width="{num(2 * s)}" height="{num(2 * s)}" {common}>{inner}</rect>'
    if shape == "triangle":
        s = size * 1.2
        pts = f"{num(x)},{num(y - s)} {num(x + s)},{num(y + s * 0.8)} {num(x - s)},{num(y + s * 0.8)}"
        return f'<polygon points="{pts}" {common}>{inner}</polygon>'
    if shape == "diamond":
        s = size * 1.2
        pts = f"{num(x)},{num(y - s)} {num(x + s)},{num(y)} {num(x)},{num(y + s)} {num(x - s)},{num(y)}"
        return f'<polygon points="{pts}" {common}>{inner}</polygon>'
    if shape == "cross":
        s = size
        d = f"M{num(x - s)},{num(y - s)} L{num(x + s)},{num(y + s)} M{num(x + s)},{num(y - s)} L{num(x - s)},{num(y + s)}"
        return f'<path d="{d}" stroke="{colour}" stroke-width="2.5" fill="none">{inner}</path>'
    if shape == "bar":
        s = size
        return (
            f'<rect x="{num(x - s)}" y="{num(y - s / 2.5)}" width="{num(2 * s)}" height="{num(2 * s / 2.5)}" '
            f"{common}>{inner}</rect>"
        )
    raise ValueError(f"Unknown marker shape {shape!r}.")


def legend(
    items: Sequence[tuple[str, str]], *, x: float, y: float, width: float
) -> tuple[list[str], float]:
    """Swatches ``(fill, label)`` with their labels in reading order, wrapped over lines.

    Returns the elements and the y below the legend.
    """
    out: list[str] = []
    left = x
    for fill, label in items:
        item_width = 22 + text_width(label, SMALL) + 16
        if left + item_width > x + width and left > x:
            left, y = x, y + 20
        out.append(
            f'<rect x="{num(left)}" y="{num(y)}" width="14" height="14" fill="{fill}" stroke="#767676" '
            f'stroke-width="0.5"/>'
        )
        out.append(text(left + 20, y + 12, label, size=SMALL))
        left += item_width
    return out, y + 24


def line_legend(
    styles: Sequence[tuple[SeriesStyle, str]], *, x: float, y: float, width: float
) -> tuple[list[str], float]:
    """Line samples (colour, dash, marker) with the series names."""
    out: list[str] = []
    left = x
    for style, label in styles:
        item_width = 44 + text_width(label, SMALL) + 16
        if left + item_width > x + width and left > x:
            left, y = x, y + 20
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        out.append(
            f'<line x1="{num(left)}" y1="{num(y + 7)}" x2="{num(left + 34)}" y2="{num(y + 7)}" '
            f'stroke="{style.colour}" stroke-width="2.5"{dash}/>'
        )
        out.append(marker(style.marker, left + 17, y + 7, style.colour))
        out.append(f'<text x="{num(left + 42)}" y="{num(y + 12)}" font-size="{SMALL}" fill="#1b1b1b">{escape(label)}</text>')
        left += item_width
    return out, y + 24
