"""Small-group protection: which group counts and results may be shown.

Model
-----
Every response carries one value per *group dimension* (the answers to the
survey's group questions, e.g. ``bereich`` or ``alter``; an unanswered group
question counts as the value :data:`NO_ANSWER`). A *cell* is the set of
responses matching a conjunction of conditions such as
``{("bereich", "leistung"), ("alter", "u30")}``; the empty conjunction is the
whole survey. The Django side counts cells in SQL (one ``GROUP BY`` over all
group questions, see :func:`counts_from_cells`) and hands the counts in; no
raw response is needed here.

One *plan* per survey wave (:func:`plan_suppression`) decides, for every
conjunction up to ``max_conditions`` conditions, whether its count is shown.
Every page — filtered views, breakdown tables, free texts — reads from the same
plan, so a number hidden in one view can never be read in another. The plan
must therefore always be computed over *all* group dimensions of the wave with
the same settings; a plan over a subset could show what the full plan hides.

Rules (``sensitive(n)`` means ``n < K``, zero included)
------------------------------------------------------
1. Primary suppression: a cell is hidden when ``sensitive(n)``, or when for some
   condition ``c`` of the cell ``sensitive(n(parent) - n(cell))`` with
   ``parent = cell without c`` and the cell has siblings (the difference of the
   two would reveal a small group, even if the parent is hidden itself).
2. Complementary suppression on every *line* — a parent cell and its children
   along one more dimension (a row or column of a breakdown table, with its
   margin): if the parent is shown and its hidden children are exactly one, or
   their sum (which anyone can recover as parent minus shown children) is
   sensitive, the smallest shown children are hidden too until at least two
   are hidden and their sum is not sensitive. If that is impossible, the parent
   is hidden instead.
3. A hidden parent must have at least one hidden child, otherwise it could be
   recovered as the sum of its children.
4. Rules 2 and 3 run over all lines (rows and columns of every table, with and
   without filters) until nothing changes. In a line with a single value the
   child is the parent's group itself; the two are shown or hidden together.

The wave total is shown whenever it reaches K (a property test checks this);
a wave without any response shows 0 everywhere, as there is nobody to protect.

Zeros
-----
Inside the tables a count of 0 is hidden like a small group. Two reasons: a
zero says that nobody of a subgroup took part, which staff councils treat as
sensitive; and every shown zero hands an attacker one more exact equation. In
experiments with random populations, an attacker who solved the linear system
of all shown rows and columns recovered a hidden small cell exactly in about
4-5 % of the configurations when zeros were shown, and in none of several
thousand when they were hidden.

A value that nobody chose at all (a department without any response, or "no
answer" when everybody answered the group question) is left out of the plan:
its count 0 is shown and its cells are 0. That reveals only that the value is
empty across the whole wave and adds no unknown to any equation; hiding it
would cost a real group in every breakdown by that dimension.

What this protects against
--------------------------
Reading a small cell directly, subtracting the shown cells of a row or column
from its shown margin, subtracting a shown child from a shown parent, and
chaining such derivations across all views (the property tests in
``tests/surveys/test_domain_anonymity_properties.py`` play these attackers,
and one that solves the linear system of all shown numbers). It is not a full
linear-programming audit: an attacker who also uses that counts are never
negative may narrow a hidden cell to an interval. Keeping ``max_conditions``
small and group questions coarse (few values) keeps that risk low.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

Condition = tuple[str, str]
"""One group condition: (dimension, value)."""

Conjunction = frozenset[Condition]
"""A conjunction of conditions; at most one condition per dimension."""

Counts = Mapping[Conjunction, int]
"""Number of responses per conjunction; a missing conjunction counts as 0."""

ConditionsLike = Mapping[str, str] | Iterable[Condition]

DEFAULT_MIN_GROUP_SIZE = 5
LOWEST_MIN_GROUP_SIZE = 3
DEFAULT_MAX_CONDITIONS = 3

NO_ANSWER = "__no_answer__"
"""Value of a group dimension for responses that left the group question open.

