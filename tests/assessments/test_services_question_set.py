"""The question set: built from the catalogue, balanced or explicitly accepted; own questions."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kosmos.assessments import services
from kosmos.assessments.models import CatalogueQuestion, Phase
from kosmos.core.models import AuditEvent
from tests.assessments import builders


def _questions(assessment, per_criterion: int) -> list[CatalogueQuestion]:  # noqa: ANN001
    chosen = []
    for code in "1234567":
        chosen += list(CatalogueQuestion.objects.filter(catalogue=assessment.catalogue, organisation=None,
                                                        unit__criterion__code=code).order_by("order")[:per_criterion])
    return chosen


def test_a_balanced_set_is_fixed_without_a_reason(world):
    assessment = builders.create(world.freiburg, world.qm)
    services.do_set_question_set(acting_user=world.qm, assessment=assessment, questions=_questions(assessment, 5))

    services.do_confirm_question_set(acting_user=world.qm, assessment=assessment, accept_warnings=False)

    assert assessment.items.count() == 35
    assert assessment.question_set_confirmed_at is not None


def test_an_unbalanced_set_is_warned_and_not_silently_accepted(world):
    assessment = builders.create(world.freiburg, world.qm)
    services.do_set_question_set(acting_user=world.qm, assessment=assessment, questions=_questions(assessment, 1))

    with pytest.raises(ValidationError):
        services.do_confirm_question_set(acting_user=world.qm, assessment=assessment, accept_warnings=True, note="")
    services.do_confirm_question_set(acting_user=world.qm, assessment=assessment, accept_warnings=True,
                                     note="Erster Einstieg mit wenigen Fragen")

    event = AuditEvent.objects.get(action="assessment.question_set_confirmed")
    assert event.changes["reason"][1] == "Erster Einstieg mit wenigen Fragen"
    assert event.changes["warnings"][1]


def test_changing_the_set_resets_its_confirmation(world, workshop):
    services.do_set_question_set(acting_user=world.qm, assessment=workshop, questions=_questions(workshop, 4))

    workshop.refresh_from_db()
    assert workshop.question_set_confirmed_at is None
    assert workshop.items.count() == 28


def test_the_set_is_frozen_once_rating_has_started(world, rating_phase):
    with pytest.raises(ValidationError):
        services.do_set_question_set(acting_user=world.qm, assessment=rating_phase, questions=[])


def test_questions_of_another_organisation_cannot_be_chosen(world, pforzheim):
    organisation, qm, _staff = pforzheim
    assessment = builders.create(world.freiburg, world.qm)
    foreign = services.do_create_own_question(
        acting_user=qm, organisation=organisation, catalogue=assessment.catalogue,
        unit=assessment.model.units.get(code="1.1"), text="Pforzheims eigene Frage", evidence=[])

    with pytest.raises(ValidationError):
        services.do_set_question_set(acting_user=world.qm, assessment=assessment, questions=[foreign])


def test_a_reworded_question_stays_linked_to_its_original_and_keeps_its_sub_criterion(world):
    assessment = builders.create(world.freiburg, world.qm)
    original = CatalogueQuestion.objects.get(code="K-1.1-01", organisation=None)

    reworded = services.do_create_own_question(
        acting_user=world.qm, organisation=world.freiburg, catalogue=assessment.catalogue,
        unit=assessment.model.units.get(code="7"), text="Wie gut kennen Träger und Mitarbeitende unser Leitbild?",
        evidence=["Leitbild", " "], based_on=original)

    assert reworded.based_on == original
    assert reworded.unit == original.unit
    assert reworded.code == "E-1.1-01"
    assert reworded.evidence == ["Leitbild"]
    assert CatalogueQuestion.objects.get(pk=original.pk).text == original.text


def test_catalogue_questions_themselves_cannot_be_edited(world):
    original = CatalogueQuestion.objects.get(code="K-1.1-01", organisation=None)

    with pytest.raises(ValidationError):
        services.do_update_own_question(acting_user=world.qm, question=original, text="x", evidence=[])


def test_questions_with_evidence_are_not_removed_silently(world, workshop):
    item = builders.first_item(workshop)
    services.do_add_evidence(acting_user=world.assessor, item=item, title="Leitbild", url="https://intranet.example/l")

    with pytest.raises(ValidationError):
        services.do_set_question_set(acting_user=world.qm, assessment=workshop, questions=[])
    assert workshop.phase == Phase.PREPARATION
