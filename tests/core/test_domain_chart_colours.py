"""Chart colours meet WCAG 2.1 contrast: 3:1 for graphics, 4.5:1 for text (pure).

The contrast ratio is computed here from the WCAG definition, independently of the kit's own helper,
and the helper is checked against known values.
"""

from __future__ import annotations

import pytest

from kosmos.core.domain.charts import colours
from kosmos.core.domain.charts.matrix import heat_step


def wcag_contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        def channel(hex_pair: str) -> float:
            c = int(hex_pair, 16) / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(colour[i : i + 2]) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert wcag_contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert wcag_contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert colours.contrast_ratio("#767676", "#ffffff") == pytest.approx(wcag_contrast("#767676", "#ffffff"))


def test_text_colours_reach_4_5_to_1_on_white():
    for colour in (colours.TEXT, colours.MUTED_TEXT, colours.TARGET):
        assert wcag_contrast(colour, colours.WHITE) >= 4.5, colour


def test_axes_and_grid_reach_3_to_1_on_white():
    for colour in (colours.AXIS, colours.GRID):
        assert wcag_contrast(colour, colours.WHITE) >= 3, colour


def test_series_colours_reach_4_5_to_1_so_values_and_white_labels_stay_readable():
    for style in colours.SERIES:
        assert wcag_contrast(style.colour, colours.WHITE) >= 4.5, style.colour


def test_series_differ_by_more_than_colour():
    assert len({s.colour for s in colours.SERIES}) == len(colours.SERIES)
    assert len({s.marker for s in colours.SERIES}) == len(colours.SERIES)
    assert len({s.dash for s in colours.SERIES}) == len(colours.SERIES)
    assert len({s.pattern for s in colours.SERIES}) == len(colours.SERIES)


@pytest.mark.parametrize("levels", sorted(colours.SCALES))
def test_scale_palettes_reach_4_5_to_1_and_neighbours_are_distinguishable(levels):
    palette = colours.scale_palette(levels)
    assert len(palette) == levels == len(set(palette))
    for colour in palette:
        assert wcag_contrast(colour, colours.WHITE) >= 4.5, colour
        assert wcag_contrast(colours.text_on(colour), colour) >= 4.5, colour  # the share written inside
    for left, right in zip(palette, palette[1:], strict=False):
        assert colours.distinguishable(left, right), (left, right)
    assert not colours.distinguishable("#666666", "#6b6b6b")
    with pytest.raises(ValueError):
        colours.scale_palette(9)


def test_heat_map_cells_have_readable_values_and_visible_borders():
    for fill in colours.HEAT:
        assert wcag_contrast(colours.text_on(fill), fill) >= 4.5, fill
    assert wcag_contrast(colours.AXIS, colours.WHITE) >= 3  # the cell border delimits even the lightest cell
    assert [heat_step(v, 0, 10) for v in (0, 5, 10, -3, 99)] == [0, 3, len(colours.HEAT) - 1, 0, len(colours.HEAT) - 1]
    lightness = [wcag_contrast(fill, colours.WHITE) for fill in colours.HEAT]
    assert lightness == sorted(lightness)  # light to dark
