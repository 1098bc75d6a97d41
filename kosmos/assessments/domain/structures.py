"""Immutable value objects of an assessment model and a question catalogue (built by ``model_data``)."""

from __future__ import annotations

from dataclasses import dataclass, field


class ModelDataError(ValueError):
    """The model or catalogue data is missing, malformed or inconsistent."""


@dataclass(frozen=True, slots=True)
class Band:
    """A band of the 0–100 % scale. A value belongs to the band with the largest ``min`` not above it."""

    code: str
    label: str
    min: int
    max: int
    nominal: str = ""


@dataclass(frozen=True, slots=True)
class RadarAttribute:
    code: str
    name: str
    hint: str


@dataclass(frozen=True, slots=True)
class RadarElement:
    code: str
    name: str
    attributes: tuple[RadarAttribute, ...]


@dataclass(frozen=True, slots=True)
class RadarChart:
    code: str
    name: str
    applies_to: str  # "enabler" | "results"
    scored_per: str  # "sub_criterion" | "criterion"
    elements: tuple[RadarElement, ...]

    @property
    def attributes(self) -> tuple[RadarAttribute, ...]:
        return tuple(a for e in self.elements for a in e.attributes)


@dataclass(frozen=True, slots=True)
class RadarScale:
    min: int
    max: int
    step: int
    bands: tuple[Band, ...]


@dataclass(frozen=True, slots=True)
class Radar:
    scale: RadarScale
    charts: tuple[RadarChart, ...]

    def chart_for(self, kind: str) -> RadarChart:
        for chart in self.charts:
            if chart.applies_to == kind:
                return chart
        raise KeyError(kind)


@dataclass(frozen=True, slots=True)
class PanelLevel:
    level: int
    label: str
    description: str
    min: int
    max: int
    phase: str | None = None


@dataclass(frozen=True, slots=True)
class PanelDimension:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class CafPanels:
    classical_enabler: tuple[PanelLevel, ...]
    classical_results: tuple[PanelLevel, ...]
    fine_tuned_enabler: tuple[PanelDimension, ...]
    fine_tuned_results: tuple[PanelDimension, ...]

    def classical(self, kind: str) -> tuple[PanelLevel, ...]:
        return self.classical_enabler if kind == "enabler" else self.classical_results

    def fine_tuned(self, kind: str) -> tuple[PanelDimension, ...]:
        return self.fine_tuned_enabler if kind == "enabler" else self.fine_tuned_results


@dataclass(frozen=True, slots=True)
class SubCriterion:
    code: str
    name: str
    description: str
    criterion_code: str
    name_en: str = ""


@dataclass(frozen=True, slots=True)
class ScoringUnit:
    """What receives one score: a sub-criterion, or a whole criterion (EFQM 6 and 7)."""

    code: str
    name: str
    description: str
    criterion_code: str
    kind: str
    is_whole_criterion: bool


@dataclass(frozen=True, slots=True)
class Criterion:
    code: str
    name: str
    kind: str
    direction: str
    points: int | None
    description: str
    scored_as_whole: bool
    sub_criteria: tuple[SubCriterion, ...]
    radar_chart: str | None = None
    name_en: str = ""

    @property
    def label(self) -> str:
        """``"4 Nachhaltigen Nutzen schaffen"``"""
        return f"{self.code} {self.name}"

    @property
    def scoring_units(self) -> tuple[ScoringUnit, ...]:
        if self.scored_as_whole:
            return (ScoringUnit(self.code, self.name, self.description, self.code, self.kind, True),)
        return tuple(
            ScoringUnit(s.code, s.name, s.description, self.code, self.kind, False) for s in self.sub_criteria
        )


@dataclass(frozen=True, slots=True)
class Direction:
    code: str
    name: str
    question: str | None
    criteria: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AssessmentModel:
    code: str
    name: str
    short_name: str
    family: str
    scoring_method: str  # "points" | "percent"
    total_points: int | None
    aggregation: str  # "weighted_points" | "mean"
    scoring_explanation: str
    directions: tuple[Direction, ...]
    criteria: tuple[Criterion, ...]
    leadership_criteria: tuple[str, ...]
    radar: Radar | None = None
    panels: CafPanels | None = None
    source_note: str = ""

    # ---- lookups ---------------------------------------------------------------------------------
    def criterion(self, code: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.code == code:
                return criterion
        raise KeyError(code)

    @property
    def criterion_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.criteria)

    @property
    def criterion_names(self) -> dict[str, str]:
        return {c.code: c.name for c in self.criteria}

    @property
    def points_by_criterion(self) -> dict[str, int]:
        """Criterion code -> points; empty for models without points (CAF)."""
        return {c.code: c.points for c in self.criteria if c.points is not None}

    @property
    def sub_criteria(self) -> tuple[SubCriterion, ...]:
        return tuple(s for c in self.criteria for s in c.sub_criteria)

    @property
    def scoring_units(self) -> tuple[ScoringUnit, ...]:
        return tuple(u for c in self.criteria for u in c.scoring_units)

    def unit(self, code: str) -> ScoringUnit:
        for unit in self.scoring_units:
            if unit.code == code:
                return unit
        raise KeyError(code)

    def criterion_of(self, unit_code: str) -> str:
        """Criterion code of a scoring unit (``"4.2"`` -> ``"4"``, ``"6"`` -> ``"6"``)."""
        return self.unit(unit_code).criterion_code

    @property
    def results_criteria(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.criteria if c.kind == "results")

    @property
    def bands(self) -> tuple[Band, ...]:
        if self.radar is None:
            raise ModelDataError(f"{self.code}: model has no RADAR scale with bands.")
        return self.radar.scale.bands


@dataclass(frozen=True, slots=True)
class ScaleLevel:
    level: int
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class CatalogueQuestion:
    code: str
    unit: str
    criterion: str
    text: str
    evidence: tuple[str, ...]
    quick_check: bool = False
    starter_set: bool = False
    evidence_prompt: str = "Woran erkennen Sie es? Belege:"

    @property
    def evidence_hint(self) -> str:
        """``"Woran erkennen Sie es? Belege: Leitbild, Jahresbericht."``"""
        return f"{self.evidence_prompt} {', '.join(self.evidence)}."


@dataclass(frozen=True, slots=True)
class Catalogue:
    code: str
    name: str
    model_code: str
    questions: tuple[CatalogueQuestion, ...]
    quick_check_levels: tuple[ScaleLevel, ...] = field(default=())
    source_note: str = ""

    def question(self, code: str) -> CatalogueQuestion:
        for question in self.questions:
            if question.code == code:
                return question
        raise KeyError(code)

    @property
    def quick_check(self) -> tuple[CatalogueQuestion, ...]:
        return tuple(q for q in self.questions if q.quick_check)

    @property
    def starter_set(self) -> tuple[CatalogueQuestion, ...]:
        return tuple(q for q in self.questions if q.starter_set)

    def by_unit(self) -> dict[str, list[CatalogueQuestion]]:
        result: dict[str, list[CatalogueQuestion]] = {}
        for question in self.questions:
            result.setdefault(question.unit, []).append(question)
        return result

    def by_criterion(self) -> dict[str, list[CatalogueQuestion]]:
        result: dict[str, list[CatalogueQuestion]] = {}
        for question in self.questions:
            result.setdefault(question.criterion, []).append(question)
        return result
