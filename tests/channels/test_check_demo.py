"""The maturity check demo: the six digitisation Jobcenters with two checks each; idempotent."""

from __future__ import annotations

from kosmos.channels.benchmark_check import maturity_figures
from kosmos.channels.demo_check import PROFILES, load_check_demo
from kosmos.channels.models import Answer, Check, CheckChannel
from kosmos.core.roles import Role
from tests.factories import make_member, make_organisation


def _counts() -> tuple[int, ...]:
    return Check.objects.count(), CheckChannel.objects.count(), Answer.objects.count()


def test_the_demo_loads_once_with_two_complete_checks_per_jobcenter(db):
    for slug in PROFILES:
        organisation = make_organisation(slug)
        make_member(organisation, f"qm@{slug}.example", f"QM {slug}", Role.QUALITY_MANAGER)

    load_check_demo()
    first = _counts()
    load_check_demo()

    assert _counts() == first
    assert first[0] == 12
    assert not CheckChannel.objects.filter(overall_level__isnull=True).exists()
    assert first[1] + first[2] + 100 < 2000  # lean demo (catalogue ~90 rows)
    ulm = Check.objects.get(organisation__slug="ulm", latest=True)
    assert ulm.check_date.year == 2026
    # Six sharing Jobcenters: Ulm sees itself against the median.
    portal = {f.label: f for f in maturity_figures(ulm.organisation)}["Online-Portal (jobcenter.digital)"]
    assert portal.own is not None and portal.distribution is not None and portal.distribution.n == 6