Template keys cannot start with an underscore, so it never clashes with a choice.
"""

TOTAL: Conjunction = frozenset()
"""The empty conjunction: all responses of the wave."""


def validate_min_group_size(k: int) -> int:
    """Return ``k`` if it is a valid minimum group size, else raise ``ValueError``."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"The minimum group size must be an integer, not {k!r}.")
    if k < LOWEST_MIN_GROUP_SIZE:
        raise ValueError(f"The minimum group size must be at least {LOWEST_MIN_GROUP_SIZE}, not {k}.")
    return k


def conjunction(conditions: ConditionsLike = ()) -> Conjunction:
    """Build a conjunction from a mapping or pairs; reject two values for one dimension."""
    pairs = list(conditions.items()) if isinstance(conditions, Mapping) else list(conditions)
    result = frozenset((str(d), str(v)) for d, v in pairs)
    dims = [d for d, _ in result]
    if len(dims) != len(set(dims)):
        raise ValueError(f"A conjunction may hold only one condition per dimension: {sorted(result)}.")
    return result


def counts_from_cells(
    dimensions: Sequence[str],
    cells: Mapping[tuple[str | None, ...], int] | Iterable[tuple[tuple[str | None, ...], int]],
    *,
    max_conditions: int = DEFAULT_MAX_CONDITIONS,
) -> dict[Conjunction, int]:
    """Compute the counts of all conjunctions from the finest cells.

    ``cells`` maps a tuple of values (one per dimension, in ``dimensions`` order;
    ``None`` for an unanswered group question, which becomes :data:`NO_ANSWER`)
    to a count, as returned by ``values_list(*dimensions).annotate(n=Count("pk"))``.
    """
    if len(set(dimensions)) != len(dimensions):
        raise ValueError("Dimensions must be unique.")
    items = cells.items() if isinstance(cells, Mapping) else cells
    counts: dict[Conjunction, int] = defaultdict(int)
    counts[TOTAL] += 0
    depth = min(max_conditions, len(dimensions))
    for values, n in items:
        if len(values) != len(dimensions):
            raise ValueError(f"Cell {values!r} does not have one value per dimension {tuple(dimensions)!r}.")
        if n < 0:
            raise ValueError(f"Cell {values!r} has a negative count.")
        pairs = [(d, NO_ANSWER if v is None else str(v)) for d, v in zip(dimensions, values, strict=True)]
        for size in range(depth + 1):
            for subset in itertools.combinations(pairs, size):
                counts[frozenset(subset)] += n
    return dict(counts)


@dataclass(frozen=True)
class Line:
    """A parent cell and its children along one further dimension."""

    parent: Conjunction
    dimension: str
    children: tuple[Conjunction, ...]


@dataclass(frozen=True)
class BreakdownTable:
    """One breakdown table: counts per value of one or two dimensions, with margins.

    Every count is ``None`` where it must not be shown. ``rows`` are the counts
    per value of the first dimension (the cells of a one-dimensional table),
    ``columns`` those of the second, ``cells`` the inner cells.
    """

    dimensions: tuple[str, ...]
    filter: Conjunction
    row_values: tuple[str, ...]
    column_values: tuple[str, ...]
    total: int | None
    rows: dict[str, int | None]
    columns: dict[str, int | None]
    cells: dict[tuple[str, str], int | None]
    conjunctions: dict[Conjunction, int | None] = field(repr=False)

    def published(self) -> dict[Conjunction, int]:
        """Every number this table shows, keyed by its conjunction."""
        return {c: n for c, n in self.conjunctions.items() if n is not None}


