"""Bar charts: horizontal or vertical, one or more series; stacked bars (e.g. Likert answers) (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kosmos.core.domain.charts.base import (
    FONT_SIZE,
    MISSING,
    SMALL,
    Chart,
    DataTable,
    Formatter,
    Series,
    chars_for,
    check_series,
    describe,
    labelled,
    lines_height,
    num,
    number_format,
    svg_document,
    text,
    text_lines,
    text_width,
    tooltip,
    value_texts,
    wrap,
)
from kosmos.core.domain.charts.colours import AXIS, WHITE, scale_palette, series_style, text_on
from kosmos.core.domain.charts.marks import legend, pattern_def, series_fill

WIDTH = 640


def _defaults(series: Sequence[Series], maximum: float | None) -> float:
    top = max((v for s in series for v in s.values if v is not None), default=0.0)
    limit = maximum if maximum is not None else (top or 1.0)
    if limit <= 0:
        raise ValueError("maximum must be positive.")
    return limit


def _table(
    caption: str, category_label: str, categories: Sequence[str], series: Sequence[Series], texts: list[list[str]],
    note: str,
) -> DataTable:
    rows = tuple((cat, *(t[i] for t in texts)) for i, cat in enumerate(categories))
    return DataTable(caption, (category_label, *(s.name for s in series)), rows, note)


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    category_label: str,
    categories: Sequence[str],
    series: Sequence[Series],
    maximum: float | None = None,
    fmt: Formatter | None = None,
    missing: str = MISSING,
    vertical: bool = False,
    note: str = "",
    table: DataTable | None = None,
) -> Chart:
    """One bar per category and series, the value written beside every bar.

    With several series the bars of a category stand together, each series with its own colour *and*
    fill pattern, a legend, and the series name before each value. ``maximum`` is the end of the value
    axis (100 for shares); by default the largest value. A ``None`` value draws no bar and writes
    ``missing`` (e.g. "not shown, small group") instead.
    """
    fmt = fmt or number_format()
    if not 1 <= len(series) <= 6:
        raise ValueError("A bar chart takes 1 to 6 series.")
    check_series(series, len(categories), "categories")
    limit = _defaults(series, maximum)
    texts = [value_texts(s, fmt, missing) for s in series]
    styles = [series_style(k) for k in range(len(series))]
    defs = [d for k, style in enumerate(styles) if (d := pattern_def(chart_id, k, style))]
    fills = [series_fill(chart_id, k, style) for k, style in enumerate(styles)]
    body: list[str] = []
    y = 8.0
    if len(series) > 1:
        items, y = legend([(f, s.name) for f, s in zip(fills, series, strict=True)], x=10, y=y, width=WIDTH - 20)
        body.extend(items)
    draw = _vertical if vertical else _horizontal
    height = draw(body, y, categories, series, texts, fills, styles, limit, missing)
    summary = [
        labelled(cat, ", ".join(
            (f"{s.name} {t[i]}" if len(series) > 1 else t[i]) for s, t in zip(series, texts, strict=True)
        ))
        for i, cat in enumerate(categories)
    ]
    svg = svg_document(chart_id, title, describe(description, summary), WIDTH, height, body, defs=defs,
                       css_class="kosmos-chart--bars")
    return Chart(svg, table or _table(title, category_label, categories, series, texts, note))


def _horizontal(
    body: list[str], y: float, categories: Sequence[str], series: Sequence[Series], texts: list[list[str]],
    fills: list[str], styles: list, limit: float, missing: str,  # noqa: ANN001
) -> float:
    grouped = len(series) > 1
    if grouped:  # label on its own line(s) above the bars of its category
        bar_left, bar_width, bar_height = 10.0, 420.0, 16.0
        max_chars = chars_for(WIDTH - 20)
    else:  # label to the left of its bar
        bar_left, bar_width, bar_height = 240.0, 300.0, 18.0
        max_chars = chars_for(230)
    top = y
    for i, category in enumerate(categories):
        lines = wrap(category, max_chars)
        if grouped:
            body.append(text_lines(bar_left, y + 14, lines, fill="#1b1b1b"))
            y += lines_height(len(lines)) + 2
        else:
            body.append(text_lines(bar_left - 10, y + 19, lines, anchor="end"))
        block_top = y
        for k, s in enumerate(series):
            value = s.values[i]
            shown = f"{s.name}: {texts[k][i]}" if grouped else texts[k][i]
            row_y = y + (2 if grouped else 5)
            if value is None:
                body.append(text(bar_left + 4, row_y + bar_height - 4, shown, size=SMALL))
            else:
                length = bar_width * max(0.0, min(value, limit)) / limit
                body.append(
                    f'<rect x="{num(bar_left)}" y="{num(row_y)}" width="{num(length)}" height="{num(bar_height)}" '
                    f'fill="{fills[k]}" stroke="{styles[k].colour}" stroke-width="1">'
                    f"{tooltip(f'{category}: {shown}')}</rect>"
                )
                body.append(text(bar_left + length + 6, row_y + bar_height - 3, shown, size=SMALL if grouped else FONT_SIZE))
            y += 20 if grouped else 0
        if grouped:
            y += 12
        else:
            y = block_top + max(28, lines_height(len(lines)) + 10)
    body.append(f'<line x1="{num(bar_left)}" y1="{num(top)}" x2="{num(bar_left)}" y2="{num(y)}" '
                f'stroke="{AXIS}" stroke-width="1"/>')
    return y + 8


def _vertical(
    body: list[str], y: float, categories: Sequence[str], series: Sequence[Series], texts: list[list[str]],
    fills: list[str], styles: list, limit: float, missing: str,  # noqa: ANN001
) -> float:
    left, right = 20.0, WIDTH - 20.0
    plot_top, plot_height = y + 24, 220.0
    baseline = plot_top + plot_height
    slot = (right - left) / max(1, len(categories))
    bar_width = min(48.0, (slot - 12) / len(series))
    max_chars = chars_for(slot - 4, SMALL)
    deepest = baseline
    for i, category in enumerate(categories):
        group_left = left + i * slot + (slot - bar_width * len(series)) / 2
        for k, s in enumerate(series):
            value = s.values[i]
            x = group_left + k * bar_width
            centre = x + bar_width / 2
            shown = texts[k][i]
            if value is None:
                for n, line in enumerate(wrap(shown, chars_for(slot / len(series), SMALL - 1), 3)):
                    body.append(text(centre, baseline - 40 + n * 14, line, size=SMALL - 1, anchor="middle"))
                continue
            height = plot_height * max(0.0, min(value, limit)) / limit
            label = f"{s.name}: {shown}" if len(series) > 1 else shown
            body.append(
                f'<rect x="{num(x + 1)}" y="{num(baseline - height)}" width="{num(bar_width - 2)}" '
                f'height="{num(height)}" fill="{fills[k]}" stroke="{styles[k].colour}" stroke-width="1">'
                f"{tooltip(f'{category}: {label}')}</rect>"
            )
            size = SMALL if text_width(shown, SMALL) <= bar_width + 6 else SMALL - 2
            body.append(text(centre, baseline - height - 5, shown, size=size, anchor="middle"))
        lines = wrap(category, max_chars, 4)
        body.append(text_lines(left + i * slot + slot / 2, baseline + 18, lines, size=SMALL, anchor="middle"))
        deepest = max(deepest, baseline + 18 + lines_height(len(lines), SMALL))
    body.append(f'<line x1="{num(left)}" y1="{num(baseline)}" x2="{num(right)}" y2="{num(baseline)}" '
                f'stroke="{AXIS}" stroke-width="1"/>')
    return deepest + 8


# --- stacked bars ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StackedRow:
    """One bar of a stacked chart: a value per level (``None`` when the row is not shown)."""

    label: str
    values: Sequence[float] | None
    texts: Sequence[str] | None = None
    """Table cells per level (default: the share of the row, formatted)."""
    note: str = ""
    """Written right of the bar and added to the table (e.g. "n = 60")."""


def stacked_bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    category_label: str,
    levels: Sequence[str],
    rows: Sequence[StackedRow],
    share_format: Formatter,
    missing: str = MISSING,
    note_label: str = "",
    note: str = "",
    table: DataTable | None = None,
) -> Chart:
    """One 100 % bar per row, split by level (``levels`` in scale order, most negative first).

    Each segment is as wide as its share of the row; the share is written inside the segment where it
    fits, the legend names the levels in bar order, and every segment has a ``<title>``. Shares are
    computed from the values and passed through ``share_format`` (a formatter for 0–100).
    """
    colours = scale_palette(len(levels))
    for row in rows:
        if row.values is not None and len(row.values) != len(levels):
            raise ValueError(f"Row {row.label!r} has {len(row.values)} values for {len(levels)} levels.")
        if row.texts is not None and row.values is not None and len(row.texts) != len(levels):
            raise ValueError(f"Row {row.label!r} has {len(row.texts)} texts for {len(levels)} levels.")
    body, y = legend(list(zip(colours, levels, strict=True)), x=10, y=8, width=WIDTH - 20)
    y += 6
    label_width, bar_left, bar_width = 190.0, 200.0, 360.0
    max_chars = chars_for(label_width)
    summary: list[str] = []
    table_rows: list[tuple[str, ...]] = []
    for row in rows:
        lines = wrap(row.label, max_chars)
        body.append(text_lines(label_width, y + 20, lines, anchor="end"))
        total = sum(row.values) if row.values is not None else 0
        if row.values is None or total <= 0:
            body.append(text(bar_left + 4, y + 20, missing, size=SMALL))
            summary.append(labelled(row.label, missing))
            table_rows.append((row.label, missing, *[""] * (len(levels) - 1 + (1 if note_label else 0))))
        else:
            cells = list(row.texts) if row.texts is not None else [share_format(100 * v / total) for v in row.values]
            left = bar_left
            parts = []
            for colour, level, value, cell in zip(colours, levels, row.values, cells, strict=True):
                width = bar_width * value / total
                parts.append(f"{level} {cell}")
                if width <= 0:
                    continue
                body.append(
                    f'<rect x="{num(left)}" y="{num(y + 4)}" width="{num(width)}" height="24" fill="{colour}" '
                    f'stroke="{WHITE}" stroke-width="1">{tooltip(f"{row.label} – {level}: {cell}")}</rect>'
                )
                inside = share_format(100 * value / total)
                if width >= text_width(inside, SMALL) + 6:
                    body.append(text(left + width / 2, y + 20, inside, size=SMALL, anchor="middle", fill=text_on(colour)))
                left += width
            if row.note:
                body.append(text(bar_left + bar_width + 6, y + 20, row.note, size=SMALL))
            summary.append(labelled(row.label, ", ".join(parts) + (f" ({row.note})" if row.note else "")))
            table_rows.append((row.label, *cells, *((row.note,) if note_label else ())))
        y += max(32, lines_height(len(lines)) + 12)
    header = (category_label, *levels, *((note_label,) if note_label else ()))
    svg = svg_document(chart_id, title, describe(description, summary), WIDTH, y + 8, body,
                       css_class="kosmos-chart--stacked")
    return Chart(svg, table or DataTable(title, header, tuple(table_rows), note))
