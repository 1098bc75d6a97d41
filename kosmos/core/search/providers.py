"""The search provider interface and the registry of the modules' providers.

A module describes what it makes findable with one provider object (``Module(search_provider=…)``).
The provider names its *indexed* models (``roots``: a survey, an action field, …) and, for each
model whose changes alter a root's documents, how to find that root (``dependants``: a question
belongs to its survey). ``documents(obj)`` returns the documents of one root object; only what
the module's own pages show to a reader with ``permission`` may go into them (never survey
responses, never individual ratings).
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db import models

from kosmos.core.models.search import Visibility


class SearchError(RuntimeError):
    """A provider declaration clashes with another one."""


@dataclass(frozen=True)
class Document:
    """One findable thing: what a reader sees in the results and where it leads.

    ``url_name`` is an organisation page (``org:…``); ``url_kwargs`` are its arguments besides
    ``org_slug``. ``permission`` is what the page itself requires (``@org_permission_required``).
    A shared object (``visibility`` beyond ``own``, partners by organisation id as in
    ``kosmos.core.sharing``) names ``shared_url_name``, its read-only page under the reader's
    organisation; without one, readers elsewhere see the hit without a link.
    """

    organisation_id: int
    object_type: str  # app_label.model
    object_id: str  # the public id
    title: str
    body: str
    url_name: str
    permission: str
    updated: dt.datetime
    url_kwargs: Mapping[str, Any] = field(default_factory=dict)
    visibility: str = Visibility.OWN
    partner_ids: tuple[int, ...] = ()
    shared_url_name: str = ""  # the page for readers of other organisations (same url_kwargs)


class SearchProvider(Protocol):
    """What ``kosmos.core.search`` expects of a module's provider."""

    # Models whose objects are indexed as a unit; ``documents`` receives one of them.
    roots: tuple[type[models.Model], ...]
    # Further models whose changes alter a root's documents → the root of an instance (or None).
    dependants: Mapping[type[models.Model], Callable[[Any], models.Model | None]]

    def queryset(self, model: type[models.Model]) -> models.QuerySet:
        """All objects of a root model, with what ``documents`` needs prefetched (for rebuilds)."""
        ...

    def documents(self, obj: models.Model) -> Iterable[Document]:
        """The documents of one root object (none for an object nobody may find yet)."""
        ...


class Provider(ABC):
    """Convenience base class: ``roots``, ``dependants`` and ``documents`` are all a module writes."""

    roots: tuple[type[models.Model], ...] = ()
    dependants: Mapping[type[models.Model], Callable[[Any], models.Model | None]] = {}

    def queryset(self, model: type[models.Model]) -> models.QuerySet:
        return model._default_manager.all()

    @abstractmethod
    def documents(self, obj: models.Model) -> Iterable[Document]:
        """The documents of one root object; every module's provider defines it."""


_PROVIDERS: dict[str, SearchProvider] = {}
_ROOT_OWNERS: dict[type[models.Model], str] = {}


def register_provider(label: str, provider: SearchProvider) -> None:
    """Register a module's provider and connect the signals that keep its documents current."""
    existing = _PROVIDERS.get(label)
    if existing is provider:
        return
    if existing is not None:
        raise SearchError(f"Module {label!r} registers a second search provider")
    for model in provider.roots:
        if model in _ROOT_OWNERS:
            raise SearchError(f"{model._meta.label} is indexed by {_ROOT_OWNERS[model]!r} already")
    _PROVIDERS[label] = provider
    for model in provider.roots:
        _ROOT_OWNERS[model] = label
    from kosmos.core.search import signals

    signals.connect(label, provider)


def providers() -> dict[str, SearchProvider]:
    """The registered providers by module label."""
    return dict(_PROVIDERS)


def provider_for(obj: models.Model | type[models.Model]) -> tuple[str, SearchProvider] | None:
    """The module label and provider indexing ``obj`` (an object or a root model), or None."""
    label = _ROOT_OWNERS.get(obj if isinstance(obj, type) else type(obj))
    return (label, _PROVIDERS[label]) if label else None


def source_key(obj: models.Model) -> str:
    """The key of an indexed object in ``SearchDocument.source``."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def parent(instance: models.Model, field_name: str) -> models.Model | None:
    """The object a foreign key points to, or None when it is gone (deleted in the same cascade)."""
    field = instance._meta.get_field(field_name)
    if field.is_cached(instance):
        return getattr(instance, field_name)
    pk = getattr(instance, field.attname)
    return field.related_model._default_manager.filter(pk=pk).first() if pk is not None else None


def join(*parts: str | None) -> str:
    """Text fields joined into one body, blank ones left out."""
    return "\n".join(p.strip() for p in parts if p and p.strip())
