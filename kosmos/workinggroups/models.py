"""Working groups (Arbeitskreise): members, meetings, agendas, minutes and action items."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation
from kosmos.core.models.sharing import Shareable


class Topic(models.TextChoices):
    HEALTH = "health", _("Health")
    DIGITAL = "digital", _("Digitalisation")
    EFQM = "efqm", _("EFQM")
    FBW = "fbw", _("Further training (FbW)")
    OTHER = "other", _("Other")


class WorkingGroup(Shareable):
    """An Arbeitskreis with its framework concept (Rahmenkonzept)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="workinggroups")
    name = models.CharField(_("name"), max_length=150)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.OTHER)
    purpose = models.TextField(_("purpose"), blank=True)
    mandate = models.TextField(_("mandate"), blank=True)
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    decision_rules = models.TextField(_("decision rules"), blank=True)
    meeting_rhythm = models.CharField(_("meeting rhythm"), max_length=120, blank=True)
    results = models.TextField(_("overall results"), blank=True,
                               help_text=_("What the working group achieved, presented to all staff."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    LEAD = "lead", _("lead")
    MINUTE_TAKER = "minute_taker", _("minute-taker")
    MEMBER = "member", _("member")
    GUEST = "guest", _("guest")


class GroupMember(models.Model):
    """A member of a group: a user of the organisation, or a guest without an account (by text)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="workinggroup_memberships", verbose_name=_("person"))
    guest_name = models.CharField(_("guest"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="workinggroups_unique_member"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.user_id:
            return self.user.full_name or self.user.email
        return self.guest_name


class Interest(models.Model):
    """A staff member's voluntary expression of interest in joining a group."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="workinggroups_unique_interest")]

    def __str__(self) -> str:
        return f"{self.user} → {self.group}"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    CIRCULATED = "circulated", _("circulated for comments")
    APPROVED = "approved", _("approved")


class Meeting(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"), default=90)
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                       verbose_name=_("present"))
    guests_present = models.CharField(_("guests present"), max_length=300, blank=True)
    status = models.CharField(_("minutes"), max_length=20, choices=MinutesStatus.choices,
                              default=MinutesStatus.DRAFT)
    # Optimistic locking of the minutes draft: every saved draft increments it.
    lock_version = models.PositiveIntegerField(default=0)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting")

    def __str__(self) -> str:
        return f"{self.group.name}, {self.starts_at:%d.%m.%Y}"


class AgendaItem(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=1)
    title = models.CharField(_("title"), max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("owner"))
    duration_minutes = models.PositiveIntegerField(_("time in minutes"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("agenda item")

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("decision")

    def __str__(self) -> str:
        return self.text[:80]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")


class ActionItem(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The organisation is repeated here so that the page of all open items is one indexed query.
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="action_items")
    title = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              related_name="workinggroup_action_items", verbose_name=_("owner"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("action item")
        indexes = [models.Index(fields=["organisation", "status", "due_date"])]

    def __str__(self) -> str:
        return self.title


class MinutesComment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment on the minutes")

    def __str__(self) -> str:
        return self.text[:80]


class MinutesVersion(models.Model):
    """An approved version of the minutes, frozen as plain data (read-only from then on)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    approved_at = models.DateTimeField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    content = models.JSONField(default=dict)

    class Meta:
        ordering = ["number"]
        verbose_name = _("version of the minutes")
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="workinggroups_unique_version")]

    def __str__(self) -> str:
        return f"{self.meeting} v{self.number}"
