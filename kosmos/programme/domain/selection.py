"""The balanced selection proposal: the best-ranked applications that meet the call's minimums.

Pure: no Django. Input: the applications in the committee's ranking (best first) and the rules
(number of places, at least x gE and y zkT, every topic at least once, at most z per Land).
Output: the selection that keeps as many of the best-ranked applications as possible — the
lexicographically best set in ranking order that meets every rule — and, for each difference to
the pure ranking, a swap with its reasons. When the rules cannot be met together, the proposal says
which (``problems``) and falls back to the best-ranked applications within the limit per Land.

The search is a depth-first search in ranking order ("take it" before "leave it"), pruned by what
the remaining applications can still contribute; the first complete selection it finds is the best.
A node budget bounds the work; a call has a few dozen applications, far below it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from kosmos.core.domain.i18n import Message, gettext_noop, message

GE = "ge"
ZKT = "zkt"
NODE_BUDGET = 200_000


@dataclass(frozen=True, slots=True)
class Candidate:
    key: str
    label: str
    form: str  # "ge", "zkt" or ""
    state: str  # the Land's code, or ""
    topic: str  # the topic's name, or ""


@dataclass(frozen=True, slots=True)
class Rules:
    count: int
    min_ge: int = 0
    min_zkt: int = 0
    max_per_state: int | None = None
    topics: tuple[str, ...] = ()  # topics that must be covered at least once

    def __post_init__(self) -> None:
        if self.count < 1 or self.min_ge < 0 or self.min_zkt < 0:
            raise ValueError("count must be positive and the minimums non-negative")
        if self.max_per_state is not None and self.max_per_state < 1:
            raise ValueError("max_per_state must be positive or None")


@dataclass(frozen=True, slots=True)
class Swap:
    """One difference to the pure ranking: an application comes in, one gives way, or both."""

    added: Candidate | None
    added_rank: int | None
    removed: Candidate | None
    removed_rank: int | None
    reasons: tuple[Message, ...]

    @property
    def explanation(self) -> Message:
        if self.removed is None and self.added is not None:
            return message(
                gettext_noop("%(added)s (rank %(added_rank)s) is selected: %(reasons)s"),
                added=self.added.label, added_rank=self.added_rank, reasons=self.reasons,
            )
        if self.added is None and self.removed is not None:
            return message(
                gettext_noop("%(removed)s (rank %(removed_rank)s) is not selected: %(reasons)s"),
                removed=self.removed.label, removed_rank=self.removed_rank, reasons=self.reasons,
            )
        assert self.added is not None and self.removed is not None
        return message(
            gettext_noop("%(added)s (rank %(added_rank)s) instead of %(removed)s (rank %(removed_rank)s): %(reasons)s"),
            added=self.added.label, added_rank=self.added_rank, removed=self.removed.label,
            removed_rank=self.removed_rank, reasons=self.reasons,
        )


@dataclass(frozen=True, slots=True)
class Proposal:
    selected: tuple[Candidate, ...]
    pure: tuple[Candidate, ...]
    swaps: tuple[Swap, ...] = ()
    problems: tuple[Message, ...] = field(default_factory=tuple)

    @property
    def feasible(self) -> bool:
        return not self.problems

    @property
    def selected_keys(self) -> set[str]:
        return {c.key for c in self.selected}


def meets(selection: Sequence[Candidate], rules: Rules) -> bool:
    """Whether a selection meets the minimums and the limit per Land (not the number of places)."""
    forms = Counter(c.form for c in selection)
    states = Counter(c.state for c in selection if c.state)
    topics = {c.topic for c in selection}
    return (
        forms[GE] >= rules.min_ge
        and forms[ZKT] >= rules.min_zkt
        and all(t in topics for t in rules.topics)
        and (rules.max_per_state is None or all(n <= rules.max_per_state for n in states.values()))
    )


def places(ranked: Sequence[Candidate], rules: Rules) -> int:
    """How many can be selected: the number of places, or fewer when the limit per Land leaves fewer."""
    if rules.max_per_state is None:
        return min(rules.count, len(ranked))
    per_state = Counter(c.state for c in ranked)
    capacity = sum(n if not state else min(n, rules.max_per_state) for state, n in per_state.items())
    return min(rules.count, capacity)


def _within_limit(ranked: Sequence[Candidate], rules: Rules, target: int) -> list[Candidate]:
    chosen: list[Candidate] = []
    states: Counter[str] = Counter()
    for candidate in ranked:
        if len(chosen) == target:
            break
        if candidate.state and rules.max_per_state is not None and states[candidate.state] >= rules.max_per_state:
            continue
        chosen.append(candidate)
        states[candidate.state] += 1
    return chosen


def _plain_problems(ranked: Sequence[Candidate], rules: Rules, target: int) -> list[Message]:
    problems = []
    forms = Counter(c.form for c in ranked)
    for form, minimum, label in ((GE, rules.min_ge, "gE"), (ZKT, rules.min_zkt, "zkT")):
        if forms[form] < minimum:
            problems.append(message(
                gettext_noop("At least %(minimum)s %(form)s are required, but only %(available)s applied."),
                minimum=minimum, form=label, available=forms[form]))
    if rules.min_ge + rules.min_zkt > target:
        problems.append(message(
            gettext_noop("The minimums for gE and zkT (%(total)s) exceed the %(places)s places."),
            total=rules.min_ge + rules.min_zkt, places=target))
    present = {c.topic for c in ranked}
    for topic in rules.topics:
        if topic not in present:
            problems.append(message(gettext_noop("No application covers the topic %(topic)s."), topic=topic))
    if len(rules.topics) > target:
        problems.append(message(
            gettext_noop("There are more topics (%(topics)s) than places (%(places)s)."),
            topics=len(rules.topics), places=target))
    return problems


class BudgetExceeded(Exception):
    """The search visited more nodes than its budget allows."""


def _search(ranked: Sequence[Candidate], rules: Rules, target: int, budget: int) -> list[int] | None:
    n = len(ranked)
    topic_index = {t: i for i, t in enumerate(rules.topics)}
    # suffix[i]: what ranked[i:] offers — gE, zkT and each required topic.
    suffix_ge = [0] * (n + 1)
    suffix_zkt = [0] * (n + 1)
    suffix_topic = [[0] * len(rules.topics) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        c = ranked[i]
        suffix_ge[i] = suffix_ge[i + 1] + (c.form == GE)
        suffix_zkt[i] = suffix_zkt[i + 1] + (c.form == ZKT)
        suffix_topic[i] = list(suffix_topic[i + 1])
        if c.topic in topic_index:
            suffix_topic[i][topic_index[c.topic]] += 1
    chosen: list[int] = []
    states: Counter[str] = Counter()
    covered = [0] * len(rules.topics)
    forms: Counter[str] = Counter()
    nodes = 0

    def feasible_from(i: int) -> bool:
        slots = target - len(chosen)
        need_ge = max(0, rules.min_ge - forms[GE])
        need_zkt = max(0, rules.min_zkt - forms[ZKT])
        uncovered = [j for j, k in enumerate(covered) if k == 0]
        if n - i < slots or need_ge + need_zkt > slots or len(uncovered) > slots:
            return False
        if suffix_ge[i] < need_ge or suffix_zkt[i] < need_zkt:
            return False
        return all(suffix_topic[i][j] > 0 for j in uncovered)

    def visit(i: int) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > budget:
            raise BudgetExceeded
        if not feasible_from(i):
            return False
        if len(chosen) == target:
            return True  # no slot left and (feasible_from) no need left
        c = ranked[i]
        limit_ok = not c.state or rules.max_per_state is None or states[c.state] < rules.max_per_state
        if limit_ok:
            chosen.append(i)
            states[c.state] += 1
            forms[c.form] += 1
            if c.topic in topic_index:
                covered[topic_index[c.topic]] += 1
            if visit(i + 1):
                return True
            chosen.pop()
            states[c.state] -= 1
            forms[c.form] -= 1
            if c.topic in topic_index:
                covered[topic_index[c.topic]] -= 1
        return visit(i + 1)

    return list(chosen) if visit(0) else None


def _swaps(ranked: Sequence[Candidate], rules: Rules, selected: Sequence[Candidate]) -> tuple[Swap, ...]:
    """Pair what comes in (best first) with what gives way (worst first) and give the reasons."""
    rank = {c.key: i + 1 for i, c in enumerate(ranked)}
    pure = list(ranked[: rules.count])
    pure_keys = {c.key for c in pure}
    chosen_keys = {c.key for c in selected}
    added = [c for c in selected if c.key not in pure_keys]
    removed = [c for c in reversed(pure) if c.key not in chosen_keys]  # worst-ranked first
    pure_forms = Counter(c.form for c in pure)
    pure_topics = {c.topic for c in pure}
    pure_states = Counter(c.state for c in pure)

    def why_in(a: Candidate) -> list[Message]:
        reasons = []
        if a.form == GE and pure_forms[GE] < rules.min_ge:
            reasons.append(message(gettext_noop("brings the gE up to the minimum of %(minimum)s"), minimum=rules.min_ge))
        if a.form == ZKT and pure_forms[ZKT] < rules.min_zkt:
            reasons.append(message(gettext_noop("brings the zkT up to the minimum of %(minimum)s"), minimum=rules.min_zkt))
        if a.topic in rules.topics and a.topic not in pure_topics:
            reasons.append(message(gettext_noop("covers the topic %(topic)s"), topic=a.topic))
        return reasons

    def why_out(b: Candidate) -> list[Message]:
        if b.state and rules.max_per_state is not None and pure_states[b.state] > rules.max_per_state:
            return [message(gettext_noop("%(state)s would exceed the limit of %(maximum)s per Land"),
                            state=b.state, maximum=rules.max_per_state)]
        return []

    swaps = []
    for index in range(max(len(added), len(removed))):
        a = added[index] if index < len(added) else None
        b = removed[index] if index < len(removed) else None
        reasons = (why_in(a) if a else []) + (why_out(b) if b else [])
        if not reasons:
            reasons.append(message(gettext_noop("next in the ranking that keeps every rule")) if a else
                           message(gettext_noop("the limit per Land leaves fewer places")))
        swaps.append(Swap(a, rank[a.key] if a else None, b, rank[b.key] if b else None, tuple(reasons)))
    return tuple(swaps)


def propose(ranked: Sequence[Candidate], rules: Rules, budget: int = NODE_BUDGET) -> Proposal:
    """The selection proposal for candidates in ranking order (best first)."""
    if len({c.key for c in ranked}) != len(ranked):
        raise ValueError("candidate keys must be unique")
    target = places(ranked, rules)
    pure = tuple(ranked[: rules.count])
    problems = _plain_problems(ranked, rules, target)
    found = None
    if not problems:
        try:
            found = _search(ranked, rules, target, budget)
        except BudgetExceeded:
            problems.append(message(gettext_noop(
                "No selection meeting every rule was found within the search limit; please select by hand.")))
        else:
            if found is None:
                problems.append(message(gettext_noop(
                    "The minimums cannot all be met together with the limit per Land and the number of places.")))
    if found is None:
        return Proposal(selected=tuple(_within_limit(ranked, rules, target)), pure=pure, problems=tuple(problems))
    selected = tuple(ranked[i] for i in found)
    return Proposal(selected=selected, pure=pure, swaps=_swaps(ranked, rules, selected))
