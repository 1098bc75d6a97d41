"""Pages that change an agenda, a decision or an action item before the minutes are approved,
and the page that puts a finding of another module on an agenda (through the hub)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.core import hub
from kosmos.core.access import org_permission_required
from kosmos.core.params import parse_uuid
from kosmos.workinggroups import services
from kosmos.workinggroups.domain import minutes as flow
from kosmos.workinggroups.forms import (
    ActionItemEditForm,
    AgendaItemEditForm,
    DecisionEditForm,
    MeetingChoiceForm,
)
from kosmos.workinggroups.models import ActionItem, AgendaItem, Decision, Meeting, MemberRole, MinutesStatus
from kosmos.workinggroups.views import _access, _require


def _meeting_url(meeting: Meeting, page: str = "workinggroup_meeting") -> str:
    return reverse(f"org:{page}", kwargs={"org_slug": meeting.group.organisation.slug,
                                          "meeting_id": meeting.public_id})


def _open(request: HttpRequest, meeting: Meeting, *, steer: bool) -> HttpResponse | None:
    """Check the right to change; a redirect with a message when the minutes are approved."""
    _members, access = _access(request, meeting.group)
    _require(access.steer if steer else access.write)
    if not flow.can_edit(meeting.status):
        messages.error(request, _("These minutes are approved and can no longer be changed."))
        return redirect(_meeting_url(meeting))
    return None


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _post(request: HttpRequest, write, success: str, back: str) -> HttpResponse:  # noqa: ANN001
    """Run a POST-only change and go back with a message either way."""
    try:
        write(_version(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(back)


def _edit_page(request: HttpRequest, meeting: Meeting, form, title: str, back: str, save) -> HttpResponse:  # noqa: ANN001
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            save(version, data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The change has been saved."))
            return redirect(back)
    return render(request, "workinggroups/edit_form.html", {
        "group": meeting.group, "meeting": meeting, "form": form, "heading": title, "back": back,
    }, status=409 if form.errors and any(e.code == "conflict" for e in form.non_field_errors().as_data()) else 200)


# Agenda items ----------------------------------------------------------------------------------

def _agenda_item(request: HttpRequest, item_id: str) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.select_related("meeting__group__organisation", "owner"),
                             meeting__group__organisation=request.organisation, public_id=item_id)


@org_permission_required("workinggroups.view")
def agenda_item_edit(request: HttpRequest, org_slug: str, item_id: str) -> HttpResponse:
    item = _agenda_item(request, item_id)
    meeting = item.meeting
    if refused := _open(request, meeting, steer=True):
        return refused
    initial = {"title": item.title, "owner": item.owner_id, "duration_minutes": item.duration_minutes,
               "version": meeting.lock_version}
    form = AgendaItemEditForm(request.POST or None, initial=initial, organisation=request.organisation)
    return _edit_page(request, meeting, form, _("Change the agenda item"), _meeting_url(meeting),
                      lambda version, data: services.do_update_agenda_item(
                          acting_user=request.user, item=item, version=version, **data))


@org_permission_required("workinggroups.view")
def agenda_item_delete(request: HttpRequest, org_slug: str, item_id: str) -> HttpResponse:
    """GET asks for confirmation (the item takes its minutes, decisions and action items with it)."""
    item = _agenda_item(request, item_id)
    if refused := _open(request, item.meeting, steer=True):
        return refused
    if request.method != "POST":
        return render(request, "workinggroups/agenda_item_remove.html", {
            "group": item.meeting.group, "meeting": item.meeting, "item": item,
            "decisions": item.decisions.count(), "tasks": item.action_items.count(),
        })
    return _post(request, lambda version: services.do_delete_agenda_item(
        acting_user=request.user, item=item, version=version), _("The agenda item has been removed."),
        _meeting_url(item.meeting))


@org_permission_required("workinggroups.view")
@require_POST
def agenda_item_move(request: HttpRequest, org_slug: str, item_id: str) -> HttpResponse:
    item = _agenda_item(request, item_id)
    if refused := _open(request, item.meeting, steer=True):
        return refused
    return _post(request, lambda version: services.do_move_agenda_item(
        acting_user=request.user, item=item, version=version, direction=request.POST.get("direction", "")),
        _("The agenda item has been moved."), _meeting_url(item.meeting) + "#agenda")


# Decisions and action items --------------------------------------------------------------------

def _decision(request: HttpRequest, decision_id: str) -> Decision:
    return get_object_or_404(Decision.objects.select_related("item__meeting__group__organisation"),
                             item__meeting__group__organisation=request.organisation, public_id=decision_id)


def _action(request: HttpRequest, task_id: str) -> ActionItem:
    return get_object_or_404(ActionItem.objects.select_related("item__meeting__group__organisation", "owner"),
                             organisation=request.organisation, public_id=task_id)


def _minutes_url(item: AgendaItem) -> str:
    return _meeting_url(item.meeting, "workinggroup_minutes") + f"#item-{item.public_id}"


@org_permission_required("workinggroups.view")
def decision_edit(request: HttpRequest, org_slug: str, decision_id: str) -> HttpResponse:
    decision = _decision(request, decision_id)
    meeting = decision.item.meeting
    if refused := _open(request, meeting, steer=False):
        return refused
    form = DecisionEditForm(request.POST or None, initial={"text": decision.text, "version": meeting.lock_version})
    return _edit_page(request, meeting, form, _("Change the decision"), _minutes_url(decision.item),
                      lambda version, data: services.do_update_decision(
                          acting_user=request.user, decision=decision, version=version, **data))


@org_permission_required("workinggroups.view")
@require_POST
def decision_delete(request: HttpRequest, org_slug: str, decision_id: str) -> HttpResponse:
    decision = _decision(request, decision_id)
    meeting = decision.item.meeting
    if refused := _open(request, meeting, steer=False):
        return refused
    return _post(request, lambda version: services.do_delete_decision(
        acting_user=request.user, decision=decision, version=version), _("The decision has been removed."),
        _minutes_url(decision.item))


@org_permission_required("workinggroups.view")
def action_edit(request: HttpRequest, org_slug: str, task_id: str) -> HttpResponse:
    action = _action(request, task_id)
    meeting = action.item.meeting
    if refused := _open(request, meeting, steer=False):
        return refused
    initial = {"title": action.title, "owner": action.owner_id, "due_date": action.due_date,
               "version": meeting.lock_version}
    form = ActionItemEditForm(request.POST or None, initial=initial, organisation=request.organisation)
    return _edit_page(request, meeting, form, _("Change the action item"), _minutes_url(action.item),
                      lambda version, data: services.do_update_action_item(
                          acting_user=request.user, action=action, version=version, **data))


@org_permission_required("workinggroups.view")
@require_POST
def action_delete(request: HttpRequest, org_slug: str, task_id: str) -> HttpResponse:
    action = _action(request, task_id)
    meeting = action.item.meeting
    if refused := _open(request, meeting, steer=False):
        return refused
    return _post(request, lambda version: services.do_delete_action_item(
        acting_user=request.user, action=action, version=version), _("The action item has been removed."),
        _minutes_url(action.item))


# A finding of another module on the agenda -----------------------------------------------------

def _finding(request: HttpRequest) -> tuple[str, str, hub.FindingCollection, hub.FindingRef]:
    def param(name: str) -> str:
        return request.GET.get(name) or request.POST.get(name) or ""

    source, source_id, finding_id = param("quelle"), param("objekt"), param("befund")
    if not source or len(source) > 100 or len(finding_id) > 200 or parse_uuid(source_id) is None:
        raise Http404(_("This finding does not exist."))
    try:
        collection = hub.collection(request.organisation, source, str(parse_uuid(source_id)))
    except (hub.HubError, ValidationError, ValueError):
        collection = None
    finding = collection.finding(finding_id) if collection is not None else None
    if finding is None:
        raise Http404(_("This finding does not exist."))
    return source, str(parse_uuid(source_id)), collection, finding


def _upcoming(request: HttpRequest) -> list[Meeting]:
    """Meetings not yet approved and not yet past, of the groups the user may steer."""
    meetings = Meeting.objects.filter(
        group__organisation=request.organisation, starts_at__date__gte=timezone.localdate(),
    ).exclude(status=MinutesStatus.APPROVED).select_related("group").order_by("starts_at")
    if not request.org_access.has("workinggroups.manage"):
        meetings = meetings.filter(Q(group__members__user=request.user, group__members__role=MemberRole.LEAD))
    return list(meetings)


@org_permission_required("workinggroups.view")
def agenda_from_finding(request: HttpRequest, org_slug: str) -> HttpResponse:
    source, source_id, collection, finding = _finding(request)
    meetings = _upcoming(request)
    form = MeetingChoiceForm(request.POST or None, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        meeting = next(m for m in meetings if str(m.public_id) == form.cleaned_data["meeting"])
        try:
            services.do_add_agenda_item_from_finding(
                acting_user=request.user, organisation=request.organisation, meeting=meeting, source=source,
                source_id=source_id, finding_id=finding.id)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The finding is now on the agenda."))
            return redirect(_meeting_url(meeting))
    return render(request, "workinggroups/agenda_from_finding.html", {
        "form": form, "collection": collection, "finding": finding, "meetings": meetings,
    })
