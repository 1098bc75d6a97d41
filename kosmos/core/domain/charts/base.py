"""What every chart shares: escaping, label wrapping, the ``<svg>`` frame, the data table (pure).

A chart is an ``<svg role="img">`` named by its ``<title>`` and described by its ``<desc>``
(``aria-labelledby``); the description ends with every value as text. It uses presentation attributes
only (``fill``, ``stroke``, ``font-size`` …; never ``style``, ``<style>`` or ``<script>``), so a strict
Content-Security-Policy holds. Beside it the page renders :class:`DataTable`, built from the same data,
so screen-reader users and people who print in black and white get the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kosmos.core.domain.charts.colours import TEXT
from kosmos.core.domain.numbers import DASH, format_number, format_percent

FONT = "system-ui, sans-serif"
FONT_SIZE = 14
SMALL = 12
CHAR_WIDTH = 0.56  # average glyph width in em of a sans-serif font, used to wrap labels
LINE_HEIGHT = 1.25

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_SPACE = re.compile(r"[ \t\r\n]+")  # not the no-break space: "42 %" stays together
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

Formatter = Callable[[float], str]


def label_stem(label: str) -> str:
    """A label without its closing full stop, for joining with ": …" ("Telefon.: Mittelwert" reads as
    a typo); an ellipsis, question or exclamation mark stays."""
    label = label.rstrip()
    if label.endswith(".") and not label.endswith(".."):
        return label[:-1].rstrip()
    return label


def labelled(label: str, value: str) -> str:
    """``"label: value"`` with the label's closing full stop dropped."""
    return f"{label_stem(label)}: {value}"


@dataclass(frozen=True, slots=True)
class DataTable:
    """The table beside a chart: ``header`` names the columns, each row starts with its label."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG chart and the data table that goes beside it.

    ``__html__`` lets a template print ``{{ chart }}`` directly: every text in the SVG is escaped here.
    """

    svg: str
    table: DataTable

    def __html__(self) -> str:
        return self.svg

    def __str__(self) -> str:
        return self.svg


@dataclass(frozen=True, slots=True)
class Series:
    """One named row of values (a survey wave, an assessment cycle, a channel)."""

    name: str
    values: Sequence[float | None]
    texts: Sequence[str] | None = None
    """Value labels as shown (default: the chart's formatter); give them to add counts, units …"""


# --- text ------------------------------------------------------------------------------------------


def clean(text: object) -> str:
    """Drop characters XML cannot hold."""
    return _INVALID_XML.sub("", str(text))


def one_line(text: object) -> str:
    """Clean text with runs of spaces and line breaks collapsed (no-break spaces are kept)."""
    return _SPACE.sub(" ", clean(text)).strip()


def escape(text: object) -> str:
    """Escape text for XML content and double-quoted attributes."""
    return (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def wrap(text: object, max_chars: int, max_lines: int | None = None) -> list[str]:
    """Split a label into lines of at most ``max_chars`` characters.

    Words stay whole unless a single word is longer than a line; it is then cut with a hyphen. With
    ``max_lines`` the last line ends in an ellipsis where text was left out (the full text belongs in
    the element's ``<title>`` and in the data table).
    """
    max_chars = max(4, max_chars)
    lines: list[str] = []
    current = ""
    for word in (w for w in _SPACE.split(clean(text)) if w):
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
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max_chars - 1].rstrip(" -") + "…"
    return lines


def chars_for(width: float, size: int = FONT_SIZE) -> int:
    """How many characters fit into ``width`` at font size ``size`` (an estimate)."""
    return max(4, int(width / (size * CHAR_WIDTH)))


def text_width(text: str, size: int = FONT_SIZE) -> float:
    return len(text) * size * CHAR_WIDTH


