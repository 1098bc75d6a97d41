"""The committee's scores of one call: weighted totals, mean, median, spread, disagreement.

Pure: no Django. A member's total for an application is the weighted mean of the four criteria
(on the same 0–4 scale as each criterion); the board shows, per application, mean and median of
the members' totals, quartiles, interquartile range and range (max − min). An application whose
range reaches the call's threshold is marked for discussion (pretalx users ask for exactly this:
mean and median side by side, and disagreement surfaced instead of averaged away).
"""

from __future__ import annotations

import statistics
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

CRITERIA: tuple[str, ...] = ("situation", "transferability", "relevance", "evidence")
SCALE_MIN = 0
SCALE_MAX = 4


def check_scale(value: object) -> int:
    """The value as a whole number on the scale; ValueError for anything else (also bool and float)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"score must be a whole number, got {value!r}")
    if not SCALE_MIN <= value <= SCALE_MAX:
        raise ValueError(f"score {value} is outside {SCALE_MIN}–{SCALE_MAX}")
    return value


def weighted_total(scores: Mapping[str, int], weights: Mapping[str, int]) -> float:
    """The weighted mean of the four criteria, on the 0–4 scale."""
    total = weight_sum = 0
    for criterion in CRITERIA:  # a plain loop: the board calls this for every score
        weight = weights[criterion]
        if weight < 0:
            raise ValueError("weights must be non-negative")
        weight_sum += weight
        total += check_scale(scores[criterion]) * weight
    if weight_sum <= 0:
        raise ValueError("weights must have a positive sum")
    return total / weight_sum


@dataclass(frozen=True, slots=True)
class Spread:
    """Mean, median and spread of the members' totals of one application."""

    count: int
    mean: float
    median: float
    minimum: float
    maximum: float
    q1: float
    q3: float
    criteria_means: Mapping[str, float]
    disagreement: bool

    @property
    def range(self) -> float:
        return self.maximum - self.minimum

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1

    def key(self, by: str) -> float:
        return self.median if by == "median" else self.mean


def summarise(
    member_scores: Sequence[Mapping[str, int]], weights: Mapping[str, int], threshold: float
) -> Spread | None:
    """The statistics of one application from its members' scores; None without any score."""
    if not member_scores:
        return None
    totals = sorted(weighted_total(s, weights) for s in member_scores)
    if len(totals) == 1:
        q1 = q3 = totals[0]
    else:
        q1, _, q3 = statistics.quantiles(totals, n=4, method="inclusive")
    minimum, maximum = totals[0], totals[-1]
    return Spread(
        count=len(totals),
        mean=statistics.fmean(totals),
        median=statistics.median(totals),
        minimum=minimum,
        maximum=maximum,
        q1=q1,
        q3=q3,
        criteria_means={c: statistics.fmean(s[c] for s in member_scores) for c in CRITERIA},
        disagreement=len(totals) > 1 and maximum - minimum >= threshold - 1e-9,
    )


def board(
    rows: Iterable[tuple[Hashable, Mapping[str, int]]], weights: Mapping[str, int], threshold: float
) -> dict[Hashable, Spread]:
    """Statistics per application from (application key, one member's scores) rows."""
    grouped: dict[Hashable, list[Mapping[str, int]]] = {}
    for key, scores in rows:
        grouped.setdefault(key, []).append(scores)
    result = {}
    for key, scores in grouped.items():
        spread = summarise(scores, weights, threshold)
        if spread is not None:
            result[key] = spread
    return result


def ranking(stats: Mapping[Hashable, Spread], by: str = "median") -> list[Hashable]:
    """Application keys, best first: by median (or mean), then the other measure, then the key."""
    if by not in ("median", "mean"):
        raise ValueError(f"unknown ranking measure {by!r}")
    other = "mean" if by == "median" else "median"
    return sorted(stats, key=lambda k: (-stats[k].key(by), -stats[k].key(other), str(k)))
