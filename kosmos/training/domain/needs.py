"""Needs versus offer (pure): survey statements with a high need and no training on offer."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

HIGH_NEED = 0.5  # share of staff with high or medium need


@dataclass(frozen=True)
class Need:
    key: str  # the survey statement's key, e.g. "digital_video"
    text: str
    share: float  # 0..1 of valid answers: high or medium need
    n: int
    section: str = ""


@dataclass(frozen=True)
class NeedRow:
    need: Need
    offers: int  # active trainings on a topic that answers the statement

    @property
    def gap(self) -> bool:
        return self.need.share >= HIGH_NEED and self.offers == 0


def compare(needs: Iterable[Need], offers_by_key: dict[str, int], *, threshold: float = HIGH_NEED) -> list[NeedRow]:
    """Every need with its number of offers, highest need first."""
    rows = [NeedRow(need, offers_by_key.get(need.key, 0)) for need in needs]
    return sorted(rows, key=lambda r: (-r.need.share, r.need.text))


def gaps(rows: Collection[NeedRow]) -> list[NeedRow]:
    return [row for row in rows if row.gap]
