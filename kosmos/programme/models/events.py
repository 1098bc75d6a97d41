"""Workshops and exchange events of the programme: registrations, topic rooms, materials."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kosmos.core.models import Organisation

__all__ = ["Event", "EventFormat", "EventKind", "EventMaterial", "EventRoom", "Registration", "RegistrationStatus"]


class EventKind(models.TextChoices):
    KICKOFF = "kickoff", _("Kick-off workshop")
    INTERIM = "interim", _("Interim review")
    CLOSING = "closing", _("Closing workshop")
    EXCHANGE = "exchange", _("Exchange")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    ON_SITE = "on_site", _("On site")


class Event(models.Model):
    """A workshop of a call (kick-off, interim review, closing) or a standalone exchange.

    Open to every Jobcenter, also to those whose application was not selected.
    ``capacity`` None means unlimited; topic rooms may limit their own seats.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey("programme.Call", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="events", verbose_name=_("call"))
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, default=EventKind.EXCHANGE)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices, default=EventFormat.ONLINE)
    place = models.CharField(_("place"), max_length=300, blank=True)
    link = models.URLField(_("link to the online meeting"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    registration_open = models.BooleanField(_("registration open"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self) -> str:
        return self.title


class EventRoom(models.Model):
    """A topic room: a parallel session with its own seats, chosen at registration."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["event", "position", "id"]
        verbose_name = _("topic room")
        verbose_name_plural = _("topic rooms")

    def __str__(self) -> str:
        return self.title


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("registered")
    WAITING = "waiting", _("waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")


class Registration(models.Model):
    """One person's registration: a member of a Jobcenter, registered by themselves or by the
    organisation's quality management. ``share_contact``: the person agreed that the other
    participants see their name and e-mail address; otherwise they see the organisation only."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    room = models.ForeignKey(EventRoom, on_delete=models.SET_NULL, null=True, blank=True, related_name="registrations")
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    share_contact = models.BooleanField(_("show my name and e-mail address to the other participants"), default=False)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["event", "created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "participant"], condition=~Q(status="cancelled"),
                                    name="programme_one_active_registration"),
        ]

    def __str__(self) -> str:
        return f"{self.event} – {self.organisation}"


def material_path(instance: EventMaterial, filename: str) -> str:
    """Stored under an unguessable name; the original name is kept in ``file_name``."""
    suffix = PurePath(filename).suffix.lower()
    return f"programme/materials/{instance.event.public_id}/{uuid.uuid4().hex}{suffix}"


class EventMaterial(models.Model):
    """A file or link shared with the participants after (or before) the workshop."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to=material_path, blank=True, max_length=300)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=10, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "created_at", "id"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title
