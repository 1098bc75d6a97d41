"""One suppression plan for everything a wave shows: pages, breakdowns, comparisons, reports,
exports, answered counts, conditional questions and the raw export.

Why one plan
------------
An attacker reads every page and export of a wave and combines them. For every number shown,
the rows an attacker can attribute to it from any other page or export must differ from it by 0
or by at least K. The group plan (:func:`~kosmos.surveys.domain.anonymity.plan_suppression`)
guarantees this for the *group counts*. Three more things are derived from the same plan here:

1. **Answered counts.** A question that not everybody answered (optional, or shown only under a
   condition) has its own counts per group cell. Comparing its n under two filters would reveal
   the answers of the few who differ. So every question whose answered counts differ from the
   group counts gets its own plan over *its* counts, started from everything the group plan
   hides (``plan_suppression(..., like=groups)``): it hides at least what the group plan hides,
   and its complementary suppression keeps its own hidden cells unrecoverable.

2. **Conditions on group questions.** A question shown only for some values of a group question
   (a follow-up only for area A) is answered by exactly those groups, which anyone reading the
   questionnaire knows. Its n under a filter F is then the count of "F and area in {A}", a count
   the group plan may hide (A = 6 hidden, B = 10 shown, total 17: the follow-up's n = 6 would
   give C = 1). Such a question is shown under F only when every group cell that decides its
   condition (F with each value of each group question it depends on, directly or through other
   conditions) is shown by the group plan: its n is then a sum of shown counts, and any two of
   its shown results differ by sums of shown parent-child differences, each 0 or at least K.

3. **The raw export.** One row per response. Instead of blanking values row by row (which
   decides apart from the aggregates and lets "summary minus labelled rows" isolate a person),
   the raw export shows the group columns of a set of group questions ``raw_dimensions`` for
   *every* row, and none of the others. The set is the largest one whose every conjunction
   (up to ``max_conditions`` conditions, the full cells included) is shown by the group plan: then
   every subset of rows an attacker can select by labels is a group the pages show as well, with
   the same count, and a group with an unlabelled condition cannot be selected at all. Questions
   whose condition depends on a group question outside that set are left out of the raw export
   (``raw_hidden_questions``): which rows answered them would act as that group's label.

The remaining limit is the one of the group plan (see its module docstring): an attacker who
solves the linear system of all shown numbers with non-negativity may narrow a hidden cell to an
interval, and a group of at least K whose members all gave the same answer reveals that answer.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kosmos.surveys.domain.anonymity import (
    ConditionsLike,
    Conjunction,
    SuppressionPlan,
    conjunction,
    plan_suppression,
)


@dataclass(frozen=True)
class WavePlan:
    """The decisions for one wave; every page and export asks it."""

    groups: SuppressionPlan
    questions: dict[str, SuppressionPlan] = field(repr=False)
    depends: dict[str, frozenset[str]] = field(repr=False)
    raw_dimensions: tuple[str, ...] = ()

    @property
    def k(self) -> int:
        return self.groups.k

    def question_plan(self, key: str) -> SuppressionPlan:
        return self.questions.get(key, self.groups)

    def _condition_cells_shown(self, key: str, conj: Conjunction) -> bool:
        fixed = {d for d, _ in conj}
        open_dims = sorted(self.depends.get(key, frozenset()) - fixed)
        if not open_dims:
            return True
        for values in itertools.product(*(self.groups.values(d) for d in open_dims)):
            if self.groups.count(conj | set(zip(open_dims, values, strict=True))) is None:
                return False
        return True

    def shows(self, key: str, conditions: ConditionsLike = ()) -> bool:
        """Whether the results (distribution, mean, n, free texts) of a question are shown for a group."""
        conj = conjunction(conditions)
        if not self.groups.is_displayable(conj):
            return False
        n = self.question_plan(key).count(conj)
        if n is None or n < self.k:
            return False
        return self._condition_cells_shown(key, conj)

    @property
    def raw_hidden_questions(self) -> frozenset[str]:
        """Questions left out of the raw export: their condition depends on an unlabelled group."""
        shown = set(self.raw_dimensions)
        return frozenset(key for key, dims in self.depends.items() if not dims <= shown)


def condition_dependencies(
    conditions: Mapping[str, str | None], group_keys: Iterable[str]
) -> dict[str, frozenset[str]]:
    """The group questions each question's visibility depends on, through chains of conditions.

    ``conditions`` maps every question key to the key its condition refers to (None: no condition).
    """
    groups = set(group_keys)
    result: dict[str, frozenset[str]] = {}

    def resolve(key: str, seen: frozenset[str]) -> frozenset[str]:
        if key in result:
            return result[key]
        source = conditions.get(key)
        if source is None or source in seen:
            found: frozenset[str] = frozenset()
        else:
            own = {source} if source in groups else set()
            found = frozenset(own) | resolve(source, seen | {key})
        result[key] = found
        return found

    for key in conditions:
        resolve(key, frozenset())
    return result


def raw_export_dimensions(groups: SuppressionPlan, order: Iterable[str]) -> tuple[str, ...]:
    """The largest set of group questions whose every conjunction the group plan shows.

    Ties go to the set that comes first in ``order`` (the order of the group questions).
    """
    dims = [d for d in order if d in groups.domains]
    for size in range(len(dims), 0, -1):
        for chosen in itertools.combinations(dims, size):
            if _all_shown(groups, chosen):
                return chosen
    return ()


def _all_shown(groups: SuppressionPlan, dims: tuple[str, ...]) -> bool:
    for size in range(1, len(dims) + 1):
        for subset in itertools.combinations(dims, size):
            for values in itertools.product(*(groups.values(d) for d in subset)):
                if groups.count(zip(subset, values, strict=True)) is None:
                    return False
    return True


def plan_wave(
    groups: SuppressionPlan,
    answered: Mapping[str, Mapping[Conjunction, int]],
    depends: Mapping[str, frozenset[str]],
    order: Iterable[str],
) -> WavePlan:
    """Build the wave plan from the group plan.

    ``answered``: per question key, the counts of responses that answered it, per conjunction
    (as :func:`~kosmos.surveys.domain.anonymity.counts_from_cells` builds them from the finest
    cells). A question whose counts equal the group counts shares the group plan.
    """
    plans: dict[str, SuppressionPlan] = {}
    cache: dict[frozenset[tuple[Conjunction, int]], SuppressionPlan] = {}
    for key, counts in answered.items():
        relevant = {c: n for c, n in counts.items() if n and c in groups.counts}
        if relevant == {c: n for c, n in groups.counts.items() if n}:
            continue
        signature = frozenset(relevant.items())
        if signature not in cache:
            cache[signature] = plan_suppression(
                {conjunction(()): 0, **relevant}, groups.k, max_conditions=groups.max_conditions, like=groups
            )
        plans[key] = cache[signature]
    return WavePlan(groups, plans, {k: frozenset(v) for k, v in depends.items()}, raw_export_dimensions(groups, order))
