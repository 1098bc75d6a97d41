"""The maturity catalogue as data: channels, dimensions, level texts and recommendations.

One platform-wide default catalogue (``organisation`` is null, kept by the programme office)
and at most one editable copy per organisation. ``Channel.key`` and ``Dimension.key`` are the
identities across copies: results, history and benchmarks group by key, so that an
organisation's own copy stays comparable with everybody else's.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation

__all__ = ["LEVELS", "Catalogue", "Channel", "Dimension", "LevelText", "Recommendation", "OfferedChannel"]

LEVELS = (0, 1, 2, 3, 4)


class Catalogue(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # null: the platform-wide default; otherwise the organisation's own, editable copy.
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="channel_catalogue"
    )
    name = models.CharField(_("name"), max_length=160)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    def __str__(self) -> str:
        return self.name

    @property
    def is_default(self) -> bool:
        return self.organisation_id is None


class Channel(models.Model):
    """A communication channel (telephone, e-mail, video counselling …) of one catalogue."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="channels")
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    digital = models.BooleanField(_("digital channel"), default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["catalogue", "key"], name="channels_channel_key_unique")]

    def __str__(self) -> str:
        return self.name


class Dimension(models.Model):
    """A dimension of maturity (strategy, standards, integration …), the same for every channel."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="dimensions")
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    question = models.TextField(_("guiding question"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["catalogue", "key"], name="channels_dimension_key_unique")]

    def __str__(self) -> str:
        return self.name


class LevelText(models.Model):
    """What level 0–4 of a dimension means, in plain German, and the evidence that supports it."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField(_("level"))
    text = models.TextField(_("description"))
    evidence = models.TextField(_("typical evidence"), blank=True)

    class Meta:
        ordering = ["dimension", "level"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "level"], name="channels_level_unique"),
            models.CheckConstraint(condition=models.Q(level__lte=4), name="channels_level_range"),
        ]

    def __str__(self) -> str:
        return f"{self.dimension} {self.level}"


class Recommendation(models.Model):
    """What helps to reach ``level`` in a dimension (from the level below)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="recommendations")
    level = models.PositiveSmallIntegerField(_("to reach level"))
    text = models.TextField(_("recommendation"))

    class Meta:
        ordering = ["dimension", "level", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=4), name="channels_reco_level_range")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class OfferedChannel(models.Model):
    """The organisation offers this channel (by key, so it survives a copy of the catalogue)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="offered_channels")
    channel_key = models.SlugField(_("channel"), max_length=40)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "channel_key"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "channel_key"], name="channels_offered_unique")
        ]

    def __str__(self) -> str:
        return self.channel_key
