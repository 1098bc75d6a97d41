"""The small-group rule of the compliance overview (the surveys' minimum group size idea).

A group with fewer than ``k`` people shows no per-person detail and no share that could
identify someone. When exactly one group is hidden and a total is shown, its numbers could
be recovered by subtraction, so the next smallest group is hidden too (complementary
suppression).
"""

from __future__ import annotations

from collections.abc import Mapping

MIN_GROUP = 5


def hidden_groups(people: Mapping[str, int], *, k: int = MIN_GROUP, total_shown: bool = True) -> frozenset[str]:
    """The keys of the groups whose figures must not be shown."""
    k = max(k, 3)
    hidden = {key for key, n in people.items() if n < k}
    if total_shown and len(hidden) == 1 and len(people) > 1:
        rest = sorted((n, key) for key, n in people.items() if key not in hidden)
        hidden.add(rest[0][1])
    return frozenset(hidden)


def shows_detail(people: int, *, k: int = MIN_GROUP) -> bool:
    """Whether a group of ``people`` may show per-person detail."""
    return people >= max(k, 3)
