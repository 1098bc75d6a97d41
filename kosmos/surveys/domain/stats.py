"""Statistics from aggregated counts (pure).

The Django side counts answers per value in SQL and hands ``{value: count}``
mappings in; nothing here loops over responses. "Keine Angabe" and other
not-applicable answers are counted in ``n`` but left out of means, medians
and top-box shares.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kosmos.core.domain.numbers import round_half_up
from kosmos.surveys.domain.anonymity import validate_min_group_size

Number = int | float


def percentages(counts: Mapping[str, int], *, decimals: int = 0, base: int | None = None) -> dict[str, float]:
    """Share of each value in per cent, rounded half up.

    ``base`` defaults to the sum of the counts (pass the number of respondents
    for multiple choice, where shares add up to more than 100). Rounded shares
    need not add up to exactly 100: the chart and the table say so in a note
    instead of bending single values.
    """
    total = sum(counts.values()) if base is None else base
    if total <= 0:
        return {key: 0.0 for key in counts}
    return {key: round_half_up(100 * n / total, decimals) for key, n in counts.items()}


def _valid(counts: Mapping[Number, int]) -> list[tuple[Number, int]]:
    pairs = sorted((value, n) for value, n in counts.items() if n > 0)
    for value, _ in pairs:
        if isinstance(value, bool) or not math.isfinite(value):
            raise ValueError(f"Not a scale value: {value!r}.")
    return pairs


def mean_from_counts(counts: Mapping[Number, int]) -> float | None:
    """Arithmetic mean of numeric values weighted by their counts; ``None`` without answers."""
    pairs = _valid(counts)
    n = sum(c for _, c in pairs)
    if n == 0:
        return None
    return math.fsum(v * c for v, c in pairs) / n


def median_from_counts(counts: Mapping[Number, int]) -> float | None:
    """Median from counts; with an even number of answers the mean of the two middle values."""
    pairs = _valid(counts)
    n = sum(c for _, c in pairs)
    if n == 0:
        return None
    lower_rank, upper_rank = (n + 1) // 2, n // 2 + 1
    lower = upper = None
    seen = 0
    for value, c in pairs:
        seen += c
        if lower is None and seen >= lower_rank:
            lower = value
        if seen >= upper_rank:
            upper = value
            break
    assert lower is not None and upper is not None
    return float(lower) if n % 2 else (lower + upper) / 2


def top_box_share(counts: Mapping[Number, int], top_values: Sequence[Number]) -> float | None:
    """Share (0..1) of answers in ``top_values`` among all valid answers."""
    pairs = _valid(counts)
    n = sum(c for _, c in pairs)
    if n == 0:
        return None
    wanted = set(top_values)
    return sum(c for v, c in pairs if v in wanted) / n


def response_rate(answered: int, invited: int) -> float | None:
    """Answered / invited (0..1); ``None`` when nobody was invited.

    With open links more people can answer than were counted as invited; the
    rate is then above 1 and the page should say so rather than cap it.
    """
    if answered < 0 or invited < 0:
        raise ValueError("Counts cannot be negative.")
    return None if invited == 0 else answered / invited


@dataclass(frozen=True)
class ScaleSummary:
    """Results of one scale question (or one statement of a matrix) in one group."""

    n: int
    """All answers, "Keine Angabe" included."""
    n_valid: int
    """Answers with a value on the scale."""
    n_not_applicable: int
    counts: dict[str, int]
    percentages: dict[str, float]
    """Per answer key, of all answers (n)."""
    mean: float | None
    median: float | None
    top_share: float | None
    """Share (0..1) of valid answers in the top box (e.g. "Stimme voll zu" and "Stimme eher zu")."""
    suppressed: bool
    """Fewer than K valid answers: mean, median and shares are withheld."""


def summarize_scale(
    counts: Mapping[str, int],
    values: Mapping[str, Number | None],
    *,
    top_box: int = 2,
    k: int | None = None,
    decimals: int = 0,
) -> ScaleSummary:
    """Summarise ``{answer key: count}`` for a scale mapping keys to values (``None`` = not applicable).

    With ``k`` given, a question that fewer than K people answered with a value
    gets no mean, median, top share or percentages (``suppressed``): even in a
    large enough group, an optional question answered by one or two people
    would otherwise show their answers.
    """
    unknown = set(counts) - set(values)
    if unknown:
        raise ValueError(f"Answers outside the scale: {sorted(unknown)}.")
    if k is not None:
        validate_min_group_size(k)
    by_value: dict[Number, int] = {}
    not_applicable = 0
    for key, n in counts.items():
        value = values[key]
        if value is None:
            not_applicable += n
        else:
            by_value[value] = by_value.get(value, 0) + n
    n_valid = sum(by_value.values())
    n = n_valid + not_applicable
    scale_values = sorted({v for v in values.values() if v is not None})
    suppressed = k is not None and n_valid < k
    full_counts = {key: counts.get(key, 0) for key in values}
    if suppressed:
        return ScaleSummary(n, n_valid, not_applicable, full_counts, {}, None, None, None, True)
    return ScaleSummary(
        n=n,
        n_valid=n_valid,
        n_not_applicable=not_applicable,
        counts=full_counts,
        percentages=percentages(full_counts, decimals=decimals),
        mean=mean_from_counts(by_value),
        median=median_from_counts(by_value),
        top_share=top_box_share(by_value, scale_values[-top_box:] if top_box else []),
        suppressed=False,
    )


@dataclass(frozen=True)
class WaveComparison:
    """One question compared between two waves (e.g. t0 and t1)."""

    n_first: int
    n_second: int
    mean_first: float | None
    mean_second: float | None
    mean_difference: float | None
    """Second minus first, in scale points."""
    top_share_first: float | None
    top_share_second: float | None
    top_share_difference: float | None
    """Second minus first, in percentage points."""
    below_min_group_size: bool
    """Either wave has fewer than K valid answers; all values are then withheld."""


def compare_waves(first: ScaleSummary, second: ScaleSummary, k: int) -> WaveComparison:
    """Difference of means and of top-box shares between two waves, with both n."""
    validate_min_group_size(k)
    small = first.n_valid < k or second.n_valid < k or first.suppressed or second.suppressed
    if small:
        return WaveComparison(first.n_valid, second.n_valid, None, None, None, None, None, None, True)

    def diff(a: float | None, b: float | None, scale: float = 1.0) -> float | None:
        return None if a is None or b is None else (b - a) * scale

    return WaveComparison(
        n_first=first.n_valid,
        n_second=second.n_valid,
        mean_first=first.mean,
        mean_second=second.mean,
        mean_difference=diff(first.mean, second.mean),
        top_share_first=first.top_share,
        top_share_second=second.top_share,
        top_share_difference=diff(first.top_share, second.top_share, 100.0),
        below_min_group_size=False,
    )
