"""An organisation's consent to contribute figures of one topic to cross-organisation comparisons."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BenchmarkConsent(models.Model):
    """The organisation contributes its figures of ``topic`` (a ``ComparisonTopic.key``, e.g.
    ``"channels.maturity"``) to the distributions other organisations see. No row, no contribution."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="benchmark_consents", verbose_name=_("organisation")
    )
    topic = models.CharField(_("topic"), max_length=60)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent to comparisons")
        constraints = [models.UniqueConstraint(fields=["organisation", "topic"], name="core_benchmark_consent_unique")]

    def __str__(self) -> str:
        return f"{self.organisation_id}:{self.topic}"
