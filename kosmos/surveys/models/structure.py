"""What a survey asks and when: survey, sections, questions, choices, waves."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation
from kosmos.surveys.domain.anonymity import DEFAULT_MIN_GROUP_SIZE, LOWEST_MIN_GROUP_SIZE, SurveyState

MAX_GROUP_QUESTIONS = 3
"""Group questions per survey; each has a column (g1, g2, g3) on every answer row."""

MAX_TEXT_LENGTH = 2000
"""Characters of one free-text answer."""


class Audience(models.TextChoices):
    CUSTOMERS = "customers", _("Customers")
    STAFF = "staff", _("Staff")
    PARTNERS = "partners", _("Partners and employers")


class QuestionKind(models.TextChoices):
    LIKERT = "likert", _("Rating scale")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    NUMBER = "number", _("Number")
    TEXT = "text", _("Free text")
    MATRIX = "matrix", _("Statements on one scale (matrix)")
    STATEMENT = "statement", _("Statement of a matrix")


CHOICE_KINDS = {QuestionKind.LIKERT, QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.MATRIX}
SCALE_KINDS = {QuestionKind.LIKERT, QuestionKind.MATRIX}


class Survey(models.Model):
    """A questionnaire of one organisation. It runs in one or more waves (t0, t1, …)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="surveys")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction for respondents"), blank=True)
    thanks = models.TextField(_("thank-you text"), blank=True)
    audience = models.CharField(_("who answers"), max_length=20, choices=Audience.choices, default=Audience.CUSTOMERS)
    min_group_size = models.PositiveSmallIntegerField(
        _("minimum group size"),
        default=DEFAULT_MIN_GROUP_SIZE,
        validators=[MinValueValidator(LOWEST_MIN_GROUP_SIZE), MaxValueValidator(100)],
    )
    languages = models.JSONField(_("further languages"), default=list, blank=True)
    translations = models.JSONField(default=dict, blank=True)
    template_key = models.CharField(max_length=60, blank=True)
    structure_locked = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=0)  # raised by every change of the questionnaire
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_group_size__gte=LOWEST_MIN_GROUP_SIZE), name="survey_min_group_size_at_least_3"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Section(models.Model):
    """A page of the questionnaire."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """One question. A matrix holds its statements as child questions of kind ``statement``,
    each answered on the matrix's scale; answers always refer to the statement."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="statements"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    position = models.PositiveIntegerField(default=0)
    key = models.SlugField(_("short name"), max_length=40)
    kind = models.CharField(_("type"), max_length=12, choices=QuestionKind.choices)
    text = models.TextField(_("question"))
    help_text = models.TextField(_("help text"), blank=True)
    required = models.BooleanField(_("answer required"), default=False)
    group_slot = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(MAX_GROUP_QUESTIONS)]
    )
    condition_question = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="dependants"
    )
    condition_values = models.JSONField(default=list, blank=True)
    number_min = models.IntegerField(null=True, blank=True)
    number_max = models.IntegerField(null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    max_choices = models.PositiveSmallIntegerField(null=True, blank=True)
    max_length = models.PositiveIntegerField(default=MAX_TEXT_LENGTH)
    scale_key = models.CharField(max_length=40, blank=True)
    criterion = models.CharField(max_length=2, blank=True)  # EFQM criterion of a rating-sheet statement
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["survey", "key"], name="question_key_unique_per_survey"),
            models.UniqueConstraint(
                fields=["survey", "group_slot"],
                condition=models.Q(group_slot__isnull=False),
                name="question_group_slot_unique_per_survey",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_group(self) -> bool:
        return self.group_slot is not None

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def is_scale(self) -> bool:
        return self.kind in SCALE_KINDS or self.kind == QuestionKind.STATEMENT


class Choice(models.Model):
    """An answer option. ``code`` (1, 2, …) is what is stored with an answer; ``value`` is its
    value on a scale (None for "Keine Angabe", which is counted but left out of means)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveIntegerField(default=0)
    key = models.SlugField(max_length=40)
    code = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    label = models.CharField(_("answer option"), max_length=300)
    value = models.FloatField(null=True, blank=True)
    not_applicable = models.BooleanField(default=False)
    exclusive = models.BooleanField(default=False)  # multiple choice: "none of these" stands alone
    # A template's example ("Geschäftsstelle 1") that must be replaced before a wave can start.
    placeholder = models.BooleanField(default=False)
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="choice_key_unique_per_question"),
            models.UniqueConstraint(fields=["question", "code"], name="choice_code_unique_per_question"),
        ]

    def __str__(self) -> str:
        return self.label


class WaveMode(models.TextChoices):
    LINK = "link", _("Open link and QR code")
    TOKENS = "tokens", _("One-time access codes")


class WaveStatus(models.TextChoices):
    DRAFT = "draft", _("in preparation")
    RUNNING = "running", _("started")
    CLOSED = "closed", _("ended")


class WaveState(models.TextChoices):
    """What respondents see, derived from status and period."""

    DRAFT = "draft", _("in preparation")
    SCHEDULED = "scheduled", _("starts soon")
    OPEN = "open", _("running")
    CLOSED = "closed", _("ended")


class Wave(models.Model):
    """One run of a survey in a period (t0, t1, …); all waves share the survey's questions."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="waves")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(_("name"), max_length=100)
    mode = models.CharField(_("access"), max_length=10, choices=WaveMode.choices, default=WaveMode.LINK)
    status = models.CharField(max_length=10, choices=WaveStatus.choices, default=WaveStatus.DRAFT)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    invited_count = models.PositiveIntegerField(
        _("number of people asked"), null=True, blank=True,
        help_text=_("Optional, for the response rate of an open link (e.g. all staff)."),
    )
    results_published = models.BooleanField(default=False)
    cube_ready = models.BooleanField(default=False)  # see responses.AnswerCube
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["survey", "number"]
        verbose_name = _("wave")
        verbose_name_plural = _("waves")
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="wave_number_unique_per_survey"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="wave_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.survey.title} – {self.name}"

    @property
    def state(self) -> str:
        if self.status == WaveStatus.DRAFT:
            return WaveState.DRAFT
        if self.status == WaveStatus.CLOSED:
            return WaveState.CLOSED
        today = timezone.localdate()
        if today > self.ends_on:
            return WaveState.CLOSED
        if today < self.starts_on:
            return WaveState.SCHEDULED
        return WaveState.OPEN

    def get_state_display(self) -> str:
        return str(WaveState(self.state).label)

    @property
    def domain_state(self) -> SurveyState:
        """The state in the terms of the anonymity rules (``kosmos.surveys.domain.anonymity``)."""
        return {
            WaveState.DRAFT: SurveyState.DRAFT,
            WaveState.SCHEDULED: SurveyState.OPEN,
            WaveState.OPEN: SurveyState.OPEN,
            WaveState.CLOSED: SurveyState.CLOSED,
        }[self.state]

    @property
    def is_open(self) -> bool:
        return self.state == WaveState.OPEN

    @property
    def is_closed(self) -> bool:
        return self.state == WaveState.CLOSED
