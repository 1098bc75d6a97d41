"""Server-side SVG charts for survey results (pure string output).

Every chart is an ``<svg role="img">`` named by its ``<title>`` and ``<desc>``
(``aria-labelledby``), uses presentation attributes only (no ``style``
attribute or element, so a strict Content-Security-Policy holds), writes every
value as text next to its bar so colour never carries meaning alone, and
escapes all text. Fills have at least 4.5:1 contrast against white, so white
labels inside bars stay readable; dark text has 17:1. The page renders the
data table beside the chart from the matching ``*_table`` function.

User-facing words come from :class:`ChartLabels` (German defaults); the Django
side may pass translated labels.
"""

from __future__ import annotations

import colorsys
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kosmos.surveys.domain.formatting import NBSP, format_number, format_percent, format_signed
from kosmos.surveys.domain.stats import percentages

WIDTH = 640
TEXT = "#1b1b1b"
AXIS = "#767676"
WHITE = "#ffffff"
BAR = "#1f4f8f"
WAVE_COLOURS = ("#666666", "#1f4f8f")
FONT_SIZE = 14
SMALL = 12
CHAR_WIDTH = 0.56  # average glyph width in em for a sans-serif font, used to wrap labels

# Ordered palettes (most negative level first). Every colour has >= 4.5:1
# contrast against white; neighbours differ in hue or clearly in lightness.
PALETTES: dict[int, tuple[str, ...]] = {
    1: ("#1f4f8f",),
    2: ("#b45309", "#1f4f8f"),
    3: ("#b45309", "#666666", "#1f4f8f"),
    4: ("#6d2c00", "#b45309", "#3b6fb6", "#08306b"),
    5: ("#6d2c00", "#b45309", "#666666", "#3b6fb6", "#08306b"),
    6: ("#6d2c00", "#b45309", "#6b6b6b", "#4a6fb5", "#1f4f8f", "#0a2a5c"),
    7: ("#4a1a00", "#853a0c", "#b45309", "#666666", "#3b6fb6", "#1f4f8f", "#08306b"),
}

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class ChartLabels:
    suppressed: str = "nicht angezeigt (Schutz kleiner Gruppen)"
    answers: str = "Antworten"
    answer: str = "Antwort"
    count: str = "Anzahl"
    share: str = "Anteil"
    statement: str = "Aussage"
    question: str = "Frage"
    change: str = "Veränderung"
    no_answer: str = "Keine Angabe"
    percentage_points: str = "Prozentpunkte"
    rounding_note: str = "Die Anteile sind gerundet und ergeben daher nicht immer genau 100 %."
    likert_note: str = "Anteile ohne »Keine Angabe«."
    bar_chart: str = "Balkendiagramm"
    likert_chart: str = "Gestapeltes Balkendiagramm, je Zeile 100 %"
    wave_chart: str = "Vergleich zweier Befragungen"


