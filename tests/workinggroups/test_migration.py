"""The move of ``improvement.WorkingGroup`` into this module: nothing is lost, projects keep their group."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import make_member, make_organisation

BEFORE = [("workinggroups", "0001_initial"), ("improvement", "0002_hub_sources")]


def _migrate(targets: list[tuple[str, str]]):  # noqa: ANN202
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_old_working_groups_move_with_members_guests_projects_and_audit_trail():
    organisation = make_organisation("freiburg")
    anna = make_member(organisation, "anna@freiburg.example", "Anna Alt", "staff")
    ben = make_member(organisation, "ben@freiburg.example", "Ben Bau", "staff")
    apps = _migrate(BEFORE)
    try:
        Old = apps.get_model("improvement", "WorkingGroup")
        Project = apps.get_model("improvement", "ImprovementProject")
        AuditEvent = apps.get_model("core", "AuditEvent")
        old = Old.objects.create(organisation_id=organisation.pk, name="AK Gesundheit", purpose="Gesund bleiben",
                                 meeting_rhythm="monatlich", external_members="Personalrat\n\nAOK Bayern\n")
        old.members.set([anna.pk, ben.pk])
        project = Project.objects.create(organisation_id=organisation.pk, title="Bewegte Pause", goal="Mehr Bewegung",
                                         working_group=old)
        AuditEvent.objects.create(organisation_id=organisation.pk, action="improvement.working_group_created",
                                  object_type="improvement.workinggroup", object_id=str(old.public_id))
    finally:
        executor = MigrationExecutor(connection)
        apps = _migrate(executor.loader.graph.leaf_nodes())

    from kosmos.core.models import AuditEvent as Event
    from kosmos.improvement.models import ImprovementProject
    from kosmos.workinggroups.models import WorkingGroup

    group = WorkingGroup.objects.get(public_id=old.public_id)
    assert (group.name, group.purpose, group.meeting_rhythm, group.topic) == (
        "AK Gesundheit", "Gesund bleiben", "monatlich", "health")
    assert sorted((m.display_name, m.role) for m in group.members.select_related("user")) == [
        ("AOK Bayern", "guest"), ("Anna Alt", "member"), ("Ben Bau", "member"), ("Personalrat", "guest")]
    assert ImprovementProject.objects.get(pk=project.pk).working_group == group
    event = Event.objects.get(object_id=str(old.public_id))
    assert (event.object_type, event.action) == ("workinggroups.workinggroup", "workinggroups.group_created")
    # A group created after the move gets a fresh primary key (the sequence moved past the copies).
    newer = WorkingGroup.objects.create(organisation=organisation, name="Neu")
    assert newer.pk > group.pk
