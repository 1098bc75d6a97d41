"""The assessment circle: consensus scores, merged findings, and the application texts."""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.assessments.domain.consensus import DISCUSSION_SPREAD, merge_statements, normalise_statement
from kosmos.assessments.hub import HUB_SOURCE
from kosmos.assessments.models import (
    ApplicationText,
    Assessment,
    AssessmentItem,
    ConsensusScore,
    Criterion,
    Finding,
    FindingKind,
    Method,
    Phase,
    RadarAttribute,
)
from kosmos.assessments.scales import PERCENT_CHOICES, proposal_from_scores, score_from_attributes
from kosmos.assessments.services._audit import log
from kosmos.core import hub, search
from kosmos.core.audit import about, log_created, log_deleted, update_fields
from kosmos.core.models import User


def _require_circle(assessment: Assessment) -> None:
    if assessment.phase != Phase.CONSENSUS:
        raise ValidationError(_("The assessment circle is not open."))


def proposal_for(item: AssessmentItem, attributes: dict[str, int] | None = None) -> int | None:
    """The tool's proposal: the mean of the agreed attributes, else the mean of the ratings."""
    if attributes:
        return score_from_attributes(attributes)
    scores = list(item.ratings.filter(score__isnull=False).values_list("score", flat=True))
    return proposal_from_scores(scores)


@transaction.atomic
def do_record_consensus(
    *,
    acting_user: User,
    item: AssessmentItem,
    score: int,
    attributes: dict[str, int | None] | None = None,
    reason: str = "",
) -> ConsensusScore:
    """Record the circle's score for an item. A score other than the proposal needs a reason."""
    assessment = Assessment.objects.select_for_update().select_related("model").get(pk=item.assessment_id)
    _require_circle(assessment)
    if score not in PERCENT_CHOICES:
        raise ValidationError({"score": _("Please choose a score from 0 to 100 % in steps of 5.")})
    cleaned: dict[str, int] = {}
    if attributes and not assessment.uses_maturity_scale:
        allowed = set(
            RadarAttribute.objects.filter(model=assessment.model, applies_to=item.unit.criterion.kind)
            .values_list("code", flat=True)
        )
        for code, value in attributes.items():
            if value is None:
                continue
            if code not in allowed or value not in PERCENT_CHOICES:
                raise ValidationError(_("Please rate each attribute from 0 to 100 % in steps of 5."))
            cleaned[code] = value
    proposal = proposal_for(item, cleaned)
    reason = reason.strip()
    if proposal is not None and score != proposal and not reason:
        raise ValidationError({
            "reason": _("The score differs from the proposal (%(proposal)s %%). Please give a reason.")
            % {"proposal": proposal}
        })
    consensus = ConsensusScore.objects.filter(item=item).first()
    values = {"score": score, "proposal": proposal, "attributes": cleaned, "reason": reason}
    if assessment.uses_maturity_scale and score % 20 == 0:
        values["level"] = score // 20
    # The event is about the item (its id), typed as the consensus score.
    event = {"actor": acting_user, "organisation": assessment.organisation, "action": "assessment.consensus_recorded",
             "object_id": str(item.public_id), "object_repr": f"{assessment.title}: {item.unit.code}"}
    if consensus is None:
        consensus = ConsensusScore.objects.create(item=item, decided_by=acting_user, **values)
        log_created(consensus, fields=list(values), **event)
    else:
        update_fields(consensus, values, touch={"decided_by": acting_user}, **event)
    return consensus


@transaction.atomic
def do_accept_proposals(*, acting_user: User, assessment: Assessment) -> int:
    """Take over the proposal for every open item whose ratings lie close together (spread < 30)."""
    _require_circle(assessment)
    scores: dict[int, list[int]] = defaultdict(list)
    open_items = {i.id: i for i in assessment.items.filter(consensus__isnull=True).select_related("unit")}
    for item_id, score in (
        assessment.items.filter(id__in=open_items, ratings__score__isnull=False)
        .values_list("id", "ratings__score")
    ):
        scores[item_id].append(score)
    taken = 0
    for item_id, values in scores.items():
        if max(values) - min(values) >= DISCUSSION_SPREAD:
            continue
        proposal = proposal_from_scores(values)
        ConsensusScore.objects.create(item=open_items[item_id], proposal=proposal, score=proposal,
                                      decided_by=acting_user)
        taken += 1
    if taken:
        log(acting_user, assessment.organisation, "assessment.proposals_accepted", assessment,
            changes={"questions": [None, taken]})
    return taken


def _clean_tags(tags: list[str]) -> list[str]:
    result: list[str] = []
    for tag in tags:
        cleaned = " ".join(tag.split())[:40]
        if cleaned and cleaned.casefold() not in {t.casefold() for t in result}:
            result.append(cleaned)
    return result


