"""Recommendations per gap, from the catalogue: for each channel and dimension below the target,
what helps to reach each missing level."""

from __future__ import annotations

from dataclasses import dataclass

from kosmos.channels.selectors_check import CheckResult


@dataclass(frozen=True)
class GapRecommendation:
    channel_key: str
    channel: str
    dimension_key: str
    dimension: str
    current: int
    target: int
    texts: tuple[str, ...]

    @property
    def finding_id(self) -> str:
        return f"{self.channel_key}.{self.dimension_key}"


def recommendations_for(result: CheckResult) -> list[GapRecommendation]:
    items = []
    for row in result.rows:
        for gap in row.gaps:
            dimension = result.catalogue.dimension(gap.dimension)
            if dimension is None:
                continue
            texts = tuple(r.text for level in gap.steps
                          for r in result.catalogue.recommendations.get((dimension.pk, level), []))
            items.append(GapRecommendation(row.channel.key, row.channel.name, dimension.key, dimension.name,
                                           gap.current, gap.target, texts))
    return items
