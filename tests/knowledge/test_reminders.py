"""Review reminders by e-mail: one per person responsible, not again within a week."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from kosmos.core.models import AuditEvent
from kosmos.knowledge import services
from tests.knowledge import builders

pytestmark = pytest.mark.django_db(transaction=False)


def test_overdue_entries_are_reminded_once_per_person_and_week(world, django_capture_on_commit_callbacks):
    overdue = builders.entry(world, responsible=world.management, review_due=dt.date(2020, 1, 1))
    builders.entry(world, title="Suchtberatung", responsible=world.management, review_due=dt.date(2021, 1, 1))
    builders.entry(world, title="Rückenschule", responsible=world.staff)  # not yet due
    builders.entry(world, title="Lauftreff", review_due=dt.date(2020, 1, 1))  # nobody responsible
    with django_capture_on_commit_callbacks(execute=True):
        call_command("knowledge_review_reminders")
    assert [m.to for m in mail.outbox] == [[world.management.email]]
    assert overdue.short_code in mail.outbox[0].body and "Suchtberatung" in mail.outbox[0].body
    assert AuditEvent.objects.filter(action="knowledge.review_reminded").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        call_command("knowledge_review_reminders")
    assert len(mail.outbox) == 1
    services.do_mark_checked(acting_user=world.management, entry=overdue)
    overdue.refresh_from_db()
    assert overdue.review_reminded_at is None
