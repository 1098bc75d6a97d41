"""A self-assessment project: variant, phase, timeline, group, calibration and question set."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.assessments.models.reference import (
    AssessmentModel,
    CatalogueQuestion,
    Criterion,
    QuestionCatalogue,
    SubCriterion,
)
from kosmos.core.models import Organisation


class Method(models.TextChoices):
    QUICK_CHECK = "quick_check", _("Quick-Check")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire method")
    WORKSHOP = "workshop", _("Workshop method")
    AWARD_SIMULATION = "award_simulation", _("Award simulation")


class Phase(models.TextChoices):
    PREPARATION = "preparation", _("Preparation")
    RATING = "rating", _("Individual rating")
    CONSENSUS = "consensus", _("Assessment circle")
    COMPLETED = "completed", _("Completed")


PHASE_ORDER = [Phase.PREPARATION, Phase.RATING, Phase.CONSENSUS, Phase.COMPLETED]
# Methods whose items are rated on the 0–5 maturity scale; the others use RADAR attributes.
MATURITY_METHODS = {Method.QUICK_CHECK, Method.QUESTIONNAIRE}


class Assessment(models.Model):
    """One self-assessment (Selbstbewertung) of an organisation in one of the four variants."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="assessments")
    model = models.ForeignKey(AssessmentModel, on_delete=models.PROTECT, related_name="assessments",
                              verbose_name=_("model"))
    catalogue = models.ForeignKey(QuestionCatalogue, on_delete=models.PROTECT, related_name="assessments")
    title = models.CharField(_("title"), max_length=200)
    method = models.CharField(_("variant"), max_length=20, choices=Method.choices)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.PREPARATION)
    start_date = models.DateField(_("start date"))
    weeks = models.PositiveSmallIntegerField(
        _("duration in weeks"), validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_cycles",
        verbose_name=_("previous cycle"),
    )
    # Questionnaire method: the survey that asks the question set (module surveys).
    survey = models.ForeignKey(
        "surveys.Survey", on_delete=models.SET_NULL, null=True, blank=True, related_name="assessments",
        verbose_name=_("survey"),
    )
    question_set_confirmed_at = models.DateTimeField(null=True, blank=True)
    question_set_note = models.TextField(_("reason for accepting the warnings"), blank=True)
    rating_opened_at = models.DateTimeField(null=True, blank=True)
    consensus_opened_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "-created_at"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        indexes = [models.Index(fields=["organisation", "-start_date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def uses_maturity_scale(self) -> bool:
        return self.method in MATURITY_METHODS

    @property
    def rates_units(self) -> bool:
        """The award simulation rates every sub-criterion; the other variants rate questions."""
        return self.method == Method.AWARD_SIMULATION

    @property
    def is_first(self) -> bool:
        """A first self-assessment (no earlier cycle): its results get the calibration check."""
        return self.previous_id is None

    def phase_reached(self, phase: str) -> bool:
        return PHASE_ORDER.index(Phase(self.phase)) >= PHASE_ORDER.index(Phase(phase))

    @property
    def ratings_revealed(self) -> bool:
        """Anti-anchoring: other members' ratings become visible only when the circle opens."""
        return self.phase_reached(Phase.CONSENSUS)

    @property
    def question_set_editable(self) -> bool:
        return self.phase == Phase.PREPARATION

    def next_milestone(self):  # noqa: ANN201 - returns a Milestone or None
        """The earliest open milestone; a completed assessment has none (its open plan items are moot)."""
        if self.phase == Phase.COMPLETED:
            return None
        return self.milestones.filter(done=False).order_by("due_date").first()


class AssessmentItem(models.Model):
    """One entry of the question set (Fragenset): a question, or — in the award simulation —
    a sub-criterion. Ratings, evidence and consensus scores point to an item."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="items")
    unit = models.ForeignKey(SubCriterion, on_delete=models.PROTECT, related_name="+")
    question = models.ForeignKey(CatalogueQuestion, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    survey_question = models.ForeignKey(
        "surveys.Question", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["assessment", "order", "id"]
        verbose_name = _("question of the question set")
        verbose_name_plural = _("question set")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question"], condition=models.Q(question__isnull=False),
                name="item_unique_question",
            ),
            models.UniqueConstraint(
                fields=["assessment", "unit"], condition=models.Q(question__isnull=True), name="item_unique_unit"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.question_id:
            return self.question.text
        return f"{self.unit.code} {self.unit.name}"


class Gender(models.TextChoices):
    FEMALE = "w", _("female")
    MALE = "m", _("male")
    DIVERSE = "d", _("diverse")
    UNKNOWN = "", _("not stated")


class HierarchyLevel(models.TextChoices):
    MANAGEMENT = "leitung", _("Management")
    LEADERSHIP = "fuehrung", _("Team or department lead")
    STAFF = "mitarbeitende", _("Staff")


class GroupFunction(models.TextChoices):
    CONTROLLING = "controlling", _("Controlling")
    CUSTOMER_FEEDBACK = "kundenreaktionsmanagement", _("Customer feedback management")


class GroupMember(models.Model):
    """A member of the assessment group (Bewertungsgruppe) with what the composition check needs."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="group_members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_groups")
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True)
    level = models.CharField(_("hierarchy level"), max_length=20, choices=HierarchyLevel.choices)
    department = models.CharField(_("department"), max_length=120, blank=True)
    is_management = models.BooleanField(_("member of the management"), default=False)
    functions = models.JSONField(_("functions"), default=list, blank=True)
    criteria = models.JSONField(_("criteria this person can speak to"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assessment", "user__full_name"]
        verbose_name = _("group member")
        verbose_name_plural = _("assessment group")
        constraints = [models.UniqueConstraint(fields=["assessment", "user"], name="groupmember_unique")]

    def __str__(self) -> str:
        return str(self.user)


class Calibration(models.Model):
    """What the group agreed before rating: how to read the scale and with which attitude."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="calibration")
    attitude = models.TextField(_("agreed attitude"))
    scale_agreement = models.TextField(_("how we read the scale"), blank=True)
    reference_acknowledged = models.BooleanField(_("reference numbers discussed"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calibration")

    def __str__(self) -> str:
        return f"{self.assessment}: {self.attitude[:40]}"


class TimelineMilestone(models.Model):
    """A milestone of the assessment project, generated from the variant's template and editable."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="milestones")
    key = models.CharField(max_length=40, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("date"))
    effort_days = models.DecimalField(
        _("effort per participant (working days)"), max_digits=4, decimal_places=2, default=0,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
    )
    participants = models.CharField(_("participants"), max_length=200, blank=True)
    done = models.BooleanField(_("done"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["assessment", "due_date", "order"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class ApplicationText(models.Model):
    """Award simulation: the text of the application document for one criterion."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="application_texts")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("text"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="applicationtext_unique")
        ]

    def __str__(self) -> str:
        return f"{self.assessment}: {self.criterion_id}"
