"""Survey results as charts: a thin adapter over the shared kit :mod:`kosmos.core.domain.charts`.

Turns answer counts into shares (rounded half up, as the tables show them) and hands them to the kit's
bar and stacked-bar charts. Every word comes from :class:`ChartLabels`, which the Django side fills with
translated text (``kosmos.surveys.presentation.chart_labels``); this module writes none of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kosmos.core.domain import charts as kit
from kosmos.core.domain.charts import Chart, DataTable, Series, StackedRow, number_format, percent_format
from kosmos.core.domain.numbers import NBSP, format_number, format_percent, format_signed
from kosmos.surveys.domain.stats import percentages

ChartTable = DataTable  # the table beside a chart (name kept for the templates' readers)


@dataclass(frozen=True)
class ChartLabels:
    """The words of the survey charts, already translated by the caller."""

    suppressed: str
    answer: str
    count: str
    share: str
    statement: str
    question: str
    change: str
    no_answer: str
    percentage_points: str
    rounding_note: str
    likert_note: str
    bar_chart: str
    likert_chart: str
    wave_chart: str
    table_caption: str
    """With ``%(title)s``, e.g. "Data of the chart: %(title)s"."""


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


def _caption(labels: ChartLabels, title: str) -> str:
    return labels.table_caption % {"title": title}


def _share_and_count(share: float, count: int, decimals: int) -> str:
    return f"{format_percent(share, decimals)} ({format_number(count)})"


def _n(count: int) -> str:
    return f"n{NBSP}={NBSP}{format_number(count)}"


# --- bars --------------------------------------------------------------------------------------------


def _bar_shares(bars: Sequence[Bar], base: int | None, decimals: int) -> list[float | None]:
    shown = {str(i): bar.count for i, bar in enumerate(bars) if bar.count is not None}
    result = percentages(shown, decimals=decimals, base=base)
    return [result.get(str(i)) for i in range(len(bars))]


def bar_chart(
    chart_id: str,
    title: str,
    bars: Sequence[Bar],
    *,
    labels: ChartLabels,
    base: int | None = None,
    description: str | None = None,
    decimals: int = 0,
) -> Chart:
    """Counts and shares per option as horizontal bars on a 0–100 % axis.

    ``base`` is the number the shares refer to (respondents for multiple choice); by default the sum
    of the shown counts. Table: answer, count, share.
    """
    shares = _bar_shares(bars, base, decimals)
    values = [None if b.count is None or s is None else s for b, s in zip(bars, shares, strict=True)]
    texts = [labels.suppressed if v is None else _share_and_count(v, b.count or 0, decimals)
             for b, v in zip(bars, values, strict=True)]
    rows = tuple(
        (b.label, labels.suppressed, "") if v is None else (b.label, format_number(b.count or 0), format_percent(v, decimals))
        for b, v in zip(bars, values, strict=True)
    )
    return kit.bar_chart(
        chart_id=chart_id,
        title=title,
        description=description or f"{labels.bar_chart}.",
        category_label=labels.answer,
        categories=[b.label for b in bars],
        series=[Series(labels.share, values, texts)],
        maximum=100,
        missing=labels.suppressed,
        table=DataTable(_caption(labels, title), (labels.answer, labels.count, labels.share), rows, labels.rounding_note),
    )


# --- stacked 100 % Likert bars -----------------------------------------------------------------------


def _likert_shares(row: LikertRow, decimals: int) -> list[float] | None:
    if row.counts is None or sum(row.counts) == 0:
        return None
    result = percentages({str(i): n for i, n in enumerate(row.counts)}, decimals=decimals)
    return [result[str(i)] for i in range(len(row.counts))]


def likert_chart(
    chart_id: str,
    title: str,
    levels: Sequence[str],
    rows: Sequence[LikertRow],
    *,
    labels: ChartLabels,
    description: str | None = None,
    decimals: int = 0,
) -> Chart:
    """One 100 % bar per item, split by scale level (``levels`` from most negative to most positive).

    "No answer" is left out of the bar and given as a number beside it and in the table.
    """
    stacked = []
    table_rows = []
    for row in rows:
        if row.counts is not None and len(row.counts) != len(levels):
            raise ValueError(f"Item {row.label!r} has {len(row.counts)} counts for {len(levels)} levels.")
        shares = _likert_shares(row, decimals)
        if shares is None or row.counts is None:
            stacked.append(StackedRow(row.label, None))
            table_rows.append((row.label, labels.suppressed, *[""] * (len(levels) + 1)))
            continue
        cells = [_share_and_count(s, n, decimals) for s, n in zip(shares, row.counts, strict=True)]
        note = _n(sum(row.counts))
        if row.no_answer:
            note += f", {labels.no_answer}: {format_number(row.no_answer)}"
        stacked.append(StackedRow(row.label, row.counts, cells, note))
        table_rows.append((row.label, *cells, format_number(row.no_answer), format_number(sum(row.counts))))
    header = (labels.statement, *levels, labels.no_answer, "n")
    return kit.stacked_bar_chart(
        chart_id=chart_id,
        title=title,
        description=description or f"{labels.likert_chart}. {labels.likert_note}",
        category_label=labels.statement,
        levels=levels,
        rows=stacked,
        share_format=percent_format(decimals),
        missing=labels.suppressed,
        table=DataTable(_caption(labels, title), header, tuple(table_rows), f"{labels.likert_note} {labels.rounding_note}"),
    )


# --- two waves ---------------------------------------------------------------------------------------


def wave_chart(
    chart_id: str,
    title: str,
    items: Sequence[WaveItem],
    *,
    labels: ChartLabels,
    wave_labels: tuple[str, str] = ("t0", "t1"),
    unit: str = "percent",
    maximum: float = 100.0,
    description: str | None = None,
    decimals: int = 0,
) -> Chart:
    """Two bars per question, one per wave; ``unit`` is ``"percent"`` (0–100) or ``"mean"`` (0–``maximum``).

    Table: question, both waves, change (in percentage points for shares).
    """
    if unit not in {"percent", "mean"} or maximum <= 0:
        raise ValueError("unit must be 'percent' or 'mean' and maximum positive.")
    if unit == "mean" and decimals == 0:
        decimals = 1
    fmt = percent_format(decimals) if unit == "percent" else number_format(decimals)
    rows = []
    for item in items:
        first = labels.suppressed if item.first is None else fmt(item.first)
        second = labels.suppressed if item.second is None else fmt(item.second)
        change = ""
        if item.first is not None and item.second is not None:
            points = labels.percentage_points if unit == "percent" else ""
            change = format_signed(item.second - item.first, decimals, points)
        rows.append((item.label, first, second, change))
    return kit.bar_chart(
        chart_id=chart_id,
        title=title,
        description=description or f"{labels.wave_chart}.",
        category_label=labels.question,
        categories=[i.label for i in items],
        series=[Series(wave_labels[0], [i.first for i in items]), Series(wave_labels[1], [i.second for i in items])],
        maximum=maximum,
        fmt=fmt,
        missing=labels.suppressed,
        table=DataTable(_caption(labels, title), (labels.question, *wave_labels, labels.change), tuple(rows)),
    )
