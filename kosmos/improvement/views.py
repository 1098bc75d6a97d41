"""Pages of the improvement module: action fields, the impact × effort matrix, projects."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.core import hub
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.core.hub import FindingCollection
from kosmos.core.i18n import translate, translate_hints
from kosmos.core.params import uuid_param
from kosmos.improvement import selectors, services
from kosmos.improvement.domain.smart import LETTERS, check_smart
from kosmos.improvement.forms import ActionFieldForm, MilestoneForm, ProjectForm
from kosmos.improvement.models import (
    ActionField,
    ActionFieldStatus,
    ImprovementProject,
    Level,
    Milestone,
)


def _smart(goal: str, owner: str, due, indicator: str) -> dict:  # noqa: ANN001
    result = check_smart(goal, owner=owner, due=due, indicator=indicator)
    hints = translate_hints(result.hints)
    # A letter is "fulfilled" when it has no warning; its info hints are suggestions, shown apart, so that
    # "A – fulfilled" never stands next to an "A:" finding.
    return {"hints": [h for h in hints if h.is_warning], "suggestions": [h for h in hints if not h.is_warning],
            "ok": result.ok,
            "letters": [(k, translate(v), result.fulfilled[k]) for k, v in LETTERS.items()]}


@org_permission_required("improvement.view")
def overview(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    fields = list(selectors.action_fields_of(organisation))
    projects = list(selectors.projects_with_progress(organisation))
    for project in projects:
        project.progress = selectors.progress_percent(project)
    return render(request, "improvement/overview.html", {
        "fields": fields,
        "projects": projects,
        "groups": selectors.working_groups_of(organisation).count(),
        "can_manage": request.org_access.has("improvement.manage"),
    })


@org_permission_required("improvement.view")
def matrix(request: HttpRequest, org_slug: str) -> HttpResponse:
    fields = list(selectors.action_fields_of(request.organisation).exclude(status=ActionFieldStatus.DEFERRED))
    rows, unplaced = selectors.matrix(fields)
    return render(request, "improvement/matrix.html", {
        "rows": rows, "unplaced": unplaced, "levels": dict(Level.choices),
        "can_manage": request.org_access.has("improvement.manage"),
    })


@org_permission_required("improvement.manage")
def prioritise(request: HttpRequest, org_slug: str) -> HttpResponse:
    """Place every open action field on the matrix: one form, works without JavaScript."""
    fields = list(selectors.action_fields_of(request.organisation).exclude(status=ActionFieldStatus.DEFERRED)
                  .order_by("title"))
    errors: list[str] = []
    if request.method == "POST":
        placements = {}
        for field in fields:
            values = []
            for name in ("impact", "effort"):
                raw = request.POST.get(f"{name}-{field.public_id}", "")
                values.append(int(raw) if raw in {"1", "2", "3"} else None)
                if raw not in {"", "1", "2", "3"}:
                    errors.append(_("%(title)s: please choose low, medium or high.") % {"title": field.title})
            placements[field] = tuple(values)
        if not errors:
            changed = services.do_prioritise(acting_user=request.user, organisation=request.organisation,
                                             placements=placements)
            messages.success(request, ngettext("%(count)s action field has been placed on the matrix.",
                                                      "%(count)s action fields have been placed on the matrix.", changed)
                             % {"count": changed})
            return redirect("org:improvement_matrix", org_slug=org_slug)
    return render(request, "improvement/prioritise.html", {
        "fields": fields, "levels": Level.choices, "errors": errors})


def _field(request: HttpRequest, field_id: str) -> ActionField:
    return get_object_or_404(ActionField, organisation=request.organisation, public_id=field_id)


def _collection(request: HttpRequest) -> FindingCollection | None:
    """The findings source named in the request (``quelle`` and ``objekt``), through the hub."""
    source = request.GET.get("quelle") or request.POST.get("quelle")
    source_id = uuid_param(request, "objekt")
    if not source and not source_id:
        return None
    try:
        found = hub.collection(request.organisation, source or "", source_id or "")
    except hub.HubError:
        found = None
    if found is None:
        raise Http404(_("The source of the findings does not exist."))
    return found


@org_permission_required("improvement.manage")
def action_field_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    collection = _collection(request)
    initial = {}
    chosen = collection.finding(request.GET.get("befund", "")) if collection else None
    if chosen is not None:
        initial = {"findings": [chosen.id], "title": chosen.text[:200], "topic_key": chosen.topic_key}
    form = ActionFieldForm(request.POST or None, collection=collection, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        finding_ids = list(data.pop("findings", []) or [])
        try:
            field = services.do_create_action_field(acting_user=request.user, organisation=request.organisation,
                                                    data=data, collection=collection, finding_ids=finding_ids)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The action field has been created."))
            return redirect("org:improvement_action_field_detail", org_slug=org_slug, field_id=field.public_id)
    return render(request, "improvement/action_field_form.html", {
        "form": form, "collection": collection,
        "sources": hub.available_collections(request.organisation) if collection is None else [],
    })


@org_permission_required("improvement.view")
def action_field_detail(request: HttpRequest, org_slug: str, field_id: str) -> HttpResponse:
    field = _field(request, field_id)
    return render(request, "improvement/action_field_detail.html", {
        "field": field,
        "findings": list(field.findings.all()),
        "projects": list(field.projects.all()),
        "smart": _smart(field.goal, field.owner, field.due_date, field.indicator),
        "can_manage": request.org_access.has("improvement.manage"),
    })


@org_permission_required("improvement.manage")
def action_field_edit(request: HttpRequest, org_slug: str, field_id: str) -> HttpResponse:
    field = _field(request, field_id)
    initial = {k: getattr(field, k) for k in ("title", "description", "goal", "indicator", "owner", "due_date",
                                              "status", "topic_key", "topic")}
    collection = None
    if field.source:
        try:
            collection = hub.collection(request.organisation, field.source, field.source_id)
        except hub.HubError:
            collection = None
    form = ActionFieldForm(request.POST or None, collection=collection, with_findings=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.do_update_action_field(acting_user=request.user, action_field=field, data=form.cleaned_data)
        messages.success(request, _("The action field has been saved."))
        return redirect("org:improvement_action_field_detail", org_slug=org_slug, field_id=field.public_id)
    return render(request, "improvement/action_field_form.html", {"form": form, "field": field})


def _project(request: HttpRequest, project_id: str) -> ImprovementProject:
    return get_object_or_404(
        ImprovementProject.objects.select_related("owner", "action_field", "working_group"),
        organisation=request.organisation, public_id=project_id,
    )


@org_permission_required("improvement.manage")
def project_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    field = None
    source = uuid_param(request, "handlungsfeld")
    if source:
        field = _field(request, source)
    initial = {"title": field.title, "goal": field.goal, "indicator": field.indicator,
               "due_date": field.due_date} if field else {}
    form = ProjectForm(request.POST or None, organisation=request.organisation, with_milestones=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        milestones = data.pop("milestones", [])
        try:
            project = services.do_create_project(acting_user=request.user, organisation=request.organisation,
                                                 data=data, action_field=field, milestones=milestones)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The improvement project has been created."))
            return redirect("org:improvement_project_detail", org_slug=org_slug, project_id=project.public_id)
    return render(request, "improvement/project_form.html", {"form": form, "field": field})


@org_permission_required("improvement.view")
def project_detail(request: HttpRequest, org_slug: str, project_id: str) -> HttpResponse:
    project = _project(request, project_id)
    milestones = list(project.milestones.all())
    project.progress = selectors.progress_percent(project)
    owner = project.owner.get_full_name() if project.owner else ""
    return render(request, "improvement/project_detail.html", {
        "project": project,
        "milestones": milestones,
        "smart": _smart(project.goal, owner, project.due_date, project.indicator),
        "milestone_form": MilestoneForm(),
        "can_manage": request.org_access.has("improvement.manage"),
    })


@org_permission_required("improvement.manage")
def project_edit(request: HttpRequest, org_slug: str, project_id: str) -> HttpResponse:
    project = _project(request, project_id)
    initial = {k: getattr(project, k) for k in ("title", "goal", "indicator", "start_date", "due_date", "status")}
    initial.update({"owner": project.owner_id, "working_group": project.working_group_id})
    form = ProjectForm(request.POST or None, organisation=request.organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_project(acting_user=request.user, project=project, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The improvement project has been saved."))
            return redirect("org:improvement_project_detail", org_slug=org_slug, project_id=project.public_id)
    return render(request, "improvement/project_form.html", {"form": form, "project": project})


@org_permission_required("improvement.manage")
@require_POST
def milestone_add(request: HttpRequest, org_slug: str, project_id: str) -> HttpResponse:
    project = _project(request, project_id)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        services.do_add_milestone(acting_user=request.user, project=project, **form.cleaned_data)
        messages.success(request, _("The milestone has been added."))
        return redirect("org:improvement_project_detail", org_slug=org_slug, project_id=project.public_id)
    milestones = list(project.milestones.all())
    project.progress = selectors.progress_percent(project)
    owner = project.owner.get_full_name() if project.owner else ""
    return render(request, "improvement/project_detail.html", {
        "project": project, "milestones": milestones, "milestone_form": form, "can_manage": True,
        "smart": _smart(project.goal, owner, project.due_date, project.indicator),
    })


def _milestone(request: HttpRequest, milestone_id: str) -> Milestone:
    return get_object_or_404(Milestone.objects.select_related("project__organisation"),
                             project__organisation=request.organisation, public_id=milestone_id)


@org_permission_required("improvement.manage")
@require_POST
def milestone_toggle(request: HttpRequest, org_slug: str, milestone_id: str) -> HttpResponse:
    milestone = _milestone(request, milestone_id)
    services.do_set_milestone_done(acting_user=request.user, milestone=milestone, done=not milestone.done)
    return redirect("org:improvement_project_detail", org_slug=org_slug, project_id=milestone.project.public_id)


@org_permission_required("improvement.manage")
@require_POST
def milestone_delete(request: HttpRequest, org_slug: str, milestone_id: str) -> HttpResponse:
    milestone = _milestone(request, milestone_id)
    project_id = milestone.project.public_id
    services.do_delete_milestone(acting_user=request.user, milestone=milestone)
    messages.success(request, _("The milestone has been removed."))
    return redirect("org:improvement_project_detail", org_slug=org_slug, project_id=project_id)
