"""SVG charts as plain strings: a radar (spider) chart of criterion percentages and an ecosystem map.

Both are safe for a strict Content Security Policy: no ``style`` attributes, no ``<style>`` or ``<script>``
elements, no event handlers; only presentation attributes (``fill``, ``stroke``, ``font-size`` …) and
``class`` names for theming from the site stylesheet. They are accessible: ``role="img"`` with
``aria-labelledby`` pointing to ``<title>`` and ``<desc>``; the description lists all values in text form,
so the data does not depend on the picture. All text is XML-escaped and stripped of characters that XML
does not allow.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._numbers import Number, to_fraction

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_ID_SAFE = re.compile(r"[^A-Za-z0-9_-]")

SERIES_STYLES = (  # stroke colour, dash pattern, marker shape – distinguishable without colour
    ("#1f5f8b", None),
    ("#b5501a", "6 4"),
    ("#3d7a3a", "2 3"),
    ("#6b4b91", "8 3 2 3"),
)
FONT = "system-ui, sans-serif"


def escape(text: object) -> str:
    """Escape text for XML content and double-quoted attributes; drop characters XML cannot carry."""
    cleaned = _INVALID_XML.sub("", str(text))
    return (
        cleaned.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _id(prefix: str) -> str:
    safe = _ID_SAFE.sub("-", prefix).strip("-") or "chart"
    return safe if safe[0].isalpha() else f"c-{safe}"


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _fmt_percent(value: Number | None) -> str:
    if value is None:
        return "nicht bewertet"
    exact = to_fraction(value)
    if exact.denominator == 1:
        return f"{exact.numerator} %"
    return f"{float(exact):.1f} %".replace(".", ",")


def _wrap(text: str, width: int) -> list[str]:
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > width and len(current) > 3:  # keep "9 Schlüssel…" together
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap_limited(text: str, width: int, max_lines: int, limit: int) -> list[str]:
    """Wrap into at most ``max_lines`` lines; mark any cut with an ellipsis."""
    shortened = _truncate(text, limit)
    lines = _wrap(shortened, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _truncate(lines[-1], width).removesuffix("…").rstrip() + "…"
    return lines


def _svg_open(width: float, height: float, chart_id: str, css_class: str, title: str, desc: str) -> list[str]:
    title = " ".join(_INVALID_XML.sub("", title).split()) or "Diagramm"  # an accessible name is mandatory
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="{_num(width)}" height="{_num(height)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="{css_class}" id="{chart_id}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


# --------------------------------------------------------------------------------------------------
# Radar chart
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChartSeries:
    name: str  # e.g. "Selbstbewertung 2024"
    values: Sequence[Number | None]  # one percentage per axis; None = not rated


def radar_chart_svg(
    axes: Sequence[str],
    series: Sequence[ChartSeries],
    *,
    title: str = "Ergebnis je Kriterium",
    description: str = "",
    id_prefix: str = "radar",
    size: int = 520,
    rings: Sequence[int] = (20, 40, 60, 80, 100),
) -> str:
    """Radar chart of percentages (0–100) on ``axes`` (e.g. ``"1 Zweck, Vision und Strategie"``).

    One or two series are the intended use (e.g. two assessment cycles); up to four are drawn with
    different dash patterns so that they can be told apart without colour.
    """
    if len(axes) < 3:
        raise ValueError("a radar chart needs at least three axes")
    if not 1 <= len(series) <= len(SERIES_STYLES):
        raise ValueError(f"a radar chart takes 1 to {len(SERIES_STYLES)} series")
    for s in series:
        if len(s.values) != len(axes):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for {len(axes)} axes")
        for v in s.values:
            if v is not None and not 0 <= to_fraction(v) <= 100:
                raise ValueError(f"value {v!r} in series {s.name!r} is outside 0..100")

    chart_id = _id(id_prefix)
    side = 150  # room for axis labels left and right
    radius = size / 2 - 70
    width = size + 2 * side
    cx = width / 2
    cy = size / 2 + 10
    legend_top = cy + radius + 80
    height = legend_top + 24 * len(series) + 4
    n = len(axes)

    def point(index: int, percent: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / n
        r = radius * percent / 100
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    summary = " ".join(
        f"{s.name}: "
        + "; ".join(f"{axis}: {_fmt_percent(v)}" for axis, v in zip(axes, s.values, strict=True))
        + "."
        for s in series
    )
    desc = f"{description.strip()} " if description.strip() else ""
    desc += f"Netzdiagramm mit {n} Achsen von 0 bis 100 %. {summary}"

    out = _svg_open(width, height, chart_id, "kosmos-chart kosmos-radar", title, desc)
    out.append('<g class="radar-grid" aria-hidden="true">')
    for ring in rings:
        pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in (point(i, ring) for i in range(n)))
        out.append(f'<polygon points="{pts}" fill="none" stroke="#c8c8c8" stroke-width="1"/>')
        lx, ly = point(0, ring)
        out.append(
            f'<text x="{_num(lx + 4)}" y="{_num(ly + 4)}" font-size="10" font-family="{FONT}" '
            f'fill="#5a5a5a">{ring} %</text>'
        )
    for i in range(n):
        x, y = point(i, 100)
        out.append(
            f'<line x1="{_num(cx)}" y1="{_num(cy)}" x2="{_num(x)}" y2="{_num(y)}" stroke="#c8c8c8" stroke-width="1"/>'
        )
    out.append("</g>")

    out.append('<g class="radar-axes">')
    for i, axis in enumerate(axes):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        x, y = point(i, 100)
        x += 12 * math.cos(angle)
        y += 12 * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        lines = _wrap(axis, 22)
        if math.sin(angle) < -0.3:
            y -= 14 * (len(lines) - 1)
        elif abs(math.sin(angle)) <= 0.3:
            y -= 7 * (len(lines) - 1)
        tspans = "".join(
            f'<tspan x="{_num(x)}" dy="{0 if k == 0 else 14}">{escape(line)}</tspan>'
            for k, line in enumerate(lines)
        )
        out.append(
            f'<text x="{_num(x)}" y="{_num(y + 4)}" text-anchor="{anchor}" font-size="12" '
            f'font-family="{FONT}" fill="#1a1a1a">{tspans}</text>'
        )
    out.append("</g>")

    for k, s in enumerate(series):
        colour, dash = SERIES_STYLES[k]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        pts = [point(i, float(to_fraction(v)) if v is not None else 0.0) for i, v in enumerate(s.values)]
        out.append(f'<g class="radar-series radar-series-{k + 1}">')
        out.append(
            f'<polygon points="{" ".join(f"{_num(x)},{_num(y)}" for x, y in pts)}" fill="{colour}" '
            f'fill-opacity="0.12" stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        for (x, y), axis, v in zip(pts, axes, s.values, strict=True):
            if v is None:
                continue
            out.append(
                f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" fill="{colour}" stroke="#ffffff" stroke-width="1">'
                f"<title>{escape(f'{s.name} – {axis}: {_fmt_percent(v)}')}</title></circle>"
            )
        out.append("</g>")

    out.append('<g class="radar-legend">')
    for k, s in enumerate(series):
        colour, dash = SERIES_STYLES[k]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        y = legend_top + 24 * k
        out.append(
            f'<line x1="{_num(side)}" y1="{_num(y)}" x2="{_num(side + 32)}" y2="{_num(y)}" '
            f'stroke="{colour}" stroke-width="3"{dash_attr}/>'
        )
        out.append(
            f'<text x="{_num(side + 40)}" y="{_num(y + 4)}" font-size="12" font-family="{FONT}" fill="#1a1a1a">{escape(s.name)}</text>'
        )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------------
# Ecosystem map
# --------------------------------------------------------------------------------------------------

SPHERES: tuple[tuple[str, str], ...] = (  # innermost first
    ("organisation", "Organisation"),
    ("stakeholders", "Interessengruppen"),
    ("market", "Markt"),
    ("global", "Globales Umfeld/Megatrends"),
)
_SPHERE_ALIASES = {
    **{code: code for code, _ in SPHERES},
    **{label.casefold(): code for code, label in SPHERES},
    "interessengruppe": "stakeholders",
    "globales umfeld": "global",
    "megatrends": "global",
}
SPHERE_FILLS = ("#dcebf5", "#e8f1e4", "#f6efdc", "#f3e6ec")
RING_PHASES = (0.5, 0.0, 1.0, 0.25)


@dataclass(frozen=True, slots=True)
class EcosystemEntry:
    sphere: str  # a code from SPHERES (German labels are accepted too)
    label: str


def sphere_code(value: str) -> str:
    code = _SPHERE_ALIASES.get(" ".join(value.casefold().split()))
    if code is None:
        raise ValueError(f"unknown sphere {value!r}; expected one of {', '.join(c for c, _ in SPHERES)}")
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


def _label_layout(cx: float, cy: float, angle: float, radius: float, lines: list[str]) -> _Layout:
    """Marker on the circle; text beside it (left/right) or below/above it (near the top and bottom)."""
    x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
    width = 6.2 * max(len(line) for line in lines) + 4
    height = 13.0 * len(lines)
    if abs(math.cos(angle)) < 0.3:
        anchor, tx = "middle", x
        ty = y + 16 if math.sin(angle) > 0 else y - 8 - 13 * (len(lines) - 1)
        box = _Box(x - width / 2, min(y - 4, ty - 10), x + width / 2, max(y + 4, ty - 10 + height))
    else:
        right = math.cos(angle) > 0
        anchor, tx = ("start", x + 7) if right else ("end", x - 7)
        ty = y + 4 - 6.5 * (len(lines) - 1)
        left_edge = x - 4 if right else tx - width
        right_edge = tx + width if right else x + 4
        box = _Box(left_edge, ty - 10, right_edge, ty - 10 + height)
    return _Layout(x, y, tx, ty, anchor, box)


def ecosystem_svg(
    entries: Iterable[EcosystemEntry | tuple[str, str]],
    *,
    title: str = "Ecosystem",
    description: str = "",
    id_prefix: str = "ecosystem",
    size: int = 640,
    label_limit: int = 36,
) -> str:
    """Concentric circles for the four spheres with the entries placed in their ring.

    Labels longer than ``label_limit`` characters are shortened on the map; the full text stays in the
    entry's ``<title>`` and in the description.
    """
    grouped: dict[str, list[str]] = {code: [] for code, _ in SPHERES}
    for entry in entries:
        sphere, label = (entry.sphere, entry.label) if isinstance(entry, EcosystemEntry) else entry
        text = " ".join(str(label).split())
        if text:
            grouped[sphere_code(sphere)].append(text)

    chart_id = _id(id_prefix)
    side = 120  # room for labels of the outermost ring
    width = size + 2 * side
    cx, cy = width / 2, size / 2
    outer = size / 2 - 8
    ring_width = outer / len(SPHERES)
    radii = [ring_width * (i + 1) for i in range(len(SPHERES))]

    parts = []
    for (code, label), _r in zip(SPHERES, radii, strict=True):
        items = grouped[code]
        parts.append(f"{label}: " + (", ".join(items) if items else "keine Einträge") + ".")
    desc = f"{description.strip()} " if description.strip() else ""
    desc += "Ecosystem-Karte mit vier Sphären von innen nach außen. " + " ".join(parts)

    out = _svg_open(width, size, chart_id, "kosmos-chart kosmos-ecosystem", title, desc)
    out.append('<g class="ecosystem-spheres">')
    for index in reversed(range(len(SPHERES))):
        code, label = SPHERES[index]
        r = radii[index]
        out.append(
            f'<circle class="sphere sphere-{code}" cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}" '
            f'fill="{SPHERE_FILLS[index]}" stroke="#7a7a7a" stroke-width="1.5"/>'
        )
    for index, (_code, label) in enumerate(SPHERES):
        y = cy - radii[index] + 18 if index else cy - radii[index] * 0.55
        out.append(
            f'<text class="sphere-label" x="{_num(cx)}" y="{_num(y)}" text-anchor="middle" font-size="13" '
            f'font-weight="bold" font-family="{FONT}" fill="#333333">{escape(label)}</text>'
        )
    out.append("</g>")

    out.append('<g class="ecosystem-entries">')
    gap = math.radians(40)  # keep the top free for the sphere labels
    placed: list[_Box] = [
        _Box(cx - 95, cy - radii[i] + 4, cx + 95, cy - radii[i] + 24) for i in range(1, len(SPHERES))
    ]
    placed.append(_Box(cx - 60, cy - radii[0] * 0.55 - 14, cx + 60, cy - radii[0] * 0.55 + 4))
    for index, (code, _label) in enumerate(SPHERES):
        items = grouped[code]
        if not items:
            continue
        inner = radii[index - 1] if index else 0.0
        mid = (inner + radii[index]) / 2 if index else radii[0] * 0.5
        count = len(items)
        slot = (2 * math.pi - gap) / count
        for k, text in enumerate(items):
            lines = _wrap_limited(text, 18, 2, label_limit)
            # each ring starts at a different phase so that entries of neighbouring rings do not line up
            base = -math.pi / 2 + gap / 2 + slot * (k + 0.3 + 0.4 * RING_PHASES[index])
            candidates = [
                _label_layout(cx, cy, base + slot * shift, mid + ring_width * radial, lines)
                for shift in (0.0, 0.2, -0.2, 0.35, -0.35)
                for radial in ((0.0, 0.18, -0.18) if index else (0.0, 0.2))
            ]
            layout = next(
                (c for c in candidates if not any(c.box.overlaps(b) for b in placed)), candidates[0]
            )
            placed.append(layout.box)
            tspans = "".join(
                f'<tspan x="{_num(layout.tx)}" dy="{0 if i == 0 else 13}">{escape(line)}</tspan>'
                for i, line in enumerate(lines)
            )
            out.append(
                f'<g class="entry entry-{code}"><title>{escape(text)}</title>'
                f'<circle cx="{_num(layout.x)}" cy="{_num(layout.y)}" r="3.5" fill="#333333"/>'
                f'<text x="{_num(layout.tx)}" y="{_num(layout.ty)}" text-anchor="{layout.anchor}" font-size="11" '
                f'font-family="{FONT}" fill="#1a1a1a">{tspans}</text></g>'
            )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
