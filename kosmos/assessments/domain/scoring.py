"""Scoring rules: rounding, RADAR proposals, aggregation, scale conversion, CAF panels, bands and references.

Working rules (documented for users in ``kosmos/assessments/model_data/README.md``):

- RADAR attributes and unit scores are percentages 0–100 in steps of 5.
- The tool *proposes* a unit score as the mean of its attribute scores, rounded half-up to a multiple of 5;
  the group may override it with a reason.
- Criterion % = mean of its unit % (not rounded, to avoid rounding twice).
- EFQM total = Σ criterion % × criterion points ÷ 100 (1000 points in total).
- CAF has no points: the overall value is the unweighted mean of the criterion percentages.
- Short formats answered on a maturity scale are converted linearly to % (0–5: level × 20;
  1–5: (level − 1) × 25) and the result carries a note that says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from kosmos.core.domain.i18n import Message, gettext_noop, message
from kosmos.core.domain.numbers import format_number
from kosmos.core.hints import Hint

from ._numbers import Number, as_number, mean, round_half_up_fraction, to_fraction
from .structures import AssessmentModel, Band

STEP = 5
PERCENT_MIN = 0
PERCENT_MAX = 100

# --------------------------------------------------------------------------------------------------
# Rounding and validation
# --------------------------------------------------------------------------------------------------


def round_half_up(value: Number, ndigits: int = 0) -> int | float:
    """Commercial rounding (ties away from zero for positives): 2.5 -> 3, 0.125 -> 0.13 (ndigits=2)."""
    exact = to_fraction(value)
    rounded = round_half_up_fraction(exact, Fraction(1, 10**ndigits))
    return as_number(rounded) if ndigits > 0 else int(rounded)


def round_to_step(value: Number, step: int = STEP) -> int:
    """Round half-up to the nearest multiple of ``step``: 37.5 -> 40, 32.4 -> 30, 2.5 -> 5."""
    if step <= 0:
        raise ValueError("step must be positive")
    return int(round_half_up_fraction(to_fraction(value), Fraction(step)))


def validate_percent(value: Number, *, step: int | None = STEP) -> Fraction:
    """Return the value as a fraction if it lies in 0..100 (and on the step grid if ``step`` is given)."""
    exact = to_fraction(value)
    if not PERCENT_MIN <= exact <= PERCENT_MAX:
        raise ValueError(f"percentage {value!r} is not between 0 and 100")
    if step is not None and exact % step != 0:
        raise ValueError(f"percentage {value!r} is not a multiple of {step}")
    return exact


# --------------------------------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------------------------------


def propose_unit_percent(
    attribute_scores: Mapping[str, Number | None] | Iterable[Number | None],
) -> int | None:
    """Proposal for a sub-criterion (or results criterion) from its RADAR attribute scores.

    Attribute scores must be 0–100 in steps of 5; ``None`` means "not rated" and is skipped.
    Returns the mean rounded half-up to a multiple of 5, or ``None`` when nothing is rated.
    """
    values = attribute_scores.values() if isinstance(attribute_scores, Mapping) else attribute_scores
    rated = [validate_percent(v) for v in values if v is not None]
    average = mean(rated)
    return None if average is None else round_to_step(average)


def criterion_percent(unit_percents: Iterable[Number | None]) -> float | int | None:
    """Criterion % = mean of its rated unit percentages (unrounded); ``None`` if none is rated."""
    rated = [validate_percent(v, step=None) for v in unit_percents if v is not None]
    average = mean(rated)
    return None if average is None else as_number(average)


def total_points(
    criterion_percents: Mapping[str, Number], criterion_points: Mapping[str, int]
) -> float | int:
    """Σ criterion % × criterion points ÷ 100; every criterion with points needs a percentage.

    >>> total_points({"1": 40, "2": 35, "3": 30, "4": 30, "5": 25, "6": 30, "7": 25},
    ...              {"1": 100, "2": 100, "3": 100, "4": 200, "5": 100, "6": 200, "7": 200})
    300
    """
    missing = sorted(set(criterion_points) - set(criterion_percents))
    unknown = sorted(set(criterion_percents) - set(criterion_points))
    if missing or unknown:
        raise ValueError(f"criteria do not match the model (missing: {missing}, unknown: {unknown})")
    total = sum(
        (
            validate_percent(criterion_percents[c], step=None) * points / 100
            for c, points in criterion_points.items()
        ),
        Fraction(0),
    )
    return as_number(total)


def mean_percent(
    criterion_percents: Mapping[str, Number | None] | Iterable[Number | None],
) -> float | int | None:
    """Unweighted mean of criterion percentages (CAF overall value); ``None`` if nothing is rated."""
    values = criterion_percents.values() if isinstance(criterion_percents, Mapping) else criterion_percents
    return criterion_percent(values)


# --------------------------------------------------------------------------------------------------
# Bands and reference levels
# --------------------------------------------------------------------------------------------------


def _default_bands() -> tuple[Band, ...]:
    from .model_data import load_model

    return load_model("efqm2020").bands


def band_for(percent: Number, bands: Sequence[Band] | None = None) -> Band:
    """Band of a percentage: the band with the largest lower bound not above the value.

    A value between two nominal bands (e.g. 35 between "10–30" and "40–60") belongs to the lower band,
    because the higher band is only reached at its lower bound.
    """
    exact = validate_percent(percent, step=None)
    ordered = sorted(bands if bands is not None else _default_bands(), key=lambda b: b.min)
    chosen = ordered[0]
    for band in ordered:
        if band.min <= exact:
            chosen = band
    return chosen


def band_label(percent: Number, bands: Sequence[Band] | None = None) -> str:
    return band_for(percent, bands).label


@dataclass(frozen=True, slots=True)
class RecognitionLevel:
    stars: int
    min_points: int
    label: Message | str  # Message from this module; the Django layer replaces it by the translated text
    description: Message | str


RECOGNITION_NOTE = gettext_noop(
    "For orientation only: a self-assessment does not replace an assessment by EFQM assessors."
)
RECOGNITION_LEVELS: tuple[RecognitionLevel, ...] = tuple(
    RecognitionLevel(
        stars=stars,
        min_points=threshold,
        label=message(gettext_noop("EFQM recognition level with %(stars)s stars"), stars=stars),
        description=message(
            gettext_noop("Reference level from %(points)s points. %(note)s"),
            points=threshold,
            note=message(RECOGNITION_NOTE),
        ),
    )
    for stars, threshold in ((3, 300), (4, 400), (5, 500))
)
AWARD_REFERENCE = gettext_noop(
    "Organisations that apply for an award worldwide reach about 700 to 800 points."
)
FIRST_ASSESSMENT_CALIBRATION_LIMIT = 500


def recognition_level(points: Number) -> RecognitionLevel | None:
    """Highest star reference reached (3 from 300, 4 from 400, 5 from 500 points) or ``None`` below 300."""
    exact = to_fraction(points)
    reached = [level for level in RECOGNITION_LEVELS if exact >= level.min_points]
    return reached[-1] if reached else None


def calibration_hints(points: Number, *, first_assessment: bool) -> list[Hint]:
    """Calibration warning for a first self-assessment above 500 points."""
    exact = to_fraction(points)
    if first_assessment and exact > FIRST_ASSESSMENT_CALIBRATION_LIMIT:
        shown = round_half_up(exact)
        return [
            Hint(
                code="calibration_first_assessment_high",
                message=message(
                    gettext_noop(
                        "For a first self-assessment the result of %(points)s points is very high. "
                        "Experience shows that first self-assessments turn out too favourable. "
                        "For comparison: %(reference)s "
                        "Check in the assessment circle whether the scale was agreed on together beforehand "
                        "and whether every rating is supported by evidence."
                    ),
                    points=shown,
                    reference=message(AWARD_REFERENCE),
                ),
            )
        ]
    return []


# --------------------------------------------------------------------------------------------------
# Maturity scales (Quick-Check and other short formats)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MaturityScale:
    """A simple level scale; levels convert linearly so that ``min_level`` is 0 % and ``max_level`` 100 %."""

    code: str
    min_level: int
    max_level: int
    name: str  # marked English source string

    @property
    def percent_per_level(self) -> Fraction:
        return Fraction(PERCENT_MAX, self.max_level - self.min_level)


MATURITY_0_5 = MaturityScale("maturity_0_5", 0, 5, gettext_noop("Maturity 0–5"))
MATURITY_1_5 = MaturityScale("maturity_1_5", 1, 5, gettext_noop("Scale 1–5"))


def maturity_to_percent(level: Number, scale: MaturityScale = MATURITY_0_5) -> int:
    """Convert a level (or a mean of levels) to %, rounded half-up to a multiple of 5.

    0–5: level × 20 (3 -> 60 %). 1–5: (level − 1) × 25 (1 -> 0 %, 3 -> 50 %, 5 -> 100 %). The lowest level
    always means 0 %, so a 1–5 scale does not start at 20 % and does not inflate the total.
    """
    exact = to_fraction(level)
    if not scale.min_level <= exact <= scale.max_level:
        raise ValueError(f"level {level!r} is not between {scale.min_level} and {scale.max_level}")
    return round_to_step((exact - scale.min_level) * scale.percent_per_level)


def _fmt(value: Fraction) -> str:
    return format_number(value, 2, trim=True)


def maturity_note(scale: MaturityScale = MATURITY_0_5) -> Message:
    """Note for result pages that explains how the scale was converted."""
    step = scale.percent_per_level
    middle = (scale.min_level + scale.max_level + 1) // 2
    middle_percent = maturity_to_percent(middle, scale)
    if scale.min_level == 0:
        formula = message(gettext_noop("level × %(step)s"), step=_fmt(step))
    else:
        formula = message(gettext_noop("(level − %(low)s) × %(step)s"), low=scale.min_level, step=_fmt(step))
    return message(
        gettext_noop(
            "Conversion: the answers on the scale %(low)s to %(high)s were converted to percent "
            "(%(formula)s; level %(low)s = 0%%, level %(middle)s = %(middle_percent)s%%, "
            "level %(high)s = 100%%). Means were rounded to whole 5%%. "
            "This way the result appears in the same form as a full self-assessment. "
            "It is a first, subjective estimate and not a rating according to RADAR."
        ),
        low=scale.min_level,
        high=scale.max_level,
        formula=formula,
        middle=middle,
        middle_percent=middle_percent,
    )


def maturity_criterion_percents(
    levels_by_criterion: Mapping[str, Iterable[Number | None]], scale: MaturityScale = MATURITY_0_5
) -> dict[str, int | None]:
    """Quick-Check result: per criterion the mean level of its answers, converted to % (multiple of 5)."""
    result: dict[str, int | None] = {}
    for code, levels in levels_by_criterion.items():
        average = mean(v for v in levels if v is not None)
        result[code] = None if average is None else maturity_to_percent(average, scale)
    return result


# --------------------------------------------------------------------------------------------------
# CAF panels
# --------------------------------------------------------------------------------------------------

CAF_CLASSICAL_RANGES: tuple[tuple[int, int], ...] = (
    (0, 10),
    (11, 30),
    (31, 50),
    (51, 70),
    (71, 90),
    (91, 100),
)
CAF_FINE_TUNED_DIMENSIONS = {"enabler": ("plan", "do", "check", "act"), "results": ("trends", "targets")}


def caf_classical_range(level: int) -> tuple[int, int]:
    """0–100 range of a classical CAF level 0–5 (same ranges for enablers and results)."""
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 5:
        raise ValueError(f"CAF level {level!r} must be a whole number from 0 to 5")
    return CAF_CLASSICAL_RANGES[level]


def caf_classical_percent(level: int, percent: Number | None = None) -> int | float:
    """Score for a classical level; ``percent`` may fine-position within the level's range (default: midpoint)."""
    lo, hi = caf_classical_range(level)
    if percent is None:
        return round_half_up(Fraction(lo + hi, 2))
    exact = to_fraction(percent)
    if not lo <= exact <= hi:
        raise ValueError(f"value {percent!r} is not in the range {lo}–{hi} of level {level}")
    return as_number(exact)


