"""Assessment charts: the radar of criterion percentages (through the shared kit) and the ecosystem map.

The radar is :func:`kosmos.core.domain.charts.radar_chart`; this module only turns exact scores
(fractions) into numbers. The ecosystem map is specific to this module: four concentric spheres with the
entries placed in their ring; it uses the kit's frame, escaping and wrapping. No words are written
here: titles, descriptions, sphere names and "no entries" come from the caller, already translated.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kosmos.core.domain.charts import Chart, DataTable, Series, percent_format, radar_chart, safe_id
from kosmos.core.domain.charts.base import describe, escape, num, svg_document, tooltip, wrap
from kosmos.core.domain.charts.colours import AXIS, TEXT

from ._numbers import Number, to_fraction

# --------------------------------------------------------------------------------------------------
# Radar chart
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChartSeries:
    name: str  # e.g. "Selbstbewertung 2024"
    values: Sequence[Number | None]  # one percentage per axis; None = not rated


def radar(
    axes: Sequence[str],
    series: Sequence[ChartSeries],
    *,
    title: str,
    description: str,
    axis_label: str,
    not_rated: str,
    id_prefix: str = "radar",
) -> Chart:
    """Radar chart of percentages (0–100) on ``axes`` (e.g. ``"1 Zweck, Vision und Strategie"``).

    One or two series are the intended use (e.g. two assessment cycles); up to four are drawn, with
    different dash patterns and markers so that they can be told apart without colour.
    """
    for s in series:
        for v in s.values:
            if v is not None and not 0 <= to_fraction(v) <= 100:
                raise ValueError(f"value {v!r} in series {s.name!r} is outside 0..100")
    return radar_chart(
        chart_id=safe_id(id_prefix, "radar"),
        title=title,
        description=description,
        axis_label=axis_label,
        axes=axes,
        series=[Series(s.name, [None if v is None else float(to_fraction(v)) for v in s.values]) for s in series],
        fmt=percent_format(1, trim=True, space=" "),
        missing=not_rated,
    )


# --------------------------------------------------------------------------------------------------
# Ecosystem map
# --------------------------------------------------------------------------------------------------

SPHERES: tuple[str, ...] = ("organisation", "stakeholders", "market", "global")  # innermost first
SPHERE_FILLS = ("#dcebf5", "#e8f1e4", "#f6efdc", "#f3e6ec")  # rings are told apart by their labels
RING_PHASES = (0.5, 0.0, 1.0, 0.25)


@dataclass(frozen=True, slots=True)
class EcosystemEntry:
    sphere: str  # a code from SPHERES
    label: str


def sphere_code(value: str) -> str:
    code = " ".join(value.casefold().split())
    if code not in SPHERES:
        raise ValueError(f"unknown sphere {value!r}; expected one of {', '.join(SPHERES)}")
    return code


@dataclass(frozen=True, slots=True)
class _Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: _Box) -> bool:
        return not (
            self.right <= other.left
            or other.right <= self.left
            or self.bottom <= other.top
            or other.bottom <= self.top
        )


@dataclass(frozen=True, slots=True)
class _Layout:
    x: float  # marker
    y: float
    tx: float  # text anchor point
    ty: float
    anchor: str
    box: _Box  # approximate extent of marker and text


LINE_HEIGHT = 13.0
SHIFTS = (0.0, 0.15, -0.15, 0.3, -0.3, 0.45, -0.45, 0.6, -0.6, 0.75, -0.75, 0.9, -0.9)
"""Where a label may move along its ring, in parts of its slot (nearest to its own place first)."""
CHAR_WIDTH = 6.2  # average width of a character at font size 11


def _label_layout(cx: float, cy: float, angle: float, radius: float, lines: list[str]) -> _Layout:
    """Marker at the point; the text centred below it."""
    x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
    width = CHAR_WIDTH * max(len(line) for line in lines) + 4
    ty = y + 14
    box = _Box(x - width / 2, y - 5, x + width / 2, ty - 10 + LINE_HEIGHT * len(lines))
    return _Layout(x, y, x, ty, "middle", box)


def _distances(box: _Box, cx: float, cy: float) -> tuple[float, float]:
    """Nearest and farthest distance of the box from the centre."""
    near_x = min(max(cx, box.left), box.right)
    near_y = min(max(cy, box.top), box.bottom)
    nearest = math.dist((cx, cy), (near_x, near_y))
    farthest = max(math.dist((cx, cy), corner) for corner in
                   ((box.left, box.top), (box.right, box.top), (box.left, box.bottom), (box.right, box.bottom)))
    return nearest, farthest


def _inside(box: _Box, cx: float, cy: float, inner: float, outer: float, margin: float = 2.0) -> bool:
    nearest, farthest = _distances(box, cx, cy)
    return (inner == 0 or nearest >= inner + margin) and farthest <= outer - margin


def _overflow(box: _Box, cx: float, cy: float, inner: float, outer: float) -> float:
    nearest, farthest = _distances(box, cx, cy)
    return max(0.0, inner - nearest if inner else 0.0) + max(0.0, farthest - outer)


def ecosystem_map(
    entries: Iterable[EcosystemEntry | tuple[str, str]],
    *,
    title: str,
    description: str,
    sphere_labels: Mapping[str, str],
    sphere_heading: str,
    entries_heading: str,
    empty: str,
    id_prefix: str = "ecosystem",
    size: int = 760,
    label_limit: int = 80,
) -> Chart:
    """Concentric circles for the four spheres with the entries placed in their ring.

    Each label is wrapped and placed inside its own ring, beside the others. Only a label longer than
    ``label_limit`` characters (far more than a name) is shortened, at a word, on the map; the full text
    stays in the entry's ``<title>``, in the description and in the data table (one row per sphere).
    """
    grouped: dict[str, list[str]] = {code: [] for code in SPHERES}
    for entry in entries:
        sphere, label = (entry.sphere, entry.label) if isinstance(entry, EcosystemEntry) else entry
        text = " ".join(str(label).split())
        if text:
            grouped[sphere_code(sphere)].append(text)
    names = {code: sphere_labels.get(code, code) for code in SPHERES}

    chart_id = safe_id(id_prefix, "ecosystem")
    side = 8  # the labels stay inside the rings
    width = size + 2 * side
    cx, cy = width / 2, size / 2
    outer = size / 2 - 8
    ring_width = outer / len(SPHERES)
    radii = [ring_width * (i + 1) for i in range(len(SPHERES))]

    listed = [", ".join(grouped[code]) or empty for code in SPHERES]
    summary = [f"{names[code]}: {text}" for code, text in zip(SPHERES, listed, strict=True)]

    out = ['<g class="ecosystem-spheres">']
    for index in reversed(range(len(SPHERES))):
        code = SPHERES[index]
        out.append(
            f'<circle class="sphere sphere-{code}" cx="{num(cx)}" cy="{num(cy)}" r="{num(radii[index])}" '
            f'fill="{SPHERE_FILLS[index]}" stroke="{AXIS}" stroke-width="1.5"/>'
        )
    for index, code in enumerate(SPHERES):
        y = cy - radii[index] + 18 if index else cy - radii[index] * 0.7
        out.append(
            f'<text class="sphere-label" x="{num(cx)}" y="{num(y)}" text-anchor="middle" font-size="13" '
            f'font-weight="bold" fill="{TEXT}">{escape(names[code])}</text>'
        )
    out.append("</g>")

    out.append('<g class="ecosystem-entries">')
    gap = math.radians(40)  # keep the top free for the sphere labels
    placed: list[_Box] = [
        _Box(cx - 95, cy - radii[i] + 4, cx + 95, cy - radii[i] + 24) for i in range(1, len(SPHERES))
    ]
    placed.append(_Box(cx - 60, cy - radii[0] * 0.7 - 14, cx + 60, cy - radii[0] * 0.7 + 4))
    for index, code in enumerate(SPHERES):
        items = grouped[code]
        if not items:
            continue
        inner = radii[index - 1] if index else 0.0
        mid = (inner + radii[index]) / 2 if index else radii[0] * 0.5
        slot = (2 * math.pi - gap) / len(items)
        for k, text in enumerate(items):
            shortened = text if len(text) <= label_limit else text[: label_limit - 1].rsplit(" ", 1)[0] + "…"
            # each ring starts at a different phase so that entries of neighbouring rings do not line up
            base = -math.pi / 2 + gap / 2 + slot * (k + 0.3 + 0.4 * RING_PHASES[index])
            radial_steps = (0.0, 0.2, -0.2, 0.35, -0.35, 0.1, -0.1, 0.45, -0.45) if index else \
                (0.3, 0.4, 0.2, 0.0, -0.15, -0.3, -0.5)  # the centre: away from the middle first
            longest = max(len(word) for word in shortened.split())
            widths = sorted({max(16, min(longest, 22)), 16, 12, 9}, reverse=True)

            def layouts(lines: list[str], base: float = base, mid: float = mid, slot: float = slot,
                        radial_steps: tuple[float, ...] = radial_steps) -> list[_Layout]:
                return [
                    _label_layout(cx, cy, base + slot * shift, mid + ring_width * radial, lines)
                    for shift in SHIFTS
                    for radial in radial_steps
                ]

            # The label stays inside its ring: wrap it (narrower if need be) and move it along the ring
            # until it fits without covering another label.
            layout, lines = None, [shortened]
            for chars in widths:
                lines = wrap(shortened, chars)
                inside = [c for c in layouts(lines) if _inside(c.box, cx, cy, inner, radii[index])]
                layout = next((c for c in inside if not any(c.box.overlaps(b) for b in placed)), None)
                if layout is not None:
                    break
            if layout is None:  # a crowded ring: the least overflow, then the fewest overlaps
                options = [(c, wrapped) for wrapped in (wrap(shortened, chars) for chars in widths)
                           for c in layouts(wrapped)]
                layout, lines = min(options, key=lambda o: (_overflow(o[0].box, cx, cy, inner, radii[index]),
                                                            sum(o[0].box.overlaps(b) for b in placed)))
            placed.append(layout.box)
            tspans = "".join(
                f'<tspan x="{num(layout.tx)}" dy="{0 if i == 0 else num(LINE_HEIGHT)}">{escape(line)}</tspan>'
                for i, line in enumerate(lines)
            )
            out.append(
                f'<g class="entry entry-{code}">{tooltip(text)}'
                f'<circle cx="{num(layout.x)}" cy="{num(layout.y)}" r="3.5" fill="{TEXT}"/>'
                f'<text x="{num(layout.tx)}" y="{num(layout.ty)}" text-anchor="{layout.anchor}" font-size="11" '
                f'fill="{TEXT}">{tspans}</text></g>'
            )
    out.append("</g>")
    svg = svg_document(chart_id, title, describe(description, summary), width, size, out,
                       css_class="kosmos-ecosystem")
    rows = tuple((names[code], text) for code, text in zip(SPHERES, listed, strict=True))
    return Chart(svg, DataTable(title, (sphere_heading, entries_heading), rows))
