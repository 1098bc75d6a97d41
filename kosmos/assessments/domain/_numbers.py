"""Exact arithmetic helpers (half-up rounding without binary float surprises)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

Number = int | float | Fraction | Decimal


def to_fraction(value: Number) -> Fraction:
    """Convert a number to an exact fraction; floats are taken by their shortest decimal repr (0.1 -> 1/10)."""
    if isinstance(value, bool):
        raise TypeError("Boolean values are not numbers here.")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"Not a finite number: {value!r}")
        return Fraction(Decimal(repr(value)))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"Not a finite number: {value!r}")
        return Fraction(value)
    raise TypeError(f"Not a number: {value!r}")


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
