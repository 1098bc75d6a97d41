"""Concrete cases of small-group protection (pure, no Django)."""

from __future__ import annotations

import random

import pytest

from kosmos.surveys.domain.anonymity import (
    NO_ANSWER,
    SurveyState,
    conjunction,
    counts_from_cells,
    displayable_free_texts,
    group_results_visible,
    is_displayable,
    plan_suppression,
    response_count_visible,
    results_visible,
    shuffle_texts,
    suppress_table,
    validate_min_group_size,
)


def one_dimension(**groups: int) -> dict:
    return counts_from_cells(["bereich"], {(name,): n for name, n in groups.items()})


# --- minimum group size -------------------------------------------------------


def test_minimum_group_size_defaults_to_five_and_never_goes_below_three() -> None:
    assert validate_min_group_size(3) == 3
    assert validate_min_group_size(10) == 10
    with pytest.raises(ValueError, match="at least 3"):
        validate_min_group_size(2)
    with pytest.raises(TypeError):
        validate_min_group_size(True)
    with pytest.raises(ValueError):
        plan_suppression(one_dimension(a=10), 2)
    assert plan_suppression(one_dimension(a=10)).k == 5


def test_conjunction_rejects_two_values_for_one_dimension() -> None:
    assert conjunction({"bereich": "leistung"}) == frozenset({("bereich", "leistung")})
    with pytest.raises(ValueError, match="one condition per dimension"):
        conjunction([("bereich", "leistung"), ("bereich", "markt")])


# --- primary and complementary suppression in one dimension -----------------------


def test_whole_survey_below_k_shows_nothing() -> None:
    plan = plan_suppression(one_dimension(leistung=2, markt=2), 5)
    assert plan.count() is None
    assert not plan.is_displayable()
    table = plan.table(["bereich"])
    assert table.total is None
    assert set(table.rows.values()) == {None}


def test_single_small_group_takes_the_next_smallest_group_with_it() -> None:
    plan = plan_suppression(one_dimension(markt=40, leistung=20, steuerung=8, fuehrung=2), 5)
    table = plan.table(["bereich"])
    assert table.total == 70
    assert table.rows == {"fuehrung": None, "leistung": 20, "markt": 40, "steuerung": None}
    # What anyone can recover (total minus shown rows) covers at least K people.
    assert table.total - 20 - 40 == 10


def test_small_groups_whose_sum_is_still_small_take_a_third_group_with_them() -> None:
    table = suppress_table(one_dimension(markt=40, leistung=20, steuerung=1, fuehrung=2), ["bereich"], 5)
    assert table.rows["steuerung"] is None and table.rows["fuehrung"] is None
    assert table.rows["leistung"] is None
    assert table.rows["markt"] == 40


def test_two_small_groups_that_together_reach_k_need_nothing_more() -> None:
    table = suppress_table(one_dimension(markt=40, leistung=20, steuerung=3, fuehrung=2), ["bereich"], 5)
    assert table.rows == {"fuehrung": None, "leistung": 20, "markt": 40, "steuerung": None}


def test_a_group_that_is_large_enough_but_leaves_a_small_rest_is_hidden() -> None:
    # Rule (c): 12 people in total, 10 in "markt": the other 2 would be total minus markt.
    plan = plan_suppression(one_dimension(markt=10, leistung=2), 5)
    assert plan.count() == 12
    assert plan.count({"bereich": "markt"}) is None
    assert not is_displayable(one_dimension(markt=10, leistung=2), {"bereich": "markt"}, 5)


def test_a_number_hidden_in_a_table_is_hidden_in_every_filtered_view_too() -> None:
    plan = plan_suppression(one_dimension(markt=20, leistung=6, steuerung=2), 5)
    assert plan.table(["bereich"]).rows["leistung"] is None
    # Otherwise 28 - 20 - 6 = 2 people of "steuerung" would be exposed.
    assert plan.count({"bereich": "leistung"}) is None
    assert not plan.is_displayable({"bereich": "leistung"})


def test_larger_k_hides_more() -> None:
    counts = one_dimension(markt=30, leistung=9, steuerung=7)
    assert plan_suppression(counts, 5).table(["bereich"]).rows == {"leistung": 9, "markt": 30, "steuerung": 7}
    rows = plan_suppression(counts, 10).table(["bereich"]).rows
    assert rows["markt"] == 30 and rows["leistung"] is None and rows["steuerung"] is None


# --- zeros and "no answer" --------------------------------------------------------


def test_a_value_nobody_chose_is_shown_as_zero_and_left_out_of_protection() -> None:
    counts = one_dimension(markt=30, leistung=9)
    plan = plan_suppression(counts, 5, domains={"bereich": ["markt", "leistung", "steuerung"]})
    table = plan.table(["bereich"])
    assert table.row_values == ("markt", "leistung", "steuerung")
    assert table.rows == {"markt": 30, "leistung": 9, "steuerung": 0}
    assert plan.empty == {"bereich": ("steuerung",)}


def test_zero_inside_a_table_is_hidden_like_a_small_group() -> None:
    cells = {("markt", "ja"): 6, ("markt", "nein"): 20, ("leistung", "nein"): 15, ("leistung", "ja"): 7}
    cells[("steuerung", "nein")] = 9
    plan = plan_suppression(counts_from_cells(["bereich", "fuehrung"], cells), 5)
    # Nobody in "steuerung" has "fuehrung = ja": that zero is hidden, and so is
    # the rest of the row, because 9 - 0 would give it away.
    assert plan.count({"bereich": "steuerung", "fuehrung": "ja"}) is None
    assert plan.count({"bereich": "steuerung", "fuehrung": "nein"}) is None
    assert plan.count({"bereich": "steuerung"}) == 9


