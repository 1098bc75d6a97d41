"""How items are rated in each variant, on top of the pure scoring functions."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from kosmos.assessments.domain.model_data import Band
from kosmos.assessments.domain.scoring import maturity_to_percent, propose_unit_percent, round_to_step

PERCENT_CHOICES = list(range(0, 101, 5))
MATURITY_LEVELS = list(range(0, 6))


def bands_of(model_scale: Mapping) -> tuple[Band, ...]:
    """The RADAR bands stored on an ``AssessmentModel`` row as domain ``Band`` objects."""
    return tuple(
        Band(code=b["code"], label=b["label"], min=b["min"], max=b["max"], nominal=b.get("nominal", ""))
        for b in model_scale.get("bands", [])
    )


def score_from_level(level: int | None) -> int | None:
    """0–5 maturity level → % (level × 20)."""
    return None if level is None else maturity_to_percent(level)


def score_from_attributes(attributes: Mapping[str, int | None]) -> int | None:
    """RADAR attributes → proposed item % (mean rounded half-up to 5)."""
    return propose_unit_percent({k: v for k, v in attributes.items() if v is not None})


def level_of_percent(percent: int | float | Fraction) -> Fraction:
    """% back to a maturity level (exact), e.g. 50 % → 2.5."""
    return Fraction(percent) / 20


def proposal_from_scores(scores: list[int]) -> int | None:
    """Mean of the individual item scores, rounded half-up to a multiple of 5."""
    if not scores:
        return None
    return round_to_step(Fraction(sum(scores), len(scores)))
