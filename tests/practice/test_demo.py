"""The demo loader of good practice: profiles from the report's facts, idempotent."""

from __future__ import annotations

import pytest

from kosmos.core.models import AuditEvent
from kosmos.core.roles import PlatformRole, Role
from kosmos.practice.demo import DRAFT, IN_REVIEW, load_practice_demo
from kosmos.practice.models import Milestone, Profile, ProfileStatus, Review
from tests.factories import make_member, make_organisation

pytestmark = pytest.mark.django_db

SLUGS = {"garmisch-partenkirchen": "Jobcenter Garmisch-Partenkirchen", "regensburg": "Jobcenter Landkreis Regensburg",
         IN_REVIEW: "Jobcenter Braunschweig", DRAFT: "Jobcenter Traunstein"}


def _counts() -> tuple[int, ...]:
    return (Profile.objects.count(), Milestone.objects.count(), Review.objects.count(), AuditEvent.objects.count())


def test_the_demo_profiles_follow_the_report_and_load_twice_the_same() -> None:
    for slug, name in SLUGS.items():
        make_member(make_organisation(slug, name, staff_count=60), f"qm@{slug}.example", "Q", Role.QUALITY_MANAGER)
    office = make_organisation("programmbuero", "Programmbüro", kind="programme_office", form="")
    programme = make_member(office, "programmbuero@kosmos.example", "P", Role.QUALITY_MANAGER)
    programme.platform_role = PlatformRole.PROGRAMME_OFFICE
    programme.save(update_fields=["platform_role"])

    load_practice_demo()
    counts = _counts()
    load_practice_demo()
    assert _counts() == counts

    statuses = dict(Profile.objects.values_list("organisation__slug", "status"))
    assert statuses == {"garmisch-partenkirchen": ProfileStatus.PUBLISHED, "regensburg": ProfileStatus.PUBLISHED,
                        IN_REVIEW: ProfileStatus.SUBMITTED, DRAFT: ProfileStatus.DRAFT}
    regensburg = Profile.objects.get(organisation__slug="regensburg")
    assert regensburg.topic_field == "health" and regensburg.visibility == "public"
    assert "Wissensdatenbank" in regensburg.results
    assert list(regensburg.topics.values_list("key", flat=True)) == ["health"]
    assert regensburg.milestones.first().period == "2021-11"
    in_review = Profile.objects.get(organisation__slug=IN_REVIEW)
    returned = in_review.reviews.get()
    assert returned.decision == "returned"
    assert returned.criteria.get(criterion="evidence").met is False
    names = " ".join(Profile.objects.values_list("starting_situation", flat=True))
    assert "Geschäftsführer" not in names and "Christian Meier" not in names
