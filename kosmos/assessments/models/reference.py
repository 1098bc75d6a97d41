"""The assessment model as data: EFQM 2020 and CAF 2020 (and later EFQM 2025) are rows, not code.

The rows are loaded from ``model_data/*.json`` by a data migration (``model_sync.sync_all``) and
updated by code (``AssessmentModel.code`` + criterion/unit/question code), so a corrected text in a
later release updates the row instead of adding one.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation


class AssessmentModel(models.Model):
    """An excellence model such as "EFQM Modell 2020" (EFQM: points; CAF: percent)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60)
    family = models.CharField(_("family"), max_length=20)
    scoring_method = models.CharField(_("scoring method"), max_length=20)  # "points" | "percent"
    total_points = models.PositiveIntegerField(_("total points"), null=True, blank=True)
    scoring_explanation = models.TextField(_("scoring explanation"), blank=True)
    source_note = models.TextField(_("source"), blank=True)
    leadership_criteria = models.JSONField(default=list, blank=True)
    # RADAR scale with its bands (EFQM) or CAF panels, as loaded from the model file.
    scale = models.JSONField(default=dict, blank=True)
    panels = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("assessment model")
        verbose_name_plural = _("assessment models")

    def __str__(self) -> str:
        return self.name

    @property
    def has_points(self) -> bool:
        return self.scoring_method == "points"


class Direction(models.Model):
    """EFQM: Ausrichtung, Realisierung, Ergebnisse; CAF: Befähiger, Ergebnisse."""

    model = models.ForeignKey(AssessmentModel, on_delete=models.CASCADE, related_name="directions")
    code = models.CharField(max_length=40)
    name = models.CharField(_("name"), max_length=100)
    question = models.CharField(_("guiding question"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["model", "order"]
        constraints = [models.UniqueConstraint(fields=["model", "code"], name="direction_unique_code")]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    model = models.ForeignKey(AssessmentModel, on_delete=models.CASCADE, related_name="criteria")
    direction = models.ForeignKey(Direction, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10)  # "enabler" | "results"
    points = models.PositiveIntegerField(_("points"), null=True, blank=True)
    radar_chart = models.CharField(max_length=20, blank=True)
    scored_as_whole = models.BooleanField(default=False)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["model", "order"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [models.UniqueConstraint(fields=["model", "code"], name="criterion_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


class SubCriterion(models.Model):
    """A scoring unit: a sub-criterion, or a criterion scored as a whole (EFQM 6 and 7).

    Ratings, evidence and consensus scores always point to a unit, so the results of criteria
    with and without sub-criteria are computed the same way.
    """

    model = models.ForeignKey(AssessmentModel, on_delete=models.CASCADE, related_name="units")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="units")
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_whole_criterion = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["model", "order"]
        verbose_name = _("sub-criterion")
        verbose_name_plural = _("sub-criteria")
        constraints = [models.UniqueConstraint(fields=["model", "code"], name="subcriterion_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def kind(self) -> str:
        return self.criterion.kind


class RadarAttribute(models.Model):
    """An attribute of a RADAR chart, e.g. "Vorgehen – Fundiert" for enablers."""

    model = models.ForeignKey(AssessmentModel, on_delete=models.CASCADE, related_name="radar_attributes")
    chart = models.CharField(max_length=20)  # "enabler" | "results" (the chart's code)
    applies_to = models.CharField(max_length=10)  # criterion kind the chart is used for
    element_code = models.CharField(max_length=40)
    element_name = models.CharField(_("element"), max_length=100)
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    hint = models.TextField(_("hint"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["model", "chart", "order"]
        constraints = [
            models.UniqueConstraint(fields=["model", "chart", "code"], name="radarattribute_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.element_name} – {self.name}"


class QuestionCatalogue(models.Model):
    """A question catalogue for one model, e.g. our own "Fragenkatalog für Jobcenter"."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    model = models.ForeignKey(AssessmentModel, on_delete=models.CASCADE, related_name="catalogues")
    evidence_prompt = models.CharField(max_length=200, blank=True)
    source_note = models.TextField(blank=True)
    quick_check_scale = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def maturity_levels(self) -> list[dict]:
        return list(self.quick_check_scale.get("levels", []))


class CatalogueQuestion(models.Model):
    """A question of the catalogue, or an organisation's own question.

    Own questions have ``organisation`` set. A reworded catalogue question keeps the link to the
    original in ``based_on`` (traceability); its intent is that of the original's sub-criterion.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogue = models.ForeignKey(QuestionCatalogue, on_delete=models.CASCADE, related_name="questions")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="assessment_questions"
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="rewordings"
    )
    code = models.CharField(_("code"), max_length=40)
    unit = models.ForeignKey(SubCriterion, on_delete=models.PROTECT, related_name="questions",
                             verbose_name=_("sub-criterion"))
    text = models.TextField(_("question"))
    evidence = models.JSONField(_("possible evidence"), default=list, blank=True)
    quick_check = models.BooleanField(default=False)
    starter_set = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, null=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["catalogue", "code"], condition=models.Q(organisation=None), name="question_unique_code"
            ),
        ]
        indexes = [models.Index(fields=["catalogue", "organisation"])]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:60]}"

    @property
    def is_own(self) -> bool:
        return self.organisation_id is not None

    @property
    def evidence_hint(self) -> str:
        if not self.evidence:
            return ""
        prompt = self.catalogue.evidence_prompt if self.catalogue_id else ""
        return f"{prompt} {', '.join(self.evidence)}.".strip()
