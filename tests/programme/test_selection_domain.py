"""The balanced selection proposal (kosmos/programme/domain/selection.py), against brute force."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.programme.domain.selection import Candidate, Rules, meets, places, propose


def c(key: str, form: str = "ge", state: str = "BY", topic: str = "A") -> Candidate:
    return Candidate(key=key, label=f"Jobcenter {key}", form=form, state=state, topic=topic)


def test_without_rules_the_proposal_is_the_pure_ranking() -> None:
    ranked = [c("1"), c("2"), c("3"), c("4")]
    proposal = propose(ranked, Rules(count=2))
    assert [x.key for x in proposal.selected] == ["1", "2"]
    assert proposal.feasible and proposal.swaps == ()


def test_a_zkt_minimum_swaps_the_lowest_ranked_ge_and_says_why() -> None:
    ranked = [c("1"), c("2"), c("3"), c("4", form="zkt")]
    proposal = propose(ranked, Rules(count=3, min_zkt=1))
    assert [x.key for x in proposal.selected] == ["1", "2", "4"]
    (swap,) = proposal.swaps
    assert (swap.added.key, swap.added_rank, swap.removed.key, swap.removed_rank) == ("4", 4, "3", 3)
    assert str(swap.explanation) == (
        "Jobcenter 4 (rank 4) instead of Jobcenter 3 (rank 3): brings the zkT up to the minimum of 1"
    )


def test_topic_coverage_and_the_limit_per_land_are_explained() -> None:
    ranked = [c("1", state="BY"), c("2", state="BY"), c("3", state="NW"), c("4", state="NW", topic="B")]
    proposal = propose(ranked, Rules(count=3, max_per_state=1, topics=("A", "B")))
    assert [x.key for x in proposal.selected] == ["1", "4"]  # only two Länder: two places
    assert places(ranked, Rules(count=3, max_per_state=1)) == 2
    assert [str(s.explanation) for s in proposal.swaps] == [
        "Jobcenter 4 (rank 4) instead of Jobcenter 3 (rank 3): covers the topic B",
        "Jobcenter 2 (rank 2) is not selected: BY would exceed the limit of 1 per Land",
    ]
    assert proposal.feasible


def test_impossible_minimums_are_reported_with_the_reason() -> None:
    ranked = [c("1"), c("2"), c("3")]
    proposal = propose(ranked, Rules(count=2, min_zkt=1, topics=("A", "Z")))
    assert not proposal.feasible
    assert [str(p) for p in proposal.problems] == [
        "At least 1 zkT are required, but only 0 applied.",
        "No application covers the topic Z.",
    ]
    assert [x.key for x in proposal.selected] == ["1", "2"]  # the best-ranked, for the office to decide


def test_a_conflict_between_rules_that_only_the_search_finds_is_reported() -> None:
    # the only zkT and the only application on topic B are both from BY, and BY may send one
    ranked = [c("1"), c("2", form="zkt"), c("3", topic="B"), c("4", state="NW")]
    proposal = propose(ranked, Rules(count=2, min_zkt=1, max_per_state=1, topics=("A", "B")))
    assert not proposal.feasible
    assert "cannot all be met" in str(proposal.problems[-1])


def test_duplicate_keys_and_bad_rules_are_refused() -> None:
    with pytest.raises(ValueError):
        propose([c("1"), c("1")], Rules(count=1))
    with pytest.raises(ValueError):
        Rules(count=0)
    with pytest.raises(ValueError):
        Rules(count=2, max_per_state=0)


candidates = st.lists(
    st.tuples(st.sampled_from(["ge", "zkt"]), st.sampled_from(["BY", "NW", "SN"]), st.sampled_from(["A", "B", "C"])),
    min_size=1, max_size=9,
).map(lambda rows: [Candidate(str(i), f"J{i}", f, s, t) for i, (f, s, t) in enumerate(rows)])
rules = st.builds(
    Rules,
    count=st.integers(1, 6),
    min_ge=st.integers(0, 3),
    min_zkt=st.integers(0, 3),
    max_per_state=st.none() | st.integers(1, 3),
    topics=st.sampled_from([(), ("A",), ("A", "B"), ("A", "B", "C")]),
)


def brute_force(ranked: list[Candidate], r: Rules) -> tuple[int, ...] | None:
    """The lexicographically best feasible set of indexes (ranking order), or None."""
    target = places(ranked, r)
    best = None
    for combo in combinations(range(len(ranked)), target):
        if meets([ranked[i] for i in combo], r) and (best is None or combo < best):
            best = combo
    return best


@settings(max_examples=300)
@given(candidates, rules)
def test_minimums_are_met_exactly_when_feasible_and_the_best_set_is_chosen(ranked: list, r: Rules) -> None:
    proposal = propose(ranked, r)
    expected = brute_force(ranked, r)
    if expected is None:
        assert not proposal.feasible
        assert proposal.problems
    else:
        assert proposal.feasible, [str(p) for p in proposal.problems]
        assert meets(proposal.selected, r)
        assert tuple(int(x.key) for x in proposal.selected) == expected
        assert len(proposal.selected) == places(ranked, r)
        # every swap brings in a selected application from outside the pure top N
        pure = {x.key for x in ranked[: r.count]}
        assert {s.added.key for s in proposal.swaps if s.added} == proposal.selected_keys - pure
        assert {s.removed.key for s in proposal.swaps if s.removed} == pure - proposal.selected_keys


@given(candidates, rules)
def test_the_fallback_never_exceeds_the_places_or_the_limit_per_land(ranked: list, r: Rules) -> None:
    proposal = propose(ranked, r)
    assert len(proposal.selected) <= r.count
    if r.max_per_state is not None:
        for state in {x.state for x in proposal.selected}:
            assert sum(x.state == state for x in proposal.selected) <= r.max_per_state