def caf_level_for_percent(percent: Number) -> int:
    """Classical level for a 0–100 value (0–10 -> 0, >10–30 -> 1, ..., >90–100 -> 5)."""
    exact = validate_percent(percent, step=None)
    for level, (_lo, hi) in enumerate(CAF_CLASSICAL_RANGES):
        if exact <= hi:
            return level
    return 5  # pragma: no cover - unreachable, validate_percent caps at 100


def caf_fine_tuned_score(values: Mapping[str, Number], kind: str) -> float | int:
    """Fine-tuned panel: mean of the PDCA phases (enablers) or of trends and targets (results), 1 decimal."""
    try:
        dimensions = CAF_FINE_TUNED_DIMENSIONS[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; expected 'enabler' or 'results'") from None
    missing = [d for d in dimensions if values.get(d) is None]
    unknown = sorted(set(values) - set(dimensions))
    if missing or unknown:
        raise ValueError(
            f"fine-tuned {kind} panel needs exactly {dimensions} (missing {missing}, unknown {unknown})"
        )
    average = mean(validate_percent(values[d], step=None) for d in dimensions)
    assert average is not None
    return round_half_up(average, 1)


# --------------------------------------------------------------------------------------------------
# Whole assessment
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AssessmentScore:
    """Aggregated result of one assessment.

    ``points`` is the rounded EFQM total (``None`` for CAF or while a criterion is unrated);
    ``overall_percent`` is points ÷ 10 for EFQM and the mean of the criteria for CAF.
    """

    model_code: str
    criterion_percents: dict[str, float | int | None]
    points: int | None
    overall_percent: float | int | None
    recognition: RecognitionLevel | None
    hints: list[Hint] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(v is not None for v in self.criterion_percents.values())


def score_assessment(
    model: AssessmentModel, unit_percents: Mapping[str, Number | None], *, first_assessment: bool = False
) -> AssessmentScore:
    """Aggregate unit percentages (sub-criteria and whole criteria) to criteria and the overall result."""
    known = {u.code for u in model.scoring_units}
    unknown = sorted(set(unit_percents) - known)
    if unknown:
        raise ValueError(f"unknown scoring units for {model.code}: {', '.join(unknown)}")
    percents: dict[str, float | int | None] = {
        c.code: criterion_percent(unit_percents.get(u.code) for u in c.scoring_units) for c in model.criteria
    }
    hints: list[Hint] = []
    missing = [c for c, v in percents.items() if v is None]
    if missing:
        hints.append(
            Hint(
                code="incomplete",
                message=message(
                    gettext_noop(
                        "Not rated yet: criterion %(codes)s. "
                        "The overall result is calculated as soon as every criterion is rated."
                    ),
                    codes=missing,
                ),
                severity="info",
            )
        )
    points: int | None = None
    overall: float | int | None = None
    recognition: RecognitionLevel | None = None
    if model.scoring_method == "points":
        if not missing:
            raw = total_points(
                {c: v for c, v in percents.items() if v is not None}, model.points_by_criterion
            )
            points = round_half_up(raw)
            overall = as_number(to_fraction(raw) * 100 / (model.total_points or 1000))
            recognition = recognition_level(raw)
            hints.extend(calibration_hints(raw, first_assessment=first_assessment))
    elif not missing:
        overall = mean_percent(percents)
    return AssessmentScore(model.code, percents, points, overall, recognition, hints)
