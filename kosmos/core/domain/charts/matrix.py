"""Matrix / heat map: rows × columns with a value per cell (impact × effort, channels × dimensions) (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from kosmos.core.domain.charts.base import (
    MISSING,
    SMALL,
    Chart,
    DataTable,
    Formatter,
    chars_for,
    describe,
    escape,
    lines_height,
    num,
    number_format,
    svg_document,
    text,
    text_lines,
    tooltip,
    wrap,
)
from kosmos.core.domain.charts.colours import AXIS, HEAT, WHITE, text_on

WIDTH = 640


def heat_step(value: float, minimum: float, maximum: float) -> int:
    """Index into :data:`HEAT` for a value (the lowest value gets the lightest colour)."""
    if maximum <= minimum:
        return 0
    share = (max(minimum, min(value, maximum)) - minimum) / (maximum - minimum)
    return min(len(HEAT) - 1, int(share * len(HEAT)))


def matrix_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    corner_label: str,
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[float | None]],
    cell_texts: Sequence[Sequence[str]] | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    fmt: Formatter | None = None,
    missing: str = MISSING,
    row_axis: str = "",
    column_axis: str = "",
    note: str = "",
    table: DataTable | None = None,
) -> Chart:
    """A grid of cells, darker for higher values, every cell with its value as text.

    ``corner_label`` heads the first table column (what the rows are); ``row_axis`` and ``column_axis``
    optionally name the axes on the chart (e.g. "Impact", "Effort"). ``cell_texts`` replaces the
    formatted values (e.g. "3 action fields"). ``None`` cells stay white and read ``missing``.
    """
    fmt = fmt or number_format()
    if not rows or not columns:
        raise ValueError("A matrix needs at least one row and one column.")
    if len(values) != len(rows) or any(len(r) != len(columns) for r in values):
        raise ValueError(f"A matrix of {len(rows)} rows × {len(columns)} columns needs as many values.")
    if cell_texts is not None and (len(cell_texts) != len(rows) or any(len(r) != len(columns) for r in cell_texts)):
        raise ValueError("cell_texts must have the shape of values.")
    present = [v for r in values for v in r if v is not None]
    low = minimum if minimum is not None else min(present, default=0.0)
    high = maximum if maximum is not None else max(present, default=1.0)
    texts = [
        [missing if v is None else (cell_texts[i][j] if cell_texts is not None else fmt(v)) for j, v in enumerate(r)]
        for i, r in enumerate(values)
    ]

    body: list[str] = []
    y = 8.0
    axis_left = 24.0 if row_axis else 8.0
    label_width = 170.0
    grid_left = axis_left + label_width + 8
    cell_width = (WIDTH - grid_left - 8) / len(columns)
    if column_axis:
        body.append(text(grid_left + (WIDTH - grid_left - 8) / 2, y + 12, column_axis, size=SMALL, anchor="middle",
                         bold=True))
        y += 20
    col_chars = chars_for(cell_width - 6, SMALL)
    header_lines = [wrap(c, col_chars, 3) for c in columns]
    header_height = max(lines_height(len(lines), SMALL) for lines in header_lines)
    for j, lines in enumerate(header_lines):
        body.append(text_lines(grid_left + cell_width * (j + 0.5), y + 12, lines, size=SMALL, anchor="middle"))
    y += header_height + 6
    grid_top = y
    cell_chars = chars_for(cell_width - 8, SMALL)
    row_chars = chars_for(label_width)
    for i, row in enumerate(rows):
        row_lines = wrap(row, row_chars, 3)
        cell_lines = [wrap(t, cell_chars, 3) for t in texts[i]]
        height = max(36.0, lines_height(len(row_lines)) + 12, *(lines_height(len(c), SMALL) + 12 for c in cell_lines))
        body.append(text_lines(grid_left - 8, y + 20, row_lines, anchor="end"))
        for j, (v, lines) in enumerate(zip(values[i], cell_lines, strict=True)):
            fill = WHITE if v is None else HEAT[heat_step(v, low, high)]
            x = grid_left + j * cell_width
            body.append(
                f'<rect x="{num(x)}" y="{num(y)}" width="{num(cell_width)}" height="{num(height)}" fill="{fill}" '
                f'stroke="{AXIS}" stroke-width="1">{tooltip(f"{row} – {columns[j]}: {texts[i][j]}")}</rect>'
            )
            first = y + height / 2 - lines_height(len(lines) - 1, SMALL) / 2 + 4
            body.append(text_lines(x + cell_width / 2, first, lines, size=SMALL, anchor="middle", fill=text_on(fill)))
        y += height
    if row_axis:
        mid = (grid_top + y) / 2
        body.append(
            f'<text x="14" y="{num(mid)}" font-size="{SMALL}" font-weight="bold" fill="#1b1b1b" text-anchor="middle" '
            f'transform="rotate(-90 14 {num(mid)})">{escape(row_axis)}</text>'
        )
    summary = [
        f"{row}: " + ", ".join(f"{c} {t}" for c, t in zip(columns, texts[i], strict=True)) for i, row in enumerate(rows)
    ]
    svg = svg_document(chart_id, title, describe(description, summary), WIDTH, y + 8, body,
                       css_class="kosmos-chart--matrix")
    table_rows = tuple((row, *texts[i]) for i, row in enumerate(rows))
    return Chart(svg, table or DataTable(title, (corner_label, *columns), table_rows, note))
