"""The ecosystem map (report 3.2): stakeholders, market and megatrends in four spheres, with the
assumed view of each group. Every change is kept as a version row."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation


class Sphere(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    STAKEHOLDERS = "stakeholders", _("Stakeholders")
    MARKET = "market", _("Market")
    GLOBAL = "global", _("Global environment/megatrends")


class EcosystemMap(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="ecosystem_maps")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    shared_with_partners = models.BooleanField(
        _("share with partner organisations"), default=False,
        help_text=_("Partner organisations in the partner model may read this map."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("ecosystem map")
        verbose_name_plural = _("ecosystem maps")

    def __str__(self) -> str:
        return self.title


class EcosystemEntry(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    map = models.ForeignKey(EcosystemMap, on_delete=models.CASCADE, related_name="entries")
    sphere = models.CharField(_("sphere"), max_length=20, choices=Sphere.choices)
    label = models.CharField(_("name"), max_length=120)
    assumed_view = models.TextField(
        _("assumed view"), blank=True,
        help_text=_("What does this group usually say about us? E.g. what customers usually say."),
    )
    relationship = models.TextField(_("relationship notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["map", "sphere", "label"]
        verbose_name = _("ecosystem entry")
        verbose_name_plural = _("ecosystem entries")

    def __str__(self) -> str:
        return self.label


class EcosystemEntryVersion(models.Model):
    """One state of an entry after a change (created, updated or deleted): the map's history."""

    class Action(models.TextChoices):
        CREATED = "created", _("added")
        UPDATED = "updated", _("changed")
        DELETED = "deleted", _("removed")

    map = models.ForeignKey(EcosystemMap, on_delete=models.CASCADE, related_name="versions")
    entry_id = models.UUIDField()
    version = models.PositiveIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    sphere = models.CharField(max_length=20, choices=Sphere.choices)
    label = models.CharField(max_length=120)
    assumed_view = models.TextField(blank=True)
    relationship = models.TextField(blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_by_name = models.CharField(max_length=150, blank=True)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["entry_id", "version"], name="ecosystemversion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.label} v{self.version}"
