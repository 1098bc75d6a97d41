"""The registry of shareable models: every model of the platform that inherits ``Shareable``.

The reuse page ("Vorlagen anderer Jobcenter") lists what other organisations share with the
reader across modules, and profiles link to the owner's shared objects. Both need to know the
shareable models and the reader's page of each object; the page comes from the platform
search index (``SearchDocument.shared_url_name``), which every module's search provider fills,
so this registry never hard-codes another module's URLs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, reverse

from kosmos.core import sharing
from kosmos.core.models import Organisation
from kosmos.core.models.search import SearchDocument
from kosmos.core.models.sharing import Shareable

# Profiles are found in the gallery; entries of a knowledge base are content, not templates.
EXCLUDED = {"practice.profile", "knowledge.entry"}


@cache
def shareable_models() -> tuple[type[models.Model], ...]:
    found = [m for m in apps.get_models() if issubclass(m, Shareable) and not m._meta.abstract]
    return tuple(sorted((m for m in found if m._meta.label_lower not in EXCLUDED), key=lambda m: m._meta.label_lower))


def object_key(obj: models.Model) -> tuple[str, str]:
    public = getattr(obj, "public_id", None) or getattr(obj, "slug", None) or obj.pk
    return obj._meta.label_lower, str(public)


@dataclass(frozen=True)
class Offer:
    obj: models.Model
    kind: str  # the model's verbose name
    module: str  # the app's verbose name
    href: str  # the reader's page, "" when the module has none


def hrefs(objects: Iterable[models.Model], organisation: Organisation) -> dict[tuple[str, str], str]:
    """The reader's page of each object (owner page for own objects), in one query."""
    objects = list(objects)
    keys = {object_key(o): o for o in objects}
    if not keys:
        return {}
    docs = SearchDocument.objects.filter(
        object_type__in={k[0] for k in keys}, object_id__in={k[1] for k in keys},
    ).values("object_type", "object_id", "url_name", "shared_url_name", "url_kwargs", "organisation_id")
    result: dict[tuple[str, str], str] = {}
    for doc in docs:
        key = (doc["object_type"], doc["object_id"])
        if key not in keys or key in result:
            continue
        own = doc["organisation_id"] == organisation.pk
        name = doc["url_name"] if own else doc["shared_url_name"]
        if not name:
            continue
        try:
            result[key] = reverse(name, kwargs={**doc["url_kwargs"], "org_slug": organisation.slug})
        except NoReverseMatch:
            continue
    return result


@cache
def _shared_list_url_name(app_label: str) -> str:
    """A module's page listing what is shared with the reader (an ``org`` URL with "shared" in
    its name and no argument but the organisation), for objects without a page of their own."""
    from kosmos.core.modules import get_module

    try:
        module = get_module(app_label)
    except KeyError:
        return ""
    for pattern in getattr(module.urls, "org_urlpatterns", []):
        name = getattr(pattern, "name", None) or ""
        if "shared" in name and getattr(pattern.pattern, "converters", None) == {}:  # a route without arguments
            return f"org:{name}"
    return ""


def shared_offers(organisation: Organisation, *, limit_per_model: int = 200) -> list[Offer]:
    """Everything other organisations share with ``organisation`` or the platform: one query per
    shareable model (a fixed number) and one for the pages."""
    objects: list[models.Model] = []
    for model in shareable_models():
        qs = sharing.shared_with(model._default_manager.select_related("organisation"), organisation)
        objects.extend(qs.order_by("organisation__name", "pk")[:limit_per_model])
    pages = hrefs(objects, organisation)
    return [
        Offer(obj=o, kind=str(o._meta.verbose_name), module=str(apps.get_app_config(o._meta.app_label).verbose_name),
              href=pages.get(object_key(o)) or fallback_href(o, organisation))
        for o in objects
    ]


def fallback_href(obj: models.Model, organisation: Organisation) -> str:
    name = _shared_list_url_name(obj._meta.app_label)
    return reverse(name, kwargs={"org_slug": organisation.slug}) if name else ""
