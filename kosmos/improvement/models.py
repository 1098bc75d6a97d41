"""Action fields, improvement projects, milestones and working groups.

Improvement is the hub of findings: any module's findings (a self-assessment's improvement
potentials, a survey result, a maturity gap, …) become action fields through ``kosmos.core.hub``,
without this app knowing the source module's models.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation

MATRIX_LEVELS = (1, 2, 3)  # a 3×3 impact × effort matrix


class Level(models.IntegerChoices):
    LOW = 1, _("low")
    MEDIUM = 2, _("medium")
    HIGH = 3, _("high")


class ActionFieldStatus(models.TextChoices):
    OPEN = "open", _("open")
    PRIORITISED = "prioritised", _("prioritised")
    PROJECT = "project", _("improvement project started")
    DEFERRED = "deferred", _("deferred")


class ActionField(models.Model):
    """A field of action (Handlungsfeld) gathered from improvement potentials."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="action_fields")
    # Where the action field came from, through the improvement hub (kosmos.core.hub): the
    # object that holds the findings (e.g. "assessments.assessment" and its public id), its
    # title at the time, and the topic the field is filed under (e.g. an EFQM criterion).
    source = models.CharField(_("source"), max_length=100, blank=True)
    source_id = models.CharField(max_length=64, blank=True)
    source_title = models.CharField(_("origin"), max_length=200, blank=True)
    topic_key = models.CharField(max_length=40, blank=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Level.choices, null=True, blank=True)
    effort = models.PositiveSmallIntegerField(_("effort"), choices=Level.choices, null=True, blank=True)
    goal = models.TextField(_("goal"), blank=True)
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    owner = models.CharField(_("responsible"), max_length=150, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ActionFieldStatus.choices,
                              default=ActionFieldStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-impact", "effort", "title"]
        verbose_name = _("action field")
        verbose_name_plural = _("action fields")
        indexes = [models.Index(fields=["organisation", "status"]),
                   models.Index(fields=["organisation", "source", "source_id"])]

    def __str__(self) -> str:
        return self.title


class ActionFieldFinding(models.Model):
    """A finding that an action field takes up, as it read when it was taken over."""

    action_field = models.ForeignKey(ActionField, on_delete=models.CASCADE, related_name="findings")
    finding_id = models.CharField(max_length=64)
    text = models.TextField(_("finding"))
    topic = models.CharField(_("topic"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["action_field", "finding_id"], name="unique_finding_per_field")]

    def __str__(self) -> str:
        return self.text[:80]


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ACTIVE = "active", _("in progress")
    ON_HOLD = "on_hold", _("on hold")
    DONE = "done", _("completed")
    CANCELLED = "cancelled", _("cancelled")


class ImprovementProject(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="improvement_projects")
    action_field = models.ForeignKey(ActionField, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="projects", verbose_name=_("action field"))
    # Working groups live in their own module since issue 10 (kosmos.workinggroups).
    working_group = models.ForeignKey("workinggroups.WorkingGroup", on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="projects", verbose_name=_("working group"))
    title = models.CharField(_("title"), max_length=200)
    goal = models.TextField(_("goal"))
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="owned_improvement_projects", verbose_name=_("responsible"))
    start_date = models.DateField(_("start"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "title"]
        verbose_name = _("improvement project")
        verbose_name_plural = _("improvement projects")
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(ImprovementProject, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done_at = models.DateField(_("done on"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["project", models.F("due_date").asc(nulls_last=True), "order", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    @property
    def done(self) -> bool:
        return self.done_at is not None
