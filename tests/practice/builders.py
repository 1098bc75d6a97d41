"""Project profiles for the practice tests."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from kosmos.core.models import Organisation, User
from kosmos.practice import services
from kosmos.practice.models import Criterion, Profile, ReviewDecision

VALUES = {
    "title": "Gesundheitskonzept mit Arbeitskreis",
    "topic_field": "health",
    "starting_situation": "Kleines Jobcenter im ländlichen Raum mit vielen Kund:innen mit gesundheitlichen Einschränkungen.",
    "goals": "Arbeitskreis Gesundheit gründen\nNetzwerke koordinieren",
    "results": "Infoportal erstellt\nArbeitskreis mit Rahmenkonzept",
    "contact_role": "Qualitätsmanagement",
}
ALL_MET = {key: (True, "") for key in Criterion.values}


def draft(world, *, organisation: Organisation | None = None, author: User | None = None,  # noqa: ANN001
          title: str | None = None, **values: str) -> Profile:
    organisation = organisation or world.freiburg
    return services.do_create_profile(
        acting_user=author or world.qm, organisation=organisation,
        values={**VALUES, "title": title or VALUES["title"], **values},
        milestones=[("2022-01", "Auftaktveranstaltung"), ("2022-03", "Infoportal fertiggestellt")],
        topic_keys=["health"],
    )


def submitted(world, **kwargs) -> Profile:  # noqa: ANN001, ANN003
    profile = draft(world, **kwargs)
    services.do_submit_profile(acting_user=kwargs.get("author") or world.qm, profile=profile)
    profile.refresh_from_db()
    return profile


def published(world, *, visibility: str = "platform", **kwargs) -> Profile:  # noqa: ANN001, ANN003
    profile = submitted(world, **kwargs)
    services.do_review_profile(acting_user=world.programme, profile=profile, criteria=ALL_MET,
                               decision=ReviewDecision.PUBLISHED, visibility=visibility)
    profile.refresh_from_db()
    return profile


def existing_published(world) -> Profile:  # noqa: ANN001
    """One published Freiburg profile per test world (the walk builds an object per row)."""
    found = Profile.objects.filter(organisation=world.freiburg, status="published").first()
    return found or published(world)


def with_file(world) -> Profile:  # noqa: ANN001
    profile = Profile.objects.filter(organisation=world.freiburg, materials__document__gt="").first()
    if profile is not None:
        return profile
    profile = draft(world, title="Steckbrief mit Material")
    services.do_add_material(acting_user=world.qm, profile=profile, title="Ablaufplan Arbeitskreis",
                             document=SimpleUploadedFile("ablauf.pdf", b"%PDF-1.4 test"))
    services.do_submit_profile(acting_user=world.qm, profile=profile)
    services.do_review_profile(acting_user=world.programme, profile=profile, criteria=ALL_MET,
                               decision=ReviewDecision.PUBLISHED, visibility="platform")
    profile.refresh_from_db()
    return profile
