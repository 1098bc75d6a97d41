"""Evidence, individual ratings, consensus scores and findings (strengths and potentials)."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.assessments.models.assessment import Assessment, AssessmentItem
from kosmos.assessments.models.reference import Criterion


class Confidentiality(models.TextChoices):
    PUBLIC = "public", _("public")
    INTERNAL = "internal", _("internal")
    CONFIDENTIAL = "confidential", _("confidential (assessment group only)")


def evidence_path(instance: Evidence, filename: str) -> str:
    """Stored under an unguessable name; the original name is kept in ``file_name``."""
    suffix = PurePath(filename).suffix.lower()
    return f"assessments/evidence/{instance.assessment.public_id}/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """A piece of evidence (Beleg) for a question or sub-criterion: a link or an uploaded file."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    item = models.ForeignKey(AssessmentItem, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True, max_length=300)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=10, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    evidence_date = models.DateField(_("date of the evidence"), null=True, blank=True)
    confidentiality = models.CharField(
        _("confidentiality"), max_length=20, choices=Confidentiality.choices, default=Confidentiality.INTERNAL
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "created_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.title


class Rating(models.Model):
    """One member's individual rating of one item.

    Maturity variants store ``level`` (0–5); RADAR variants store the attribute scores
    (``{"sound": 40, …}``, 0–100 in steps of 5). ``score`` is the item's percentage derived from
    either, so that statistics work the same for every variant.
    Nobody reads other members' rows before the assessment circle opens (see ``selectors``).
    """

    item = models.ForeignKey(AssessmentItem, on_delete=models.CASCADE, related_name="ratings")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_ratings")
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    attributes = models.JSONField(default=dict, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("individual rating")
        verbose_name_plural = _("individual ratings")
        constraints = [models.UniqueConstraint(fields=["item", "rater"], name="rating_unique")]
        indexes = [models.Index(fields=["rater", "item"])]

    def __str__(self) -> str:
        return f"{self.item_id}/{self.rater_id}: {self.score}"


class ConsensusScore(models.Model):
    """The score the assessment circle agreed for an item, recorded by the facilitator.

    ``proposal`` is what the tool proposed (mean of the attributes or of the individual ratings);
    a ``score`` that differs from it needs a ``reason``.
    """

    item = models.OneToOneField(AssessmentItem, on_delete=models.CASCADE, related_name="consensus")
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    attributes = models.JSONField(default=dict, blank=True)
    proposal = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("agreed score (%)"))
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("consensus score")
        verbose_name_plural = _("consensus scores")

    def __str__(self) -> str:
        return f"{self.item_id}: {self.score} %"


class FindingKind(models.TextChoices):
    STRENGTH = "strength", _("Strength")
    IMPROVEMENT = "improvement", _("Improvement potential")


class Finding(models.Model):
    """A strength or an improvement potential.

    Individual findings (``is_consensus=False``) belong to their author and stay private until the
    assessment circle opens. The facilitator merges them per criterion into consensus findings,
    which carry tags for clustering and become action fields.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="findings")
    item = models.ForeignKey(AssessmentItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="findings")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=FindingKind.choices)
    text = models.TextField(_("text"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+")
    is_consensus = models.BooleanField(default=False)
    merged_count = models.PositiveSmallIntegerField(default=1)
    variants = models.JSONField(default=list, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["criterion__order", "-merged_count", "created_at"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        indexes = [models.Index(fields=["assessment", "is_consensus", "kind"])]

    def __str__(self) -> str:
        return self.text[:80]
