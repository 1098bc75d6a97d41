"""The demo loader of the process maps: Oberhavel and the invented Agentur, idempotent."""

from __future__ import annotations

import pytest

from kosmos.core.models import Membership, Organisation, User
from kosmos.core.roles import Role
from kosmos.processes.demo import AGENCY_SLUG, load_processes_demo
from kosmos.processes.models import Approval, ProcessMap, ProcessVersion, VersionStatus
from tests.factories import make_member, make_organisation

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return (Organisation.objects.count(), User.objects.count(), Membership.objects.count(),
            ProcessMap.objects.count(), ProcessVersion.objects.count(), Approval.objects.count())


def test_the_demo_has_an_agreed_fbw_process_with_a_draft_change_and_loads_twice_the_same() -> None:
    oberhavel = make_organisation("oberhavel", "Jobcenter Oberhavel", state="BB")
    make_member(oberhavel, "qm@oberhavel.example", "Qualität Oberhavel", Role.QUALITY_MANAGER)
    load_processes_demo()
    counts = _counts()
    load_processes_demo()
    assert _counts() == counts

    agency = Organisation.objects.get(slug=AGENCY_SLUG)
    assert agency.kind == "agency" and "(erfunden)" in agency.name
    assert Membership.objects.filter(organisation=agency, role=Role.QUALITY_MANAGER).exists()
    fbw = ProcessMap.objects.get(organisation=oberhavel, template_key="fbw-2025")
    assert list(fbw.shared_with.all()) == [agency]
    versions = list(fbw.versions.order_by("number"))
    assert [(v.number, v.status) for v in versions] == [(1, VersionStatus.AGREED), (2, VersionStatus.DRAFT)]
    assert len(versions[0].data["steps"]) == 15
    assert list(versions[1].approvals.values_list("organisation__slug", flat=True)) == ["oberhavel"]
    digital = ProcessMap.objects.get(organisation=oberhavel, template_key="digital-it")
    assert digital.visibility == "own"
    assert any(a["kind"] == "it" for a in digital.versions.get().data["actors"])
