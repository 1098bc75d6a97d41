"""Pages of the process maps.

Every map page exists twice: under the owner's address (``/o/<owner>/prozesse/<uuid>/…``,
filtered by ``organisation=request.organisation``) and under a partner's address
(``/o/<partner>/prozesse/geteilt/<uuid>/…``, read through ``kosmos.core.sharing``). The views
are the same; ``shared`` says which address was used. A partner side edits and approves; an
organisation that may only read (a map shared more widely) gets the pages read-only, and its
writes are refused with a message.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kosmos.core import documents, sharing
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.core.i18n import translate
from kosmos.core.models import Organisation
from kosmos.processes import selectors, services
from kosmos.processes.domain import catalogue
from kosmos.processes.domain.bpmn import bpmn_xml
from kosmos.processes.domain.model import parse
from kosmos.processes.domain.swimlane import swimlane_svg
from kosmos.processes.domain.views import checklist as build_checklist
from kosmos.processes.domain.views import friction_points, raci_matrix, text_view
from kosmos.processes.forms import ActorsForm, MapForm, SidesForm, StepForm
from kosmos.processes.hub import HUB_SOURCE
from kosmos.processes.models import ProcessMap, VersionStatus

NOT_A_SIDE = gettext_lazy(
    "Your organisation may read this process map but is not one of its sides; only the sides edit and approve it.")


class Place:
    """The map as the current request reaches it: its URLs and what the reader may do."""

    def __init__(self, request: HttpRequest, process_map: ProcessMap, shared: bool) -> None:
        self.map = process_map
        self.shared = shared
        self.organisation = request.organisation
        self.is_side = request.organisation.pk in process_map.side_ids()
        self.can_edit = self.is_side and request.org_access.has("processes.manage")
        self._prefix = "org:process_shared_" if shared else "org:process_"

    def url(self, name: str, **kwargs: Any) -> str:
        return reverse(self._prefix + name, kwargs={"org_slug": self.organisation.slug, "map_id": self.map.public_id,
                                                    **kwargs})

    @property
    def links(self) -> dict[str, str]:
        return {name: self.url(name) for name in ("detail", "step_add", "actors", "approve", "checklist", "bpmn",
                                                  "pdf")}


def _place(request: HttpRequest, map_id: Any, shared: bool) -> Place | HttpResponse:
    queryset = ProcessMap.objects.select_related("organisation")
    if not shared:
        process_map = get_object_or_404(queryset, organisation=request.organisation, public_id=map_id)
        return Place(request, process_map, shared=False)
    process_map = sharing.shared_object_or_404(queryset, request.organisation, public_id=map_id)
    if process_map.organisation_id == request.organisation.pk:  # the owner reads at its own address
        match = request.resolver_match
        kwargs = {k: v for k, v in match.kwargs.items() if k != "shared"}
        return redirect(reverse("org:process_" + match.url_name.removeprefix("process_shared_"), kwargs=kwargs))
    return Place(request, process_map, shared=True)


def _refuse_write(request: HttpRequest, place: Place) -> HttpResponse | None:
    """A reader that is not a side of the map: back to the map with a message, nothing written."""
    if place.can_edit:
        return None
    if not place.is_side:
        if request.method != "POST":  # explain instead of showing a form that could never be saved
            return render(request, "processes/not_a_side.html", {"place": place})
        messages.error(request, NOT_A_SIDE)
        return redirect(place.links["detail"])
    raise PermissionDenied


# --------------------------------------------------------------------------- owner's lists


@org_permission_required("processes.view")
def process_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "processes/list.html", {
        "own": list(selectors.own_maps(request.organisation)),
        "shared": list(selectors.maps_shared_with(request.organisation)),
        "can_manage": request.org_access.has("processes.manage"),
    })


@org_permission_required("processes.view")
def process_catalogue(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "processes/catalogue.html", {
        "templates": [(t, text_view(parse(t.data))) for t in catalogue.TEMPLATES],
        "can_manage": request.org_access.has("processes.manage"),
    })


@org_permission_required("processes.manage")
def process_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = MapForm(request.POST or None, initial={"template": request.GET.get("vorlage", "")})
    if request.method == "POST" and form.is_valid():
        try:
            process_map = services.do_create_map(
                acting_user=request.user, organisation=request.organisation, title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"], template_key=form.cleaned_data["template"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The process map has been created."))
            return redirect("org:process_detail", org_slug=org_slug, map_id=process_map.public_id)
    return render(request, "processes/create.html", {"form": form})


@org_permission_required("processes.manage")
def process_sides(request: HttpRequest, org_slug: str, map_id: Any) -> HttpResponse:
    place = _place(request, map_id, shared=False)
    assert isinstance(place, Place)
    current = place.map.shared_with.all() if place.map.visibility == "partners" else place.map.shared_with.none()
    choices = sharing.partner_candidates(request.organisation, request.GET.get("suche", ""), limit=50)
    choices = Organisation.objects.filter(pk__in=[*choices.values_list("pk", flat=True),
                                                  *current.values_list("pk", flat=True)]).order_by("name")
    form = SidesForm(request.POST if request.method == "POST" else None, choices=choices, initial={"partners": list(current)})
    if request.method == "POST" and form.is_valid():
        try:
            services.do_set_sides(acting_user=request.user, process_map=place.map,
                                  partners=form.cleaned_data["partners"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The sides of the process map have been saved."))
            return redirect(place.links["detail"])
    return render(request, "processes/sides.html", {"form": form, "place": place, "query": request.GET.get("suche", "")})


# --------------------------------------------------------------------------- one map


def _version_param(request: HttpRequest) -> int | None:
    raw = request.GET.get("fassung", "")
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 6:
        raise Http404
    return int(raw)


@org_permission_required("processes.view")
def process_detail(request: HttpRequest, org_slug: str, map_id: Any, shared: bool = False) -> HttpResponse:
    place = _place(request, map_id, shared)
    if not isinstance(place, Place):
        return place
    state = selectors.map_state(place.map, _version_param(request))
    if state is None:
        raise Http404
    process = parse(state.shown.data)
    steps = text_view(process)
    svg = swimlane_svg(process, chart_id=f"swimlane-{state.shown.public_id}",
                       title=_("Swimlane diagram: %(title)s, version %(number)s")
                       % {"title": place.map.title, "number": state.shown.number},
                       description=_("One lane per actor; the steps in order. The same steps are listed as text "
                                     "beside the diagram."), step_word=_("Step"))
    hub_links = request.org_access.has("improvement.manage") and not shared
    return render(request, "processes/detail.html", {
        "place": place, "state": state, "process": process, "steps": [
            {"n": s.number, "step": s.step, "actor": s.actor, "handover": translate(s.handover) if s.handover else "",
             "continues": translate(s.continues),
             "edit_url": place.url("step_edit", step_key=s.step.key) if place.can_edit else ""}
            for s in steps],
        "raci": raci_matrix(process), "svg": svg, "friction": friction_points(process),
        "is_newest": state.shown.number == state.newest.number,
        "token": services.token(state.newest), "hub_links": hub_links, "hub_source": HUB_SOURCE,
        "can_approve": place.can_edit and state.newest.status == VersionStatus.DRAFT
        and place.organisation.pk not in state.approved_ids,
    })


def _step_page(request: HttpRequest, map_id: Any, shared: bool, step_key: str | None) -> HttpResponse:
    place = _place(request, map_id, shared)
    if not isinstance(place, Place):
        return place
    refused = _refuse_write(request, place)
    if refused is not None:
        return refused
    state = selectors.map_state(place.map)
    process = parse(state.newest.data)
    number = process.number(step_key) if step_key else None
    if step_key and number is None:
        raise Http404
    initial = StepForm.initial_for(process, step_key) if step_key else {}
    form = StepForm(request.POST or None, process=process, number=number,
                    initial={**initial, "token": services.token(state.newest)})
    if request.method == "POST" and form.is_valid():
        try:
            services.do_save_step(acting_user=request.user, organisation=request.organisation, process_map=place.map,
                                  seen=form.cleaned_data["token"], step=form.step(step_key or ""))
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The step has been saved."))
            return redirect(place.links["detail"])
    return render(request, "processes/step_form.html", {
        "form": form, "place": place, "number": number, "state": state,
        "delete_url": place.url("step_delete", step_key=step_key) if step_key else "",
    })


@org_permission_required("processes.manage")
def process_step_add(request: HttpRequest, org_slug: str, map_id: Any, shared: bool = False) -> HttpResponse:
    return _step_page(request, map_id, shared, None)


@org_permission_required("processes.manage")
def process_step_edit(request: HttpRequest, org_slug: str, map_id: Any, step_key: str,
                      shared: bool = False) -> HttpResponse:
    return _step_page(request, map_id, shared, step_key)


@require_POST
@org_permission_required("processes.manage")
def process_step_delete(request: HttpRequest, org_slug: str, map_id: Any, step_key: str,
                        shared: bool = False) -> HttpResponse:
    place = _place(request, map_id, shared)
    if not isinstance(place, Place):
        return place
    refused = _refuse_write(request, place)
    if refused is not None:
        return refused
    try:
        services.do_delete_step(acting_user=request.user, organisation=request.organisation, process_map=place.map,
                                seen=request.POST.get("token", ""), step_key=step_key)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The step has been removed."))
    return redirect(place.links["detail"])


@org_permission_required("processes.manage")
def process_actors(request: HttpRequest, org_slug: str, map_id: Any, shared: bool = False) -> HttpResponse:
    place = _place(request, map_id, shared)
    if not isinstance(place, Place):
        return place
    refused = _refuse_write(request, place)
    if refused is not None:
        return refused
    state = selectors.map_state(place.map)
    process = parse(state.newest.data)
    form = ActorsForm(request.POST or None, initial={"actors": ActorsForm.initial_for(process),
                                                     "token": services.token(state.newest)})
    if request.method == "POST" and form.is_valid():
        try:
            services.do_save_actors(acting_user=request.user, organisation=request.organisation,
                                    process_map=place.map, seen=form.cleaned_data["token"],
                                    actors=form.cleaned_data["actors"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The actors have been saved."))
            return redirect(place.links["detail"])
    return render(request, "processes/actors.html", {"form": form, "place": place})


@require_POST
@org_permission_required("processes.manage")
def process_approve(request: HttpRequest, org_slug: str, map_id: Any, shared: bool = False) -> HttpResponse:
    place = _place(request, map_id, shared)
    if not isinstance(place, Place):
        return place
    refused = _refuse_write(request, place)
    if refused is not None:
        return refused
    try:
        version = services.do_approve(acting_user=request.user, organisation=request.organisation,
                                      process_map=place.map, seen=request.POST.get("token", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if version.status == VersionStatus.AGREED:
            messages.success(request, _("Every side has approved: version %(number)s is now agreed.")
                             % {"number": version.number})
        else:
            messages.success(request, _("Your approval has been recorded. The version is agreed once every side "
                                        "has approved it."))
    return redirect(place.links["detail"])


@org_permission_required("processes.view")
def process_checklist(request: HttpRequest, org_slug: str, map_id: Any, shared: bool = False) -> HttpResponse:
    place = _place(request, map_id, shared)
    if not isinstance(place, Place):
        return place
    state = selectors.map_state(place.map)
    shown = state.agreed or state.newest
    process = parse(shown.data)
    return render(request, "processes/checklist.html", {
        "place": place, "version": shown, "items": build_checklist(process),
    })


@org_permission_required("processes.view")
def process_bpmn(request: HttpRequest, org_slug: str, map_id: Any, shared: bool = False) -> HttpResponse:
    place = _place(request, map_id, shared)
    if not isinstance(place, Place):
        return place
    state = selectors.map_state(place.map, _version_param(request))
    if state is None:
        raise Http404
    xml = bpmn_xml(parse(state.shown.data), name=place.map.title, process_key=str(place.map.public_id)[:8])
    return documents.download(xml.encode("utf-8"), f"{place.map.title}-{state.shown.number}.bpmn",
                              content_type="application/xml")


@org_permission_required("processes.view")
def process_pdf(request: HttpRequest, org_slug: str, map_id: Any, shared: bool = False) -> HttpResponse:
    """The agreed version as PDF (the newest draft while nothing is agreed yet, marked as draft)."""
    place = _place(request, map_id, shared)
    if not isinstance(place, Place):
        return place
    state = selectors.map_state(place.map)
    shown = state.agreed or state.newest
    process = parse(shown.data)
    pdf = documents.render_pdf("processes/pdf.html", {
        "map": place.map, "version": shown, "sides": state.sides,
        "steps": [{"n": s.number, "step": s.step, "actor": s.actor,
                   "handover": translate(s.handover) if s.handover else "", "continues": translate(s.continues)}
                  for s in text_view(process)],
        "raci": raci_matrix(process),
    })
    return documents.download(pdf, f"{place.map.title}-{shown.number}.pdf")
