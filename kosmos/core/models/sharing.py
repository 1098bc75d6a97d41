"""Sharing across organisations: the abstract ``Shareable`` mixin a module's model inherits.

Visibility is decided once, in core (``kosmos.core.sharing``). A shared object stays owned and
editable by its organisation; others read it and may copy it into their own organisation, and a
copy remembers where it came from ("Übernommen von …").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    """Who may read an object, from narrow to wide; each level includes the ones before."""

    OWN = "own", _("Own organisation only")
    PARTNERS = "partners", _("Named partner organisations")
    PLATFORM = "platform", _("Every organisation on the platform")
    PUBLIC = "public", _("Published (public, without login)")


class Shareable(models.Model):
    """Mixin for a module's model that has an ``organisation`` foreign key (the owner).

    ``shared_with`` holds the named partner organisations; it counts only while the visibility
    is ``partners``. The ``origin_*`` fields are filled on a copy taken from another
    organisation (``kosmos.core.sharing.do_copy_shared``); the names are kept as text so that the
    credit survives a renamed or deleted original.
    """

    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.OWN, db_index=True
    )
    shared_with = models.ManyToManyField(
        "core.Organisation",
        blank=True,
        related_name="%(app_label)s_%(class)s_shared",
        verbose_name=_("partner organisations"),
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    shared_at = models.DateTimeField(_("shared on"), null=True, blank=True)
    origin_organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    origin_organisation_name = models.CharField(_("taken over from"), max_length=200, blank=True)
    origin_public_id = models.UUIDField(null=True, blank=True)
    origin_label = models.CharField(max_length=200, blank=True)
    copied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_copy(self) -> bool:
        return bool(self.origin_organisation_name)

    @property
    def is_shared(self) -> bool:
        return self.visibility != Visibility.OWN
