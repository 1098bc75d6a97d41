"""Action fields from potentials, the matrix, projects with milestones, working groups."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kosmos.assessments.models import Finding, Phase
from kosmos.core import hub
from kosmos.core.models import AuditEvent
from kosmos.improvement import selectors, services
from kosmos.improvement.models import ActionFieldStatus
from tests.assessments import builders as assessment_builders
from tests.improvement import builders


def _potentials(world):  # noqa: ANN001, ANN202
    assessment = assessment_builders.assessment_in_phase(world, Phase.COMPLETED)
    return assessment, hub.collection(world.freiburg, "assessments.assessment", str(assessment.public_id))


def test_improvement_potentials_of_an_assessment_become_an_action_field(world):
    assessment, collection = _potentials(world)
    potentials = list(Finding.objects.filter(assessment=assessment, is_consensus=True, kind="improvement")
                      .order_by("criterion__order", "-merged_count", "id")[:2])

    field = services.do_create_action_field(acting_user=world.qm, organisation=world.freiburg,
                                            collection=collection, finding_ids=[str(f.public_id) for f in potentials],
                                            data={"title": "Kundenfeedback nutzen"})

    assert [f.text for f in field.findings.all()] == [f.text for f in potentials]
    assert field.topic_key == potentials[0].criterion.code
    assert field.topic == potentials[0].criterion.label
    assert (field.source, field.source_id, field.source_title) == (
        "assessments.assessment", str(assessment.public_id), assessment.title)
    assert AuditEvent.objects.filter(action="improvement.action_field_created").exists()


def test_the_taken_up_findings_and_fields_come_back_through_the_hub(world):
    assessment, collection = _potentials(world)
    finding = collection.findings[0]
    field = services.do_create_action_field(acting_user=world.qm, organisation=world.freiburg,
                                            collection=collection, finding_ids=[finding.id],
                                            data={"title": "Kundenfeedback nutzen"})

    follow_ups = hub.follow_ups(world.freiburg, "assessments.assessment", [assessment.public_id])

    assert [item.title for item in follow_ups.action_fields] == [field.title]
    assert follow_ups.taken_up == {finding.id: (field.title,)}
    assert hub.follow_ups(world.ulm, "assessments.assessment", [assessment.public_id]).empty


def test_strengths_or_foreign_findings_cannot_become_action_fields(world):
    assessment, collection = _potentials(world)
    strength = Finding.objects.filter(assessment=assessment, kind="strength").first()

    with pytest.raises(ValidationError):
        services.do_create_action_field(acting_user=world.qm, organisation=world.freiburg, collection=collection,
                                        finding_ids=[str(strength.public_id)], data={"title": "x"})
    # Another organisation does not get Freiburg's assessment from the hub at all.
    assert hub.collection(world.ulm, "assessments.assessment", str(assessment.public_id)) is None
    assert hub.collection(world.freiburg, "assessments.assessment", "kein-uuid") is None


def test_placing_on_the_matrix_prioritises_and_only_logs_changes(world):
    field = builders.action_field(world)

    assert services.do_prioritise(acting_user=world.qm, organisation=world.freiburg, placements={field: (3, 1)}) == 1
    assert services.do_prioritise(acting_user=world.qm, organisation=world.freiburg, placements={field: (3, 1)}) == 0
    field.refresh_from_db()
    assert (field.impact, field.effort, field.status) == (3, 1, ActionFieldStatus.PRIORITISED)
    rows, unplaced = selectors.matrix([field])
    assert rows[0]["cells"][0]["fields"] == [field] and rows[0]["cells"][0]["quick_win"]
    assert unplaced == []
    with pytest.raises(ValidationError):
        services.do_prioritise(acting_user=world.qm, organisation=world.freiburg, placements={field: (4, 1)})


def test_a_project_from_an_action_field_with_milestones_and_progress(world):
    field = builders.action_field(world)
    project = builders.project(world, field)

    field.refresh_from_db()
    assert field.status == ActionFieldStatus.PROJECT
    assert [m.title for m in project.milestones.all()] == ["Konzept abgestimmt", "Pilot im Team U25"]
    first = project.milestones.first()
    services.do_set_milestone_done(acting_user=world.qm, milestone=first, done=True, today=dt.date(2026, 9, 1))
    annotated = selectors.projects_with_progress(world.freiburg).get(pk=project.pk)
    assert selectors.progress_percent(annotated) == 50


def test_the_owner_must_belong_to_the_organisation(world):
    with pytest.raises(ValidationError):
        services.do_create_project(acting_user=world.qm, organisation=world.freiburg,
                                   data={"title": "x", "goal": "y", "owner": world.outsider})
