"""The selection committee of a call: members, conflicts of interest, scores."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models.organisations import FederalState
from kosmos.programme.models.calls import Application, Call

SCALE_MIN = 0
SCALE_MAX = 4


class Institution(models.TextChoices):
    BMAS = "bmas", _("Federal Ministry of Labour and Social Affairs (BMAS)")
    BA = "ba", _("Federal Employment Agency (BA)")
    STATE = "state", _("Land")
    LANDKREISTAG = "landkreistag", _("German County Association (Landkreistag)")
    OTHER = "other", _("Other")


class CommitteeMember(models.Model):
    """A platform account with the committee role for one call."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="committee")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="committee_seats")
    institution = models.CharField(_("institution"), max_length=20, choices=Institution.choices)
    state = models.CharField(_("Land"), max_length=2, choices=FederalState.choices, blank=True,
                             help_text=_("For members from a Land: applications from this Land are a conflict."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["call", "user__full_name"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="programme_one_seat_per_call")]

    def __str__(self) -> str:
        return str(self.user)


class ConflictDeclaration(models.Model):
    """A member's self-declared conflict of interest (explicit abstain) for one application."""

    member = models.ForeignKey(CommitteeMember, on_delete=models.CASCADE, related_name="declarations")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="declarations")
    reason = models.CharField(_("reason (optional)"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "application"], name="programme_one_declaration")]

    def __str__(self) -> str:
        return f"{self.member}: {self.application}"


def _scale() -> list:
    return [MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)]


class Score(models.Model):
    """One member's scores of one application on the four criteria (0–4)."""

    member = models.ForeignKey(CommitteeMember, on_delete=models.CASCADE, related_name="scores")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    situation = models.PositiveSmallIntegerField(_("clear starting situation and goals"), validators=_scale())
    transferability = models.PositiveSmallIntegerField(_("transferability"), validators=_scale())
    relevance = models.PositiveSmallIntegerField(_("strategic relevance"), validators=_scale())
    evidence = models.PositiveSmallIntegerField(_("evidence of results"), validators=_scale())
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["member", "application"], name="programme_one_score"),
            models.CheckConstraint(
                condition=models.Q(situation__lte=SCALE_MAX, transferability__lte=SCALE_MAX,
                                   relevance__lte=SCALE_MAX, evidence__lte=SCALE_MAX),
                name="programme_score_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.application}"
