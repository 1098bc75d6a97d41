"""The model is data: EFQM 2020, CAF 2020 and the catalogue are loaded by a data migration."""

from __future__ import annotations

import pytest

from kosmos.assessments.model_sync import sync_all
from kosmos.assessments.models import (
    AssessmentModel,
    CatalogueQuestion,
    Criterion,
    Direction,
    RadarAttribute,
    SubCriterion,
)

pytestmark = pytest.mark.django_db


def test_the_migration_loaded_efqm_2020_with_its_structure_and_points():
    efqm = AssessmentModel.objects.get(code="efqm2020")

    assert efqm.total_points == 1000
    assert list(Direction.objects.filter(model=efqm).values_list("name", flat=True)) == [
        "Ausrichtung", "Realisierung", "Ergebnisse"]
    assert dict(Criterion.objects.filter(model=efqm).values_list("code", "points")) == {
        "1": 100, "2": 100, "3": 100, "4": 200, "5": 100, "6": 200, "7": 200}
    assert SubCriterion.objects.filter(model=efqm, is_whole_criterion=False).count() == 23
    assert list(SubCriterion.objects.filter(model=efqm, is_whole_criterion=True).values_list("code", flat=True)) == [
        "6", "7"]
    assert RadarAttribute.objects.filter(model=efqm, applies_to="enabler").count() == 7
    assert RadarAttribute.objects.filter(model=efqm, applies_to="results").count() == 7
    assert [b["nominal"] for b in efqm.scale["bands"]] == ["0", "10–30", "40–60", "70–80", "90–100"]


def test_caf_2020_is_loaded_as_data_too():
    caf = AssessmentModel.objects.get(code="caf2020")

    assert Criterion.objects.filter(model=caf).count() == 9
    assert SubCriterion.objects.filter(model=caf).count() == 28
    assert caf.total_points is None
    assert len(caf.panels["classical_enabler"]) == 6


def test_the_catalogue_has_our_own_questions_with_14_for_the_quick_check():
    questions = CatalogueQuestion.objects.filter(catalogue__code="jobcenter", organisation=None)

    assert questions.count() >= 160
    assert questions.filter(quick_check=True).count() == 14
    assert questions.filter(starter_set=True).count() == 35


def test_syncing_again_updates_rows_in_place_and_retires_vanished_questions():
    question = CatalogueQuestion.objects.get(code="K-1.1-01", organisation=None)
    question.text = "veraltet"
    question.save(update_fields=["text"])
    retired = CatalogueQuestion.objects.create(catalogue=question.catalogue, code="K-1.1-99", unit=question.unit,
                                               text="Zurückgezogene Frage")
    before = CatalogueQuestion.objects.count()

    sync_all()

    question.refresh_from_db()
    retired.refresh_from_db()
    assert question.text != "veraltet"
    assert retired.is_active is False
    assert CatalogueQuestion.objects.count() == before
