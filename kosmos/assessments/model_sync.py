"""Load the model files (``model_data/*.json``) into the reference tables.

Used by the data migration and by ``manage.py sync_assessment_models`` after a model file changed.
Rows are matched by code, so corrected texts update rows in place; a question that disappeared
from the catalogue is marked inactive (its code is never reused). Takes a ``get_model`` callable so
that the migration can pass its historical models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from kosmos.assessments.domain.model_data import available_models, load_catalogue, load_model

GetModel = Callable[[str], Any]
CATALOGUES = ("jobcenter",)


def _default_get_model(name: str) -> Any:
    from django.apps import apps

    return apps.get_model("assessments", name)


def sync_model(code: str, get_model: GetModel = _default_get_model) -> Any:
    AssessmentModel = get_model("AssessmentModel")
    Direction = get_model("Direction")
    Criterion = get_model("Criterion")
    SubCriterion = get_model("SubCriterion")
    RadarAttribute = get_model("RadarAttribute")

    data = load_model(code)
    scale: dict[str, Any] = {}
    if data.radar is not None:
        scale = {
            "min": data.radar.scale.min,
            "max": data.radar.scale.max,
            "step": data.radar.scale.step,
            "bands": [asdict(b) for b in data.radar.scale.bands],
        }
    panels: dict[str, Any] = {}
    if data.panels is not None:
        panels = {
            "classical_enabler": [asdict(level) for level in data.panels.classical_enabler],
            "classical_results": [asdict(level) for level in data.panels.classical_results],
            "fine_tuned_enabler": [asdict(d) for d in data.panels.fine_tuned_enabler],
            "fine_tuned_results": [asdict(d) for d in data.panels.fine_tuned_results],
        }
    model, _ = AssessmentModel.objects.update_or_create(
        code=data.code,
        defaults={
            "name": data.name,
            "short_name": data.short_name,
            "family": data.family,
            "scoring_method": data.scoring_method,
            "total_points": data.total_points,
            "scoring_explanation": data.scoring_explanation,
            "source_note": data.source_note,
            "leadership_criteria": list(data.leadership_criteria),
            "scale": scale,
            "panels": panels,
        },
    )
    directions = {}
    for order, direction in enumerate(data.directions):
        directions[direction.code], _ = Direction.objects.update_or_create(
            model=model,
            code=direction.code,
            defaults={"name": direction.name, "question": direction.question or "", "order": order},
        )
    criterion_direction = {c: d.code for d in data.directions for c in d.criteria}
    unit_order = 0
    for order, criterion in enumerate(data.criteria):
        row, _ = Criterion.objects.update_or_create(
            model=model,
            code=criterion.code,
            defaults={
                "direction": directions[criterion_direction.get(criterion.code, criterion.direction)],
                "name": criterion.name,
                "name_en": criterion.name_en,
                "kind": criterion.kind,
                "points": criterion.points,
                "radar_chart": criterion.radar_chart or "",
                "scored_as_whole": criterion.scored_as_whole,
                "description": criterion.description,
                "order": order,
            },
        )
        names_en = {s.code: s.name_en for s in criterion.sub_criteria}
        for unit in criterion.scoring_units:
            SubCriterion.objects.update_or_create(
                model=model,
                code=unit.code,
                defaults={
                    "criterion": row,
                    "name": unit.name,
                    "name_en": names_en.get(unit.code, criterion.name_en if unit.is_whole_criterion else ""),
                    "description": unit.description,
                    "is_whole_criterion": unit.is_whole_criterion,
                    "order": unit_order,
                },
            )
            unit_order += 1
    if data.radar is not None:
        order = 0
        for chart in data.radar.charts:
            for element in chart.elements:
                for attribute in element.attributes:
                    RadarAttribute.objects.update_or_create(
                        model=model,
                        chart=chart.code,
                        code=attribute.code,
                        defaults={
                            "applies_to": chart.applies_to,
                            "element_code": element.code,
                            "element_name": element.name,
                            "name": attribute.name,
                            "hint": attribute.hint,
                            "order": order,
                        },
                    )
                    order += 1
    return model


def sync_catalogue(code: str, get_model: GetModel = _default_get_model) -> Any:
    AssessmentModel = get_model("AssessmentModel")
    SubCriterion = get_model("SubCriterion")
    QuestionCatalogue = get_model("QuestionCatalogue")
    CatalogueQuestion = get_model("CatalogueQuestion")

    data = load_catalogue(code)
    model = AssessmentModel.objects.get(code=data.model_code)
    scale = {}
    raw_levels = [asdict(level) for level in data.quick_check_levels]
    if raw_levels:
        scale = {"code": "maturity_0_5", "min": 0, "max": 5, "levels": raw_levels}
    catalogue, _ = QuestionCatalogue.objects.update_or_create(
        code=data.code,
        defaults={
            "name": data.name,
            "model": model,
            "evidence_prompt": data.questions[0].evidence_prompt if data.questions else "",
            "source_note": data.source_note,
            "quick_check_scale": scale,
        },
    )
    units = {u.code: u for u in SubCriterion.objects.filter(model=model)}
    seen = []
    for order, question in enumerate(data.questions):
        CatalogueQuestion.objects.update_or_create(
            catalogue=catalogue,
            organisation=None,
            code=question.code,
            defaults={
                "unit": units[question.unit],
                "text": question.text,
                "evidence": list(question.evidence),
                "quick_check": question.quick_check,
                "starter_set": question.starter_set,
                "is_active": True,
                "order": order,
            },
        )
        seen.append(question.code)
    CatalogueQuestion.objects.filter(catalogue=catalogue, organisation=None).exclude(code__in=seen).update(
        is_active=False
    )
    return catalogue


def sync_all(get_model: GetModel = _default_get_model) -> None:
    for code in available_models():
        sync_model(code, get_model)
    for code in CATALOGUES:
        sync_catalogue(code, get_model)


def ensure_reference_data() -> None:
    """Load the models if the tables are empty (the data migration fills them; a test database
    flushed between transactional tests does not keep them)."""
    from kosmos.assessments.models import AssessmentModel, QuestionCatalogue

    if not AssessmentModel.objects.exists() or not QuestionCatalogue.objects.exists():
        sync_all()
