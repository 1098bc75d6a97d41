"""Property tests: no published number lets an attacker single out a group below K.

Random populations with 1-3 group dimensions and K in 3..10; every reachable
query is run (filters with up to two conditions, breakdown tables over one and
two dimensions with and without filters), every shown number is collected, and
attackers try to recover a group of fewer than K responses from them.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.surveys.domain.anonymity import (
    NO_ANSWER,
    Conjunction,
    SuppressionPlan,
    counts_from_cells,
    plan_suppression,
)

SETTINGS = settings(max_examples=200, deadline=None)


@st.composite
def populations(draw: st.DrawFn) -> tuple[list[str], dict[str, list[str]], int, dict[tuple, int]]:
    dims = [f"d{i}" for i in range(draw(st.integers(1, 3)))]
    domains = {d: [f"v{j}" for j in range(draw(st.integers(1, 4)))] for d in dims}
    k = draw(st.integers(3, 10))
    value = {d: st.sampled_from([*domains[d], None]) for d in dims}
    groups = draw(
        st.lists(st.tuples(st.tuples(*(value[d] for d in dims)), st.integers(1, 14)), min_size=0, max_size=14)
    )
    cells: Counter[tuple] = Counter()
    for combo, n in groups:
        cells[combo] += n
    return dims, domains, k, dict(cells)


def plan_for(
    dims: list[str], domains: dict[str, list[str]], k: int, cells: dict[tuple, int]
) -> SuppressionPlan:
    return plan_suppression(counts_from_cells(dims, cells), k, domains=domains)


def true_counts(dims: list[str], cells: dict[tuple, int]) -> Counter[Conjunction]:
    """Independent count of every conjunction, straight from the population."""
    result: Counter[Conjunction] = Counter()
    for combo, n in cells.items():
        pairs = [(d, NO_ANSWER if v is None else v) for d, v in zip(dims, combo, strict=True)]
        for size in range(len(pairs) + 1):
            for subset in itertools.combinations(pairs, size):
                result[frozenset(subset)] += n
    return result


def conjunctions(plan: SuppressionPlan, dims: list[str], max_size: int) -> Iterator[Conjunction]:
    for size in range(max_size + 1):
        for chosen in itertools.combinations(dims, size):
            for values in itertools.product(*(plan.values(d) for d in chosen)):
                yield frozenset(zip(chosen, values, strict=True))


def run_every_query(plan: SuppressionPlan, dims: list[str]) -> tuple[dict[Conjunction, int], list]:
    """All numbers any page could show, and the tables they were shown in."""
    published: dict[Conjunction, int] = {}

    def publish(conj: Conjunction, n: int | None) -> None:
        if n is not None:
            assert published.setdefault(conj, n) == n, "one group shows two different numbers"
            published[conj] = n

    for conj in conjunctions(plan, dims, 2):
        publish(conj, plan.count(conj))
    tables = []
    for size in (1, 2):
        for table_dims in itertools.combinations(dims, size):
            rest = [d for d in dims if d not in table_dims]
            for conj in conjunctions(plan, rest, 2):
                table = plan.table(table_dims, conj)
                tables.append(table)
                for c, n in table.published().items():
                    publish(c, n)
    return published, tables


def is_empty_group(plan: SuppressionPlan, conj: Conjunction) -> bool:
    """A group with a value nobody chose (or a wave without responses): shown as 0 by design."""
    return plan.counts[frozenset()] == 0 or any(v in plan.empty[d] for d, v in conj)


def lines_of(plan: SuppressionPlan, dims: list[str]) -> list[tuple[Conjunction, list[Conjunction]]]:
    return [
        (parent, [parent | {(d, v)} for v in plan.values(d)])
        for parent in conjunctions(plan, dims, len(dims) - 1)
        for d in dims
        if d not in {dim for dim, _ in parent}
    ]


@SETTINGS
@given(populations())
def test_every_shown_number_is_true_and_no_attacker_recovers_a_small_group(population: tuple) -> None:
    dims, domains, k, cells = population
    plan = plan_for(dims, domains, k, cells)
    truth = true_counts(dims, cells)
    published, tables = run_every_query(plan, dims)

    # The whole wave is always shown once it reaches K.
    total = sum(cells.values())
    assert plan.count() == (total if total >= k or total == 0 else None)

    # Shown numbers are never perturbed, and "displayable" means "shown and at least K".
    for conj, n in published.items():
        assert n == truth[conj]
    for conj in conjunctions(plan, dims, 2):
        assert plan.is_displayable(conj) == (published.get(conj, 0) >= k)

    # (i) Reading a small group directly.
    for conj, n in published.items():
        assert n >= k or (n == 0 and is_empty_group(plan, conj)), f"small group shown: {sorted(conj)}={n}"

    # (ii) Shown total of a table row or column minus its shown cells.
    for table in tables:
        table_lines = [(table.total, [table.filter | {(table.dimensions[0], v)} for v in table.row_values])]
        if len(table.dimensions) == 2:
            d1, d2 = table.dimensions
            table_lines.append((table.total, [table.filter | {(d2, w)} for w in table.column_values]))
            for v in table.row_values:
                row = table.filter | {(d1, v)}
                table_lines.append((table.rows[v], [row | {(d2, w)} for w in table.column_values]))
            for w in table.column_values:
                column = table.filter | {(d2, w)}
                table_lines.append((table.columns[w], [column | {(d1, v)} for v in table.row_values]))
        for margin, cells_of_line in table_lines:
            hidden = [c for c in cells_of_line if table.conjunctions[c] is None]
            if margin is None or not hidden:
                continue
            recovered = margin - sum(table.conjunctions[c] or 0 for c in cells_of_line)
            assert len(hidden) >= 2, "a single hidden cell equals margin minus the shown cells"
            assert recovered >= k, f"hidden cells of a line sum to {recovered} < {k}"

    # (iii) Shown parent minus a shown child that differs by one condition.
    for child, n in published.items():
        for condition in child:
            parent = child - {condition}
            if parent in published and not is_empty_group(plan, child):
                siblings = [parent | {(condition[0], v)} for v in plan.values(condition[0])]
                if all(s == child or is_empty_group(plan, s) for s in siblings):
                    continue  # the child is the whole parent: no rest to reveal
                assert published[parent] - n >= k, f"{sorted(parent)} minus {sorted(child)} is small"

    # All three, chained: every derived number becomes known and is used again.
    known = dict(published)
    for conj in conjunctions(plan, dims, len(dims)):
        if is_empty_group(plan, conj):
            known[conj] = 0
    lines = lines_of(plan, dims)
    changed = True
    while changed:
        changed = False
        for parent, children in lines:
            unknown = [c for c in children if c not in known]
            if parent in known and unknown:
                rest = known[parent] - sum(known[c] for c in children if c in known)
                assert rest >= k, f"derived: hidden part of {sorted(parent)} has only {rest}"
                if len(unknown) == 1:
                    known[unknown[0]] = rest
                    changed = True
            elif parent not in known and not unknown:
                known[parent] = sum(known[c] for c in children)
                changed = True
    for conj, n in known.items():
        assert n >= k or is_empty_group(plan, conj), f"derived small group {sorted(conj)}={n}"


# --- an attacker who solves the whole linear system -------------------------------------

PRIME = (1 << 61) - 1


def _reduce(vector: list[int], basis: dict[int, list[int]]) -> list[int]:
    vector = vector[:]
    for pivot, row in basis.items():
        factor = vector[pivot]
        if factor:
            vector = [(a - factor * b) % PRIME for a, b in zip(vector, row, strict=True)]
    return vector


def _span(vectors: list[list[int]]) -> dict[int, list[int]]:
    basis: dict[int, list[int]] = {}
    for vector in vectors:
        reduced = _reduce(vector, basis)
        pivot = next((i for i, a in enumerate(reduced) if a), None)
        if pivot is None:
            continue
        inverse = pow(reduced[pivot], PRIME - 2, PRIME)
        reduced = [(a * inverse) % PRIME for a in reduced]
        for other, row in basis.items():
            if row[pivot]:
                factor = row[pivot]
                basis[other] = [(a - factor * b) % PRIME for a, b in zip(row, reduced, strict=True)]
        basis[pivot] = reduced
    return basis


@settings(max_examples=120, deadline=None)
@given(populations())
def test_no_small_group_is_a_linear_combination_of_shown_numbers(population: tuple) -> None:
    """Stronger than rows and columns: any sum and difference of all shown numbers."""
    dims, domains, k, cells = population
    plan = plan_for(dims, domains, k, cells)
    published, _ = run_every_query(plan, dims)
    finest = list(itertools.product(*(plan.domains[d] for d in dims)))

    def indicator(conj: Conjunction) -> list[int]:
        wanted = dict(conj)
        return [int(all(wanted.get(d, v) == v for d, v in zip(dims, f, strict=True))) for f in finest]

    basis = _span([indicator(c) for c in published if not is_empty_group(plan, c)])
    for conj in conjunctions(plan, dims, len(dims)):
        if conj in published or is_empty_group(plan, conj) or plan.counts.get(conj, 0) >= k:
            continue
        assert any(_reduce(indicator(conj), basis)), (
            f"{sorted(conj)} = {plan.counts.get(conj, 0)} is derivable"
        )
