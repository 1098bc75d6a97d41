"""The pure maturity rules: weakest dimension, mean, gaps, targets (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kosmos.channels.domain import maturity

KEYS = ["strategie", "standards", "integration"]


def test_the_weakest_dimension_sets_the_overall_level_and_the_mean_is_for_information():
    result = maturity.channel_result({"strategie": 3, "standards": 1, "integration": 4}, KEYS)
    assert result.overall == 1
    assert result.mean == pytest.approx(2.67)
    assert result.weakest == ("standards",)
    assert result.complete


def test_an_incomplete_channel_has_no_overall_level_but_a_mean():
    result = maturity.channel_result({"strategie": 3, "standards": None}, KEYS)
    assert result.overall is None and not result.complete
    assert result.answered == 1 and result.mean == 3


def test_gaps_run_from_the_weakest_dimension_to_the_target_level_by_level():
    gaps = maturity.gaps({"strategie": 3, "standards": 1, "integration": 2}, 3, KEYS)
    assert [(g.dimension, g.current, g.steps) for g in gaps] == [("standards", 1, (2, 3)), ("integration", 2, (3,))]


def test_without_a_target_the_next_level_above_the_weakest_is_the_goal():
    gaps = maturity.gaps({"strategie": 3, "standards": 1, "integration": 1}, None, KEYS)
    assert [(g.dimension, g.target) for g in gaps] == [("standards", 2), ("integration", 2)]


@pytest.mark.parametrize("bad", [-1, 5, 2.5, "3", True, None])
def test_levels_outside_zero_to_four_are_refused(bad):
    with pytest.raises(ValueError):
        maturity.validate_level(bad)


@given(st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=12))
def test_the_overall_level_is_never_above_any_dimension_nor_above_the_mean(levels):
    keys = [f"d{i}" for i in range(len(levels))]
    result = maturity.channel_result(dict(zip(keys, levels, strict=True)), keys)
    assert result.overall == min(levels)
    assert result.overall <= result.mean + 1e-9
    assert maturity.level_counts(levels)[result.overall] >= 1
    assert all(g.current < g.target for g in maturity.gaps(dict(zip(keys, levels, strict=True)), 4, keys))
