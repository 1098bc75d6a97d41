"""The partner model. A partner organisation's members see only what is shared: ecosystem maps,
the question set (draft) and the joint retrospective — never ratings or scores."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.assessments import services
from kosmos.assessments.forms import PartnerAcceptForm, PartnerProposeForm, RetrospectiveForm
from kosmos.assessments.models import AssessmentItem, EcosystemMap, Partnership, PartnershipStatus
from kosmos.assessments.views._common import message_errors
from kosmos.assessments.views.ecosystem import map_context
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error


def _partnership(request: HttpRequest, partnership_id: str) -> Partnership:
    organisation = request.organisation
    return get_object_or_404(
        Partnership.objects.select_related("proposer", "partner", "proposer_assessment", "partner_assessment"),
        Q(proposer=organisation) | Q(partner=organisation),
        public_id=partnership_id,
    )


@org_permission_required("assessments.view")
def partner_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    partnerships = list(
        Partnership.objects.filter(Q(proposer=organisation) | Q(partner=organisation))
        .select_related("proposer", "partner")
    )
    for p in partnerships:
        p.other_org = p.other(organisation)
        p.incoming = p.partner_id == organisation.id and p.status == PartnershipStatus.PROPOSED
    return render(request, "assessments/partner_list.html", {
        "partnerships": partnerships, "can_manage": request.org_access.has("assessments.manage")})


@org_permission_required("assessments.manage")
def partner_propose(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = PartnerProposeForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.do_propose_partnership(
                acting_user=request.user, organisation=request.organisation, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The partnership has been proposed to %(org)s. It starts when they accept.")
                             % {"org": partnership.partner})
            return redirect("org:assessment_partner_list", org_slug=org_slug)
    return render(request, "assessments/partner_form.html", {"form": form})


def shared_question_set(assessment) -> list[dict]:  # noqa: ANN001
    """The partner's question set: questions by criterion, no ratings, no scores."""
    if assessment is None:
        return []
    grouped: dict[int, dict] = defaultdict(lambda: {"criterion": None, "items": []})
    for item in (
        AssessmentItem.objects.filter(assessment=assessment)
        .select_related("unit__criterion", "question")
        .order_by("unit__criterion__order", "unit__order", "order")
    ):
        node = grouped[item.unit.criterion_id]
        node["criterion"] = item.unit.criterion
        node["items"].append(item)
    return list(grouped.values())


@org_permission_required("assessments.view")
def partner_detail(request: HttpRequest, org_slug: str, partnership_id: str) -> HttpResponse:
    organisation = request.organisation
    partnership = _partnership(request, partnership_id)
    other = partnership.other(organisation)
    active = partnership.status == PartnershipStatus.ACTIVE
    other_assessment = partnership.other_assessment(organisation) if active else None
    own_assessment = partnership.own_assessment(organisation)
    return render(request, "assessments/partner_detail.html", {
        "partnership": partnership,
        "other": other,
        "active": active,
        "incoming": partnership.partner_id == organisation.id and partnership.status == PartnershipStatus.PROPOSED,
        "other_assessment": other_assessment,
        "own_assessment": own_assessment,
        "shared_maps": list(EcosystemMap.objects.filter(organisation=other, shared_with_partners=True)) if active else [],
        "own_shared_maps": list(EcosystemMap.objects.filter(organisation=organisation, shared_with_partners=True)),
        "question_groups": shared_question_set(other_assessment),
        "notes": list(partnership.retrospective.select_related("organisation")) if active else [],
        "retro_form": RetrospectiveForm(),
        "can_manage": request.org_access.has("assessments.manage"),
        "can_contribute": request.org_access.has("assessments.rate") and active,
    })


@org_permission_required("assessments.manage")
def partner_accept(request: HttpRequest, org_slug: str, partnership_id: str) -> HttpResponse:
    partnership = _partnership(request, partnership_id)
    if partnership.partner_id != request.organisation.id or partnership.status != PartnershipStatus.PROPOSED:
        raise Http404
    form = PartnerAcceptForm(request.POST if request.method == "POST" else None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_accept_partnership(acting_user=request.user, partnership=partnership,
                                           organisation=request.organisation, assessment=form.cleaned_data["assessment"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The partnership with %(org)s is active.") % {"org": partnership.proposer})
            return redirect("org:assessment_partner_detail", org_slug=org_slug, partnership_id=partnership.public_id)
    return render(request, "assessments/partner_accept.html", {"form": form, "partnership": partnership})


@org_permission_required("assessments.manage")
@require_POST
def partner_end(request: HttpRequest, org_slug: str, partnership_id: str) -> HttpResponse:
    partnership = _partnership(request, partnership_id)
    try:
        services.do_end_partnership(acting_user=request.user, partnership=partnership, organisation=request.organisation)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, _("The partnership has been ended. Nothing is shared any more."))
    return redirect("org:assessment_partner_list", org_slug=org_slug)


@org_permission_required("assessments.rate")
@require_POST
def partner_retrospective(request: HttpRequest, org_slug: str, partnership_id: str) -> HttpResponse:
    partnership = _partnership(request, partnership_id)
    form = RetrospectiveForm(request.POST)
    if form.is_valid():
        try:
            services.do_add_retrospective_note(acting_user=request.user, partnership=partnership,
                                               organisation=request.organisation, text=form.cleaned_data["text"])
        except ValidationError as exc:
            message_errors(request, exc)
        else:
            messages.success(request, _("Your contribution to the retrospective has been saved."))
    else:
        messages.error(request, _("Please write a contribution first."))
    return redirect("org:assessment_partner_detail", org_slug=org_slug, partnership_id=partnership.public_id)


@org_permission_required("assessments.view")
def partner_ecosystem(request: HttpRequest, org_slug: str, partnership_id: str, map_id: str) -> HttpResponse:
    """A partner's shared ecosystem map, read-only."""
    partnership = _partnership(request, partnership_id)
    if partnership.status != PartnershipStatus.ACTIVE:
        raise Http404
    other = partnership.other(request.organisation)
    ecosystem = get_object_or_404(EcosystemMap, organisation=other, shared_with_partners=True, public_id=map_id)
    context = map_context(ecosystem)
    context.update({"partnership": partnership, "other": other, "can_manage": False, "read_only": True})
    return render(request, "assessments/partner_ecosystem.html", context)
