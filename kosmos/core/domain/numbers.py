"""German number formatting, in one place (pure).

- thousands separated by a dot, decimals by a comma: ``1234.5`` -> ``"1.234,5"``;
- rounding half up (ties away from zero, "kaufmännisch"): ``2.5`` -> ``"3"``, ``-2.5`` -> ``"-3"``;
- percent with a space before the sign, as German style guides ask (a no-break space by default so
  that "42 %" never breaks across lines; pages that use a normal space pass ``space=" "``);
- signed differences with a true minus sign (U+2212), ``+`` and ``±`` for zero.

Values may be ``int``, ``float``, ``Fraction`` or ``Decimal``; floats are taken by their shortest
decimal representation (``0.125`` is exactly 0.125, so it rounds to ``0.13``).
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

NBSP = "\u00a0"
MINUS = "\u2212"
PLUS_MINUS = "\u00b1"
DASH = "\u2013"  # shown for a missing value

Number = int | float | Fraction | Decimal


def to_fraction(value: Number) -> Fraction:
    """A number as an exact fraction; floats by their shortest decimal repr (0.1 -> 1/10)."""
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


def _rounded(value: Number, decimals: int) -> Decimal:
    """The value rounded half up (away from zero) to ``decimals`` places, as an exact Decimal."""
    if decimals < 0:
        raise ValueError("decimals must not be negative")
    exact = to_fraction(value)
    scaled = abs(exact) * 10**decimals
    whole = math.floor(scaled + Fraction(1, 2))
    if exact < 0:
        whole = -whole
    return Decimal(whole).scaleb(-decimals)


def round_half_up(value: Number, decimals: int = 0) -> float:
    """Round as people expect (2.5 -> 3, 0.125 -> 0.13), not to even as ``round`` does."""
    return float(_rounded(value, decimals))


def format_number(value: Number, decimals: int = 0, *, trim: bool = False) -> str:
    """``1234.5`` -> ``"1.234,5"``; ``trim=True`` drops trailing zeros (``37.0`` -> ``"37"``)."""
    rounded = _rounded(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # never "-0"
    text = f"{rounded:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: Number, decimals: int = 0, *, trim: bool = False, space: str = NBSP) -> str:
    """``42`` -> ``"42 %"`` (no-break space by default)."""
    return f"{format_number(value, decimals, trim=trim)}{space}%"


def format_signed(value: Number, decimals: int = 1, unit: str = "", *, trim: bool = False) -> str:
    """A difference with its sign: ``"+0,3"``, ``"−4 Prozentpunkte"``, ``"±0"``."""
    rounded = _rounded(value, decimals)
    sign = "+" if rounded > 0 else MINUS if rounded < 0 else PLUS_MINUS
    text = f"{sign}{format_number(abs(rounded), decimals, trim=trim)}"
    return f"{text}{NBSP}{unit}" if unit else text


def format_optional(value: Number | None, decimals: int = 0, *, trim: bool = False, missing: str = DASH) -> str:
    """:func:`format_number`, or ``missing`` (an en dash) for ``None``."""
    return missing if value is None else format_number(value, decimals, trim=trim)
