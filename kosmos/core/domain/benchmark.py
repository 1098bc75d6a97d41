"""Figures across organisations (benchmarks) as distributions, never as one organisation's value.

An organisation sees itself against the distribution of the organisations that chose to share a
figure: number of organisations, median and quartiles — and only where at least ``k``
organisations contribute (the platform setting ``KOSMOS_BENCHMARK_MIN_ORGANISATIONS``, default 5,
never below 3). Pure Python, no Django: the Django side collects one value per organisation in
SQL and hands the mapping in.

Rules
-----
1. A distribution over fewer than ``k`` organisations is suppressed (``None``).
2. Minimum and maximum are single organisations' values; they are given only when asked for and
   when at least ``2 * k`` organisations contribute, so an extreme does not point at one of a
   handful of recognisable organisations. Quartiles are interpolated (the "inclusive" method,
   Excel's ``QUARTIL.INKL``) and median of an odd count is a real value, but neither says whose.
3. Complementary suppression for a breakdown (e.g. the total split by form gE/zkT): the
   organisations of all suppressed groups together can be recovered as "total minus the shown
   groups"; so if they are more than zero and fewer than ``k``, the smallest shown groups are
   suppressed as well until they reach ``k``. Organisations without a group value (``None``)
   form a group that is never shown but counts as suppressed. If the total itself is suppressed,
   every group is. Example with ``k = 5``: total 7, gE 5, zkT 2 → zkT (2) is suppressed, which
   would leave it recoverable from total and gE, so gE is suppressed too.

Each breakdown must split the same total; breakdowns by two dimensions at once (gE *and* Land)
are not supported here and must not be built from separate breakdowns.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

DEFAULT_MIN_ORGANISATIONS = 5
LOWEST_MIN_ORGANISATIONS = 3

OrgKey = Hashable


def validate_min_organisations(k: int) -> int:
    """Return ``k`` if it is a valid minimum number of organisations, else raise."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"The minimum number of organisations must be an integer, not {k!r}.")
    if k < LOWEST_MIN_ORGANISATIONS:
        raise ValueError(f"The minimum number of organisations must be at least {LOWEST_MIN_ORGANISATIONS}, not {k}.")
    return k


@dataclass(frozen=True)
class Distribution:
    """The shareable summary of one figure across ``n`` organisations."""

    n: int
    median: float
    lower_quartile: float
    upper_quartile: float
    minimum: float | None = None
    maximum: float | None = None

    def position(self, value: float) -> str:
        """Where an organisation's own value lies: ``"below"`` the lower quartile, ``"above"``
        the upper one, or ``"middle"``."""
        if value < self.lower_quartile:
            return "below"
        if value > self.upper_quartile:
            return "above"
        return "middle"


def _clean(values: Mapping[OrgKey, float]) -> dict[OrgKey, float]:
    cleaned: dict[OrgKey, float] = {}
    for key, value in values.items():
        if value is None:
            continue
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            raise ValueError(f"The value of {key!r} is not a finite number: {value!r}.")
        cleaned[key] = number
    return cleaned


def distribution(
    values: Mapping[OrgKey, float | None], *, k: int = DEFAULT_MIN_ORGANISATIONS, extremes: bool = False
) -> Distribution | None:
    """The distribution of one value per organisation, or ``None`` when fewer than ``k``
    organisations contribute. ``None`` values (no figure) do not count."""
    validate_min_organisations(k)
    cleaned = sorted(_clean(values).values())
    n = len(cleaned)
    if n < k:
        return None
    q1, median, q3 = statistics.quantiles(cleaned, n=4, method="inclusive")
    show_extremes = extremes and n >= 2 * k
    return Distribution(
        n=n,
        median=median,
        lower_quartile=q1,
        upper_quartile=q3,
        minimum=cleaned[0] if show_extremes else None,
        maximum=cleaned[-1] if show_extremes else None,
    )


@dataclass(frozen=True)
class Breakdown:
    """A total and its groups; a suppressed distribution is ``None``."""

    total: Distribution | None
    groups: dict[str, Distribution | None]

    @property
    def suppressed(self) -> list[str]:
        return sorted(name for name, dist in self.groups.items() if dist is None)


def shown_groups(total: int, sizes: Mapping[str, int], hidden_rest: int = 0, *, k: int) -> set[str]:
    """The names of the groups that may be shown, by size alone (rules 1 and 3).

    ``sizes`` are the organisations per group, ``hidden_rest`` those without a group value;
    ``total`` must be their sum.
    """
    validate_min_organisations(k)
    if total != sum(sizes.values()) + hidden_rest:
        raise ValueError("The groups must add up to the total.")
    if total < k:
        return set()
    shown = {name for name, size in sizes.items() if size >= k}
    hidden = total - sum(sizes[name] for name in shown)
    # Smallest first, then by name, so that the decision does not depend on the input order.
    for name in sorted(shown, key=lambda g: (sizes[g], g)):
        if hidden == 0 or hidden >= k:
            break
        shown.discard(name)
        hidden += sizes[name]
    return shown


def breakdown(
    values: Mapping[OrgKey, float | None],
    group_of: Mapping[OrgKey, str | None],
    *,
    k: int = DEFAULT_MIN_ORGANISATIONS,
    extremes: bool = False,
    groups: tuple[str, ...] = (),
) -> Breakdown:
    """The total and one distribution per group, with complementary suppression.

    ``group_of`` names each organisation's group (``None``: none; an organisation missing
    from it counts as ``None``). ``groups`` lists group names to report even when no
    organisation has them (reported as suppressed).
    """
    cleaned = _clean(values)
    members: dict[str, dict[OrgKey, float]] = {name: {} for name in groups}
    rest = 0
    for key, value in cleaned.items():
        name = group_of.get(key)
        if name is None:
            rest += 1
        else:
            members.setdefault(name, {})[key] = value
    sizes = {name: len(vals) for name, vals in members.items()}
    visible = shown_groups(len(cleaned), sizes, rest, k=k)
    return Breakdown(
        total=distribution(cleaned, k=k, extremes=extremes),
        groups={
            name: distribution(vals, k=k, extremes=extremes) if name in visible else None
            for name, vals in sorted(members.items())
        },
    )
