"""The pure statistics of the scoring board (kosmos/programme/domain/scoring.py)."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kosmos.programme.domain.scoring import CRITERIA, board, check_scale, ranking, summarise, weighted_total

EQUAL = dict.fromkeys(CRITERIA, 1)


def scores(a: int, b: int, c: int, d: int) -> dict[str, int]:
    return dict(zip(CRITERIA, (a, b, c, d), strict=True))


def test_the_weighted_total_stays_on_the_scale_and_follows_the_weights() -> None:
    assert weighted_total(scores(4, 0, 0, 0), EQUAL) == 1.0
    assert weighted_total(scores(4, 0, 0, 0), {**EQUAL, "situation": 3}) == 2.0
    assert weighted_total(scores(4, 4, 4, 4), {**EQUAL, "evidence": 0}) == 4.0


@pytest.mark.parametrize("bad", [-1, 5, 2.5, True, "3", None])
def test_a_score_off_the_scale_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        check_scale(bad)
    with pytest.raises(ValueError):
        weighted_total({**scores(1, 1, 1, 1), "relevance": bad}, EQUAL)


def test_weights_without_a_positive_sum_are_refused() -> None:
    with pytest.raises(ValueError):
        weighted_total(scores(1, 1, 1, 1), dict.fromkeys(CRITERIA, 0))


def test_mean_median_and_spread_of_four_members() -> None:
    spread = summarise([scores(4, 4, 4, 4), scores(3, 3, 3, 3), scores(3, 3, 3, 3), scores(0, 0, 0, 0)], EQUAL, 2)
    assert spread is not None
    assert (spread.count, spread.mean, spread.median) == (4, 2.5, 3.0)
    assert (spread.minimum, spread.maximum, spread.range) == (0.0, 4.0, 4.0)
    assert (spread.q1, spread.q3, spread.iqr) == (2.25, 3.25, 1.0)
    assert spread.disagreement
    assert spread.criteria_means["situation"] == 2.5


def test_one_outlier_moves_the_mean_but_not_the_median() -> None:
    agreeing = summarise([scores(3, 3, 3, 3)] * 3, EQUAL, 2)
    with_outlier = summarise([scores(3, 3, 3, 3)] * 3 + [scores(0, 0, 0, 0)], EQUAL, 2)
    assert agreeing is not None and with_outlier is not None
    assert with_outlier.median == agreeing.median == 3.0
    assert with_outlier.mean < agreeing.mean
    assert not agreeing.disagreement


def test_disagreement_starts_exactly_at_the_threshold_and_needs_two_members() -> None:
    at = summarise([scores(1, 1, 1, 1), scores(3, 3, 3, 3)], EQUAL, 2)
    below = summarise([scores(1, 1, 1, 1), scores(2, 2, 2, 2)], EQUAL, 2)
    alone = summarise([scores(0, 0, 0, 0)], EQUAL, 0)
    assert at is not None and at.disagreement
    assert below is not None and not below.disagreement
    assert alone is not None and not alone.disagreement
    assert summarise([], EQUAL, 2) is None


def test_the_board_groups_rows_and_the_ranking_uses_the_chosen_measure() -> None:
    rows = [
        ("a", scores(4, 4, 4, 4)), ("a", scores(4, 4, 4, 4)), ("a", scores(0, 0, 0, 0)),  # mean 2.67, median 4
        ("b", scores(3, 3, 3, 3)), ("b", scores(3, 3, 3, 3)), ("b", scores(3, 3, 3, 3)),  # mean 3, median 3
    ]
    stats = board(rows, EQUAL, 2)
    assert ranking(stats, "median") == ["a", "b"]
    assert ranking(stats, "mean") == ["b", "a"]
    with pytest.raises(ValueError):
        ranking(stats, "mode")


member = st.fixed_dictionaries({c: st.integers(0, 4) for c in CRITERIA})
weights = st.fixed_dictionaries({c: st.integers(0, 10) for c in CRITERIA}).filter(lambda w: sum(w.values()) > 0)


@given(st.lists(member, min_size=1, max_size=12), weights, st.floats(0, 4))
def test_statistics_are_ordered_and_match_the_standard_library(members: list, w: dict, threshold: float) -> None:
    spread = summarise(members, w, threshold)
    assert spread is not None
    totals = [weighted_total(m, w) for m in members]
    assert spread.minimum <= spread.q1 <= spread.median <= spread.q3 <= spread.maximum
    assert spread.minimum >= 0 and spread.maximum <= 4
    assert spread.mean == pytest.approx(statistics.fmean(totals))
    assert spread.median == pytest.approx(statistics.median(totals))
    assert spread.disagreement == (len(members) > 1 and max(totals) - min(totals) >= threshold - 1e-9)
