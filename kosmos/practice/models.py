"""Project profiles (Steckbriefe) of good practice.

A profile belongs to the Jobcenter that ran the project. The Jobcenter drafts and submits it;
the programme office reviews it against five criteria and either returns it for changes or
publishes it. Publishing sets the ``Shareable`` visibility: ``platform`` (every member of the
platform) or ``public`` (read-only pages without login). Until then the visibility stays
``own`` and only the Jobcenter and the programme office see it.

The Jobcenter facts (form, Land, staff, offices, region) are read from ``core.Organisation``
and never copied, so a profile always shows the current figures.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation
from kosmos.core.models.sharing import Shareable


class TopicField(models.TextChoices):
    """The programme's topic fields: the three of the second wave, the three of the third."""

    EFQM = "efqm", _("EFQM")
    DIGITAL = "digital", _("Digitalisation")
    HEALTH = "health", _("Health promotion")
    FBW = "fbw", _("Transition in further vocational training (FbW)")
    LANGUAGE = "language", _("Understandable language and respectful communication")
    CHANNELS = "channels", _("Communication channels")


class ProfileStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("In review")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")


class Profile(Shareable):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="practice_profiles")
    title = models.CharField(_("title"), max_length=200)
    topic_field = models.CharField(_("topic field"), max_length=20, choices=TopicField.choices)
    starting_situation = models.TextField(_("starting situation"), blank=True)
    goals = models.TextField(_("goals"), blank=True, help_text=_("One goal per line."))
    results = models.TextField(_("results"), blank=True, help_text=_("One result per line."))
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    contact_role = models.CharField(
        _("contact (role)"), max_length=150, blank=True,
        help_text=_("A role such as “Quality management”, never a person's name."),
    )
    status = models.CharField(_("status"), max_length=12, choices=ProfileStatus.choices,
                              default=ProfileStatus.DRAFT, db_index=True)
    # A reference the programme module may set (e.g. the call or application key); plain text on
    # purpose so that practice never imports programme.
    programme_key = models.CharField(_("programme reference"), max_length=100, blank=True, db_index=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__name", "title"]
        verbose_name = _("project profile")
        verbose_name_plural = _("project profiles")

    def __str__(self) -> str:
        return self.title

    @property
    def goal_lines(self) -> list[str]:
        return [line.strip() for line in self.goals.splitlines() if line.strip()]

    @property
    def result_lines(self) -> list[str]:
        return [line.strip() for line in self.results.splitlines() if line.strip()]

    @property
    def is_editable(self) -> bool:
        return self.status in (ProfileStatus.DRAFT, ProfileStatus.RETURNED)


class ProfileTopic(models.Model):
    """A topic key ("health", "digital", "survey" …) under which a published profile is listed
    on other modules' pages ("who else worked on this")."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="topics")
    key = models.CharField(max_length=30, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "key"], name="practice_topic_unique")]

    def __str__(self) -> str:
        return self.key


class Milestone(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=300)
    period = models.CharField(_("when"), max_length=40, help_text=_("Year and month, e.g. 2022-03."))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "period"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class Material(models.Model):
    """An annex material: an uploaded file or a link."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    document = models.FileField(_("file"), upload_to="practice/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title


class PlatformLink(models.Model):
    """A generic reference to something the owner shares on the platform (a survey template, a
    knowledge category, a process map, a working group). Shown only where the reader may see it."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="platform_links")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "content_type", "object_id"], name="practice_link_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"


class Criterion(models.TextChoices):
    STARTING_SITUATION = "starting_situation", _("Clear starting situation")
    GOALS = "goals", _("Clear goals")
    TRANSFERABILITY = "transferability", _("Transferability")
    STRATEGIC_RELEVANCE = "strategic_relevance", _("Strategic relevance")
    EVIDENCE = "evidence", _("Evidence of results")


class ReviewDecision(models.TextChoices):
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")


class Review(models.Model):
    """The programme office's review of one submission: every criterion met or not, with comments."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decision = models.CharField(_("decision"), max_length=12, choices=ReviewDecision.choices)
    comment = models.TextField(_("comment for the Jobcenter"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.profile} – {self.decision}"


class CriterionAssessment(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="criteria")
    criterion = models.CharField(max_length=30, choices=Criterion.choices)
    met = models.BooleanField(_("met"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="practice_criterion_unique")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.met}"
