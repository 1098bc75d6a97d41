"""One SVG chart kit for every module (pure, no Django import).

Chart types: :func:`radar_chart`, :func:`bar_chart` (horizontal or vertical, one or more series),
:func:`stacked_bar_chart` (e.g. Likert answers), :func:`line_chart` (over time, with a target line and
notes on the time axis) and :func:`matrix_chart` (heat map). Each returns a :class:`Chart`: the SVG and
the :class:`DataTable` that the page renders beside it (``templates/includes/chart.html``).

The kit writes no words of its own: titles, descriptions, axis and column names, "not shown" texts and
units come from the caller, already translated. Numbers are formatted with
:mod:`kosmos.core.domain.numbers` unless the caller passes its own formatter.
"""

from kosmos.core.domain.charts.bars import StackedRow, bar_chart, stacked_bar_chart
from kosmos.core.domain.charts.base import (
    Chart,
    DataTable,
    Series,
    escape,
    label_stem,
    labelled,
    number_format,
    percent_format,
    safe_id,
    svg_document,
    wrap,
)
from kosmos.core.domain.charts.colours import contrast_ratio
from kosmos.core.domain.charts.line import Target, TimeNote, line_chart, sparkline
from kosmos.core.domain.charts.matrix import matrix_chart
from kosmos.core.domain.charts.radar import radar_chart

__all__ = [
    "Chart",
    "DataTable",
    "Series",
    "StackedRow",
    "Target",
    "TimeNote",
    "bar_chart",
    "contrast_ratio",
    "escape",
    "label_stem",
    "labelled",
    "line_chart",
    "sparkline",
    "matrix_chart",
    "number_format",
    "percent_format",
    "radar_chart",
    "safe_id",
    "stacked_bar_chart",
    "svg_document",
    "wrap",
]
