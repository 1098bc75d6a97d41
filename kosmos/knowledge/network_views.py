"""The network: partners with their contacts and offers, the network view and network meetings."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kosmos.core.access import org_permission_required
from kosmos.core.domain.charts.matrix import matrix_chart
from kosmos.knowledge import selectors, services
from kosmos.knowledge.forms import ContactForm, MeetingForm, PartnerForm
from kosmos.knowledge.models import PartnerKind, Topic
from kosmos.knowledge.view_helpers import save_posted_form


def _partner_url(org_slug: str, partner: object) -> str:
    return reverse("org:knowledge_partner", kwargs={"org_slug": org_slug, "partner_id": partner.public_id})  # type: ignore[attr-defined]


@org_permission_required("knowledge.view")
def partner_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "knowledge/partners.html", {
        "partners": list(selectors.partners(request.organisation)),
        "can_edit": request.org_access.has("knowledge.edit")})


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def partner_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = PartnerForm(request.POST or None)
    done = save_posted_form(
        request, form, lambda: services.do_save_partner(
            acting_user=request.user, organisation=request.organisation, data=form.cleaned_data),
        message=_("The partner has been saved."), to=lambda partner: _partner_url(org_slug, partner))
    if done:
        return done
    return render(request, "knowledge/form.html", {
        "form": form, "title": _("New network partner"),
        "cancel_url": reverse("org:knowledge_partners", kwargs={"org_slug": org_slug})})


@org_permission_required("knowledge.view")
@require_http_methods(["GET", "POST"])
def partner_detail(request: HttpRequest, org_slug: str, partner_id: str) -> HttpResponse:
    """A partner with its contact persons and offers; editors add contacts here."""
    partner = selectors.own_partner_or_404(request.organisation, partner_id)
    can_edit = request.org_access.has("knowledge.edit")
    form = ContactForm(request.POST or None) if can_edit else None
    if request.method == "POST":
        if form is None:
            return render(request, "403.html", status=403)
        done = save_posted_form(
            request, form, lambda: services.do_add_contact(
                acting_user=request.user, partner=partner, data=form.cleaned_data),
            message=_("The contact person has been added."), to=_partner_url(org_slug, partner))
        if done:
            return done
    return render(request, "knowledge/partner.html", {
        "partner": partner, "contacts": list(partner.contacts.all()),
        "entries": list(partner.entries.order_by("title")), "form": form, "can_edit": can_edit,
        "meetings": list(partner.meetings.order_by("-date")[:10])})


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def partner_edit(request: HttpRequest, org_slug: str, partner_id: str) -> HttpResponse:
    partner = selectors.own_partner_or_404(request.organisation, partner_id)
    initial = {name: getattr(partner, name) for name in services.PARTNER_FIELDS}
    form = PartnerForm(request.POST or None, initial=initial)
    done = save_posted_form(
        request, form, lambda: services.do_save_partner(
            acting_user=request.user, organisation=request.organisation, data=form.cleaned_data,
            partner=partner),
        message=_("The partner has been saved."), to=_partner_url(org_slug, partner))
    if done:
        return done
    return render(request, "knowledge/form.html", {
        "form": form, "title": _("Change the network partner"), "kicker": partner.name,
        "cancel_url": _partner_url(org_slug, partner)})


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def partner_delete(request: HttpRequest, org_slug: str, partner_id: str) -> HttpResponse:
    partner = selectors.own_partner_or_404(request.organisation, partner_id)
    if request.method == "POST":
        services.do_delete_partner(acting_user=request.user, partner=partner)
        messages.success(request, _("The partner has been deleted."))
        return redirect("org:knowledge_partners", org_slug=org_slug)
    return render(request, "knowledge/confirm.html", {
        "title": _("Delete the network partner"), "kicker": partner.name,
        "text": _("The partner and its contact persons will be deleted. Its offers stay in the knowledge base."),
        "button": _("Delete"), "cancel_url": _partner_url(org_slug, partner)})


@org_permission_required("knowledge.edit")
@require_POST
def contact_remove(request: HttpRequest, org_slug: str, contact_id: str) -> HttpResponse:
    contact = selectors.own_contact_or_404(request.organisation, contact_id)
    partner = contact.partner
    services.do_remove_contact(acting_user=request.user, contact=contact)
    messages.success(request, _("The contact person has been removed."))
    return redirect(_partner_url(org_slug, partner))


def network_chart(counts: dict[tuple[str, str], int]):  # noqa: ANN201
    """Partners' offers by partner type (rows) and topic (columns) as a heat map with its table."""
    kinds = [k for k in PartnerKind if any(counts.get((k.value, t.value)) for t in Topic)] or list(PartnerKind)
    return matrix_chart(
        chart_id="knowledge-network",
        title=_("Offers of network partners by partner type and topic"),
        description=_("Number of entries run by partners of each type, per topic field."),
        corner_label=_("Partner type"),
        rows=[str(k.label) for k in kinds],
        columns=[str(t.label) for t in Topic],
        values=[[float(counts.get((k.value, t.value), 0)) for t in Topic] for k in kinds],
        minimum=0,
    )


