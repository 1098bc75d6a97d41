"""The usage demo: six digitisation Jobcenters, 24 months each, idempotent, and Ulm against the median."""

from __future__ import annotations

import datetime as dt

import pytest

from kosmos.channels import selectors_usage
from kosmos.channels.demo_usage import PROFILES, load_usage_demo
from kosmos.channels.models import DigitalOffer, UsageMonth, UsageNote, UsageTarget, offer_kind_label
from kosmos.core.models import AuditEvent, Membership
from kosmos.core.roles import Role
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 3)


def _jobcenters() -> None:
    for slug in PROFILES:
        org = make_organisation(slug)
        Membership.objects.create(organisation=org, user=make_user(f"qm@{slug}.example", f"QM {slug}"),
                                  role=Role.QUALITY_MANAGER)


def _counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (DigitalOffer, UsageMonth, UsageTarget, UsageNote, AuditEvent))


def test_the_demo_is_lean_idempotent_and_puts_ulm_against_the_median():
    _jobcenters()
    load_usage_demo(TODAY)
    first = _counts()
    load_usage_demo(TODAY)
    assert _counts() == first
    offers, months, targets, notes, _events = first
    assert offers == 25
    assert months == 25 * 24
    assert months + offers + targets + notes < 2000
    ulm = DigitalOffer.objects.get(organisation__slug="ulm", key="online-termine")
    assert ulm.months.order_by("month").first().month == dt.date(2024, 12, 1)
    assert ulm.months.order_by("month").last().month == dt.date(2026, 11, 1)
    figures = {str(f.label): f for f in selectors_usage.comparison_figures(ulm.organisation, TODAY)}
    appointments = figures[offer_kind_label("online_appointment")]
    assert appointments.own is not None
    assert appointments.distribution is not None and appointments.distribution.n == 6
    assert figures[offer_kind_label("encrypted_email")].distribution is None  # only three Jobcenters offer it