@dataclass(frozen=True)
class ChartTable:
    """The data table that goes beside a chart."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class Bar:
    label: str
    count: int | None
    """``None`` when the group must not be shown."""


@dataclass(frozen=True)
class LikertRow:
    label: str
    counts: Sequence[int] | None
    """Counts per scale level, in the order of the levels; ``None`` when suppressed."""
    no_answer: int = 0


@dataclass(frozen=True)
class WaveItem:
    label: str
    first: float | None
    second: float | None


# --- helpers --------------------------------------------------------------------


def escape(text: str) -> str:
    """Escape text for XML and drop characters XML cannot hold."""
    return html.escape(_INVALID_XML.sub("", str(text)), quote=True)


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def distinguishable(a: str, b: str) -> bool:
    """Neighbouring fills: clearly different lightness, hue or saturation."""
    ha, _, sa = colorsys.rgb_to_hls(*(int(a[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    hb, _, sb = colorsys.rgb_to_hls(*(int(b[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    hue_gap = min(abs(ha - hb), 1 - abs(ha - hb)) * 360
    chromatic = sa > 0.25 and sb > 0.25
    return contrast_ratio(a, b) >= 1.5 or (chromatic and hue_gap >= 60) or abs(sa - sb) >= 0.4


def palette(levels: int) -> tuple[str, ...]:
    if levels not in PALETTES:
        raise ValueError(f"Charts support 1 to {max(PALETTES)} scale levels, not {levels}.")
    return PALETTES[levels]


def wrap(text: str, max_chars: int) -> list[str]:
    """Split a label into lines of at most ``max_chars`` characters (long words are cut)."""
    words = str(text).split()
    lines: list[str] = []
    current = ""
    for word in words:
        while len(word) > max_chars:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[: max_chars - 1] + "-")
            word = word[max_chars - 1 :]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= max_chars:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def _chars(width: float, size: int) -> int:
    return max(4, int(width / (size * CHAR_WIDTH)))


def _text(
    x: float, y: float, content: str, *, size: int = FONT_SIZE, anchor: str = "start", fill: str = TEXT
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" text-anchor="{anchor}">'
        f"{escape(content)}</text>"
    )


def _lines(x: float, y: float, lines: list[str], *, size: int = FONT_SIZE, anchor: str = "start") -> str:
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else round(size * 1.25)}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{TEXT}" text-anchor="{anchor}">{spans}</text>'


def _svg(chart_id: str, title: str, description: str, height: float, body: list[str]) -> str:
    if not _ID.match(chart_id):
        raise ValueError(
            f"Chart id {chart_id!r} must start with a letter and hold only letters, digits, - and _."
        )
    h = round(height)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kosmos-chart" viewBox="0 0 {WIDTH} {h}" '
        f'width="{WIDTH}" height="{h}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def _share_and_count(share: float, count: int, decimals: int) -> str:
    return f"{format_percent(share, decimals)} ({format_number(count)})"


# --- horizontal bar chart -----------------------------------------------------------


def bar_chart(
    chart_id: str,
    title: str,
    bars: Sequence[Bar],
    *,
    base: int | None = None,
    description: str | None = None,
    decimals: int = 0,
    labels: ChartLabels | None = None,
) -> str:
    """Counts and shares per option as horizontal bars on a 0-100 % axis.

    ``base`` is the number the shares refer to (respondents for multiple
    choice); by default the sum of the shown counts.
    """
    labels = labels or ChartLabels()
    shares = _bar_shares(bars, base, decimals)
    label_width, bar_left, bar_width = 230, 240, 300
    max_chars = _chars(label_width, FONT_SIZE)
    body: list[str] = []
    y = 8.0
    summary = []
    for bar, share in zip(bars, shares, strict=True):
        lines = wrap(bar.label, max_chars)
        row_height = max(28, len(lines) * 18 + 10)
        body.append(_lines(label_width, y + 19, lines, anchor="end"))
        if bar.count is None or share is None:
            body.append(_text(bar_left + 4, y + 19, labels.suppressed, size=SMALL))
            summary.append(f"{bar.label}: {labels.suppressed}")
        else:
            length = bar_width * max(0.0, min(share, 100.0)) / 100
            value = _share_and_count(share, bar.count, decimals)
            body.append(
                f'<rect x="{bar_left}" y="{y + 5:.1f}" width="{length:.1f}" height="18" fill="{BAR}">'
                f"<title>{escape(f'{bar.label}: {value}')}</title></rect>"
            )
            body.append(_text(bar_left + length + 6, y + 19, value))
            summary.append(f"{bar.label}: {value}")
        y += row_height
    body.append(
        f'<line x1="{bar_left}" y1="4" x2="{bar_left}" y2="{y:.1f}" stroke="{AXIS}" stroke-width="1"/>'
    )
    text = description or f"{labels.bar_chart}. " + "; ".join(summary) + "."
    return _svg(chart_id, title, text, y + 8, body)


def _bar_shares(bars: Sequence[Bar], base: int | None, decimals: int) -> list[float | None]:
    shown = {str(i): bar.count for i, bar in enumerate(bars) if bar.count is not None}
    result = percentages(shown, decimals=decimals, base=base)
    return [result.get(str(i)) for i in range(len(bars))]


def bar_table(
    title: str,
    bars: Sequence[Bar],
    *,
    base: int | None = None,
    decimals: int = 0,
    labels: ChartLabels | None = None,
) -> ChartTable:
    labels = labels or ChartLabels()
    rows = []
    for bar, share in zip(bars, _bar_shares(bars, base, decimals), strict=True):
        if bar.count is None or share is None:
            rows.append((bar.label, labels.suppressed, ""))
        else:
            rows.append((bar.label, format_number(bar.count), format_percent(share, decimals)))
    return ChartTable(title, (labels.answer, labels.count, labels.share), tuple(rows), labels.rounding_note)


# --- stacked 100 % Likert bars ------------------------------------------------------------


def _likert_shares(row: LikertRow, decimals: int) -> list[float] | None:
    if row.counts is None:
        return None
    counts = {str(i): n for i, n in enumerate(row.counts)}
    if sum(counts.values()) == 0:
        return None
    result = percentages(counts, decimals=decimals)
    return [result[str(i)] for i in range(len(row.counts))]


def likert_chart(
    chart_id: str,
    title: str,
    levels: Sequence[str],
    rows: Sequence[LikertRow],
    *,
    description: str | None = None,
    decimals: int = 0,
    labels: ChartLabels | None = None,
) -> str:
    """One 100 % bar per item, split by scale level (``levels`` from most negative to most positive).

    "Keine Angabe" is left out of the bar and given as a number on the right.
    """
    labels = labels or ChartLabels()
    colours = palette(len(levels))
    for row in rows:
        if row.counts is not None and len(row.counts) != len(levels):
            raise ValueError(f"Item {row.label!r} has {len(row.counts)} counts for {len(levels)} levels.")
    body: list[str] = []
    # Legend: swatch and label per level, in bar order, wrapped over several lines.
    x, y = 10.0, 8.0
    for colour, level in zip(colours, levels, strict=True):
        width = 22 + len(level) * SMALL * CHAR_WIDTH + 14
        if x + width > WIDTH - 10 and x > 10:
            x, y = 10.0, y + 20
        body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="14" height="14" fill="{colour}"/>')
        body.append(_text(x + 20, y + 12, level, size=SMALL))
        x += width
    y += 30
    label_width, bar_left, bar_width = 190, 200, 360
    max_chars = _chars(label_width, FONT_SIZE)
    summary = []
    for row in rows:
        lines = wrap(row.label, max_chars)
        row_height = max(32, len(lines) * 18 + 12)
        body.append(_lines(label_width, y + 20, lines, anchor="end"))
        shares = _likert_shares(row, decimals)
        if shares is None or row.counts is None:
            body.append(_text(bar_left + 4, y + 20, labels.suppressed, size=SMALL))
            summary.append(f"{row.label}: {labels.suppressed}")
        else:
            left = float(bar_left)
            valid = sum(row.counts)
            parts = []
            for colour, level, share, n in zip(colours, levels, shares, row.counts, strict=True):
                width = bar_width * n / valid
                value = _share_and_count(share, n, decimals)
                parts.append(f"{level} {value}")
                if width <= 0:
                    continue
                body.append(
                    f'<rect x="{left:.1f}" y="{y + 4:.1f}" width="{width:.1f}" height="24" fill="{colour}" '
                    f'stroke="{WHITE}" stroke-width="1"><title>{escape(f"{level}: {value}")}</title></rect>'
                )
                inside = format_percent(share, decimals)
                if width >= len(inside) * SMALL * CHAR_WIDTH + 6:
                    body.append(
                        _text(left + width / 2, y + 20, inside, size=SMALL, anchor="middle", fill=WHITE)
                    )
                left += width
            note = f"n{NBSP}={NBSP}{format_number(valid)}"
            if row.no_answer:
                note += f", {labels.no_answer}: {format_number(row.no_answer)}"
            body.append(
                _text(bar_left + bar_width + 6, y + 20, f"n{NBSP}={NBSP}{format_number(valid)}", size=SMALL)
            )
            summary.append(f"{row.label}: " + ", ".join(parts) + f" ({note})")
        y += row_height
    text = description or f"{labels.likert_chart}. {labels.likert_note} " + "; ".join(summary) + "."
    return _svg(chart_id, title, text, y + 8, body)


def likert_table(
    title: str,
    levels: Sequence[str],
    rows: Sequence[LikertRow],
    *,
    decimals: int = 0,
    labels: ChartLabels | None = None,
) -> ChartTable:
    labels = labels or ChartLabels()
    header = (labels.statement, *levels, labels.no_answer, "n")
    table_rows = []
    for row in rows:
        shares = _likert_shares(row, decimals)
        if shares is None or row.counts is None:
            table_rows.append((row.label, labels.suppressed, *[""] * (len(levels) + 1)))
            continue
        cells = [_share_and_count(s, n, decimals) for s, n in zip(shares, row.counts, strict=True)]
        table_rows.append((row.label, *cells, format_number(row.no_answer), format_number(sum(row.counts))))
    return ChartTable(title, header, tuple(table_rows), f"{labels.likert_note} {labels.rounding_note}")


# --- two waves -------------------------------------------------------------------------------


def _wave_value(value: float, unit: str, decimals: int) -> str:
    return format_percent(value, decimals) if unit == "percent" else format_number(value, decimals)


def wave_chart(
    chart_id: str,
    title: str,
    items: Sequence[WaveItem],
    *,
    wave_labels: tuple[str, str] = ("t0", "t1"),
    unit: str = "percent",
    maximum: float = 100.0,
    description: str | None = None,
    decimals: int = 0,
    labels: ChartLabels | None = None,
) -> str:
    """Two bars per question, one per wave; ``unit`` is ``"percent"`` (0-100) or ``"mean"`` (0-``maximum``)."""
    labels = labels or ChartLabels()
    if unit not in {"percent", "mean"} or maximum <= 0:
        raise ValueError("unit must be 'percent' or 'mean' and maximum positive.")
    if unit == "mean" and decimals == 0:
        decimals = 1
    body: list[str] = []
    x, y = 10.0, 8.0
    for colour, wave in zip(WAVE_COLOURS, wave_labels, strict=True):
        body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="14" height="14" fill="{colour}"/>')
        body.append(_text(x + 20, y + 12, wave, size=SMALL))
        x += 40 + len(wave) * SMALL * CHAR_WIDTH
    y += 28
    bar_left, bar_width = 10, 480
    max_chars = _chars(WIDTH - 20, FONT_SIZE)
    summary = []
    for item in items:
        lines = wrap(item.label, max_chars)
        body.append(_lines(bar_left, y + 14, lines))
        y += len(lines) * 18 + 2
        parts = []
        for colour, wave, value in zip(WAVE_COLOURS, wave_labels, (item.first, item.second), strict=True):
            if value is None:
                body.append(_text(bar_left, y + 14, f"{wave}: {labels.suppressed}", size=SMALL))
                parts.append(f"{wave}: {labels.suppressed}")
            else:
                length = bar_width * max(0.0, min(value, maximum)) / maximum
                text = f"{wave}: {_wave_value(value, unit, decimals)}"
                body.append(
                    f'<rect x="{bar_left}" y="{y + 2:.1f}" width="{length:.1f}" height="16" fill="{colour}">'
                    f"<title>{escape(text)}</title></rect>"
                )
                body.append(_text(bar_left + length + 6, y + 15, text, size=SMALL))
                parts.append(text)
            y += 20
        summary.append(f"{item.label}: " + ", ".join(parts))
        y += 12
    text = description or f"{labels.wave_chart}. " + "; ".join(summary) + "."
    return _svg(chart_id, title, text, y, body)


def wave_table(
    title: str,
    items: Sequence[WaveItem],
    *,
    wave_labels: tuple[str, str] = ("t0", "t1"),
    unit: str = "percent",
    decimals: int = 0,
    labels: ChartLabels | None = None,
) -> ChartTable:
    labels = labels or ChartLabels()
    if unit == "mean" and decimals == 0:
        decimals = 1
    rows = []
    for item in items:
        first = labels.suppressed if item.first is None else _wave_value(item.first, unit, decimals)
        second = labels.suppressed if item.second is None else _wave_value(item.second, unit, decimals)
        change = ""
        if item.first is not None and item.second is not None:
            points = labels.percentage_points if unit == "percent" else ""
            change = format_signed(item.second - item.first, decimals, points)
        rows.append((item.label, first, second, change))
    return ChartTable(title, (labels.question, *wave_labels, labels.change), tuple(rows))
