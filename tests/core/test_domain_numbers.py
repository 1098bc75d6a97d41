"""German number formatting in one place (pure)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kosmos.core.domain.numbers import (
    format_number,
    format_optional,
    format_percent,
    format_signed,
    round_half_up,
)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, "1.234,5"),
        (1234567, 0, "1.234.567"),
        (2.5, 0, "3"),  # half up, not to even
        (3.5, 0, "4"),
        (-2.5, 0, "-3"),  # ties away from zero
        (0.125, 2, "0,13"),  # 0.125 taken as written, not as the binary float below it
        (1.005, 2, "1,01"),
        (-0.04, 1, "0,0"),  # never "-0,0"
        (Fraction(1, 3), 2, "0,33"),
        (Decimal("999.95"), 1, "1.000,0"),
        (0, 0, "0"),
    ],
)
def test_format_number(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_trim_drops_trailing_zeros():
    assert format_number(37.0, 1, trim=True) == "37"
    assert format_number(37.25, 1, trim=True) == "37,3"
    assert format_number(1200, 2, trim=True) == "1.200"


def test_percent_with_no_break_or_normal_space():
    assert format_percent(42) == "42\u00a0%"
    assert format_percent(12.25, 1) == "12,3\u00a0%"
    assert format_percent(37.5, 1, trim=True, space=" ") == "37,5 %"
    assert format_percent(40.0, 1, trim=True, space=" ") == "40 %"


def test_signed_values_use_a_true_minus_and_plus_minus_for_zero():
    assert format_signed(0.34, 1) == "+0,3"
    assert format_signed(-4, 0, "Prozentpunkte") == "\u22124\u00a0Prozentpunkte"
    assert format_signed(0.01, 1) == "\u00b10,0"
    assert format_signed(-2.5, 1, trim=True) == "\u22122,5"
    assert format_signed(-0.04, 1) == "\u00b10,0"


def test_round_half_up_and_missing_values():
    assert round_half_up(0.125, 2) == 0.13
    assert round_half_up(2.5) == 3.0
    assert format_optional(None) == "\u2013"
    assert format_optional(None, missing="k. A.") == "k. A."
    assert format_optional(1.25, 1) == "1,3"


def test_bad_input_is_refused():
    for bad in (float("nan"), float("inf"), True, "3"):
        with pytest.raises((TypeError, ValueError)):
            format_number(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_number(1, -1)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_formatted_numbers_read_back_as_the_rounded_value(value):
    text = format_number(value, 2)
    parsed = Decimal(text.replace(".", "").replace(",", "."))
    assert abs(parsed - value) <= Decimal("0.005")
    whole = text.lstrip("-").split(",")[0]
    groups = whole.split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
