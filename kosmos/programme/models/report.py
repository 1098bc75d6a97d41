"""The narrative sections of a call's results report, written by the programme office."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["ReportSection"]


class ReportSection(models.Model):
    """The text of one narrative slot of the report (``kosmos.programme.domain.report_outline``).

    Every change goes through ``services_report.do_save_report_section`` and is in the audit log
    with the old and new text: the log is the section's version history.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey("programme.Call", on_delete=models.CASCADE, related_name="report_sections")
    key = models.CharField(max_length=80)
    body = models.TextField(_("text"), blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["call", "key"]
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        constraints = [models.UniqueConstraint(fields=["call", "key"], name="programme_one_section_per_slot")]

    def __str__(self) -> str:
        return f"{self.call} – {self.key}"
