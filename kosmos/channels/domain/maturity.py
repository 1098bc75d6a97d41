"""Maturity of communication channels: pure computation (no Django import).

The overall level of a channel follows the weakest-dimension rule of the OZG-Reifegradmodell:
a channel is only as mature as its weakest dimension. The mean is shown for information only.
Both need every dimension answered; an incomplete channel has no overall level.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MIN_LEVEL = 0
MAX_LEVEL = 4
TARGET_YEARS = 2


def validate_level(level: object) -> int:
    """The level as an int, or ValueError for anything outside 0–4."""
    if isinstance(level, bool) or not isinstance(level, int) or not MIN_LEVEL <= level <= MAX_LEVEL:
        raise ValueError(f"level must be an integer from {MIN_LEVEL} to {MAX_LEVEL}, got {level!r}")
    return level


@dataclass(frozen=True)
class ChannelResult:
    answered: int
    dimensions: int
    overall: int | None  # weakest dimension; None until every dimension is answered
    mean: float | None  # mean over the answered dimensions (information only)
    weakest: tuple[str, ...]  # keys of the dimensions at the overall level

    @property
    def complete(self) -> bool:
        return self.dimensions > 0 and self.answered == self.dimensions


def channel_result(levels: Mapping[str, int | None], dimension_keys: Sequence[str]) -> ChannelResult:
    """Result of one channel from its levels per dimension key (missing or None: unanswered)."""
    answered = {key: validate_level(levels[key]) for key in dimension_keys if levels.get(key) is not None}
    mean = round(sum(answered.values()) / len(answered), 2) if answered else None
    if not dimension_keys or len(answered) < len(dimension_keys):
        return ChannelResult(len(answered), len(dimension_keys), None, mean, ())
    overall = min(answered.values())
    weakest = tuple(key for key in dimension_keys if answered[key] == overall)
    return ChannelResult(len(answered), len(dimension_keys), overall, mean, weakest)


@dataclass(frozen=True)
class Gap:
    dimension: str
    current: int
    target: int

    @property
    def steps(self) -> tuple[int, ...]:
        """The levels to reach, one after the other (recommendations are per level)."""
        return tuple(range(self.current + 1, self.target + 1))


def gaps(levels: Mapping[str, int | None], target: int | None, dimension_keys: Sequence[str]) -> list[Gap]:
    """Dimensions below the channel's target, weakest first (then in catalogue order).

    Without a target, the next level above the weakest dimension is the target (the weakest
    dimension sets the overall level, so that is where the next step pays off).
    """
    answered = {key: validate_level(levels[key]) for key in dimension_keys if levels.get(key) is not None}
    if not answered:
        return []
    goal = validate_level(target) if target is not None else min(min(answered.values()) + 1, MAX_LEVEL)
    order = {key: index for index, key in enumerate(dimension_keys)}
    found = [Gap(key, level, goal) for key, level in answered.items() if level < goal]
    return sorted(found, key=lambda gap: (gap.current, order[gap.dimension]))


def default_target(overall: int | None) -> int | None:
    """A reachable suggestion for two years: one level up from today (capped at 4)."""
    if overall is None:
        return None
    return min(validate_level(overall) + 1, MAX_LEVEL)


def level_counts(levels: Iterable[int]) -> list[int]:
    """How many channels (or dimensions) sit at each level 0–4."""
    counts = [0] * (MAX_LEVEL + 1)
    for level in levels:
        counts[validate_level(level)] += 1
    return counts
