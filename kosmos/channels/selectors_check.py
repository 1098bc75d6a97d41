"""Reads of the maturity check, scoped to one organisation."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from kosmos.channels.domain import maturity
from kosmos.channels.models import (
    Answer,
    Catalogue,
    Channel,
    Check,
    CheckChannel,
    Dimension,
    LevelText,
    OfferedChannel,
    Recommendation,
)
from kosmos.core.models import Organisation


def default_catalogue() -> Catalogue | None:
    return Catalogue.objects.filter(organisation__isnull=True).order_by("pk").first()


def effective_catalogue(organisation: Organisation) -> Catalogue | None:
    """The organisation's own copy, or else the platform default (None before the first setup)."""
    own = Catalogue.objects.filter(organisation=organisation).first()
    return own or default_catalogue()


def offered_keys(organisation: Organisation) -> set[str]:
    return set(OfferedChannel.objects.filter(organisation=organisation).values_list("channel_key", flat=True))


def checks(organisation: Organisation) -> list[Check]:
    return list(Check.objects.filter(organisation=organisation).order_by("-check_date"))


def check_or_none(organisation: Organisation, public_id: object) -> Check | None:
    return Check.objects.filter(organisation=organisation, public_id=public_id).select_related("catalogue").first()


@dataclass
class CatalogueView:
    """A catalogue with everything in memory (four queries)."""

    catalogue: Catalogue
    channels: list[Channel]
    dimensions: list[Dimension]
    levels: dict[tuple[int, int], LevelText] = field(default_factory=dict)  # (dimension pk, level)
    recommendations: dict[tuple[int, int], list[Recommendation]] = field(default_factory=dict)

    @property
    def dimension_keys(self) -> list[str]:
        return [d.key for d in self.dimensions]

    def level_text(self, dimension: Dimension, level: int | None) -> str:
        if level is None:
            return ""
        text = self.levels.get((dimension.pk, level))
        return text.text if text else ""

    def dimension(self, key: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.key == key), None)

    def channel(self, key: str) -> Channel | None:
        return next((c for c in self.channels if c.key == key), None)


def catalogue_view(catalogue: Catalogue) -> CatalogueView:
    channels = list(catalogue.channels.all())
    dimensions = list(
        catalogue.dimensions.prefetch_related(
            Prefetch("levels", queryset=LevelText.objects.order_by("level")),
            Prefetch("recommendations", queryset=Recommendation.objects.order_by("level", "pk")),
        )
    )
    view = CatalogueView(catalogue, channels, dimensions)
    for dimension in dimensions:
        for level in dimension.levels.all():
            view.levels[(dimension.pk, level.level)] = level
        for recommendation in dimension.recommendations.all():
            view.recommendations.setdefault((dimension.pk, recommendation.level), []).append(recommendation)
    return view


@dataclass
class ChannelRow:
    check_channel: CheckChannel
    channel: Channel
    levels: dict[str, int]  # dimension key → level (current answers)
    evidence: dict[str, str]
    result: maturity.ChannelResult
    gaps: list[maturity.Gap]


@dataclass
class CheckResult:
    check: Check
    catalogue: CatalogueView
    rows: list[ChannelRow]

    @property
    def complete_rows(self) -> list[ChannelRow]:
        return [row for row in self.rows if row.result.complete]


def check_result(check: Check) -> CheckResult:
    """The result of a check: per channel its current answers, the levels and the gaps (bounded queries)."""
    catalogue = catalogue_view(check.catalogue)
    keys = catalogue.dimension_keys
    dimension_keys = {d.pk: d.key for d in catalogue.dimensions}
    answers: dict[int, dict[str, Answer]] = {}
    for answer in Answer.objects.filter(check_run=check, current=True):
        answers.setdefault(answer.channel_id, {})[dimension_keys[answer.dimension_id]] = answer
    rows = []
    for check_channel in CheckChannel.objects.filter(check_run=check).select_related("channel").order_by(
        "channel__order", "channel__name"
    ):
        current = answers.get(check_channel.channel_id, {})
        levels = {key: answer.level for key, answer in current.items()}
        evidence = {key: answer.evidence for key, answer in current.items()}
        result = maturity.channel_result(levels, keys)
        rows.append(ChannelRow(check_channel, check_channel.channel, levels, evidence, result,
                               maturity.gaps(levels, check_channel.target_level, keys)))
    return CheckResult(check, catalogue, rows)


def answer_history(check: Check, channel: Channel) -> list[Answer]:
    """Every version of the channel's answers in this check, newest first."""
    return list(
        Answer.objects.filter(check_run=check, channel=channel)
        .select_related("dimension", "answered_by")
        .order_by("dimension__order", "-answered", "-pk")
    )


def history(organisation: Organisation) -> tuple[list[Check], dict[str, dict[int, CheckChannel]]]:
    """Checks oldest first and, per channel key, the result per check pk (two queries)."""
    ordered = list(Check.objects.filter(organisation=organisation).order_by("check_date"))
    by_key: dict[str, dict[int, CheckChannel]] = {}
    for row in CheckChannel.objects.filter(check_run__organisation=organisation).select_related("channel"):
        by_key.setdefault(row.channel_key, {})[row.check_run_id] = row
    return ordered, by_key
