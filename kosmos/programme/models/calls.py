"""Calls for expressions of interest (Interessenbekundungsverfahren) and applications."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation

# The four criteria of the call (report: Prüfkriterien), in the order of the form and the board.
CRITERIA: tuple[str, ...] = ("situation", "transferability", "relevance", "evidence")


class CallState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for applications")
    REVIEW = "review", _("In review")
    DECIDED = "decided", _("Decided")


class Call(models.Model):
    """A call of the programme office: topics, period, criteria with weights, selection rules."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("what the call is about"), blank=True)
    eligibility = models.TextField(_("who may apply"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=CallState.choices, default=CallState.DRAFT)
    deadline = models.DateTimeField(_("deadline for applications"))
    period_start = models.DateField(_("project period from"), null=True, blank=True)
    period_end = models.DateField(_("project period until"), null=True, blank=True)
    weight_situation = models.PositiveSmallIntegerField(
        _("weight: clear starting situation and goals"), default=1, validators=[MaxValueValidator(10)])
    weight_transferability = models.PositiveSmallIntegerField(
        _("weight: transferability"), default=1, validators=[MaxValueValidator(10)])
    weight_relevance = models.PositiveSmallIntegerField(
        _("weight: strategic relevance"), default=1, validators=[MaxValueValidator(10)])
    weight_evidence = models.PositiveSmallIntegerField(
        _("weight: evidence of results"), default=1, validators=[MaxValueValidator(10)])
    blind_review = models.BooleanField(
        _("blind review"), default=False,
        help_text=_("Committee members do not see the applicant's name and identifying details."))
    disagreement_threshold = models.DecimalField(
        _("disagreement from a spread of"), max_digits=3, decimal_places=1, default=2,
        validators=[MinValueValidator(0), MaxValueValidator(4)],
        help_text=_("Applications whose scores spread this far apart are marked for discussion."))
    rank_by = models.CharField(_("rank by"), max_length=6, default="median",
                               choices=[("median", _("Median")), ("mean", _("Mean"))],
                               help_text=_("The median keeps one outlier from sinking an application."))
    select_count = models.PositiveSmallIntegerField(_("number of projects to select"), default=10,
                                                    validators=[MinValueValidator(1)])
    min_ge = models.PositiveSmallIntegerField(_("at least this many gE"), default=0)
    min_zkt = models.PositiveSmallIntegerField(_("at least this many zkT"), default=0)
    max_per_state = models.PositiveSmallIntegerField(
        _("at most this many per Land"), null=True, blank=True, help_text=_("Empty: no limit."))
    cover_topics = models.BooleanField(_("every topic at least once"), default=True)
    # Optimistic locking of the decisions: every saved decision round increments it.
    decision_version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-deadline", "title"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self) -> str:
        return self.title

    @property
    def weights(self) -> dict[str, int]:
        return {criterion: getattr(self, f"weight_{criterion}") for criterion in CRITERIA}

    @property
    def deadline_passed(self) -> bool:
        return timezone.now() > self.deadline


class CallTopic(models.Model):
    """A topic field of a call (e.g. "Kommunikationskanäle")."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(_("topic"), max_length=150)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["call", "name"], name="programme_topic_unique")]

    def __str__(self) -> str:
        return self.name


class CallDocument(models.Model):
    """A document of a call (the call text, a template), a PDF."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="programme/calls/", max_length=300)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ApplicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Decision(models.TextChoices):
    OPEN = "open", _("Not decided")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")


class Application(models.Model):
    """A Jobcenter's application to a call: the fixed form (see docs/programm.md)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(CallTopic, on_delete=models.RESTRICT, related_name="applications",
                              verbose_name=_("topic"), null=True)
    state = models.CharField(_("state"), max_length=10, choices=ApplicationState.choices,
                             default=ApplicationState.DRAFT)
    project_title = models.CharField(_("project title"), max_length=200)
    starting_situation = models.TextField(_("starting situation and challenge"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    approach = models.TextField(_("approach and timeline"), blank=True)
    transferability = models.TextField(_("transfer to other Jobcenters"), blank=True)
    strategic_relevance = models.TextField(_("strategic relevance"), blank=True)
    evidence = models.TextField(_("how results will be shown"), blank=True)
    contact_role = models.CharField(_("contact (role, no name needed)"), max_length=150, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="+")
    decision = models.CharField(_("selection decision"), max_length=10, choices=Decision.choices, default=Decision.OPEN)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_mailed_at = models.DateTimeField(null=True, blank=True)
    # An accepted project's profile (Steckbrief) in the practice module, once it exists.
    profile = models.ForeignKey("practice.Profile", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("project profile"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["call", "project_title"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["call", "organisation"], name="programme_one_application_per_call"),
        ]

    def __str__(self) -> str:
        return self.project_title