@dataclass(frozen=True)
class SuppressionPlan:
    """The decision, for one wave, which conjunction counts may be shown.

    ``domains`` lists per dimension the values that occur (with
    :data:`NO_ANSWER` last if anybody skipped the group question); ``empty``
    the declared values that nobody chose.
    """

    k: int
    max_conditions: int
    domains: dict[str, tuple[str, ...]]
    empty: dict[str, tuple[str, ...]]
    ordered: dict[str, tuple[str, ...]] = field(repr=False)
    counts: dict[Conjunction, int] = field(repr=False)
    hidden: frozenset[Conjunction] = field(repr=False)

    def values(self, dimension: str) -> tuple[str, ...]:
        """All values of a dimension in display order: declared ones, then "no answer"."""
        return self.ordered[dimension]

    def _is_empty(self, conj: Conjunction) -> bool:
        for dim, value in conj:
            if dim not in self.domains:
                raise KeyError(f"Unknown group dimension {dim!r}.")
            if value in self.empty[dim]:
                return True
            if value not in self.domains[dim]:
                raise KeyError(f"Unknown value {value!r} of group dimension {dim!r}.")
        return False

    def count(self, conditions: ConditionsLike = ()) -> int | None:
        """The count of a conjunction, or ``None`` if it must not be shown."""
        conj = conjunction(conditions)
        if self._is_empty(conj):
            return 0
        if len(conj) > self.max_conditions or conj in self.hidden:
            return None
        return self.counts.get(conj, 0)

    def is_displayable(self, conditions: ConditionsLike = ()) -> bool:
        """Whether results (distributions, means, free texts) of this group may be shown."""
        n = self.count(conditions)
        return n is not None and n >= self.k

    def table(self, dimensions: Sequence[str], filter: ConditionsLike = ()) -> BreakdownTable:
        """The breakdown of a (filtered) group by one or two dimensions."""
        dims = tuple(dimensions)
        if not 1 <= len(dims) <= 2 or len(set(dims)) != len(dims):
            raise ValueError("A breakdown table has one or two different dimensions.")
        base = conjunction(filter)
        self._is_empty(base)
        for dim in dims:
            if dim not in self.domains:
                raise KeyError(f"Unknown group dimension {dim!r}.")
            if any(d == dim for d, _ in base):
                raise ValueError(f"Dimension {dim!r} is both filtered and broken down.")
        shown: dict[Conjunction, int | None] = {}

        def value(conj: Conjunction) -> int | None:
            shown[conj] = self.count(conj)
            return shown[conj]

        total = value(base)
        row_values = self.values(dims[0])
        rows = {v: value(base | {(dims[0], v)}) for v in row_values}
        column_values: tuple[str, ...] = ()
        columns: dict[str, int | None] = {}
        cells: dict[tuple[str, str], int | None] = {}
        if len(dims) == 2:
            column_values = self.values(dims[1])
            columns = {w: value(base | {(dims[1], w)}) for w in column_values}
            cells = {
                (v, w): value(base | {(dims[0], v), (dims[1], w)}) for v in row_values for w in column_values
            }
        return BreakdownTable(dims, base, row_values, column_values, total, rows, columns, cells, shown)


def _lattice(domains: Mapping[str, tuple[str, ...]], max_conditions: int) -> list[Conjunction]:
    dims = sorted(domains)
    result: list[Conjunction] = []
    for size in range(min(max_conditions, len(dims)) + 1):
        for chosen in itertools.combinations(dims, size):
            for values in itertools.product(*(domains[d] for d in chosen)):
                result.append(frozenset(zip(chosen, values, strict=True)))
    return result


def _lines(
    lattice: Iterable[Conjunction], domains: Mapping[str, tuple[str, ...]], max_conditions: int
) -> list[Line]:
    lines = []
    for parent in lattice:
        if len(parent) >= max_conditions:
            continue
        used = {d for d, _ in parent}
        for dim in sorted(domains):
            if dim not in used:
                children = tuple(parent | {(dim, v)} for v in domains[dim])
                lines.append(Line(parent, dim, children))
    return lines


def _sort_key(conj: Conjunction) -> tuple[int, list[Condition]]:
    return (len(conj), sorted(conj))


