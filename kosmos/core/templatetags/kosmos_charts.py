"""Template side of the chart kit (:mod:`kosmos.core.domain.charts`) and of German numbers.

``{% chart_svg chart %}`` prints a chart's SVG; ``{% include "includes/chart_table.html" with table=… %}``
prints its data table beside it. Filters: ``de_number``, ``de_percent``, ``de_signed``.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from kosmos.core.domain.charts import Chart
from kosmos.core.domain.numbers import DASH, format_number, format_percent, format_signed

register = template.Library()


@register.simple_tag
def chart_svg(chart: Chart | None) -> SafeString | str:
    """The SVG of a chart built by the kit; the kit escapes every text it writes."""
    if chart is None:
        return ""
    return mark_safe(chart.svg)  # noqa: S308 - built and escaped by kosmos.core.domain.charts


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, int | float) and not isinstance(value, bool) else float(str(value))


@register.filter
def de_number(value: object, decimals: int = 0) -> str:
    """``{{ 1234.5|de_number:1 }}`` -> ``1.234,5``; ``–`` when empty."""
    number = _number(value)
    return DASH if number is None else format_number(number, int(decimals))


@register.filter
def de_percent(value: object, decimals: int = 0) -> str:
    """``{{ 42|de_percent }}`` -> ``42 %`` (no-break space); ``–`` when empty."""
    number = _number(value)
    return DASH if number is None else format_percent(number, int(decimals))


@register.filter
def de_signed(value: object, decimals: int = 1) -> str:
    """``{{ -4|de_signed:0 }}`` -> ``−4``; ``–`` when empty."""
    number = _number(value)
    return DASH if number is None else format_signed(number, int(decimals))