def num(value: float) -> str:
    """A coordinate: one decimal at most, no trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: int = FONT_SIZE,
    anchor: str = "start",
    fill: str = TEXT,
    bold: bool = False,
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" font-size="{size}" fill="{fill}" text-anchor="{anchor}"{weight}>'
        f"{escape(content)}</text>"
    )


def text_lines(
    x: float, y: float, lines: Sequence[str], *, size: int = FONT_SIZE, anchor: str = "start", fill: str = TEXT
) -> str:
    """Several lines as ``<tspan>`` elements; ``y`` is the baseline of the first line."""
    step = round(size * LINE_HEIGHT)
    spans = "".join(
        f'<tspan x="{num(x)}" dy="{0 if i == 0 else step}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text x="{num(x)}" y="{num(y)}" font-size="{size}" fill="{fill}" text-anchor="{anchor}">{spans}</text>'


def lines_height(count: int, size: int = FONT_SIZE) -> float:
    return count * round(size * LINE_HEIGHT)


def tooltip(content: str) -> str:
    """A ``<title>`` child: browsers show it on hover, screen readers may read it."""
    return f"<title>{escape(content)}</title>"


# --- frame -----------------------------------------------------------------------------------------


def check_id(chart_id: str) -> str:
    if not _ID.match(chart_id):
        raise ValueError(f"Chart id {chart_id!r} must start with a letter and hold only letters, digits, - and _.")
    return chart_id


def safe_id(text: str, fallback: str = "chart") -> str:
    """Turn any text (a prefix with a UUID, a key) into a valid chart id."""
    safe = _ID_UNSAFE.sub("-", text).strip("-")[:64] or fallback
    return safe if safe[0].isalpha() else f"c-{safe}"[:64]


def svg_document(
    chart_id: str,
    title: str,
    description: str,
    width: float,
    height: float,
    body: Sequence[str],
    *,
    css_class: str = "",
    defs: Sequence[str] = (),
) -> str:
    """The ``<svg role="img">`` with title and description around ``body``."""
    check_id(chart_id)
    title = one_line(title)
    if not title:
        raise ValueError("A chart needs a title: it is its accessible name.")
    classes = f"kosmos-chart {css_class}".strip()
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{chart_id}" class="{escape(classes)}" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{FONT}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(one_line(description))}</desc>',
    ]
    if defs:
        parts.append("<defs>" + "".join(defs) + "</defs>")
    parts.extend(body)
    parts.append("</svg>")
    return "\n".join(parts)


def describe(description: str, summary: Sequence[str]) -> str:
    """The caller's description followed by every value as text (``label: value; …``)."""
    values = "; ".join(part for part in summary if part)
    lead = description.strip()
    if lead and values:
        return f"{lead} {values}."
    return lead or (f"{values}." if values else "")


# --- values ----------------------------------------------------------------------------------------


def number_format(decimals: int = 0, *, trim: bool = False, unit: str = "") -> Formatter:
    """A formatter for plain numbers, optionally followed by a unit (``"3,5 Tage"``)."""

    def fmt(value: float) -> str:
        text = format_number(value, decimals, trim=trim)
        return f"{text}\u00a0{unit}" if unit else text

    return fmt


def percent_format(decimals: int = 0, *, trim: bool = False, space: str = "\u00a0") -> Formatter:
    def fmt(value: float) -> str:
        return format_percent(value, decimals, trim=trim, space=space)

    return fmt


def value_texts(series: Series, fmt: Formatter, missing: str) -> list[str]:
    """The shown text of every value of a series (``missing`` where the value is ``None``)."""
    if series.texts is not None:
        if len(series.texts) != len(series.values):
            raise ValueError(f"Series {series.name!r} has {len(series.texts)} texts for {len(series.values)} values.")
        return [missing if v is None else str(t) for v, t in zip(series.values, series.texts, strict=True)]
    return [missing if v is None else fmt(v) for v in series.values]


def check_series(series: Sequence[Series], length: int, what: str) -> None:
    for s in series:
        if len(s.values) != length:
            raise ValueError(f"Series {s.name!r} has {len(s.values)} values for {length} {what}.")


MISSING = DASH
