"""How each score came about, for the report: per question the agreed (consensus) value, the
proposal, the spread of the individual ratings (no names), the reason for a deviation and the
evidence. Three queries whatever the size of the assessment."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kosmos.assessments import selectors
from kosmos.assessments.domain.consensus import rating_stats
from kosmos.assessments.models import Assessment, Evidence
from kosmos.assessments.numbering import number_items


@dataclass
class EvidenceEntry:
    title: str
    kind: str  # file, link or observation
    detail: str  # the file name, the link, or the observation itself


@dataclass
class TrailRow:
    number: str
    question: str
    unit: str
    consensus: int | None
    proposal: int | None
    reason: str
    ratings: int
    minimum: float | int | None
    median: float | int | None
    maximum: float | int | None
    evidence: list[EvidenceEntry] = field(default_factory=list)

    @property
    def evidence_text(self) -> str:
        return "; ".join(f"{e.title} ({e.kind}: {e.detail})" if e.detail else f"{e.title} ({e.kind})"
                         for e in self.evidence)


def _entry(evidence: Evidence) -> EvidenceEntry:
    if evidence.file:
        return EvidenceEntry(evidence.title, _("file"), evidence.file_name)
    if evidence.url:
        return EvidenceEntry(evidence.title, _("link"), evidence.url)
    return EvidenceEntry(evidence.title, _("observation"), evidence.description)


def question_trail(assessment: Assessment) -> list[TrailRow]:
    """One row per question in catalogue order. The individual spread only once the ratings are
    revealed (the assessment circle has opened); never a name."""
    items = number_items(selectors.items_of(assessment).select_related("consensus"))
    scores: dict[int, list[int]] = defaultdict(list)
    for item_id, score in selectors.revealed_ratings(assessment).values_list("item_id", "score"):
        if score is not None:
            scores[item_id].append(score)
    evidence: dict[int, list[EvidenceEntry]] = defaultdict(list)
    for e in Evidence.objects.filter(assessment=assessment).order_by("created_at", "id"):
        evidence[e.item_id].append(_entry(e))
    rows = []
    for item in items:  # catalogue order (items_of)
        consensus = getattr(item, "consensus", None)
        stats = rating_stats(scores[item.id])
        rows.append(TrailRow(
            number=item.number, question=item.label, unit=f"{item.unit.code} {item.unit.name}",
            consensus=consensus.score if consensus else None,
            proposal=consensus.proposal if consensus else stats.proposal,
            reason=consensus.reason if consensus else "",
            ratings=stats.n, minimum=stats.minimum, median=stats.median, maximum=stats.maximum,
            evidence=evidence[item.id],
        ))
    return rows
