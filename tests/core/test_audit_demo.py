"""Every object type that the demo data writes to the audit log has a German label."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import transaction

from kosmos.core.audit_labels import _OBJECT_TYPES, action_label, object_type_label
from kosmos.core.demo import load_demo
from kosmos.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    """Load the demo once for this module, in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def test_every_object_type_in_the_demo_log_is_a_model_with_a_german_label(demo):
    object_types = set(AuditEvent.objects.values_list("object_type", flat=True).order_by().distinct())

    assert len(object_types) > 10  # every module's demo writes to the log
    for object_type in object_types:
        app_label, model_name = object_type.split(".")
        assert apps.get_model(app_label, model_name)._meta.label_lower == object_type
        assert object_type in _OBJECT_TYPES, f"{object_type} has no label"
        assert object_type_label(object_type) != object_type


def test_every_action_in_the_demo_log_has_a_german_label(demo):
    actions = set(AuditEvent.objects.values_list("action", flat=True).order_by().distinct())

    missing = {action for action in actions if action_label(action) == action}
    assert not missing
