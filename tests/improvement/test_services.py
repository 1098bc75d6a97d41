"""Action fields from potentials, the matrix, projects with milestones, working groups."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kosmos.assessments.models import Finding, Phase
from kosmos.core.models import AuditEvent
from kosmos.improvement import selectors, services
from kosmos.improvement.models import ActionFieldStatus
from tests.assessments import builders as assessment_builders
from tests.improvement import builders


def test_improvement_potentials_of_an_assessment_become_an_action_field(world):
    assessment = assessment_builders.assessment_in_phase(world, Phase.COMPLETED)
    potentials = list(Finding.objects.filter(assessment=assessment, is_consensus=True, kind="improvement")[:2])

    field = services.do_create_action_field(acting_user=world.qm, organisation=world.freiburg,
                                            assessment=assessment, findings=potentials,
                                            data={"title": "Kundenfeedback nutzen"})

    assert list(field.findings.all()) == potentials
    assert field.criterion == potentials[0].criterion
    assert AuditEvent.objects.filter(action="improvement.action_field_created").exists()


def test_strengths_or_foreign_findings_cannot_become_action_fields(world):
    assessment = assessment_builders.assessment_in_phase(world, Phase.COMPLETED)
    strength = Finding.objects.filter(assessment=assessment, kind="strength").first()

    with pytest.raises(ValidationError):
        services.do_create_action_field(acting_user=world.qm, organisation=world.freiburg, assessment=assessment,
                                        findings=[strength], data={"title": "x"})
    with pytest.raises(ValidationError):
        services.do_create_action_field(acting_user=world.outsider, organisation=world.ulm, assessment=assessment,
                                        data={"title": "x"})


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


def test_a_working_group_records_member_changes(world):
    group = builders.working_group(world)
    services.do_save_working_group(acting_user=world.qm, organisation=world.freiburg, group=group,
                                   data={"name": "Digi-Team"}, members=[world.staff, world.assessor])

    event = AuditEvent.objects.filter(action="improvement.working_group_updated").get()
    assert event.changes["members"] == [["Tara Team"], ["Ben Bewertung", "Tara Team"]]
