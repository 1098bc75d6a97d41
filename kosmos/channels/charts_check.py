"""Charts of the maturity check (heat map, radar, trend) from the pure chart kit, with German labels."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kosmos.channels.selectors_check import ChannelRow, CheckResult
from kosmos.core.domain.charts import Chart, Series, line_chart, matrix_chart, radar_chart
from kosmos.core.domain.numbers import format_number


def _level(value: float) -> str:
    return format_number(value, 1) if value % 1 else format_number(value, 0)


def heatmap(result: CheckResult) -> Chart | None:
    rows = result.rows
    if not rows:
        return None
    dimensions = result.catalogue.dimensions
    return matrix_chart(
        chart_id="channels-heatmap",
        title=_("Maturity per channel and dimension"),
        description=_("Level 0 to 4 of each dimension per channel; empty cells are not answered yet."),
        corner_label=_("Channel"),
        rows=[row.channel.name for row in rows],
        columns=[d.name for d in dimensions],
        values=[[None if row.levels.get(d.key) is None else float(row.levels[d.key]) for d in dimensions]
                for row in rows],
        minimum=0, maximum=4, fmt=_level, missing=_("not answered"),
    )


def radar(result: CheckResult, row: ChannelRow, index: int) -> Chart:
    dimensions = result.catalogue.dimensions
    series = [Series(_("Current level"), [None if row.levels.get(d.key) is None else float(row.levels[d.key])
                                          for d in dimensions])]
    if row.check_channel.target_level is not None:
        series.append(Series(_("Target in two years"), [float(row.check_channel.target_level)] * len(dimensions)))
    return radar_chart(
        chart_id=f"channels-radar-{index}",
        title=_("Maturity profile: %(channel)s") % {"channel": row.channel.name},
        description=_("Level 0 to 4 per dimension, with the target level in two years where set."),
        axis_label=_("Dimension"), axes=[d.name for d in dimensions], series=series,
        maximum=4, rings=(1, 2, 3, 4), fmt=_level, missing=_("not answered"), size=420,
    )


def trend(dates: list[str], names: list[str], values: list[list[float | None]]) -> Chart | None:
    if len(dates) < 2 or not names:
        return None
    return line_chart(
        chart_id="channels-trend",
        title=_("Overall level per channel over the check dates"),
        description=_("The overall level follows the weakest dimension of each channel."),
        time_label=_("Check date"), points=dates,
        series=[Series(name, series) for name, series in zip(names, values, strict=True)],
        minimum=0, maximum=4, fmt=_level, missing=_("incomplete"),
    )
