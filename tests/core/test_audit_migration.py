"""The data migration that qualifies old audit object types (``rating`` → ``assessments.rating``)."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from kosmos.core.models import AuditEvent

migration = importlib.import_module("kosmos.core.migrations.0002_audit_qualified_object_types")
MODELS = migration.apps_by_model(
    ["core.membership", "core.user", "surveys.question", "assessments.rating", "knowledge.question"]
)


@pytest.mark.parametrize(("object_type", "action", "expected"), [
    ("membership", "membership.role_changed", "core.membership"),
    ("rating", "assessment.rating_saved", "assessments.rating"),
    ("user", "membership.removed", "core.user"),  # the action's module does not matter when the name is unique
    ("question", "survey.question_added", "surveys.question"),  # two apps: the action's module decides
    ("question", "knowledge.question_added", "question"),  # two apps and no module of that prefix: stays
    ("question", "assessment.question_created", "question"),  # the prefix's app has no such model: stays
    ("offer", "knowledge.offer_created", "offer"),  # no installed model of that name: stays
    ("surveys.question", "survey.question_added", "surveys.question"),  # already qualified
    ("", "user.password_changed", ""),
])
def test_a_bare_model_name_is_qualified_by_its_installed_model(object_type, action, expected):
    assert migration.qualified_object_type(object_type, action, MODELS) == expected


@pytest.mark.django_db
def test_the_migration_rewrites_stored_events_with_the_historical_models(world):
    def event(object_type: str, action: str) -> AuditEvent:
        return AuditEvent.objects.create(organisation=world.freiburg, action=action, object_type=object_type)

    rows = {
        "membership": event("membership", "membership.role_changed"),
        "consensusscore": event("consensusscore", "assessment.consensus_recorded"),
        "lettertemplate": event("lettertemplate", "language.template_created"),
        "legacy": event("legacy", "organisation.updated"),
        "qualified": event("improvement.actionfield", "improvement.action_field_created"),
        "empty": event("", "user.password_changed"),
    }
    state = MigrationLoader(connection).project_state(("core", "0002_audit_qualified_object_types"), at_end=False)

    migration.qualify(state.apps, None)

    stored = {name: AuditEvent.objects.get(pk=row.pk).object_type for name, row in rows.items()}
    assert stored == {
        "membership": "core.membership",
        "consensusscore": "assessments.consensusscore",
        "lettertemplate": "language.lettertemplate",
        "legacy": "legacy",
        "qualified": "improvement.actionfield",
        "empty": "",
    }

    migration.unqualify(state.apps, None)

    assert AuditEvent.objects.get(pk=rows["membership"].pk).object_type == "membership"
