"""The organisation's letter library (templates with their version history) and its glossary.

Ad-hoc checks of pasted or uploaded texts are never stored: letters may contain personal data.
Only the library is kept, and every change to it is in the audit log.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from kosmos.core.models import Organisation
from kosmos.core.models.sharing import Shareable


class TextType(models.TextChoices):
    """The engine's text types (``kosmos.language.analysis.TEXT_TYPES``), each with its own targets."""

    BRIEF = "brief", _("Letter / official notice")
    WEB = "web", _("Web text / leaflet")
    LEICHT = "leicht", _("Easy Read (Leichte Sprache)")


class TemplateCategory(models.TextChoices):
    INVITATION = "invitation", pgettext_lazy("language", "Invitation")
    HEARING = "hearing", pgettext_lazy("language", "Hearing")
    COOPERATION = "cooperation", pgettext_lazy("language", "Request to cooperate")
    DECISION = "decision", _("Decision and cover letter")
    REMINDER = "reminder", pgettext_lazy("language", "Reminder")
    INFORMATION = "information", pgettext_lazy("language", "Information")
    OTHER = "other", pgettext_lazy("language", "Other")


class LetterTemplate(Shareable, models.Model):
    """A named letter template of the organisation; its text lives in its versions.

    Shareable with other organisations and copyable with its version history (``kosmos.core.sharing``).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="letter_templates")
    name = models.CharField(pgettext_lazy("language", "name"), max_length=200)
    category = models.CharField(pgettext_lazy("language", "category"), max_length=20, choices=TemplateCategory.choices)
    text_type = models.CharField(pgettext_lazy("language", "text type"), max_length=10, choices=TextType.choices, default=TextType.BRIEF)
    description = models.TextField(pgettext_lazy("language", "description"), blank=True)
    # The newest version, kept here so that the library table is one query sorted in SQL.
    current_version = models.ForeignKey(
        "LetterVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = pgettext_lazy("language", "letter template")
        verbose_name_plural = pgettext_lazy("language", "letter templates")
        constraints = [
            models.UniqueConstraint(Lower("name"), "organisation", name="language_template_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class LetterVersion(models.Model):
    """One version of a template's text, with its analysis cached as JSON.

    ``analysis_key`` names what the cache was computed with (engine, text type, glossary);
    a cache whose key differs from the current one is recomputed (see services.refresh_analyses).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    template = models.ForeignKey(LetterTemplate, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(pgettext_lazy("letter template", "version"))
    text = models.TextField(pgettext_lazy("language", "text"))
    note = models.CharField(_("note on the change"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_name = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(pgettext_lazy("language", "created"), default=timezone.now)
    # Cached analysis (Analysis.to_dict()) and the figures the library table sorts and shows.
    analysis = models.JSONField(default=dict, blank=True)
    analysis_key = models.CharField(max_length=64, blank=True)
    score = models.FloatField(null=True, blank=True)
    traffic_light = models.CharField(max_length=10, blank=True)
    finding_count = models.PositiveIntegerField(default=0)
    critical_count = models.PositiveIntegerField(default=0)
    word_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["template", "number"]
        verbose_name = _("version of a letter template")
        verbose_name_plural = _("versions of letter templates")
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="language_version_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.template.name} – {pgettext('letter template', 'version')} {self.number}"


class GlossaryKind(models.TextChoices):
    PREFERRED = "preferred", pgettext_lazy("language", "Preferred term")
    AVOID = "avoid", pgettext_lazy("language", "Term to avoid")
    EXPLAIN = "explain", pgettext_lazy("language", "Term to explain")


class GlossaryEntry(models.Model):
    """A term of the organisation's own glossary; all entries feed every analysis."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="glossary_entries")
    kind = models.CharField(pgettext_lazy("language", "kind"), max_length=10, choices=GlossaryKind.choices)
    term = models.CharField(pgettext_lazy("language", "term"), max_length=100)
    replacement = models.CharField(pgettext_lazy("language", "replacement"), max_length=200, blank=True)
    variants = models.CharField(pgettext_lazy("language", "variants to replace"), max_length=500, blank=True)
    explanation = models.TextField(pgettext_lazy("language", "explanation"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["term"]
        verbose_name = pgettext_lazy("language", "glossary entry")
        verbose_name_plural = pgettext_lazy("language", "glossary entries")
        constraints = [
            models.UniqueConstraint(Lower("term"), "organisation", name="language_glossary_term_unique"),
        ]

    def __str__(self) -> str:
        return self.term

    def variant_list(self) -> list[str]:
        return [v.strip() for v in self.variants.split(",") if v.strip()]

    def as_engine_data(self) -> dict[str, object]:
        """The entry as the analysis engine's glossary takes it (``Glossary.from_data``)."""
        return {
            "kind": self.kind,
            "term": self.term,
            "replacement": self.replacement,
            "explanation": self.explanation,
            "variants": self.variant_list(),
        }
