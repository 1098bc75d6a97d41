"""Property test of the one wave plan (issue 17): attackers against everything a wave shows.

Hypothesis generates a wave with two group questions (area a/b/c, age y/o, either may be left
open), a required follow-up shown only for area "a", an optional question and a required one,
and fills it. From the plan (``kosmos.surveys.domain.wave_plan``) it derives what the pages and
exports show — group counts and breakdowns for every filter, per question n and answers for every
filter where shown, the raw export's labelled rows and columns — and plays three attackers:

1. aggregate minus raw export: for every answer aggregate shown, the rows the raw export
   attributes to it differ from it by 0 or at least K;
2. nested filters: two shown aggregates of one question whose groups nest differ by 0 or at least K
   responses (the answers of the difference are readable);
3. linear algebra over all shown counts, the follow-up's answered counts (which the attacker
   knows equal "area = a" within the filter) and the raw export's row classes: no group cell
   below K is determined.

The third attacker works on counts; the first two protect the answers behind them.
"""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.surveys.domain.anonymity import NO_ANSWER, conjunction, counts_from_cells, plan_suppression
from kosmos.surveys.domain.wave_plan import condition_dependencies, plan_wave

DIMS = ("area", "age")
VALUES = {"area": ("a", "b", "c"), "age": ("y", "o")}
QUESTIONS = ("rating", "optional", "follow")
DEPENDS = condition_dependencies({"rating": None, "optional": None, "follow": "area", "area": None, "age": None},
                                 DIMS)

person = st.tuples(st.sampled_from([*VALUES["area"], None]), st.sampled_from([*VALUES["age"], None]), st.booleans())
waves = st.tuples(st.sampled_from([3, 5]), st.lists(person, min_size=0, max_size=40))


def _row(p: tuple) -> dict[str, str]:
    return {"area": p[0] or NO_ANSWER, "age": p[1] or NO_ANSWER}


def _answered(p: tuple) -> set[str]:
    answered = {"rating"}
    if p[2]:
        answered.add("optional")
    if p[0] == "a":
        answered.add("follow")
    return answered


def _matches(row: dict[str, str], conj) -> bool:  # noqa: ANN001
    return all(row[d] == v for d, v in conj)


def _build(k: int, people: list[tuple]):  # noqa: ANN202
    def cells(include) -> dict:  # noqa: ANN001
        counter: Counter = Counter()
        for p in people:
            if include(p):
                counter[(p[0], p[1])] += 1
        return dict(counter)

    groups = plan_suppression(counts_from_cells(DIMS, cells(lambda p: True)), k,
                              domains={d: list(v) for d, v in VALUES.items()})
    answered = {q: counts_from_cells(DIMS, cells(lambda p, q=q: q in _answered(p))) for q in QUESTIONS}
    return plan_wave(groups, answered, {q: DEPENDS.get(q, frozenset()) for q in QUESTIONS}, DIMS)


def _filters(plan) -> list:  # noqa: ANN001
    result = [conjunction(())]
    for size in (1, 2):
        for dims in itertools.combinations(DIMS, size):
            for values in itertools.product(*(plan.groups.values(d) for d in dims)):
                result.append(conjunction(zip(dims, values, strict=True)))
    return result


def _raw(plan, people: list[tuple]) -> list[tuple[dict[str, str], set[str]]]:  # noqa: ANN001
    """The raw export as an attacker sees it: visible labels and answered columns per row."""
    if len(people) < plan.k:
        return []  # the raw export is refused
    hidden_questions = plan.raw_hidden_questions
    rows = []
    for p in people:
        row = _row(p)
        rows.append(({d: row[d] for d in plan.raw_dimensions}, _answered(p) - hidden_questions))
    return rows


def _determined(equations: list[list[Fraction]], target: list[Fraction]) -> bool:
    """Whether ``target`` is a linear combination of ``equations`` (exact Gaussian elimination)."""
    basis: list[list[Fraction]] = []
    pivots: list[int] = []

    def reduce(vector: list[Fraction]) -> list[Fraction]:
        v = list(vector)
        for row, col in zip(basis, pivots, strict=True):
            if v[col]:
                factor = v[col] / row[col]
                v = [a - factor * b for a, b in zip(v, row, strict=True)]
        return v

    for eq in equations:
        v = reduce(eq)
        col = next((i for i, x in enumerate(v) if x), None)
        if col is not None:
            basis.append(v)
            pivots.append(col)
    return not any(reduce(target))


@settings(max_examples=500, deadline=None)
@given(waves)
def test_no_attack_on_the_pages_and_exports_of_a_wave_recovers_a_group_below_k(wave) -> None:  # noqa: ANN001
    k, people = wave
    plan = _build(k, people)
    rows = [_row(p) for p in people]
    raw = _raw(plan, people)
    filters = _filters(plan)

    def members(conj, question: str | None = None) -> list[int]:  # noqa: ANN001
        return [i for i, p in enumerate(people)
                if _matches(rows[i], conj) and (question is None or question in _answered(p))]

    shown = {(q, f): len(members(f, q)) for q in QUESTIONS for f in filters if plan.shows(q, f)}
    for (q, f), n in shown.items():
        assert n >= k, f"{q} under {sorted(f)}: n = {n} shown"

        # 1. aggregate minus raw export
        known = [i for i, (labels, columns) in enumerate(raw)
                 if q in columns and all(d in labels and labels[d] == v for d, v in f)]
        assert set(known) <= set(members(f, q))
        assert n - len(known) == 0 or n - len(known) >= k, f"{q} {sorted(f)}: {n} shown, {len(known)} in the raw export"

        # 2. nested filters of one question
        for (q2, f2), n2 in shown.items():
            if q2 == q and f < f2:
                assert n - n2 == 0 or n - n2 >= k, f"{q}: {sorted(f)} ({n}) minus {sorted(f2)} ({n2})"

    # 3. linear algebra over counts
    cells = list(itertools.product(*(plan.groups.values(d) for d in DIMS)))

    def vector(selector) -> list[Fraction]:  # noqa: ANN001
        return [Fraction(1 if selector(dict(zip(DIMS, c, strict=True))) else 0) for c in cells]

    equations = []
    for f in filters:
        if plan.groups.count(f) is not None:
            equations.append(vector(lambda r, f=f: _matches(r, f)))
        if ("follow", f) in shown:  # the attacker knows the follow-up is answered exactly by area a
            equations.append(vector(lambda r, f=f: _matches(r, f) and r["area"] == "a"))
    raw_classes = {(tuple(sorted(labels.items())), "follow" in columns) for labels, columns in raw}
    for labels, follow in raw_classes:
        equations.append(vector(lambda r, labels=labels, follow=follow: all(r[d] == v for d, v in labels)
                                and (not follow or r["area"] == "a")))
    for f in filters[1:]:  # the wave's total number of responses is public by design
        n = len(members(f))
        empty_value = any(v in plan.groups.empty.get(d, ()) for d, v in f)
        if 0 < n < k and not empty_value:
            assert not _determined(equations, vector(lambda r, f=f: _matches(r, f))), f"{sorted(f)} = {n} recoverable"
