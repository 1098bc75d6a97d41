"""The Quali-Kompass demo: Rostock's compass with 260 staff and a needs survey; idempotent."""

from __future__ import annotations

from django.urls import reverse

from kosmos.core.roles import Role
from kosmos.training.demo import load_training_demo
from kosmos.training.models import Completion, Department, StaffProfile, Training
from kosmos.training.needs import needs_versus_offer
from tests.factories import make_member, make_organisation


def _counts() -> tuple[int, ...]:
    return (Department.objects.count(), Training.objects.count(), StaffProfile.objects.count(),
            Completion.objects.count())


def test_the_demo_loads_once_and_a_second_run_changes_nothing(db, client_for):
    rostock = make_organisation("hanse-rostock", "Hanse-Jobcenter Rostock")
    make_member(rostock, "qm@hanse-rostock.example", "Quirin Rostock", Role.QUALITY_MANAGER)
    ulm = make_organisation("ulm", "Jobcenter Ulm")
    make_member(ulm, "qm@ulm.example", "Otto Ulm", Role.QUALITY_MANAGER)

    load_training_demo()
    first = _counts()
    load_training_demo()

    assert _counts() == first
    assert Training.objects.filter(organisation=rostock).count() >= 55
    assert Department.objects.filter(organisation=rostock).count() == 6
    assert StaffProfile.objects.filter(organisation=rostock, membership__isnull=True).count() == 260
    assert Training.objects.filter(organisation=ulm, kind="peer").count() == 6
    survey, rows = needs_versus_offer(rostock)
    assert survey is not None and any(row.gap for row in rows)
    # The new staff member sees what her department requires and by when.
    newcomer = StaffProfile.objects.get(personnel_key="neu@hanse-rostock.example")
    html = client_for(newcomer.membership.user).get(
        reverse("org:training_compass", kwargs={"org_slug": "hanse-rostock"})).content.decode()
    assert "Eingangszone" in html and "Datenschutz im Jobcenter" in html and "fällig" in html
