"""Writes of project profiles: draft, submit, review, publish; materials and platform links.

Every function takes ``acting_user``, runs in one transaction and writes the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kosmos.core import sharing
from kosmos.core.audit import log_created, log_event, update_fields
from kosmos.core.models import Organisation, User
from kosmos.core.models.sharing import Visibility
from kosmos.practice.models import (
    Criterion,
    CriterionAssessment,
    Material,
    Milestone,
    PlatformLink,
    Profile,
    ProfileStatus,
    ProfileTopic,
    Review,
    ReviewDecision,
)
from kosmos.practice.topics import TOPIC_KEYS

PROFILE_FIELDS = ("title", "topic_field", "starting_situation", "goals", "results", "lessons_learned", "contact_role")
PUBLISH_LEVELS = (Visibility.PLATFORM, Visibility.PUBLIC)


def _unique_slug(organisation: Organisation, title: str) -> str:
    base = slugify(f"{organisation.slug}-{title}")[:70].strip("-") or organisation.slug
    slug, number = base, 2
    while Profile.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _milestone_text(milestones: Sequence[tuple[str, str]]) -> list[str]:
    return [f"{period} {title}" for period, title in milestones]


def _replace_milestones(profile: Profile, milestones: Sequence[tuple[str, str]]) -> None:
    profile.milestones.all().delete()
    Milestone.objects.bulk_create(
        Milestone(profile=profile, period=period, title=title, position=index)
        for index, (period, title) in enumerate(milestones)
    )


def _replace_topics(profile: Profile, keys: Iterable[str]) -> list[str]:
    wanted = sorted(set(keys))
    unknown = [key for key in wanted if key not in TOPIC_KEYS]
    if unknown:
        raise ValidationError({"topic_keys": _("Unknown topic: %(keys)s") % {"keys": ", ".join(unknown)}})
    profile.topics.all().delete()
    ProfileTopic.objects.bulk_create(ProfileTopic(profile=profile, key=key) for key in wanted)
    return wanted


def _require_editable(profile: Profile) -> None:
    if not profile.is_editable:
        raise ValidationError(_("This profile is in review or published and cannot be changed now."))


@transaction.atomic
def do_create_profile(
    *,
    acting_user: User,
    organisation: Organisation,
    values: Mapping[str, str],
    milestones: Sequence[tuple[str, str]] = (),
    topic_keys: Iterable[str] = (),
) -> Profile:
    if not organisation.is_jobcenter:
        raise ValidationError(_("Only a Jobcenter writes project profiles."))
    data = {name: values.get(name, "") for name in PROFILE_FIELDS}
    profile = Profile.objects.create(organisation=organisation, slug=_unique_slug(organisation, data["title"]), **data)
    _replace_milestones(profile, milestones)
    keys = _replace_topics(profile, topic_keys)
    log_created(profile, actor=acting_user, organisation=organisation, action="practice.profile_created",
                fields={**data, "milestones": _milestone_text(milestones), "topics": keys})
    return profile


@transaction.atomic
def do_update_profile(
    *,
    acting_user: User,
    profile: Profile,
    values: Mapping[str, str],
    milestones: Sequence[tuple[str, str]] | None = None,
    topic_keys: Iterable[str] | None = None,
) -> dict:
    profile = Profile.objects.select_for_update().get(pk=profile.pk)
    _require_editable(profile)
    extra: dict[str, list] = {}
    if milestones is not None:
        before = _milestone_text([(m.period, m.title) for m in profile.milestones.all()])
        after = _milestone_text(milestones)
        if before != after:
            _replace_milestones(profile, milestones)
            extra["milestones"] = [before, after]
    if topic_keys is not None:
        before_keys = sorted(profile.topics.values_list("key", flat=True))
        after_keys = sorted(set(topic_keys))
        if before_keys != after_keys:
            _replace_topics(profile, after_keys)
            extra["topics"] = [before_keys, after_keys]
    values = {name: values[name] for name in PROFILE_FIELDS if name in values}
    return update_fields(profile, values, actor=acting_user, organisation=profile.organisation,
                         action="practice.profile_changed", extra_changes=extra)


@transaction.atomic
def do_submit_profile(*, acting_user: User, profile: Profile) -> Profile:
    profile = Profile.objects.select_for_update().get(pk=profile.pk)
    _require_editable(profile)
    missing = [str(Profile._meta.get_field(name).verbose_name) for name in ("starting_situation", "goals", "results")
               if not getattr(profile, name).strip()]
    if missing:
        raise ValidationError(_("Please fill in before submitting: %(fields)s") % {"fields": ", ".join(missing)})
    update_fields(profile, {"status": ProfileStatus.SUBMITTED}, actor=acting_user,
                  organisation=profile.organisation, action="practice.profile_submitted",
                  touch={"submitted_at": timezone.now()})
    return profile


@transaction.atomic
def do_review_profile(
    *,
    acting_user: User,
    profile: Profile,
    criteria: Mapping[str, tuple[bool, str]],
    decision: str,
    comment: str = "",
    visibility: str = Visibility.PLATFORM,
) -> Review:
    """The programme office records every criterion and returns or publishes the profile.

    Publishing needs every criterion met; ``visibility`` is platform (members) or public."""
    profile = Profile.objects.select_for_update().select_related("organisation").get(pk=profile.pk)
    if profile.status != ProfileStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted profile can be reviewed."))
    if set(criteria) != set(Criterion.values):
        raise ValidationError(_("Please assess every criterion."))
    if decision not in ReviewDecision.values:
        raise ValidationError({"decision": _("Please choose a decision.")})
    if decision == ReviewDecision.PUBLISHED:
        if not all(met for met, _comment in criteria.values()):
            raise ValidationError(_("A profile is published only when every criterion is met."))
        if visibility not in PUBLISH_LEVELS:
            raise ValidationError({"visibility": _("Please choose who may read the published profile.")})
    elif not comment.strip() and not any(text.strip() for _met, text in criteria.values()):
        raise ValidationError({"comment": _("Please tell the Jobcenter what to change.")})
    review = Review.objects.create(profile=profile, reviewer=acting_user, decision=decision, comment=comment)
    CriterionAssessment.objects.bulk_create(
        CriterionAssessment(review=review, criterion=key, met=met, comment=text)
        for key, (met, text) in criteria.items()
    )
    log_created(review, actor=acting_user, organisation=profile.organisation, action="practice.profile_reviewed",
                fields={"decision": decision, "comment": comment,
                        "criteria": {key: met for key, (met, _text) in sorted(criteria.items())}})
    if decision == ReviewDecision.PUBLISHED:
        update_fields(profile, {"status": ProfileStatus.PUBLISHED}, actor=acting_user,
                      organisation=profile.organisation, action="practice.profile_published",
                      touch={"published_at": timezone.now()})
        sharing.do_share(acting_user=acting_user, obj=profile, visibility=visibility)
    else:
        update_fields(profile, {"status": ProfileStatus.RETURNED}, actor=acting_user,
                      organisation=profile.organisation, action="practice.profile_returned")
    return review


@transaction.atomic
def do_add_material(*, acting_user: User, profile: Profile, title: str, url: str = "", document=None) -> Material:
    _require_editable(profile)
    if not url and not document:
        raise ValidationError(_("Please give a link or choose a file."))
    material = Material(profile=profile, title=title, url=url)
    if document:
        material.document = document
    material.save()
    log_created(material, actor=acting_user, organisation=profile.organisation, action="practice.material_added",
                fields={"title": title, "url": url, "file": document.name if document else ""})
    return material


@transaction.atomic
def do_link_platform_object(*, acting_user: User, profile: Profile, obj) -> PlatformLink:
    """Link something the Jobcenter shares platform-wide or publicly (a survey template, …)."""
    if getattr(obj, "organisation_id", None) != profile.organisation_id:
        raise PermissionDenied
    if getattr(obj, "visibility", None) not in PUBLISH_LEVELS:
        raise ValidationError(_("Only what your organisation shares with the whole platform can be linked."))
    content_type = ContentType.objects.get_for_model(obj)
    link, created = PlatformLink.objects.get_or_create(profile=profile, content_type=content_type, object_id=obj.pk)
    if created:
        log_event(actor=acting_user, organisation=profile.organisation, action="practice.link_added", obj=profile,
                  changes={"link": [None, f"{content_type.model}: {obj}"]})
    return link

