"""The Quali-Kompass: catalogue of trainings, minimum per department, completions, exemptions.

Staff need a department and a team lead; both live here (``StaffProfile``), not in core. A
profile may exist without a login (staff known only from the learning platform's export).
Two values are stored ready for SQL so the compliance overview stays one portable query:
``Completion.valid_until`` (completion date plus the training's validity) and
``StaffProfile.required_by`` (start date plus the department's deadline for new staff);
the services keep them up to date.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Membership, Organisation


class TrainingKind(models.TextChoices):
    ELEARNING = "elearning", _("E-learning (link)")
    VIDEO = "video", _("Video")
    GUIDE = "guide", _("Guide / PDF")
    CLICK = "click", _("Click-through tutorial")
    CLASSROOM = "classroom", _("Classroom training")
    PEER = "peer", _("Peer session (from staff for staff)")


class Level(models.TextChoices):
    BASIC = "basic", _("basic")
    ADVANCED = "advanced", _("advanced")
    EXPERT = "expert", _("expert")


class CompletionSource(models.TextChoices):
    SELF = "self", _("confirmed by the staff member")
    LEAD = "lead", _("confirmed by the team lead")
    IMPORT = "import", _("imported from the learning platform")


class Department(models.Model):
    """A department (Fachbereich) in the organisation's own list."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="training_departments")
    name = models.CharField(_("name"), max_length=120)
    # Deadline for new staff: the minimum must be complete within this many days of the start.
    deadline_days = models.PositiveIntegerField(_("deadline for new staff (days)"), default=90)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="training_department_unique")]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    """A topic in the extendable topic tree (digital offers, health, language, EFQM …)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="training_topics")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    name = models.CharField(_("name"), max_length=120)
    # Statement keys of the qualification-needs survey that this topic answers (comma-separated),
    # e.g. "digital_video"; the needs-versus-offer view matches on them.
    need_keys = models.CharField(_("survey statements"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "parent", "name"], name="training_topic_unique")]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id and self.parent else self.name

    @property
    def need_key_list(self) -> list[str]:
        return [k.strip() for k in self.need_keys.split(",") if k.strip()]


class Training(models.Model):
    """A training or material in the catalogue. The BA's learning platform hosts most courses:
    the compass links to them and never pretends to host them."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="trainings")
    code = models.CharField(_("code"), max_length=40, blank=True,
                            help_text=_("The course number in the learning platform, used by the import."))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=TrainingKind.choices, default=TrainingKind.ELEARNING)
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="trainings",
                              verbose_name=_("topic"))
    departments = models.ManyToManyField(Department, blank=True, related_name="trainings",
                                         verbose_name=_("departments"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.BASIC)
    provider = models.CharField(_("provider"), max_length=150, blank=True)
    url = models.URLField(_("link"), blank=True)
    document = models.FileField(_("file"), upload_to="training/", blank=True)
    validity_months = models.PositiveIntegerField(_("repeat after (months)"), null=True, blank=True,
                                                  help_text=_("Empty: the training stays valid."))
    active = models.BooleanField(_("offered"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["organisation", "code"])]

    def __str__(self) -> str:
        return self.title


class Requirement(models.Model):
    """One training of a department's minimum (Mindestmaß)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="requirements")
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="requirements")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "training"], name="training_requirement_unique")]

    def __str__(self) -> str:
        return f"{self.department}: {self.training}"


class StaffProfile(models.Model):
    """A staff member as the compass knows her: department, team lead, start date."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="staff_profiles")
    membership = models.OneToOneField(Membership, on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="staff_profile")
    full_name = models.CharField(_("name"), max_length=150)
    # The person's key in the learning platform's export (e.g. a personnel number or e-mail).
    personnel_key = models.CharField(_("personnel key"), max_length=100)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="profiles",
                                   verbose_name=_("department"))
    team_lead = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="team",
                                  verbose_name=_("team lead"))
    start_date = models.DateField(_("start date"))
    required_by = models.DateField()  # start_date + department.deadline_days, kept by the services
    topics = models.ManyToManyField(Topic, blank=True, related_name="interested", verbose_name=_("my topics"))
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["full_name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "personnel_key"],
                                               name="training_profile_key_unique")]
        indexes = [models.Index(fields=["organisation", "department"])]

    def __str__(self) -> str:
        return self.full_name


class Completion(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="completions")
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="completions")
    completed_on = models.DateField(_("completed on"))
    valid_until = models.DateField(null=True, blank=True)  # None: valid for good
    source = models.CharField(max_length=10, choices=CompletionSource.choices)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["profile", "training", "valid_until"])]
        constraints = [models.UniqueConstraint(fields=["profile", "training", "completed_on"],
                                               name="training_completion_unique")]

    def __str__(self) -> str:
        return f"{self.profile} – {self.training} ({self.completed_on:%d.%m.%Y})"


class Exemption(models.Model):
    """A waived requirement, with the reason kept as a record (cmi5 "Waived")."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="exemptions")
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="exemptions")
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "training"], name="training_exemption_unique")]

    def __str__(self) -> str:
        return f"{self.profile} – {self.training}"


class NewsItem(models.Model):
    """An "Info-Kompass" item: short news for staff (new digital offers, statistics)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="training_news")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    published_on = models.DateField(_("date"))
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["-published_on", "title"]

    def __str__(self) -> str:
        return self.title


class ContactPerson(models.Model):
    """A contact person for a topic, e.g. a Digitalisierungsbotschafter:in."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("topic"))
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
