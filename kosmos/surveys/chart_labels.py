"""The translated words of the survey charts (Django side of :mod:`kosmos.surveys.domain.charts`)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kosmos.surveys.domain.charts import ChartLabels


def chart_labels() -> ChartLabels:
    """Built per call, so that the active language of the request applies."""
    return ChartLabels(
        suppressed=_("hidden (protection of small groups)"),
        answer=_("Answer"),
        count=_("Count"),
        share=_("Share"),
        statement=_("Statement"),
        question=_("Question"),
        change=pgettext("difference", "Change"),
        no_answer=_("No answer"),
        percentage_points=_("percentage points"),
        rounding_note=_("The shares are rounded and so do not always add up to exactly 100 %."),
        likert_note=_("Shares without “No answer”."),
        bar_chart=_("Bar chart"),
        likert_chart=_("Stacked bar chart, 100 % per row"),
        wave_chart=_("Comparison of two waves"),
        table_caption=_("Data of the chart: %(title)s"),
    )
