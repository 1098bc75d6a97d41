"""The platform search index: one row per findable thing, written by the modules' providers."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from kosmos.core.models.organisations import Organisation
from kosmos.core.models.sharing import Visibility

__all__ = ["SearchDocument", "Visibility"]


class SearchDocument(models.Model):
    """A findable object of a module, as its search provider describes it.

    ``source`` names the indexed object (``app_label.model:pk``); re-indexing it replaces all of
    its documents. ``permission`` is the module permission a reader needs in the organisation
    (or, for shared documents, in one of their own organisations); ``visibility`` and
    ``partners`` are the sharing levels of ``kosmos.core.sharing``, copied from the object. ``vector`` is filled on
    PostgreSQL only (``german`` configuration); SQLite keeps an FTS5 table beside this one.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    module = models.CharField(max_length=40)
    object_type = models.CharField(max_length=100)  # app_label.model
    object_id = models.CharField(max_length=64)  # the public id (UUID or slug)
    source = models.CharField(max_length=120)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    keywords = models.TextField(blank=True)  # compound parts of title and body ("sucht beratung")
    url_name = models.CharField(max_length=120)
    url_kwargs = models.JSONField(default=dict, blank=True)
    # For readers outside the organisation: the module's page for shared objects, which lives
    # under the reader's organisation (``/o/<reader>/…/geteilt/<uuid>/``); same ``url_kwargs``.
    shared_url_name = models.CharField(max_length=120, blank=True)
    permission = models.CharField(max_length=60)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.OWN)
    partners = models.ManyToManyField(Organisation, blank=True, related_name="+")
    updated = models.DateTimeField()
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["source"], name="core_search_source"),
            models.Index(fields=["organisation", "permission"], name="core_search_org_perm"),
            models.Index(fields=["visibility", "permission"], name="core_search_visibility"),
        ]

    def __str__(self) -> str:
        return self.title
