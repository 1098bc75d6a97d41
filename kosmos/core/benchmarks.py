"""Figures across organisations with the platform's minimum number of organisations.

Thin wrappers around the pure ``kosmos.core.domain.benchmark`` that read ``k`` from the setting
``KOSMOS_BENCHMARK_MIN_ORGANISATIONS``. Collect one value per organisation in SQL (only from
organisations that chose to share the figure) and pass the mapping in.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings

from kosmos.core.domain import benchmark
from kosmos.core.domain.benchmark import Breakdown, Distribution, OrgKey


def min_organisations() -> int:
    return benchmark.validate_min_organisations(settings.KOSMOS_BENCHMARK_MIN_ORGANISATIONS)


def distribution(values: Mapping[OrgKey, float | None], *, extremes: bool = False) -> Distribution | None:
    return benchmark.distribution(values, k=min_organisations(), extremes=extremes)


def breakdown(
    values: Mapping[OrgKey, float | None],
    group_of: Mapping[OrgKey, str | None],
    *,
    extremes: bool = False,
    groups: tuple[str, ...] = (),
) -> Breakdown:
    return benchmark.breakdown(values, group_of, k=min_organisations(), extremes=extremes, groups=groups)
