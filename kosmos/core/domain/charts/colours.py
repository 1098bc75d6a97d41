"""Chart colours and the WCAG 2.1 contrast arithmetic that checks them (pure).

Every colour that carries data has at least 4.5:1 contrast against white (so it also passes the 3:1
asked of graphical objects, and white text inside a bar stays readable); the text colour has 17:1; axes
and grid lines at least 3:1. Series are told apart without colour as well: dash patterns and marker
shapes for lines, fill patterns for grouped bars, and the value as text next to every mark.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

WHITE = "#ffffff"
TEXT = "#1b1b1b"
MUTED_TEXT = "#595959"  # 7:1, for axis ticks and notes
AXIS = "#767676"  # 4.5:1
GRID = "#8c8c8c"  # 3.4:1; thin lines
TARGET = "#8b1e3f"  # target lines: wine red, 8.6:1, always dashed and labelled


@dataclass(frozen=True, slots=True)
class SeriesStyle:
    colour: str
    dash: str | None  # stroke-dasharray for lines
    marker: str  # "circle", "square", "triangle", "diamond", "cross", "bar"
    pattern: str | None  # fill pattern for bars: None (solid), "hatch", "dots", "cross", "vertical", "grid"


SERIES: tuple[SeriesStyle, ...] = (
    SeriesStyle("#1f4f8f", None, "circle", None),
    SeriesStyle("#b45309", "6 4", "square", "hatch"),
    SeriesStyle("#3d7a3a", "2 3", "triangle", "dots"),
    SeriesStyle("#6b4b91", "8 3 2 3", "diamond", "cross"),
    SeriesStyle("#5c5c5c", "10 4", "cross", "vertical"),
    SeriesStyle("#8b1e3f", "4 2 4 6", "bar", "grid"),
)

# Ordered palettes for scales (most negative level first), used by stacked bars. Every colour has at
# least 4.5:1 against white; neighbours differ in hue or clearly in lightness.
SCALES: dict[int, tuple[str, ...]] = {
    1: ("#1f4f8f",),
    2: ("#b45309", "#1f4f8f"),
    3: ("#b45309", "#666666", "#1f4f8f"),
    4: ("#6d2c00", "#b45309", "#3b6fb6", "#08306b"),
    5: ("#6d2c00", "#b45309", "#666666", "#3b6fb6", "#08306b"),
    6: ("#6d2c00", "#b45309", "#6b6b6b", "#4a6fb5", "#1f4f8f", "#0a2a5c"),
    7: ("#4a1a00", "#853a0c", "#b45309", "#666666", "#3b6fb6", "#1f4f8f", "#08306b"),
}

# Sequential steps for heat maps, light to dark. Cells carry their value as text in the colour that
# contrasts best with the fill; cell borders use AXIS, so even the lightest cell is delimited.
HEAT: tuple[str, ...] = ("#eef3fa", "#c9d9ee", "#93b3dc", "#6f98cf", "#3a68a8", "#0f2f5f")


def _channels(colour: str) -> tuple[float, float, float]:
    if len(colour) != 7 or not colour.startswith("#"):
        raise ValueError(f"Colours are written #rrggbb, not {colour!r}.")
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _channels(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def distinguishable(a: str, b: str) -> bool:
    """Neighbouring fills: clearly different lightness, hue or saturation."""
    ha, _, sa = colorsys.rgb_to_hls(*_channels(a))
    hb, _, sb = colorsys.rgb_to_hls(*_channels(b))
    hue_gap = min(abs(ha - hb), 1 - abs(ha - hb)) * 360
    chromatic = sa > 0.25 and sb > 0.25
    return contrast_ratio(a, b) >= 1.5 or (chromatic and hue_gap >= 60) or abs(sa - sb) >= 0.4


def scale_palette(levels: int) -> tuple[str, ...]:
    if levels not in SCALES:
        raise ValueError(f"Charts support 1 to {max(SCALES)} scale levels, not {levels}.")
    return SCALES[levels]


def series_style(index: int) -> SeriesStyle:
    if not 0 <= index < len(SERIES):
        raise ValueError(f"Charts take at most {len(SERIES)} series.")
    return SERIES[index]


def text_on(fill: str) -> str:
    """The text colour (dark or white) with the higher contrast on ``fill``."""
    return TEXT if contrast_ratio(TEXT, fill) >= contrast_ratio(WHITE, fill) else WHITE
