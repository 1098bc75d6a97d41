"""Reads of project profiles.

Stable interface for other modules (the programme's results report reads profiles here):
``published_profiles()``, ``profiles_for_report(programme_key=None, topic_field=None)`` and
``profile_by_public_id(public_id)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from kosmos.core import sharing
from kosmos.core.models import Organisation
from kosmos.core.models.sharing import Visibility
from kosmos.practice.domain import similarity
from kosmos.practice.models import Milestone, Profile, ProfileStatus, Review

_BASE = Profile.objects.select_related("organisation")


def published_profiles() -> QuerySet[Profile]:
    """Every published profile (platform-wide or public), with its Jobcenter."""
    return _BASE.filter(status=ProfileStatus.PUBLISHED)


def profiles_for_report(programme_key: str | None = None, topic_field: str | None = None) -> QuerySet[Profile]:
    """Published profiles for a report, ordered by topic field and Jobcenter, with milestones,
    materials and topics prefetched (a fixed number of queries for any number of profiles).

    ``programme_key`` narrows to the profiles linked to one call or application key;
    ``topic_field`` to one topic field (``TopicField``)."""
    qs = published_profiles()
    if programme_key is not None:
        qs = qs.filter(programme_key=programme_key)
    if topic_field is not None:
        qs = qs.filter(topic_field=topic_field)
    return qs.order_by("topic_field", "organisation__name", "title").prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("position", "period")),
        "materials",
        "topics",
    )


def profile_by_public_id(public_id) -> Profile | None:
    return _BASE.filter(public_id=public_id).first()


def own_profiles(organisation: Organisation) -> QuerySet[Profile]:
    return _BASE.filter(organisation=organisation)


def readable_profiles(*, user, organisation: Organisation | None) -> QuerySet[Profile]:
    """Published profiles the reader may see: own ones in any status are on the own list."""
    return sharing.visible_to(published_profiles(), user=user, organisation=organisation)


def public_profiles() -> QuerySet[Profile]:
    return published_profiles().filter(visibility=Visibility.PUBLIC)


def profiles_in_review() -> QuerySet[Profile]:
    return _BASE.filter(status=ProfileStatus.SUBMITTED).order_by("submitted_at")


def latest_reviews(profile: Profile) -> list[Review]:
    return list(profile.reviews.select_related("reviewer").prefetch_related("criteria"))


@dataclass(frozen=True)
class GalleryFilter:
    query: str = ""
    topic_field: str = ""
    form: str = ""
    state: str = ""
    size_band: str = ""


def _size_q(band: str) -> Q:
    prefix = "organisation__staff_count"
    if band == similarity.SMALL:
        return Q(**{f"{prefix}__lt": similarity.SMALL_BELOW})
    if band == similarity.MEDIUM:
        return Q(**{f"{prefix}__gte": similarity.SMALL_BELOW, f"{prefix}__lt": similarity.MEDIUM_BELOW})
    if band == similarity.LARGE:
        return Q(**{f"{prefix}__gte": similarity.MEDIUM_BELOW})
    return Q()


def gallery(*, user, organisation: Organisation | None, filters: GalleryFilter) -> QuerySet[Profile]:
    """The filtered gallery: one query whatever the number of profiles."""
    qs = readable_profiles(user=user, organisation=organisation)
    if filters.topic_field:
        qs = qs.filter(topic_field=filters.topic_field)
    if filters.form:
        qs = qs.filter(organisation__form=filters.form)
    if filters.state:
        qs = qs.filter(organisation__state=filters.state)
    if filters.size_band:
        qs = qs.filter(_size_q(filters.size_band))
    if filters.query:
        words = [w for w in filters.query.split() if w][:8]
        for word in words:
            qs = qs.filter(
                Q(title__icontains=word) | Q(goals__icontains=word) | Q(results__icontains=word)
                | Q(starting_situation__icontains=word) | Q(organisation__name__icontains=word)
            )
    return qs.order_by("organisation__name", "title")


def traits(organisation: Organisation) -> similarity.Traits:
    return similarity.Traits(
        key=organisation.pk,
        form=organisation.form,
        size_band=similarity.size_band(organisation.staff_count),
        region_type=similarity.region_type(organisation.name, organisation.region_description),
    )


def similar_profiles(profile: Profile, *, user, organisation: Organisation | None, limit: int = 4) -> list[Profile]:
    """Published profiles of Jobcenters similar to the profile's (form, size band, region type)."""
    candidates = list(readable_profiles(user=user, organisation=organisation).exclude(pk=profile.pk))
    by_org: dict[int, Profile] = {}
    for candidate in candidates:
        by_org.setdefault(candidate.organisation_id, candidate)
    chosen = similarity.similar(traits(profile.organisation), [traits(p.organisation) for p in by_org.values()],
                                limit=limit)
    return [by_org[t.key] for t in chosen]


def related_profiles(topic_key: str, *, user, organisation: Organisation | None, limit: int = 3) -> list[Profile]:
    """Up to ``limit`` published profiles listed under a topic key, readable by the viewer."""
    qs = readable_profiles(user=user, organisation=organisation).filter(topics__key=topic_key)
    return list(qs.order_by("organisation__name", "title")[:limit])