class _Planner:
    def __init__(
        self, counts: Mapping[Conjunction, int], domains: Mapping[str, tuple[str, ...]], k: int
    ) -> None:
        self.counts = counts
        self.domains = domains
        self.k = k

    def n(self, conj: Conjunction) -> int:
        return self.counts.get(conj, 0)

    def sensitive(self, n: int) -> bool:
        return n < self.k

    def primary(self, conj: Conjunction) -> bool:
        n = self.n(conj)
        if self.sensitive(n):
            return True
        return any(
            len(self.domains[cond[0]]) > 1 and self.sensitive(self.n(conj - {cond}) - n) for cond in conj
        )

    def fix_line(self, line: Line, hidden: set[Conjunction]) -> set[Conjunction]:
        """Cells to hide so that this line reveals no small group; empty if it is safe."""
        hidden_children = [c for c in line.children if c in hidden]
        candidates = sorted(
            (c for c in line.children if c not in hidden), key=lambda c: (self.n(c), _sort_key(c))
        )
        if line.parent in hidden:
            if hidden_children or not candidates:
                return set()
            return {candidates[0]}
        if not hidden_children:
            return set()
        if len(line.children) == 1:
            return {line.parent}
        added: set[Conjunction] = set()
        total = sum(self.n(c) for c in hidden_children)
        count = len(hidden_children)
        for candidate in [None, *candidates]:
            if candidate is not None:
                added.add(candidate)
                total += self.n(candidate)
                count += 1
            if count >= 2 and not self.sensitive(total):
                return added
        return added | {line.parent}


def plan_suppression(
    counts: Counts,
    k: int = DEFAULT_MIN_GROUP_SIZE,
    *,
    domains: Mapping[str, Sequence[str]] | None = None,
    max_conditions: int = DEFAULT_MAX_CONDITIONS,
    like: SuppressionPlan | None = None,
) -> SuppressionPlan:
    """Decide which counts of one wave may be shown (see the module docstring).

    ``like``: a plan of the same wave (the plan of its group counts) whose values and hidden
    conjunctions this plan takes over. Used for the counts of one question's answers: the
    question's plan starts from everything the group plan hides and adds what its own counts
    demand, so that no question shows a group the group plan hides, and hiding a cell for one
    question never lets it be recovered from the question's shown cells.

    ``counts`` must hold every non-empty conjunction up to ``max_conditions``
    conditions over all group dimensions (as :func:`counts_from_cells` builds
    it); the children of every line must add up to their parent. ``domains``
    lists the declared values per dimension in display order (the choices of
    the group questions), so that values nobody chose appear with 0; every
    group dimension of the wave must be a key of ``domains`` or occur in
    ``counts``.
    """
    validate_min_group_size(k)
    if max_conditions < 0:
        raise ValueError("max_conditions must not be negative.")
    if TOTAL not in counts:
        raise ValueError("The counts must include the total (the empty conjunction).")
    declared: dict[str, list[str]] = {d: [str(v) for v in vs] for d, vs in (domains or {}).items()}
    for conj, n in counts.items():
        if n < 0:
            raise ValueError(f"Negative count for {sorted(conj)}.")
        if len({d for d, _ in conj}) != len(conj):
            raise ValueError(f"Conjunction {sorted(conj)} has two values for one dimension.")
        for dim, value in conj:
            values = declared.setdefault(dim, [])
            if value not in values and value != NO_ANSWER:
                values.append(value)
    occurring: dict[str, tuple[str, ...]] = {}
    empty: dict[str, tuple[str, ...]] = {}
    ordered: dict[str, tuple[str, ...]] = {}
    if like is not None:
        if like.k != k or like.max_conditions != max_conditions:
            raise ValueError("A plan made like another needs the same K and max_conditions.")
        occurring, empty, ordered = dict(like.domains), dict(like.empty), dict(like.ordered)
        declared = {}
    for dim in sorted(declared):
        values = declared[dim]
        listed = [v for v in values if v != NO_ANSWER]
        if NO_ANSWER in values or counts.get(frozenset({(dim, NO_ANSWER)}), 0) > 0:
            listed.append(NO_ANSWER)
        occurring[dim] = tuple(v for v in listed if counts.get(frozenset({(dim, v)}), 0) > 0)
        empty[dim] = tuple(v for v in listed if v not in occurring[dim] and v != NO_ANSWER)
        ordered[dim] = tuple(listed)
    lattice = _lattice(occurring, max_conditions)
    lines = _lines(lattice, occurring, max_conditions)
    full = {conj: counts.get(conj, 0) for conj in lattice}
    if max_conditions > 0 and len(lattice) > 1:
        for conj, n in counts.items():
            if n and len(conj) <= max_conditions and conj not in full and like is None:
                raise ValueError(f"Count for {sorted(conj)} contradicts the count of one of its values.")
    for line in lines:
        if sum(full[c] for c in line.children) != full[line.parent]:
            raise ValueError(
                f"The counts of {sorted(line.parent)} by {line.dimension!r} do not add up; "
                f"map unanswered group questions to NO_ANSWER."
            )
    planner = _Planner(full, occurring, k)
    # A wave without any response has nobody to protect: it shows 0 everywhere.
    hidden = {conj for conj in lattice if planner.primary(conj)} if full[TOTAL] else set()
    if like is not None:
        hidden |= like.hidden
    changed = True
    while changed:
        changed = False
        for line in lines:
            more = planner.fix_line(line, hidden)
            if more - hidden:
                hidden |= more
                changed = True
    return SuppressionPlan(k, max_conditions, occurring, empty, ordered, full, frozenset(hidden))


