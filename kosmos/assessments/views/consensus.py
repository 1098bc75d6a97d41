"""The assessment circle (Bewertungszirkel): anonymous statistics, consensus scores, findings."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.assessments import selectors, services
from kosmos.assessments.domain.consensus import merge_statements, rating_stats
from kosmos.assessments.forms import ConsensusForm, FindingAddForm, FindingForm
from kosmos.assessments.hub import HUB_SOURCE
from kosmos.assessments.models import Finding, FindingKind, Phase
from kosmos.assessments.numbering import number_items
from kosmos.assessments.services.consensus import proposal_for
from kosmos.assessments.views._common import assessment_for, message_errors, require_participant
from kosmos.core import hub
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error


@org_permission_required("assessments.circle")
def board(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    """Ratings side by side without names; items with a spread of 30 points or more first."""
    assessment = assessment_for(request, assessment_id)
    require_participant(request, assessment)
    rows = selectors.consensus_board(assessment, request.user) if assessment.ratings_revealed else []
    number_items([r.item for r in rows])
    decided = sum(1 for r in rows if r.consensus is not None)
    return render(request, "assessments/consensus.html", {
        "assessment": assessment,
        "rows": rows,
        "decided": decided,
        # Only what is still open: a decided question no longer needs discussion.
        "discuss": sum(1 for r in rows if r.stats.needs_discussion and r.consensus is None),
        "can_decide": request.org_access.has("assessments.moderate") and assessment.phase == Phase.CONSENSUS,
        "members": assessment.group_members.count(),
    })


@org_permission_required("assessments.moderate")
def consensus_item(request: HttpRequest, org_slug: str, assessment_id: str, item_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    item = selectors.get_item(assessment, item_id)
    if not assessment.ratings_revealed:
        messages.info(request, _("The assessment circle is not open yet."))
        return redirect("org:assessment_detail", org_slug=org_slug, assessment_id=assessment.public_id)
    ratings = list(selectors.visible_ratings(assessment, request.user).filter(item=item).values_list("score", "attributes"))
    scores = sorted(s for s, _a in ratings if s is not None)
    attributes = [] if assessment.uses_maturity_scale else selectors.radar_attributes(assessment).get(
        item.unit.criterion.kind, [])
    by_attribute = defaultdict(list)
    for _s, values in ratings:
        for code, value in (values or {}).items():
            if value is not None:
                by_attribute[code].append(value)
    attribute_rows = [{"attribute": a, "values": sorted(by_attribute[a.code]), "stats": rating_stats(by_attribute[a.code])}
                      for a in attributes]
    consensus = getattr(item, "consensus", None)
    proposal = proposal_for(item)
    initial: dict[str, object] = {"score": consensus.score if consensus else proposal, "reason": consensus.reason if consensus else ""}
    if consensus is not None:
        initial.update({f"attr_{k}": v for k, v in consensus.attributes.items()})
    levels = assessment.catalogue.maturity_levels if assessment.uses_maturity_scale else None
    form = ConsensusForm(request.POST or None, attributes=attributes, levels=levels, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_record_consensus(
                acting_user=request.user, item=item, score=form.cleaned_data["score"],
                attributes=form.attribute_values(), reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The consensus score has been recorded."))
            return redirect("org:assessment_consensus", org_slug=org_slug, assessment_id=assessment.public_id)
    texts = defaultdict(list)
    for finding in selectors.visible_findings(assessment, request.user).filter(item=item):
        texts[finding.kind].append(finding.text)
    return render(request, "assessments/consensus_item.html", {
        "assessment": assessment,
        "item": item,
        "scores": scores,
        "stats": rating_stats(scores),
        "attribute_rows": attribute_rows,
        "proposal": proposal,
        "consensus": consensus,
        "form": form,
        "can_decide": assessment.phase == Phase.CONSENSUS,
        "strengths": merge_statements(texts[FindingKind.STRENGTH]),
        "improvements": merge_statements(texts[FindingKind.IMPROVEMENT]),
        "evidence": list(item.evidence.order_by("created_at")),
    })


@org_permission_required("assessments.moderate")
@require_POST
def accept_proposals(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    try:
        taken = services.do_accept_proposals(acting_user=request.user, assessment=assessment)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, ngettext(
            "The proposal has been taken over for %(count)s question without need for discussion.",
            "The proposal has been taken over for %(count)s questions without need for discussion.", taken,
        ) % {"count": taken})
    return redirect("org:assessment_consensus", org_slug=org_slug, assessment_id=assessment.public_id)


# --------------------------------------------------------------------------------------------------
# Findings
# --------------------------------------------------------------------------------------------------


@org_permission_required("assessments.circle")
def findings(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    require_participant(request, assessment)
    criteria = selectors.criteria_of(assessment)
    merged = list(
        Finding.objects.filter(assessment=assessment, is_consensus=True)
        .order_by("criterion__order", "kind", "-merged_count", "id")
    )
    taken_up = hub.follow_ups(request.organisation, HUB_SOURCE, [assessment.public_id]).taken_up
    for finding in merged:
        finding.action_field_titles = taken_up.get(str(finding.public_id), ())
    individual = selectors.visible_findings(assessment, request.user).count()
    by_criterion = {c.id: {"criterion": c, FindingKind.STRENGTH: [], FindingKind.IMPROVEMENT: []} for c in criteria}
    clusters: dict[str, dict[str, list]] = {FindingKind.STRENGTH: defaultdict(list), FindingKind.IMPROVEMENT: defaultdict(list)}
    for finding in merged:
        by_criterion[finding.criterion_id][finding.kind].append(finding)
        for tag in finding.tags:
            clusters[finding.kind][tag].append(finding)
    return render(request, "assessments/findings.html", {
        "assessment": assessment,
        "groups": [g for g in by_criterion.values() if g[FindingKind.STRENGTH] or g[FindingKind.IMPROVEMENT]],
        "strength_clusters": sorted(clusters[FindingKind.STRENGTH].items()),
        "improvement_clusters": sorted(clusters[FindingKind.IMPROVEMENT].items()),
        "individual": individual,
        "merged_count": len(merged),
        "revealed": assessment.ratings_revealed,
        "can_manage": request.org_access.has("assessments.moderate") and assessment.ratings_revealed,
        "can_plan": request.org_access.has("improvement.manage"),
    })


@org_permission_required("assessments.moderate")
@require_POST
def findings_merge(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    try:
        count = services.do_merge_findings(acting_user=request.user, assessment=assessment)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, ngettext("%(count)s merged strength or potential has been added.",
                                           "%(count)s merged strengths and potentials have been added.", count)
                         % {"count": count})
    return redirect("org:assessment_findings", org_slug=org_slug, assessment_id=assessment.public_id)


def _finding(assessment, finding_id: str) -> Finding:  # noqa: ANN001
    return get_object_or_404(Finding.objects.select_related("criterion"), assessment=assessment,
                              public_id=finding_id, is_consensus=True)


@org_permission_required("assessments.moderate")
def finding_add(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    form = FindingAddForm(request.POST or None, model_id=assessment.model_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_add_consensus_finding(acting_user=request.user, assessment=assessment, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The finding has been added."))
            return redirect("org:assessment_findings", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/finding_form.html", {"form": form, "assessment": assessment})


@org_permission_required("assessments.moderate")
def finding_edit(request: HttpRequest, org_slug: str, assessment_id: str, finding_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    finding = _finding(assessment, finding_id)
    form = FindingForm(request.POST or None, initial={"text": finding.text, "tags": ", ".join(finding.tags)})
    if request.method == "POST" and form.is_valid():
        services.do_update_consensus_finding(acting_user=request.user, finding=finding, **form.cleaned_data)
        messages.success(request, _("The finding has been saved."))
        return redirect("org:assessment_findings", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/finding_form.html", {"form": form, "assessment": assessment,
                                                             "finding": finding})


@org_permission_required("assessments.moderate")
@require_POST
def finding_delete(request: HttpRequest, org_slug: str, assessment_id: str, finding_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    finding = _finding(assessment, finding_id)
    services.do_delete_consensus_finding(acting_user=request.user, finding=finding)
    messages.success(request, _("The finding has been removed."))
    return redirect("org:assessment_findings", org_slug=org_slug, assessment_id=assessment.public_id)