@org_permission_required("knowledge.view")
def network(request: HttpRequest, org_slug: str) -> HttpResponse:
    counts = selectors.network_matrix(request.organisation)
    return render(request, "knowledge/network.html", {
        "chart": network_chart(counts) if counts else None,
        "partners": list(selectors.partners(request.organisation))})


# Network meetings --------------------------------------------------------------------------------

def _meeting_url(org_slug: str, meeting: object) -> str:
    return reverse("org:knowledge_meeting", kwargs={"org_slug": org_slug, "meeting_id": meeting.public_id})  # type: ignore[attr-defined]


@org_permission_required("knowledge.view")
def meeting_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "knowledge/meetings.html", {
        "meetings": list(selectors.meetings(request.organisation)),
        "can_edit": request.org_access.has("knowledge.edit")})


@org_permission_required("knowledge.view")
def meeting_detail(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    meeting = selectors.own_meeting_or_404(request.organisation, meeting_id)
    return render(request, "knowledge/meeting.html", {
        "meeting": meeting, "partners": list(meeting.partners.order_by("name")),
        "can_edit": request.org_access.has("knowledge.edit")})


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _meeting_form(request, org_slug, None)


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    return _meeting_form(request, org_slug, selectors.own_meeting_or_404(request.organisation, meeting_id))


def _meeting_form(request: HttpRequest, org_slug: str, meeting: object) -> HttpResponse:
    initial = None
    if meeting is not None:
        initial = {name: getattr(meeting, name) for name in services.MEETING_FIELDS}
        initial["partners"] = list(meeting.partners.all())  # type: ignore[attr-defined]
    form = MeetingForm(request.POST or None, organisation=request.organisation, initial=initial)

    def save() -> object:
        data = dict(form.cleaned_data)
        partners = data.pop("partners")
        return services.do_save_meeting(acting_user=request.user, organisation=request.organisation,
                                        data=data, partners=partners, meeting=meeting)  # type: ignore[arg-type]

    done = save_posted_form(request, form, save, message=_("The network meeting has been saved."),
                            to=lambda saved: _meeting_url(org_slug, saved))
    if done:
        return done
    back = (_meeting_url(org_slug, meeting) if meeting is not None
            else reverse("org:knowledge_meetings", kwargs={"org_slug": org_slug}))
    return render(request, "knowledge/form.html", {
        "form": form, "title": _("Change the network meeting") if meeting else _("New network meeting"),
        "kicker": getattr(meeting, "title", ""), "cancel_url": back})


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def meeting_delete(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    meeting = selectors.own_meeting_or_404(request.organisation, meeting_id)
    if request.method == "POST":
        services.do_delete_meeting(acting_user=request.user, meeting=meeting)
        messages.success(request, _("The network meeting has been deleted."))
        return redirect("org:knowledge_meetings", org_slug=org_slug)
    return render(request, "knowledge/confirm.html", {
        "title": _("Delete the network meeting"), "kicker": meeting.title,
        "text": _("The meeting will be deleted."), "button": _("Delete"),
        "cancel_url": _meeting_url(org_slug, meeting)})
