"""Process maps: one organisation's or shared with partners; versions with the step table.

A map is ``Shareable``: its *sides* are the owner and the partner organisations named while the
visibility is "partners" (``sides``). Each side's editors edit the current draft; the version is
"agreed" when every side approved it at the same revision. A change after that starts a new
draft version; earlier versions stay as history.

The step table of a version is one JSON document (``kosmos.processes.domain.model``): a version
is read in one query whatever its number of steps, and an agreed version never changes.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation
from kosmos.core.models.sharing import Shareable, Visibility


class ProcessMap(Shareable):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="process_maps")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    template_key = models.CharField(_("adopted from template"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("process map")
        verbose_name_plural = _("process maps")

    def __str__(self) -> str:
        return self.title

    def side_ids(self) -> set[int]:
        """The organisations that edit and approve the map: the owner and the named partners."""
        ids = {self.organisation_id}
        if self.visibility == Visibility.PARTNERS:
            ids |= {o.pk for o in self.shared_with.all()}
        return ids


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AGREED = "agreed", _("Agreed")
    SUPERSEDED = "superseded", _("Superseded")


class ProcessVersion(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    process_map = models.ForeignKey(ProcessMap, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    # Every saved change of a draft raises the revision; an approval names the revision it saw.
    revision = models.PositiveIntegerField(default=1)
    data = models.JSONField(default=dict)
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["process_map", "number"], name="process_version_number_unique"),
        ]
        verbose_name = _("process version")
        verbose_name_plural = _("process versions")

    def __str__(self) -> str:
        return f"{self.process_map.title} – {self.number}"


class Approval(models.Model):
    """One side's approval of a version at one revision."""

    version = models.ForeignKey(ProcessVersion, on_delete=models.CASCADE, related_name="approvals")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    revision = models.PositiveIntegerField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    approved_by_name = models.CharField(max_length=200, blank=True)
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "organisation"], name="process_approval_one_per_side"),
        ]
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")

    def __str__(self) -> str:
        return f"{self.version} – {self.organisation}"
