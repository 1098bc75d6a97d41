"""Keeping the index current: signals on the providers' models.

Why signals and not calls in every service: an indexed text changes through some twenty
``do_*`` services, the demo loaders, imports and the admin; one receiver per model catches all
of them and a new service cannot forget it. The two gaps of signals are closed explicitly:
``bulk_create`` and ``QuerySet.update`` send none, so a service that writes indexed text that
way calls ``index_object(root)`` itself (``do_merge_findings`` does). Indexing runs inside the
writing transaction, so documents and data commit or roll back together.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save

from kosmos.core.search.providers import SearchProvider


def connect(label: str, provider: SearchProvider) -> None:
    for model in provider.roots:
        post_save.connect(_root_saved, sender=model, dispatch_uid=f"search-root-save-{model._meta.label}")
        post_delete.connect(_root_deleted, sender=model, dispatch_uid=f"search-root-delete-{model._meta.label}")
    for model, root_of in provider.dependants.items():
        def changed(sender: type[models.Model], instance: models.Model, root_of: Any = root_of, **kwargs: Any) -> None:
            if kwargs.get("raw"):
                return
            try:
                root = root_of(instance)
            except models.ObjectDoesNotExist:  # the root is being deleted with it
                return
            if root is not None:
                from kosmos.core.search.indexing import index_object

                index_object(root)

        uid = f"search-dependant-{label}-{model._meta.label}"
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid + "-save")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid + "-delete")


def _root_saved(sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from kosmos.core.search.indexing import index_object

    index_object(instance)


def _root_deleted(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    from kosmos.core.search.indexing import remove_object

    remove_object(instance)