def test_no_answer_is_a_group_of_its_own_and_only_listed_when_someone_skipped() -> None:
    counts = counts_from_cells(["bereich"], {("markt",): 30, ("leistung",): 9, (None,): 2})
    plan = plan_suppression(counts, 5)
    table = plan.table(["bereich"])
    assert table.row_values[-1] == NO_ANSWER
    assert table.rows[NO_ANSWER] is None
    assert table.rows["leistung"] is None
    assert table.rows["markt"] == 30
    assert NO_ANSWER not in plan_suppression(one_dimension(markt=30), 5).values("bereich")


def test_counts_that_do_not_add_up_are_rejected() -> None:
    counts = one_dimension(markt=30, leistung=9)
    counts[frozenset()] = 45  # six responses with no value at all
    with pytest.raises(ValueError, match="do not add up"):
        plan_suppression(counts, 5)
    with pytest.raises(ValueError, match="total"):
        plan_suppression({frozenset({("bereich", "markt")}): 3}, 5)


# --- two dimensions ------------------------------------------------------------------


def test_two_dimensional_table_protects_rows_and_columns_until_stable() -> None:
    cells = {
        ("markt", "u30"): 12, ("markt", "30-50"): 25, ("markt", "ue50"): 3,
        ("leistung", "u30"): 1, ("leistung", "30-50"): 14, ("leistung", "ue50"): 10,
        ("steuerung", "u30"): 6, ("steuerung", "30-50"): 8, ("steuerung", "ue50"): 7,
    }  # fmt: skip
    plan = plan_suppression(counts_from_cells(["bereich", "alter"], cells), 5)
    table = plan.table(["bereich", "alter"])
    assert table.total == 86
    assert table.cells[("leistung", "u30")] is None and table.cells[("markt", "ue50")] is None
    lines = [
        (
            table.rows[r],
            [table.cells[(r, c)] for c in table.column_values],
            [cells[(r, c)] for c in table.column_values],
        )
        for r in table.row_values
    ] + [
        (
            table.columns[c],
            [table.cells[(r, c)] for r in table.row_values],
            [cells[(r, c)] for r in table.row_values],
        )
        for c in table.column_values
    ]
    for margin, shown, true in lines:
        hidden = [n for s, n in zip(shown, true, strict=True) if s is None]
        if margin is not None and hidden:
            assert len(hidden) >= 2
            assert sum(hidden) >= 5
    for (r, c), shown in table.cells.items():
        assert shown is None or shown == cells[(r, c)]


def test_filtered_table_and_filter_limits() -> None:
    cells = {("markt", "ja"): 10, ("markt", "nein"): 30, ("leistung", "ja"): 6, ("leistung", "nein"): 25}
    plan = plan_suppression(counts_from_cells(["bereich", "fuehrung"], cells), 5)
    table = plan.table(["fuehrung"], filter={"bereich": "markt"})
    assert table.total == 40
    assert table.rows == {"ja": 10, "nein": 30}
    with pytest.raises(ValueError, match="both filtered and broken down"):
        plan.table(["bereich"], filter={"bereich": "markt"})
    with pytest.raises(KeyError):
        plan.table(["ort"])
    with pytest.raises(KeyError):
        plan.count({"bereich": "kantine"})


def test_conjunctions_beyond_max_conditions_are_never_shown() -> None:
    cells = {("a", "x"): 50, ("b", "y"): 50}
    plan = plan_suppression(counts_from_cells(["d1", "d2"], cells, max_conditions=1), 5, max_conditions=1)
    assert plan.count({"d1": "a"}) == 50
    assert plan.count({"d1": "a", "d2": "x"}) is None


def test_plan_does_not_depend_on_input_order() -> None:
    cells = {("m", "1"): 3, ("m", "2"): 9, ("l", "1"): 7, ("l", "2"): 2, ("s", "1"): 5, ("s", "2"): 6}
    counts = counts_from_cells(["b", "a"], cells)
    reversed_counts = dict(reversed(list(counts.items())))
    assert plan_suppression(counts, 5).hidden == plan_suppression(reversed_counts, 5).hidden


# --- free texts -------------------------------------------------------------------------


def test_free_texts_only_for_displayable_groups_and_in_random_order() -> None:
    plan = plan_suppression(one_dimension(markt=30, leistung=2, steuerung=8), 5)
    texts = ["Mehr Termine", "", "Freundlich", "  ", "Lange Wartezeit"]
    assert displayable_free_texts(plan, {"bereich": "leistung"}, texts) is None
    assert displayable_free_texts(plan, {"bereich": "steuerung"}, texts) is None  # complementary
    shown = displayable_free_texts(plan, {"bereich": "markt"}, texts, random.Random(1))
    assert shown is not None and sorted(shown) == ["Freundlich", "Lange Wartezeit", "Mehr Termine"]


def test_shuffled_texts_do_not_reveal_the_storage_order() -> None:
    texts = [f"Antwort {i}" for i in range(20)]
    first = shuffle_texts(texts, random.Random(7))
    second = shuffle_texts(list(reversed(texts)), random.Random(7))
    assert first == second
    assert first != sorted(texts)
    assert sorted(shuffle_texts(texts)) == sorted(texts)


# --- survey state -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "groups", "overall", "count"),
    [
        ("draft", False, False, False),
        ("open", False, False, True),
        (SurveyState.CLOSED, True, True, True),
        ("archived", True, True, True),
        ("paused", False, False, False),
    ],
)
def test_group_results_are_hidden_while_the_survey_runs(
    state: str, groups: bool, overall: bool, count: bool
) -> None:
    assert group_results_visible(state) is groups
    assert results_visible(state) is overall
    assert response_count_visible(state) is count
