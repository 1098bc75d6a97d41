"""Partner model (Freiburg and Pforzheim): two organisations prepare their self-assessments
together. They share ecosystem maps, question-set drafts and a retrospective — never ratings
or scores."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.assessments.models.assessment import Assessment
from kosmos.core.models import Organisation


class PartnershipStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACTIVE = "active", _("active")
    ENDED = "ended", _("ended")


class Partnership(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proposer = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="partnerships_proposed")
    partner = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="partnerships_received")
    proposer_assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    partner_assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=PartnershipStatus.choices, default=PartnershipStatus.PROPOSED)
    message = models.TextField(_("message to the partner"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.CheckConstraint(condition=~models.Q(proposer=models.F("partner")), name="partnership_two_orgs"),
        ]

    def __str__(self) -> str:
        return f"{self.proposer} – {self.partner}"

    def other(self, organisation: Organisation) -> Organisation:
        return self.partner if organisation.pk == self.proposer_id else self.proposer

    def own_assessment(self, organisation: Organisation) -> Assessment | None:
        return self.proposer_assessment if organisation.pk == self.proposer_id else self.partner_assessment

    def other_assessment(self, organisation: Organisation) -> Assessment | None:
        return self.partner_assessment if organisation.pk == self.proposer_id else self.proposer_assessment


class RetrospectiveNote(models.Model):
    """A contribution to the partners' joint retrospective."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="retrospective")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    author_name = models.CharField(max_length=150, blank=True)
    text = models.TextField(_("contribution"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]
