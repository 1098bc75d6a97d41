"""Ecosystem maps: entries in four spheres, drawn as concentric circles, with their history."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kosmos.assessments import services
from kosmos.assessments.domain.charts import ecosystem_map
from kosmos.assessments.forms import EcosystemEntryForm, EcosystemMapForm
from kosmos.assessments.models import EcosystemEntry, EcosystemEntryVersion, EcosystemMap, Sphere
from kosmos.core.access import org_permission_required


def map_context(ecosystem: EcosystemMap) -> dict:
    """Chart and grouped list; used by the own page and by the partner's read-only page."""
    entries = list(ecosystem.entries.order_by("label"))
    spheres = [
        {"code": code, "label": label, "entries": [e for e in entries if e.sphere == code]}
        for code, label in Sphere.choices
    ]
    svg = ecosystem_map(
        [(e.sphere, e.label) for e in entries],
        title=_("Ecosystem: %(title)s") % {"title": ecosystem.title},
        description=_("Ecosystem map with four spheres, from the inside out."),
        sphere_labels=dict(Sphere.choices),
        sphere_heading=_("Sphere"),
        entries_heading=_("Entries"),
        empty=_("no entries"),
        id_prefix=f"ecosystem-{ecosystem.public_id}",
    ).svg
    return {"ecosystem": ecosystem, "spheres": spheres, "svg": svg, "entry_count": len(entries)}


def _map(request: HttpRequest, map_id: str) -> EcosystemMap:
    return get_object_or_404(EcosystemMap, organisation=request.organisation, public_id=map_id)


@org_permission_required("assessments.view")
def map_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    from django.db.models import Count

    maps = EcosystemMap.objects.filter(organisation=request.organisation).annotate(n=Count("entries"))
    return render(request, "assessments/ecosystem_list.html", {
        "maps": maps, "can_manage": request.org_access.has("assessments.manage")})


@org_permission_required("assessments.manage")
def map_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = EcosystemMapForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ecosystem = services.do_create_ecosystem_map(acting_user=request.user, organisation=request.organisation,
                                                     data=form.cleaned_data)
        messages.success(request, _("The ecosystem map has been created. Now add stakeholders, market actors and trends."))
        return redirect("org:assessment_ecosystem_detail", org_slug=org_slug, map_id=ecosystem.public_id)
    return render(request, "assessments/ecosystem_form.html", {"form": form})


@org_permission_required("assessments.view")
def map_detail(request: HttpRequest, org_slug: str, map_id: str) -> HttpResponse:
    context = map_context(_map(request, map_id))
    context["can_manage"] = request.org_access.has("assessments.manage")
    return render(request, "assessments/ecosystem_detail.html", context)


@org_permission_required("assessments.manage")
def map_edit(request: HttpRequest, org_slug: str, map_id: str) -> HttpResponse:
    ecosystem = _map(request, map_id)
    form = EcosystemMapForm(request.POST or None, initial={
        "title": ecosystem.title, "description": ecosystem.description,
        "shared_with_partners": ecosystem.shared_with_partners})
    if request.method == "POST" and form.is_valid():
        services.do_update_ecosystem_map(acting_user=request.user, ecosystem=ecosystem, data=form.cleaned_data)
        messages.success(request, _("The ecosystem map has been saved."))
        return redirect("org:assessment_ecosystem_detail", org_slug=org_slug, map_id=ecosystem.public_id)
    return render(request, "assessments/ecosystem_form.html", {"form": form, "ecosystem": ecosystem})


def _entry(ecosystem: EcosystemMap, entry_id: str) -> EcosystemEntry:
    return get_object_or_404(EcosystemEntry, map=ecosystem, public_id=entry_id)


@org_permission_required("assessments.manage")
def entry_add(request: HttpRequest, org_slug: str, map_id: str) -> HttpResponse:
    ecosystem = _map(request, map_id)
    initial = {"sphere": request.GET.get("sphaere")} if request.GET.get("sphaere") in Sphere.values else {}
    form = EcosystemEntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.do_add_ecosystem_entry(acting_user=request.user, ecosystem=ecosystem, data=form.cleaned_data)
        messages.success(request, _("The entry has been added."))
        return redirect("org:assessment_ecosystem_detail", org_slug=org_slug, map_id=ecosystem.public_id)
    return render(request, "assessments/ecosystem_entry_form.html", {"form": form, "ecosystem": ecosystem})


@org_permission_required("assessments.manage")
def entry_edit(request: HttpRequest, org_slug: str, map_id: str, entry_id: str) -> HttpResponse:
    ecosystem = _map(request, map_id)
    entry = _entry(ecosystem, entry_id)
    form = EcosystemEntryForm(request.POST or None, initial={
        f: getattr(entry, f) for f in ("sphere", "label", "assumed_view", "relationship")})
    if request.method == "POST" and form.is_valid():
        services.do_update_ecosystem_entry(acting_user=request.user, entry=entry, data=form.cleaned_data)
        messages.success(request, _("The entry has been saved."))
        return redirect("org:assessment_ecosystem_detail", org_slug=org_slug, map_id=ecosystem.public_id)
    return render(request, "assessments/ecosystem_entry_form.html",
                  {"form": form, "ecosystem": ecosystem, "entry": entry})


@org_permission_required("assessments.manage")
def entry_delete(request: HttpRequest, org_slug: str, map_id: str, entry_id: str) -> HttpResponse:
    ecosystem = _map(request, map_id)
    entry = _entry(ecosystem, entry_id)
    if request.method == "POST":
        services.do_delete_ecosystem_entry(acting_user=request.user, entry=entry)
        messages.success(request, _("The entry has been removed. It stays in the history."))
        return redirect("org:assessment_ecosystem_detail", org_slug=org_slug, map_id=ecosystem.public_id)
    return render(request, "assessments/ecosystem_entry_delete.html", {"ecosystem": ecosystem, "entry": entry})


HISTORY_FIELDS = ("sphere", "label", "assumed_view", "relationship")


@org_permission_required("assessments.view")
def map_history(request: HttpRequest, org_slug: str, map_id: str) -> HttpResponse:
    """Every state of every entry, newest first, with the fields that changed."""
    ecosystem = _map(request, map_id)
    versions = EcosystemEntryVersion.objects.filter(map=ecosystem).order_by("-changed_at", "-id")
    paginator = Paginator(versions, 50)
    try:
        page = paginator.page(request.GET.get("seite") or 1)
    except Exception as exc:  # EmptyPage or PageNotAnInteger
        raise Http404 from exc
    wanted = {(v.entry_id, v.version - 1) for v in page.object_list if v.version > 1}
    previous = {}
    if wanted:
        for old in EcosystemEntryVersion.objects.filter(map=ecosystem, entry_id__in={e for e, _v in wanted}):
            previous[(old.entry_id, old.version)] = old
    sphere_labels = dict(Sphere.choices)
    for version in page.object_list:
        before = previous.get((version.entry_id, version.version - 1))
        version.sphere_label = sphere_labels.get(version.sphere, version.sphere)
        version.changed_fields = [
            f for f in HISTORY_FIELDS if before is not None and getattr(before, f) != getattr(version, f)
        ]
        version.before = before
        if before is not None:
            before.sphere_label = sphere_labels.get(before.sphere, before.sphere)
    return render(request, "assessments/ecosystem_history.html", {"ecosystem": ecosystem, "page": page})
