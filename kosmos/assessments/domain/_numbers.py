"""Exact arithmetic helpers (half-up rounding without binary float surprises)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

from kosmos.core.domain.numbers import Number, to_fraction

# One exact conversion for the whole platform (kosmos.core.domain.numbers); re-exported here.
__all__ = ["Number", "as_number", "mean", "round_half_up_fraction", "to_fraction"]


def round_half_up_fraction(value: Fraction, step: Fraction = Fraction(1)) -> Fraction:
    """Round to the nearest multiple of ``step``; ties go up (towards +infinity)."""
    return math.floor(value / step + Fraction(1, 2)) * step


def mean(values: Iterable[Number]) -> Fraction | None:
    items = [to_fraction(v) for v in values]
    if not items:
        return None
    return sum(items, Fraction(0)) / len(items)


def as_number(value: Fraction) -> int | float:
    """Return an int when the fraction is whole, else a float."""
    if value.denominator == 1:
        return int(value)
    return float(value)
