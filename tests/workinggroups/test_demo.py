"""The demo working groups: Ulm's nine meetings, Garmisch's framework concept, Anhalt-Bitterfeld's
Qualitätsteam; idempotent. The loader runs on its own (the organisations and their quality managers
as the core demo makes them), so other modules' demo data cannot hide a fault here."""

from __future__ import annotations

import pytest

from kosmos.core.models import AuditEvent
from kosmos.workinggroups.demo import load_workinggroups_demo
from kosmos.workinggroups.models import ActionItem, GroupMember, Meeting, MinutesVersion, WorkingGroup
from tests.factories import make_member, make_organisation

pytestmark = pytest.mark.django_db


def _state() -> tuple:
    return (
        sorted(WorkingGroup.objects.values_list("organisation__slug", "name", "topic")),
        sorted(GroupMember.objects.values_list("group__name", "guest_name", "role", "user__email"), key=str),
        sorted(Meeting.objects.values_list("group__name", "starts_at", "status", "lock_version")),
        sorted(ActionItem.objects.values_list("title", "owner__email", "due_date", "status")),
        MinutesVersion.objects.count(),
        AuditEvent.objects.filter(action__startswith="workinggroups.").count(),
    )


@pytest.fixture
def organisations(db):  # noqa: ANN001, ANN201
    for slug in ("ulm", "garmisch-partenkirchen", "anhalt-bitterfeld"):
        organisation = make_organisation(slug)
        make_member(organisation, f"qm@{slug}.example", f"QM {slug}", "quality_manager")
    make_member(organisation_of("ulm"), "team@ulm.example", "Lara Winter", "staff")


def organisation_of(slug: str):  # noqa: ANN201
    from kosmos.core.models import Organisation

    return Organisation.objects.get(slug=slug)


def test_the_demo_groups_of_the_report(organisations):
    load_workinggroups_demo()

    ulm = WorkingGroup.objects.get(organisation__slug="ulm", name="Arbeitskreis Digitalisierung")
    months = sorted(m.starts_at.month for m in ulm.meetings.all())
    assert months == list(range(1, 10))
    assert {m.starts_at.year for m in ulm.meetings.all()} == {2022}
    assert all(item.minutes for item in ulm.meetings.first().items.all())
    assert ulm.meetings.filter(status="approved").count() == 8
    garmisch = WorkingGroup.objects.get(organisation__slug="garmisch-partenkirchen", name="Arbeitskreis Gesundheit")
    assert garmisch.purpose and garmisch.mandate and garmisch.responsibilities and garmisch.decision_rules
    assert garmisch.meetings.count() == 3
    assert WorkingGroup.objects.filter(organisation__slug="anhalt-bitterfeld", name="Qualitätsteam").exists()
    assert ActionItem.objects.filter(owner__isnull=True).count() == 0


def test_loading_the_demo_twice_changes_nothing(organisations):
    load_workinggroups_demo()
    first = _state()

    load_workinggroups_demo()

    assert _state() == first
