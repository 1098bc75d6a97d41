"""Consensus statistics, ordering for the Bewertungszirkel and merging of texts."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kosmos.assessments.domain.consensus import (
    merge_findings,
    merge_statements,
    normalise_statement,
    order_for_discussion,
    rating_stats,
)

# ---- statistics -----------------------------------------------------------------------------------------


def test_rating_stats_of_a_typical_item():
    stats = rating_stats([10, 40, None, 25])
    assert (stats.n, stats.n_missing) == (3, 1)
    assert (stats.mean, stats.median, stats.minimum, stats.maximum) == (25, 25, 10, 40)
    assert stats.spread == 30
    assert stats.stdev == pytest.approx(math.sqrt(150))  # population standard deviation
    assert stats.needs_discussion is True
    assert stats.proposal == 25


def test_discussion_threshold_is_thirty_points_inclusive():
    assert rating_stats([30, 60]).needs_discussion is True
    assert rating_stats([30, 55]).needs_discussion is False
    assert rating_stats([30, 55], discussion_spread=25).needs_discussion is True


def test_median_of_an_even_number_of_ratings_and_fractional_mean():
    stats = rating_stats([20, 30, 35, 40])
    assert stats.median == 32.5
    assert stats.mean == 31.25
    assert stats.proposal == 30


def test_single_rating_has_no_spread():
    stats = rating_stats([45])
    assert (stats.n, stats.spread, stats.stdev, stats.needs_discussion) == (1, 0, 0.0, False)


def test_no_ratings():
    stats = rating_stats([None, None])
    assert (stats.n, stats.n_missing, stats.mean, stats.median, stats.proposal) == (0, 2, None, None, None)
    assert stats.needs_discussion is False
    assert rating_stats([]).n == 0


def test_ratings_outside_0_100_are_rejected():
    with pytest.raises(ValueError, match="between 0 and 100"):
        rating_stats([50, 120])


@given(st.lists(st.integers(0, 100) | st.none(), max_size=15))
def test_statistics_are_consistent(values):
    stats = rating_stats(values)
    rated = [v for v in values if v is not None]
    assert stats.n == len(rated) and stats.n_missing == len(values) - len(rated)
    if not rated:
        assert stats.mean is None
        return
    assert stats.minimum <= stats.median <= stats.maximum
    assert stats.minimum <= stats.mean <= stats.maximum
    assert stats.spread == stats.maximum - stats.minimum
    assert 0 <= stats.stdev <= stats.spread / 2 + 1e-9
    assert stats.needs_discussion == (stats.spread >= 30)
    assert stats.proposal % 5 == 0


# ---- ordering -----------------------------------------------------------------------------------------


def test_high_spread_items_come_first_and_unrated_items_last():
    ordered = order_for_discussion(
        {
            "1.1": [40, 45, 40],  # spread 5
            "1.2": [10, 60, 30],  # spread 50 -> discuss
            "1.3": [None, None],  # unrated
            "1.4": [20, 50],  # spread 30 -> discuss
            "1.5": [35, 55],  # spread 20
        }
    )
    assert [item.key for item in ordered] == ["1.2", "1.4", "1.5", "1.1", "1.3"]
    assert [item.stats.needs_discussion for item in ordered] == [True, True, False, False, False]


def test_ties_keep_the_input_order_and_pairs_are_accepted():
    ordered = order_for_discussion([("b", [10, 20]), ("a", [10, 20]), ("c", [50, 60])])
    assert [item.key for item in ordered] == ["b", "a", "c"]


def test_equal_spread_is_ordered_by_standard_deviation():
    ordered = order_for_discussion({"even": [0, 40, 40, 40], "split": [0, 0, 40, 40]})
    assert [item.key for item in ordered] == ["split", "even"]


# ---- merging texts --------------------------------------------------------------------------------------


def test_normalisation_ignores_case_whitespace_punctuation_and_gender_marks():
    assert normalise_statement("  Kund:innen werden GUT beraten!  ") == "kundinnen werden gut beraten"
    assert normalise_statement("Kund*innen werden gut beraten.") == "kundinnen werden gut beraten"
    assert normalise_statement("Straße") == normalise_statement("STRASSE")
    assert normalise_statement("?!…") == ""


def test_near_identical_entries_are_merged_and_counted():
    merged = merge_statements(
        [
            "Die Trägerkonferenz findet regelmäßig statt.",
            "die trägerkonferenz  findet regelmäßig statt",
            "Die Trägerkonferenz findet regelmäßig stat",  # typo, ratio > 0.9
            "Es gibt kein systematisches Ideenmanagement.",
            "",
            None,
            "   ",
        ]
    )
    assert [(m.text, m.count) for m in merged] == [
        ("Die Trägerkonferenz findet regelmäßig statt.", 3),
        ("Es gibt kein systematisches Ideenmanagement.", 1),
    ]
    assert merged[0].variants == (
        "Die Trägerkonferenz findet regelmäßig statt.",
        "die trägerkonferenz findet regelmäßig statt",
        "Die Trägerkonferenz findet regelmäßig stat",
    )


def test_different_statements_stay_separate():
    merged = merge_statements(
        ["Das Controlling liefert monatliche Berichte.", "Das Controlling liefert keine Berichte."]
    )
    assert [m.count for m in merged] == [1, 1]


def test_most_frequent_statement_comes_first():
    merged = merge_statements(
        ["A ist gut", "B ist gut geregelt", "b ist gut geregelt", "B ist gut geregelt."]
    )
    assert [(m.key, m.count) for m in merged] == [("b ist gut geregelt", 3), ("a ist gut", 1)]


def test_threshold_one_merges_only_normalised_duplicates():
    texts = ["Die Trägerkonferenz findet regelmäßig statt", "Die Trägerkonferenz findet regelmäßig stat"]
    assert [m.count for m in merge_statements(texts, threshold=1.0)] == [1, 1]
    with pytest.raises(ValueError):
        merge_statements(texts, threshold=0)


def test_findings_are_merged_per_kind():
    merged = merge_findings(
        [
            ("strength", "Klare Ziele"),
            ("improvement", "Zu wenig Rückmeldung"),
            ("strength", "klare Ziele!"),
        ]
    )
    assert [(m.text, m.count) for m in merged["strength"]] == [("Klare Ziele", 2)]
    assert [(m.text, m.count) for m in merged["improvement"]] == [("Zu wenig Rückmeldung", 1)]


@given(st.lists(st.text(max_size=40) | st.none(), max_size=20))
def test_merging_never_loses_or_invents_entries(texts):
    merged = merge_statements(texts)
    non_empty = [t for t in texts if t is not None and normalise_statement(t)]
    assert sum(m.count for m in merged) == len(non_empty)
    assert all(m.count >= len(m.variants) >= 1 for m in merged)
    counts = [m.count for m in merged]
    assert counts == sorted(counts, reverse=True)
