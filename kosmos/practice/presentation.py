"""What a profile page shows, for any reader (own organisation, another one, anonymous)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from kosmos.core import sharing
from kosmos.core.models import Organisation
from kosmos.core.models.sharing import Visibility
from kosmos.practice import registry, selectors
from kosmos.practice.models import Profile


@dataclass(frozen=True)
class LinkedObject:
    label: str
    kind: str
    href: str


def profile_href(profile: Profile, organisation: Organisation | None) -> str:
    """The page of a profile for a reader: own page, a shared page, or the public page."""
    if organisation is None:
        return reverse("practice_public_profile", kwargs={"slug": profile.slug})
    if profile.organisation_id == organisation.pk:
        return reverse("org:practice_profile", kwargs={"org_slug": organisation.slug, "profile_id": profile.public_id})
    return reverse("org:practice_shared_profile",
                   kwargs={"org_slug": organisation.slug, "profile_id": profile.public_id})


def material_href(profile: Profile, material, organisation: Organisation | None) -> str:  # noqa: ANN001
    if material.url:
        return material.url
    if organisation is None:
        return reverse("practice_public_material", kwargs={"slug": profile.slug, "material_id": material.public_id})
    name = "org:practice_material" if profile.organisation_id == organisation.pk else "org:practice_shared_material"
    return reverse(name, kwargs={"org_slug": organisation.slug, "profile_id": profile.public_id,
                                 "material_id": material.public_id})


def linked_objects(profile: Profile, *, user, organisation: Organisation | None) -> list[LinkedObject]:  # noqa: ANN001
    """The platform objects the profile links to, only those the reader may read; one query per
    linked model plus one for the pages."""
    by_type: dict[int, list[int]] = defaultdict(list)
    for link in profile.platform_links.all():
        by_type[link.content_type_id].append(link.object_id)
    objects = []
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        objects.extend(sharing.visible_to(model._default_manager.filter(pk__in=ids), user=user,
                                          organisation=organisation))
    pages = registry.hrefs(objects, organisation) if organisation is not None else {}
    return [LinkedObject(label=str(o), kind=str(o._meta.verbose_name),
                         href=pages.get(registry.object_key(o)) or (registry.fallback_href(o, organisation)
                                                                     if organisation is not None else ""))
            for o in objects]


def profile_context(profile: Profile, *, user, organisation: Organisation | None) -> dict:  # noqa: ANN001
    org = profile.organisation
    materials = [(m, material_href(profile, m, organisation)) for m in profile.materials.all()]
    similar = [(p, profile_href(p, organisation))
               for p in selectors.similar_profiles(profile, user=user, organisation=organisation)]
    return {
        "profile": profile,
        "jobcenter": org,
        "office_count": org.offices.count() or None,
        "milestones": list(profile.milestones.all()),
        "materials": materials,
        "linked": linked_objects(profile, user=user, organisation=organisation),
        "similar": similar,
        "is_public": profile.visibility == Visibility.PUBLIC,
    }
