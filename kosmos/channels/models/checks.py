"""Maturity checks: one check per organisation and check date, answers per channel and dimension.

Answers are append-only: a change writes a new ``Answer`` and marks the previous one as no
longer current, so every version is kept (``Answer.current``). ``CheckChannel`` holds the
result per channel ready for SQL (overall level by the weakest-dimension rule, the mean, the
target in two years); the services keep it up to date, so that benchmarks over 405
organisations read one small table. ``Check.latest`` marks each organisation's newest check.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.channels.models.catalogue import Catalogue, Channel, Dimension
from kosmos.core.models import Organisation

__all__ = ["Check", "CheckChannel", "Answer"]


class Check(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="channel_checks")
    catalogue = models.ForeignKey(Catalogue, on_delete=models.PROTECT, related_name="checks")
    check_date = models.DateField(_("check date"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    latest = models.BooleanField(default=False)
    synthetic = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "-check_date"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "check_date"], name="channels_check_date_unique"),
            models.UniqueConstraint(fields=["organisation"], condition=models.Q(latest=True),
                                    name="channels_check_one_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.check_date}"


class CheckChannel(models.Model):
    """A channel within a check, with its result (kept by the services) and its target."""

    check_run = models.ForeignKey(Check, on_delete=models.CASCADE, related_name="channels")
    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="check_channels")
    channel_key = models.SlugField(max_length=40)
    target_level = models.PositiveSmallIntegerField(_("target level in two years"), null=True, blank=True)
    overall_level = models.PositiveSmallIntegerField(null=True, blank=True)  # weakest dimension, once complete
    mean_level = models.FloatField(null=True, blank=True)
    answered = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["check_run", "channel__order"]
        constraints = [
            models.UniqueConstraint(fields=["check_run", "channel_key"], name="channels_checkchannel_unique")
        ]
        indexes = [models.Index(fields=["channel_key", "overall_level"], name="channels_cc_key_level")]

    def __str__(self) -> str:
        return f"{self.check_run} {self.channel_key}"


class Answer(models.Model):
    """One version of the answer for a channel and a dimension in a check."""

    check_run = models.ForeignKey(Check, on_delete=models.CASCADE, related_name="answers")
    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="answers")
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="answers")
    level = models.PositiveSmallIntegerField(_("level"))
    evidence = models.TextField(_("evidence"), blank=True)
    current = models.BooleanField(default=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    answered = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["check_run", "channel", "dimension", "-answered", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["check_run", "channel", "dimension"], condition=models.Q(current=True),
                                    name="channels_answer_one_current"),
            models.CheckConstraint(condition=models.Q(level__lte=4), name="channels_answer_level_range"),
        ]

    def __str__(self) -> str:
        return f"{self.channel_id}/{self.dimension_id}: {self.level}"
