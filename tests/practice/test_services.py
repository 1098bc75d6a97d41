"""The profile workflow: draft → submitted → returned with comments → submitted → published;
every step audited; German refusals for steps out of order."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kosmos.core.models import AuditEvent
from kosmos.practice import services
from kosmos.practice.models import Criterion, ProfileStatus
from tests.practice import builders


def _actions(profile) -> list[str]:  # noqa: ANN001
    return list(AuditEvent.objects.filter(organisation=profile.organisation, action__startswith="practice.")
                .order_by("pk").values_list("action", flat=True))


def test_the_full_workflow_is_audited_and_the_jobcenter_sees_the_comments(world) -> None:  # noqa: ANN001
    profile = builders.submitted(world)
    criteria = {**builders.ALL_MET, Criterion.EVIDENCE: (False, "Bitte Belege ergänzen.")}
    services.do_review_profile(acting_user=world.programme, profile=profile, criteria=criteria,
                               decision="returned", comment="Fast fertig.")
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.RETURNED and profile.is_editable
    services.do_update_profile(acting_user=world.management, profile=profile, values={"results": "Infoportal"},
                               milestones=[("2022-05", "Abschluss")], topic_keys=["health", "training"])
    services.do_submit_profile(acting_user=world.qm, profile=profile)
    services.do_review_profile(acting_user=world.programme, profile=profile, criteria=builders.ALL_MET,
                               decision="published", visibility="public")
    profile.refresh_from_db()
    assert (profile.status, profile.visibility) == (ProfileStatus.PUBLISHED, "public")
    assert profile.published_at is not None
    assert _actions(profile) == [
        "practice.profile_created", "practice.profile_submitted", "practice.profile_reviewed",
        "practice.profile_returned", "practice.profile_changed", "practice.profile_submitted",
        "practice.profile_reviewed", "practice.profile_published",
    ]
    changed = AuditEvent.objects.get(action="practice.profile_changed")
    assert changed.changes["milestones"][1] == ["2022-05 Abschluss"]
    assert changed.changes["topics"] == [["health"], ["health", "training"]]
    first = profile.reviews.order_by("created_at", "pk").first()
    assert first.comment == "Fast fertig."
    assert first.criteria.get(criterion="evidence").comment == "Bitte Belege ergänzen."
    assert AuditEvent.objects.filter(action="sharing.changed", organisation=world.freiburg).exists()


def test_publishing_needs_every_criterion_and_a_return_needs_a_comment(world) -> None:  # noqa: ANN001
    profile = builders.submitted(world)
    unmet = {**builders.ALL_MET, Criterion.TRANSFERABILITY: (False, "")}
    with pytest.raises(ValidationError, match="jedes Kriterium erfüllt"):
        services.do_review_profile(acting_user=world.programme, profile=profile, criteria=unmet, decision="published")
    with pytest.raises(ValidationError, match="was es ändern soll"):
        services.do_review_profile(acting_user=world.programme, profile=profile, criteria=unmet, decision="returned")
    with pytest.raises(ValidationError, match="Bitte bewerten Sie jedes Kriterium"):
        services.do_review_profile(acting_user=world.programme, profile=profile,
                                   criteria={Criterion.GOALS: (True, "")}, decision="published")
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.SUBMITTED and not profile.reviews.exists()


def test_steps_out_of_order_are_refused(world) -> None:  # noqa: ANN001
    draft = builders.draft(world, title="Entwurf")
    with pytest.raises(ValidationError, match="Nur ein eingereichter"):
        services.do_review_profile(acting_user=world.programme, profile=draft, criteria=builders.ALL_MET,
                                   decision="published")
    submitted = builders.submitted(world, title="Eingereicht")
    with pytest.raises(ValidationError, match="nicht geändert werden"):
        services.do_update_profile(acting_user=world.qm, profile=submitted, values={"title": "Neu"})
    empty = builders.draft(world, title="Leer", goals="", results="")
    with pytest.raises(ValidationError, match="Bitte füllen Sie"):
        services.do_submit_profile(acting_user=world.qm, profile=empty)
    with pytest.raises(ValidationError, match="Unbekanntes Thema"):
        services.do_update_profile(acting_user=world.qm, profile=empty, values={}, topic_keys=["gibtsnicht"])
    with pytest.raises(ValidationError, match="Nur ein Jobcenter"):
        builders.draft(world, organisation=world.programme_office, author=world.programme)


def test_a_link_needs_an_own_object_shared_with_the_platform(world) -> None:  # noqa: ANN001
    profile = builders.draft(world)
    other = builders.published(world, title="Anderes Projekt")
    ulm = builders.published(world, organisation=world.ulm, author=world.outsider, title="Ulmer Projekt")
    link = services.do_link_platform_object(acting_user=world.qm, profile=profile, obj=other)
    assert link.object_id == other.pk
    private = builders.draft(world, title="Privat")
    with pytest.raises(ValidationError, match="ganzen Plattform"):
        services.do_link_platform_object(acting_user=world.qm, profile=profile, obj=private)
    from django.core.exceptions import PermissionDenied
    with pytest.raises(PermissionDenied):
        services.do_link_platform_object(acting_user=world.qm, profile=profile, obj=ulm)