def is_displayable(
    counts_lookup: Counts,
    conditions: ConditionsLike,
    k: int = DEFAULT_MIN_GROUP_SIZE,
    *,
    domains: Mapping[str, Sequence[str]] | None = None,
    max_conditions: int = DEFAULT_MAX_CONDITIONS,
) -> bool:
    """Whether the results of a filtered view may be shown.

    Convenience for a single question; it builds the whole plan. Pages that ask
    more than once should build one :class:`SuppressionPlan` and reuse it.
    """
    plan = plan_suppression(counts_lookup, k, domains=domains, max_conditions=max_conditions)
    return plan.is_displayable(conditions)


def suppress_table(
    counts_lookup: Counts,
    dimensions: Sequence[str],
    k: int = DEFAULT_MIN_GROUP_SIZE,
    filter: ConditionsLike = (),
    *,
    domains: Mapping[str, Sequence[str]] | None = None,
    max_conditions: int = DEFAULT_MAX_CONDITIONS,
) -> BreakdownTable:
    """The breakdown table with every count ``None`` that must not be shown (builds the plan)."""
    plan = plan_suppression(counts_lookup, k, domains=domains, max_conditions=max_conditions)
    return plan.table(dimensions, filter)


# --- free-text answers -------------------------------------------------------


def shuffle_texts(texts: Iterable[str], rng: random.Random | None = None) -> list[str]:
    """Free texts in random order, independent of the order they were stored in.

    The texts are sorted first, so the result reveals nothing about submission
    order even if ``rng`` is seeded; without ``rng`` the system's random source
    is used. Empty texts are dropped.
    """
    ordered = sorted(t.strip() for t in texts if t and t.strip())
    (rng or random.SystemRandom()).shuffle(ordered)
    return ordered


def displayable_free_texts(
    plan: SuppressionPlan,
    conditions: Mapping[str, str] | Iterable[Condition],
    texts: Iterable[str],
    rng: random.Random | None = None,
) -> list[str] | None:
    """The free texts of a group in random order, or ``None`` if the group is not displayable."""
    if not plan.is_displayable(conditions):
        return None
    return shuffle_texts(texts, rng)


# --- survey state ----------------------------------------------------------------


class SurveyState(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    ARCHIVED = "archived"


_FINISHED = {SurveyState.CLOSED, SurveyState.ARCHIVED}


def _state(survey_state: SurveyState | str) -> SurveyState | None:
    try:
        return SurveyState(survey_state)
    except ValueError:
        return None


def group_results_visible(survey_state: SurveyState | str) -> bool:
    """Per-group numbers are shown only once the survey has ended (unknown states: never)."""
    return _state(survey_state) in _FINISHED


def results_visible(survey_state: SurveyState | str) -> bool:
    """Overall results, too, only after the end.

    Live results would let anyone who watches them change compare two moments
    and read the answers of the person who responded in between.
    """
    return _state(survey_state) in _FINISHED


def response_count_visible(survey_state: SurveyState | str) -> bool:
    """The overall number of responses may be followed while the survey runs."""
    return _state(survey_state) in {SurveyState.OPEN, *_FINISHED}
