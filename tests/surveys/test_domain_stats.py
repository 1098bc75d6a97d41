"""Statistics from aggregated counts and German number formatting (pure)."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.core.domain.numbers import format_number, format_percent, format_signed, round_half_up
from kosmos.surveys.domain.stats import (
    compare_waves,
    mean_from_counts,
    median_from_counts,
    percentages,
    response_rate,
    summarize_scale,
    top_box_share,
)
from kosmos.surveys.domain.templates import load_scales

AGREE5 = {"5": 5, "4": 4, "3": 3, "2": 2, "1": 1, "na": None}


def test_german_number_formatting() -> None:
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_number(2.5) == "3"  # half up, not to even
    assert format_percent(42) == "42\u00a0%"
    assert format_percent(12.25, 1) == "12,3\u00a0%"
    assert format_signed(0.34, 1) == "+0,3"
    assert format_signed(-4, 0, "Prozentpunkte") == "\u22124\u00a0Prozentpunkte"
    assert format_signed(0.01, 1) == "\u00b10,0"
    assert round_half_up(0.125, 2) == 0.13


def test_percentages_round_half_up_and_may_not_add_to_100() -> None:
    shares = percentages({"a": 1, "b": 1, "c": 1})
    assert shares == {"a": 33.0, "b": 33.0, "c": 33.0}
    assert sum(shares.values()) == 99
    assert percentages({"a": 1, "b": 7}) == {"a": 13.0, "b": 88.0}  # 12.5 -> 13, 87.5 -> 88
    assert percentages({"a": 1, "b": 2}, decimals=1) == {"a": 33.3, "b": 66.7}
    assert percentages({"a": 0, "b": 0}) == {"a": 0.0, "b": 0.0}
    # Multiple choice: shares of respondents, adding up to more than 100.
    assert percentages({"smartphone": 8, "computer": 5}, base=10) == {"smartphone": 80.0, "computer": 50.0}


def test_mean_and_median_from_counts() -> None:
    assert mean_from_counts({1: 2, 5: 2}) == 3
    assert median_from_counts({1: 2, 5: 2}) == 3  # even n: mean of the two middle answers
    assert median_from_counts({1: 1, 2: 1, 5: 1}) == 2
    assert median_from_counts({4: 3, 5: 1}) == 4
    assert mean_from_counts({}) is None and median_from_counts({3: 0}) is None
    with pytest.raises(ValueError):
        mean_from_counts({True: 2})


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.integers(0, 10), st.integers(0, 30), max_size=8))
def test_mean_and_median_match_the_raw_list(counts: dict[int, int]) -> None:
    raw = [value for value, n in counts.items() for _ in range(n)]
    if not raw:
        assert mean_from_counts(counts) is None and median_from_counts(counts) is None
        return
    assert mean_from_counts(counts) == pytest.approx(statistics.fmean(raw))
    assert median_from_counts(counts) == statistics.median(raw)


def test_top_two_box_and_keine_angabe_counted_but_not_rated() -> None:
    summary = summarize_scale({"5": 10, "4": 20, "3": 5, "1": 5, "na": 10}, AGREE5)
    assert summary.n == 50 and summary.n_valid == 40 and summary.n_not_applicable == 10
    assert summary.top_share == pytest.approx(30 / 40)
    assert summary.mean == pytest.approx((50 + 80 + 15 + 5) / 40)
    assert summary.median == 4
    assert summary.percentages["na"] == 20.0
    assert summary.counts["2"] == 0
    assert top_box_share({5: 1, 4: 1, 1: 2}, [4, 5]) == 0.5
    with pytest.raises(ValueError, match="outside the scale"):
        summarize_scale({"6": 1}, AGREE5)


def test_scale_values_come_from_the_template_scales() -> None:
    agree = load_scales()["agree5"]
    summary = summarize_scale({"5": 3, "4": 3, "2": 2, "na": 1}, agree.values(), k=5)
    assert not summary.suppressed
    assert summary.top_share == pytest.approx(6 / 8)
    assert summary.median == 4


def test_question_answered_by_fewer_than_k_is_withheld() -> None:
    summary = summarize_scale({"5": 2, "na": 9}, AGREE5, k=5)
    assert summary.suppressed
    assert summary.mean is None and summary.top_share is None and summary.percentages == {}
    assert summary.n == 11


def test_response_rate() -> None:
    assert response_rate(45, 180) == 0.25
    assert response_rate(0, 0) is None
    assert response_rate(12, 10) == 1.2
    with pytest.raises(ValueError):
        response_rate(-1, 10)


def test_compare_two_waves() -> None:
    t0 = summarize_scale({"5": 10, "4": 10, "3": 10, "2": 10, "1": 10}, AGREE5)
    t1 = summarize_scale({"5": 20, "4": 15, "3": 5, "2": 5, "1": 5, "na": 3}, AGREE5)
    comparison = compare_waves(t0, t1, 5)
    assert comparison.n_first == 50 and comparison.n_second == 50
    assert comparison.mean_difference == pytest.approx(t1.mean - 3.0)
    assert comparison.top_share_first == pytest.approx(0.4)
    assert comparison.top_share_difference == pytest.approx(30.0)
    assert not comparison.below_min_group_size


def test_wave_comparison_is_flagged_and_withheld_when_a_wave_is_small() -> None:
    t0 = summarize_scale({"5": 10, "4": 10}, AGREE5)
    t1 = summarize_scale({"5": 3, "na": 4}, AGREE5)
    comparison = compare_waves(t0, t1, 5)
    assert comparison.below_min_group_size
    assert comparison.n_first == 20 and comparison.n_second == 3
    assert comparison.mean_difference is None and comparison.mean_first is None
