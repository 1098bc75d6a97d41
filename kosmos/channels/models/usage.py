"""Usage rates of digital offers (Nutzungsquoten): offers, monthly figures, targets, notes, imports."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.channels.domain.usage import OFFER_KINDS

__all__ = ["OFFER_KIND_CHOICES", "DigitalOffer", "UsageImport", "UsageMonth", "UsageNote", "UsageTarget",
           "UsageWindow", "offer_kind_label"]

_KIND_LABELS = {
    "online_appointment": _("Online appointments"),
    "video_counselling": _("Video counselling"),
    "online_main_application": _("Online main application (jobcenter.digital)"),
    "online_continuation_application": _("Online continuation application (jobcenter.digital)"),
    "online_change_notice": _("Online notice of changes"),
    "document_upload": _("Document upload"),
    "encrypted_email": _("Encrypted e-mail"),
    "electronic_mailbox": _("Electronic mailbox"),
    "chat": _("Chat or messenger"),
    "online_callback": _("Online call-back request"),
}
OFFER_KIND_CHOICES = [(key, _KIND_LABELS[key]) for key in OFFER_KINDS]


def offer_kind_label(kind: str) -> str:
    return str(_KIND_LABELS.get(kind, kind))


class DigitalOffer(models.Model):
    """A digital offer of one organisation, e.g. online appointments; compared across organisations by kind."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="digital_offers",
                                     verbose_name=_("organisation"))
    # The channel by key (as ``OfferedChannel``), so the link survives a copy of the catalogue.
    channel_key = models.SlugField(_("channel"), max_length=40, blank=True)
    kind = models.CharField(_("kind of offer"), max_length=40, choices=OFFER_KIND_CHOICES)
    key = models.SlugField(_("short name"), max_length=40,
                           help_text=_("Used in the import file's column “Angebot”, e.g. online-termine."))
    name = models.CharField(_("name"), max_length=120)
    base_label = models.CharField(_("base of the share"), max_length=120, blank=True,
                                  help_text=_("What the digital uses are compared with, e.g. all applications."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("digital offer")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "key"], name="channels_offer_key_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        return offer_kind_label(self.kind)


class UsageMonth(models.Model):
    """The figures of one offer in one month (``month`` is the first day)."""

    offer = models.ForeignKey(DigitalOffer, on_delete=models.CASCADE, related_name="months")
    month = models.DateField(_("month"))
    uses = models.PositiveIntegerField(_("uses"))
    eligible = models.PositiveIntegerField(_("base"), null=True, blank=True)
    completion_rate = models.DecimalField(_("completion rate in %"), max_digits=5, decimal_places=1,
                                          null=True, blank=True)

    class Meta:
        verbose_name = _("monthly usage figures")
        ordering = ["offer", "month"]
        constraints = [models.UniqueConstraint(fields=["offer", "month"], name="channels_usage_month_unique")]
        indexes = [models.Index(fields=["month", "offer"], name="channels_usage_month_idx")]

    def __str__(self) -> str:
        return f"{self.offer_id}:{self.month:%m.%Y}"


class UsageWindow(models.Model):
    """The sums of one offer over the twelve months ending with ``end`` (months with a base only).

    Derived from ``UsageMonth`` by the services whenever an offer's months change (never edited), so that
    the comparison across 405 organisations reads one row per offer instead of twelve."""

    offer = models.ForeignKey(DigitalOffer, on_delete=models.CASCADE, related_name="windows")
    # The offer's organisation and kind, copied so that the comparison needs no join (kept by the services).
    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, null=True, related_name="+",
                                     db_index=False)
    kind = models.CharField(max_length=40, default="")
    end = models.DateField()
    uses = models.BigIntegerField()
    base = models.BigIntegerField()

    class Meta:
        ordering = ["offer", "end"]
        constraints = [models.UniqueConstraint(fields=["end", "offer"], name="channels_usage_window_unique")]
        indexes = [models.Index(fields=["end", "organisation", "kind", "uses", "base"],
                                name="channels_usage_window_cmp")]

    def __str__(self) -> str:
        return f"{self.offer_id}:{self.end:%m.%Y}"


class UsageTarget(models.Model):
    """The target digital share of one offer for one year, in percent."""

    offer = models.ForeignKey(DigitalOffer, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    share = models.DecimalField(_("target share in %"), max_digits=4, decimal_places=1)

    class Meta:
        verbose_name = _("usage target")
        ordering = ["offer", "year"]
        constraints = [models.UniqueConstraint(fields=["offer", "year"], name="channels_usage_target_unique")]

    def __str__(self) -> str:
        return f"{self.offer_id}:{self.year}"


class UsageNote(models.Model):
    """A note on the time line, e.g. "Kampagne Eingangszone"; without an offer it concerns all offers."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="usage_notes")
    offer = models.ForeignKey(DigitalOffer, on_delete=models.CASCADE, null=True, blank=True, related_name="notes",
                              verbose_name=_("offer"))
    month = models.DateField(_("month"))
    text = models.CharField(_("note"), max_length=200)

    class Meta:
        verbose_name = _("note on the usage time line")
        ordering = ["month", "id"]

    def __str__(self) -> str:
        return self.text


class UsageImport(models.Model):
    """An uploaded file, checked and waiting for confirmation (the preview step).

    Holds the checked rows and the messages, never the file itself; applied once."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="usage_imports")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=200)
    rows = models.JSONField(default=list)  # valid rows: [row, offer key, "YYYY-MM", uses, eligible, completion]
    errors = models.JSONField(default=list)  # [row or None, column, German message]
    row_count = models.PositiveIntegerField(default=0)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("usage figures import")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name
