"""Health knowledge base (Wissensdatenbank): entries, categories, partners and network meetings.

The structure follows the Open Referral HSDS 3 ideas (organisation → ``Partner``, service →
``Entry`` with its location, contact, schedule and eligibility folded in, taxonomy →
``Topic`` + ``Category``) without copying its tables one to one: a Jobcenter keeps one entry
per offer or piece of information and finds it by text, topic, target group and distance.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation
from kosmos.core.models.sharing import Shareable

# Short codes for the entry's short URL: lower-case letters and digits without look-alikes.
SHORT_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
SHORT_CODE_LENGTH = 7


def new_short_code() -> str:
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _i in range(SHORT_CODE_LENGTH))


class Topic(models.TextChoices):
    """The report's topic fields (Themenfelder) of a knowledge base."""

    OFFERS = "offers", _("Health-promoting offers in the region")
    STAFF = "staff", _("Qualification and self-information for staff")
    NETWORK = "network", _("Regional networks and contact persons")
    PROCESS = "process", _("Counselling process")
    CONDITIONS = "conditions", _("Disease patterns")
    WORKPLACE = "workplace", _("Workplace health management")


class TargetGroup(models.TextChoices):
    U25 = "u25", _("Under 25 (U25)")
    UE50 = "ue50", _("Over 50 (Ü50)")
    FAMILIES = "families", _("Households with children")
    SINGLE_PARENTS = "single_parents", _("Single parents")
    REFUGEES = "refugees", _("People with a refugee background")
    DISABILITY = "disability", _("People with disabilities")
    LONG_TERM = "long_term", _("Long-term unemployed")
    STAFF = "staff", _("Jobcenter staff")
    ALL = "all", _("Everybody")


class Language(models.TextChoices):
    DE = "de", _("German")
    EN = "en", _("English")
    AR = "ar", _("Arabic")
    TR = "tr", _("Turkish")
    RU = "ru", _("Russian")
    UK = "uk", _("Ukrainian")
    FA = "fa", _("Persian")
    PL = "pl", _("Polish")
    RO = "ro", _("Romanian")
    DGS = "dgs", _("German Sign Language")


def codes_field_value(codes: list[str] | tuple[str, ...]) -> str:
    """Codes stored as ",a,b," so that one code is found with ``icontains=",a,"`` on every database."""
    clean = [c for c in dict.fromkeys(codes) if c]
    return f",{','.join(clean)}," if clean else ""


def codes_from_field(value: str) -> list[str]:
    return [c for c in value.split(",") if c]


class Category(Shareable):
    """A category of the organisation's tree under one topic field (e.g. "Sucht" under offers).

    Sharing a category shares every entry in it (``selectors.visible_entries``)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="knowledge_categories")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.OFFERS)
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children",
                               verbose_name=_("parent category"))
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["topic", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "parent", "name"], name="knowledge_unique_category"),
        ]

    def __str__(self) -> str:
        return self.name


class PartnerKind(models.TextChoices):
    INSURER = "insurer", _("Health insurer")
    REHA = "reha", _("Rehabilitation provider")
    COUNSELLING = "counselling", _("Counselling centre")
    CLINIC = "clinic", _("Clinic")
    MUNICIPALITY = "municipality", _("Municipality")
    MEDICAL_SERVICE = "medical_service", _("Medical service of the Agentur")
    OTHER = "other", _("Other")


class Partner(models.Model):
    """A network partner (HSDS "organization") that runs offers."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="knowledge_partners")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.OTHER)
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network partner")
        verbose_name_plural = _("network partners")

    def __str__(self) -> str:
        return self.name


class PartnerContact(models.Model):
    """A contact person at a partner, in their professional role."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name


class Entry(Shareable):
    """One entry of the knowledge base: an offer (HSDS service with location, contact, schedule
    and eligibility) or a piece of information (process, disease pattern, staff topic)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    short_code = models.CharField(max_length=12, unique=True, default=new_short_code, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="knowledge_entries")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.OFFERS)
    category = models.ForeignKey(Category, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="entries", verbose_name=_("category"))
    partner = models.ForeignKey(Partner, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="entries", verbose_name=_("network partner"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    conversation_tips = models.TextField(_("what helps in the conversation"), blank=True)
    sources = models.TextField(_("sources"), blank=True)
    tags = models.CharField(_("tags"), max_length=300, blank=True, help_text=_("Separated by commas."))
    target_groups = models.CharField(_("target groups"), max_length=200, blank=True)  # ",u25,ue50,"
    languages = models.CharField(_("languages"), max_length=100, blank=True)  # ",de,ar,"
    free_of_charge = models.BooleanField(_("free of charge"), default=False)
    costs = models.CharField(_("costs"), max_length=200, blank=True)
    referral = models.TextField(_("referral way"), blank=True)
    accessible = models.BooleanField(_("barrier-free access"), default=False)
    accessibility = models.CharField(_("accessibility notes"), max_length=300, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True, db_index=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)
    contact_role = models.CharField(_("contact person (role)"), max_length=150, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=300, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("person responsible"))
    review_due = models.DateField(_("next review"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="+", verbose_name=_("last checked by"))
    review_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("knowledge entry")
        verbose_name_plural = _("knowledge entries")
        indexes = [
            models.Index(fields=["organisation", "review_due"], name="knowledge_entry_review"),
            models.Index(fields=["latitude", "longitude"], name="knowledge_entry_geo"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def target_group_codes(self) -> list[str]:
        return codes_from_field(self.target_groups)

    @property
    def language_codes(self) -> list[str]:
        return codes_from_field(self.languages)

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class NetworkMeeting(models.Model):
    """A meeting of the regional health network; linked to a working group when one is chosen."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="knowledge_meetings")
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.NETWORK)
    partners = models.ManyToManyField(Partner, blank=True, related_name="meetings",
                                      verbose_name=_("participating partners"))
    working_group = models.ForeignKey("workinggroups.WorkingGroup", on_delete=models.SET_NULL, null=True,
                                      blank=True, related_name="+", verbose_name=_("working group"))
    agenda = models.TextField(_("agenda"), blank=True)
    results = models.TextField(_("results"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")

    def __str__(self) -> str:
        return self.title


class EntryImport(models.Model):
    """An uploaded knowledge-base workbook waiting for column mapping and confirmation; applied once.
    Holds the cell values of the first sheet (JSON), never the file."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="knowledge_imports")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=200)
    header = models.JSONField(default=list)  # column headings as text
    rows = models.JSONField(default=list)  # data rows: lists of JSON-safe cell values
    mapping = models.JSONField(default=dict)  # entry field -> column index, as last chosen
    applied_at = models.DateTimeField(null=True, blank=True)
    created_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("knowledge base import")

    def __str__(self) -> str:
        return self.file_name