@transaction.atomic
def do_merge_findings(*, acting_user: User, assessment: Assessment) -> int:
    """Merge the members' strengths and potentials per criterion into consensus findings.

    Near-identical entries become one (with their count and wordings). Consensus findings already
    tagged or turned into an action field are kept; merging again only adds what is new.
    """
    if not assessment.ratings_revealed:
        raise ValidationError(_("Findings are merged in the assessment circle."))
    kept = Finding.objects.filter(assessment=assessment, is_consensus=True)
    taken_up = hub.follow_ups(assessment.organisation, HUB_SOURCE, [assessment.public_id]).taken_up
    removable = kept.filter(tags=[]).exclude(public_id__in=list(taken_up))
    removable.delete()
    kept_keys = {(f.criterion_id, f.kind, normalise_statement(f.text)) for f in kept}
    grouped: dict[tuple[int, str], list[str]] = defaultdict(list)
    items_by_text: dict[tuple[int, str, str], int | None] = {}
    for criterion_id, kind, text, item_id in Finding.objects.filter(
        assessment=assessment, is_consensus=False
    ).values_list("criterion_id", "kind", "text", "item_id"):
        grouped[(criterion_id, kind)].append(text)
        items_by_text.setdefault((criterion_id, kind, " ".join(text.split())), item_id)
    new = []
    for (criterion_id, kind), texts in grouped.items():
        for merged in merge_statements(texts):
            if (criterion_id, kind, merged.key) in kept_keys:
                continue
            new.append(Finding(
                assessment=assessment, criterion_id=criterion_id, kind=kind, text=merged.text, is_consensus=True,
                merged_count=merged.count, variants=list(merged.variants), author=None,
                item_id=items_by_text.get((criterion_id, kind, merged.text)),
            ))
    Finding.objects.bulk_create(new)
    search.index_object(assessment)  # bulk_create sends no signal
    log(acting_user, assessment.organisation, "assessment.findings_merged", assessment,
        changes={"findings": [None, len(new)]})
    return len(new)


@transaction.atomic
def do_add_consensus_finding(
    *, acting_user: User, assessment: Assessment, criterion: Criterion, kind: str, text: str, tags: list[str]
) -> Finding:
    if not assessment.ratings_revealed:
        raise ValidationError(_("Findings are merged in the assessment circle."))
    if kind not in FindingKind.values:
        raise ValidationError({"kind": _("Please choose strength or improvement potential.")})
    finding = Finding.objects.create(
        assessment=assessment, criterion=criterion, kind=kind, text=" ".join(text.split()), is_consensus=True,
        tags=_clean_tags(tags), author=acting_user,
    )
    log_created(finding, actor=acting_user, organisation=assessment.organisation, action="assessment.finding_added",
                fields={"text": finding.text, "kind": kind, "criterion": criterion.code, "tags": finding.tags})
    return finding


@transaction.atomic
def do_update_consensus_finding(*, acting_user: User, finding: Finding, text: str, tags: list[str]) -> Finding:
    if not finding.is_consensus:
        raise ValidationError(_("Only merged findings can be edited here."))
    update_fields(finding, {"text": " ".join(text.split()), "tags": _clean_tags(tags)}, actor=acting_user,
                  organisation=finding.assessment.organisation, action="assessment.finding_updated")
    return finding


@transaction.atomic
def do_delete_consensus_finding(*, acting_user: User, finding: Finding) -> None:
    if not finding.is_consensus:
        raise ValidationError(_("Only merged findings can be removed here."))
    log_deleted(finding, actor=acting_user, organisation=finding.assessment.organisation,
                action="assessment.finding_deleted", fields=["text", "kind"])
    finding.delete()


@transaction.atomic
def do_save_application_text(*, acting_user: User, assessment: Assessment, criterion: Criterion, text: str) -> ApplicationText:
    """Award simulation: the application document's text for one criterion (full text in the log)."""
    if assessment.method != Method.AWARD_SIMULATION:
        raise ValidationError(_("Application texts belong to the award simulation."))
    if assessment.phase == Phase.COMPLETED:
        raise ValidationError(_("The assessment is completed; the application document can no longer be changed."))
    if criterion.model_id != assessment.model_id:
        raise ValidationError(_("Unknown criterion."))
    application, _created = ApplicationText.objects.get_or_create(assessment=assessment, criterion=criterion)
    # The log names the assessment: the application document is part of it.
    update_fields(application, {"text": text.strip()}, touch={"updated_by": acting_user}, actor=acting_user,
                  organisation=assessment.organisation, action="assessment.application_text_saved",
                  **{**about(assessment), "object_repr": f"{assessment.title}: {criterion.label}"})
    return application
