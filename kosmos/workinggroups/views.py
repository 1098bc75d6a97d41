"""Pages of the working groups (thin: reads from ``selectors``, writes through ``services``)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.core.access import org_permission_required
from kosmos.core.documents import download, render_pdf
from kosmos.core.params import uuid_param
from kosmos.workinggroups import selectors, services
from kosmos.workinggroups.domain import minutes as flow
from kosmos.workinggroups.domain.calendar import CalendarEntry, to_ics
from kosmos.workinggroups.forms import (
    ActionItemForm,
    AgendaItemForm,
    CommentForm,
    DecisionForm,
    GroupForm,
    InterestForm,
    MeetingForm,
    MemberForm,
    MinutesForm,
    TaskFilterForm,
)
from kosmos.workinggroups.models import (
    ActionItem,
    GroupMember,
    Meeting,
    MemberRole,
    MinutesStatus,
    WorkingGroup,
)

HUB_SOURCE = "workinggroups.meeting"


class GroupAccess:
    """What the current member may do in one group: steer (lead or the organisation's
    working-group managers), write minutes (also the minute-taker), comment (any member)."""

    def __init__(self, request: HttpRequest, members: list[GroupMember]) -> None:
        self.role = selectors.role_of(members, request.user)
        manager = request.org_access.has("workinggroups.manage")
        self.steer = manager or self.role == MemberRole.LEAD
        self.write = self.steer or self.role == MemberRole.MINUTE_TAKER
        self.member = self.role is not None or manager


def _access(request: HttpRequest, group: WorkingGroup) -> tuple[list[GroupMember], GroupAccess]:
    members = selectors.members(group)
    return members, GroupAccess(request, members)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# Groups ---------------------------------------------------------------------------------------

@org_permission_required("workinggroups.view")
def group_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "workinggroups/list.html", {
        "groups": selectors.groups(request.organisation),
        "shared": list(selectors.shared_with(request.user, request.organisation)),
        "can_manage": request.org_access.has("workinggroups.manage"),
    })


@org_permission_required("workinggroups.manage")
def group_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = services.do_save_group(acting_user=request.user, organisation=request.organisation,
                                       data=form.cleaned_data)
        messages.success(request, _("The working group has been created."))
        return redirect("org:workinggroup_detail", org_slug=org_slug, group_id=group.public_id)
    return render(request, "workinggroups/group_form.html", {"form": form})


@org_permission_required("workinggroups.view")
def group_detail(request: HttpRequest, org_slug: str, group_id: str) -> HttpResponse:
    group = selectors.group_or_404(request.organisation, group_id)
    members, access = _access(request, group)
    return render(request, "workinggroups/group_detail.html", {
        "group": group, "members": members, "access": access, "meetings": list(selectors.series(group)),
        "leads": selectors.lead_names(members),
        "interested": group.interests.filter(user=request.user).exists(),
        "interests": list(group.interests.select_related("user")) if access.steer else [],
        "interest_form": InterestForm(),
    })


@org_permission_required("workinggroups.view")
def group_edit(request: HttpRequest, org_slug: str, group_id: str) -> HttpResponse:
    group = selectors.group_or_404(request.organisation, group_id)
    _members, access = _access(request, group)
    _require(access.steer)
    initial = {name: getattr(group, name) for name in services.GROUP_FIELDS}
    form = GroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.do_save_group(acting_user=request.user, organisation=request.organisation, data=form.cleaned_data,
                               group=group)
        messages.success(request, _("The working group has been saved."))
        return redirect("org:workinggroup_detail", org_slug=org_slug, group_id=group.public_id)
    return render(request, "workinggroups/group_form.html", {"form": form, "group": group})


@org_permission_required("workinggroups.view")
def members_page(request: HttpRequest, org_slug: str, group_id: str) -> HttpResponse:
    group = selectors.group_or_404(request.organisation, group_id)
    members, access = _access(request, group)
    _require(access.steer)
    form = MemberForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_add_member(acting_user=request.user, group=group, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The member has been added."))
            return redirect("org:workinggroup_members", org_slug=org_slug, group_id=group.public_id)
    return render(request, "workinggroups/members.html", {
        "group": group, "members": members, "form": form,
        "interests": list(group.interests.select_related("user")),
    })


@org_permission_required("workinggroups.view")
@require_POST
def member_remove(request: HttpRequest, org_slug: str, member_id: str) -> HttpResponse:
    member = get_object_or_404(GroupMember.objects.select_related("group", "user"),
                               group__organisation=request.organisation, public_id=member_id)
    _members, access = _access(request, member.group)
    _require(access.steer)
    services.do_remove_member(acting_user=request.user, member=member)
    messages.success(request, _("The member has been removed."))
    return redirect("org:workinggroup_members", org_slug=org_slug, group_id=member.group.public_id)


@org_permission_required("workinggroups.view")
@require_POST
def interest(request: HttpRequest, org_slug: str, group_id: str) -> HttpResponse:
    group = selectors.group_or_404(request.organisation, group_id)
    form = InterestForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.do_express_interest(acting_user=request.user, group=group, note=note)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you! The lead of the working group has been told of your interest."))
    return redirect("org:workinggroup_detail", org_slug=org_slug, group_id=group.public_id)


@org_permission_required("workinggroups.view")
def results(request: HttpRequest, org_slug: str, group_id: str) -> HttpResponse:
    """The group's overall results, for all staff."""
    group = selectors.group_or_404(request.organisation, group_id)
    return render(request, "workinggroups/results.html", {"group": group, **selectors.group_results(group)})


def _entry(request: HttpRequest, meeting: Meeting, group: WorkingGroup) -> CalendarEntry:
    url = request.build_absolute_uri(reverse("org:workinggroup_meeting", kwargs={
        "org_slug": group.organisation.slug, "meeting_id": meeting.public_id}))
    return CalendarEntry(
        uid=f"{meeting.public_id}@qualitaetskosmos", summary=group.name, start=meeting.starts_at,
        end=meeting.starts_at + dt.timedelta(minutes=meeting.duration_minutes),
        location=meeting.video_link or meeting.place, url=url, stamp=meeting.created_at,
    )


@org_permission_required("workinggroups.view")
def series_ics(request: HttpRequest, org_slug: str, group_id: str) -> HttpResponse:
    group = selectors.group_or_404(request.organisation, group_id)
    entries = [_entry(request, m, group) for m in group.meetings.order_by("starts_at")]
    return download(to_ics(entries, name=group.name), f"{group.name}.ics", content_type="text/calendar")


# Meetings -------------------------------------------------------------------------------------

@org_permission_required("workinggroups.view")
def meeting_create(request: HttpRequest, org_slug: str, group_id: str) -> HttpResponse:
    group = selectors.group_or_404(request.organisation, group_id)
    _members, access = _access(request, group)
    _require(access.steer)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = services.do_save_meeting(acting_user=request.user, group=group, data=form.cleaned_data)
        messages.success(request, _("The meeting has been planned. Now add the agenda."))
        return redirect("org:workinggroup_meeting", org_slug=org_slug, meeting_id=meeting.public_id)
    return render(request, "workinggroups/meeting_form.html", {"form": form, "group": group})


@org_permission_required("workinggroups.view")
def meeting_edit(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    meeting = selectors.meeting_or_404(request.organisation, meeting_id)
    _members, access = _access(request, meeting.group)
    _require(access.steer)
    if not flow.can_edit(meeting.status):
        messages.error(request, _("These minutes are approved and can no longer be changed."))
        return redirect("org:workinggroup_meeting", org_slug=org_slug, meeting_id=meeting.public_id)
    initial = {name: getattr(meeting, name) for name in services.MEETING_FIELDS}
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.do_save_meeting(acting_user=request.user, group=meeting.group, data=form.cleaned_data,
                                 meeting=meeting)
        messages.success(request, _("The meeting has been saved."))
        return redirect("org:workinggroup_meeting", org_slug=org_slug, meeting_id=meeting.public_id)
    return render(request, "workinggroups/meeting_form.html", {"form": form, "group": meeting.group,
                                                               "meeting": meeting})


def _meeting_page(request: HttpRequest, meeting: Meeting, *, agenda_form: AgendaItemForm | None = None,
                  comment_form: CommentForm | None = None) -> HttpResponse:
    group = meeting.group
    members, access = _access(request, group)
    return render(request, "workinggroups/meeting.html", {
        "group": group, "meeting": meeting, "access": access, "items": selectors.meeting_items(meeting),
        "attendees": list(meeting.attendees.all()), "comments": list(meeting.comments.select_related("author")),
        "versions": list(meeting.versions.all()),
        "agenda_form": agenda_form or AgendaItemForm(organisation=request.organisation),
        "comment_form": comment_form or CommentForm(),
        "editable": flow.can_edit(meeting.status), "commentable": flow.can_comment(meeting.status),
        "statuses": MinutesStatus, "hub_source": HUB_SOURCE,
        "can_improve": request.org_access.has("improvement.manage"),
    })


@org_permission_required("workinggroups.view")
def meeting_detail(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    return _meeting_page(request, selectors.meeting_or_404(request.organisation, meeting_id))


@org_permission_required("workinggroups.view")
@require_POST
def agenda_add(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    meeting = selectors.meeting_or_404(request.organisation, meeting_id)
    _members, access = _access(request, meeting.group)
    _require(access.steer)
    form = AgendaItemForm(request.POST, organisation=request.organisation)
    if form.is_valid():
        try:
            services.do_add_agenda_item(acting_user=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The agenda item has been added."))
            return redirect("org:workinggroup_meeting", org_slug=org_slug, meeting_id=meeting.public_id)
    return _meeting_page(request, meeting, agenda_form=form)


def _minutes_page(request: HttpRequest, meeting: Meeting, members: list[GroupMember], form: MinutesForm,
                  bound: dict | None = None, status: int = 200) -> HttpResponse:
    items = form.items
    organisation = request.organisation
    blocks = []
    for number, item in enumerate(items, start=1):
        key = str(item.public_id)
        blocks.append({
            "number": number, "item": item, "field": form[f"item_{key}"],
            "decision_form": (bound or {}).get(("d", key)) or DecisionForm(prefix=f"d-{key}"),
            "action_form": (bound or {}).get(("a", key)) or ActionItemForm(prefix=f"a-{key}", organisation=organisation),
        })
    return render(request, "workinggroups/minutes.html", {
        "group": meeting.group, "meeting": meeting, "form": form, "blocks": blocks,
    }, status=status)


def _minutes_form(request: HttpRequest, meeting: Meeting, members: list[GroupMember],
                  data: object = None) -> MinutesForm:
    items = selectors.meeting_items(meeting)
    users = [m.user for m in members if m.user_id]
    initial = {"version": meeting.lock_version, "guests_present": meeting.guests_present,
               "attendees": [u.pk for u in meeting.attendees.all()]}
    return MinutesForm(data, items=items, members=users, initial=initial)


def _writable_meeting(request: HttpRequest, meeting_id: str) -> tuple[Meeting, list[GroupMember]]:
    meeting = selectors.meeting_or_404(request.organisation, meeting_id)
    members, access = _access(request, meeting.group)
    _require(access.write)
    return meeting, members


@org_permission_required("workinggroups.view")
def minutes_edit(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    meeting, members = _writable_meeting(request, meeting_id)
    if not flow.can_edit(meeting.status):
        messages.error(request, _("These minutes are approved and can no longer be changed."))
        return redirect("org:workinggroup_meeting", org_slug=org_slug, meeting_id=meeting.public_id)
    form = _minutes_form(request, meeting, members, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_save_minutes(
                acting_user=request.user, meeting=meeting, texts=form.texts(), version=form.cleaned_data["version"],
                attendees=list(form.cleaned_data["attendees"]), guests_present=form.cleaned_data["guests_present"])
        except ValidationError as error:
            form.add_error(None, error)
            if any(getattr(e, "code", None) == "conflict" for e in error.error_list):
                # Keep what was typed, but let the next save go through against the stored draft.
                stored = Meeting.objects.get(pk=meeting.pk)
                form.data = form.data.copy()
                form.data["version"] = str(stored.lock_version)
                return _minutes_page(request, meeting, members, form, status=409)
        else:
            messages.success(request, _("The minutes have been saved."))
            return redirect("org:workinggroup_minutes", org_slug=org_slug, meeting_id=meeting.public_id)
    return _minutes_page(request, meeting, members, form)


def _item_of(request: HttpRequest, meeting: Meeting):  # noqa: ANN202
    item_id = uuid_param(request, "item")
    return get_object_or_404(meeting.items, public_id=item_id) if item_id else None


def _add_to_item(request: HttpRequest, meeting_id: str, kind: str) -> HttpResponse:
    meeting, members = _writable_meeting(request, meeting_id)
    item = _item_of(request, meeting)
    if item is None:
        raise Http404(_("The agenda item does not exist."))
    key = str(item.public_id)
    if kind == "d":
        form = DecisionForm(request.POST, prefix=f"d-{key}")
    else:
        form = ActionItemForm(request.POST, prefix=f"a-{key}", organisation=request.organisation)
    if form.is_valid():
        try:
            if kind == "d":
                services.do_add_decision(acting_user=request.user, item=item, text=form.cleaned_data["text"])
                messages.success(request, _("The decision has been recorded."))
            else:
                services.do_add_action_item(acting_user=request.user, item=item, **form.cleaned_data)
                messages.success(request, _("The action item has been added."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(reverse("org:workinggroup_minutes", kwargs={
                "org_slug": request.organisation.slug, "meeting_id": meeting.public_id}) + f"#item-{key}")
    if not flow.can_edit(meeting.status):
        messages.error(request, _("These minutes are approved and can no longer be changed."))
        return redirect("org:workinggroup_meeting", org_slug=request.organisation.slug, meeting_id=meeting.public_id)
    return _minutes_page(request, meeting, members, _minutes_form(request, meeting, members), bound={(kind, key): form})


@org_permission_required("workinggroups.view")
@require_POST
def decision_add(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    return _add_to_item(request, meeting_id, "d")


@org_permission_required("workinggroups.view")
@require_POST
def action_add(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    return _add_to_item(request, meeting_id, "a")


@org_permission_required("workinggroups.view")
@require_POST
def comment(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    meeting = selectors.meeting_or_404(request.organisation, meeting_id)
    _members, access = _access(request, meeting.group)
    _require(access.member)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.do_comment(acting_user=request.user, meeting=meeting, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your comment has been added."))
            return redirect("org:workinggroup_meeting", org_slug=org_slug, meeting_id=meeting.public_id)
    return _meeting_page(request, meeting, comment_form=form)


@org_permission_required("workinggroups.view")
@require_POST
def minutes_move(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    meeting = selectors.meeting_or_404(request.organisation, meeting_id)
    _members, access = _access(request, meeting.group)
    _require(access.steer)
    status = request.POST.get("status", "")
    try:
        services.do_move_minutes(acting_user=request.user, meeting=meeting, status=status)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, {
            MinutesStatus.CIRCULATED: _("The minutes are now circulated: members can comment."),
            MinutesStatus.DRAFT: _("The minutes are a draft again."),
            MinutesStatus.APPROVED: _("The minutes are approved and now read-only."),
        }[status])
    return redirect("org:workinggroup_meeting", org_slug=org_slug, meeting_id=meeting.public_id)


@org_permission_required("workinggroups.view")
def minutes_pdf(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    meeting = selectors.meeting_or_404(request.organisation, meeting_id)
    pdf = render_pdf("workinggroups/minutes_pdf.html", {
        "group": meeting.group, "meeting": meeting, "items": selectors.meeting_items(meeting),
        "attendees": list(meeting.attendees.all()), "organisation": request.organisation,
    })
    return download(pdf, f"Protokoll {meeting.group.name} {meeting.starts_at:%Y-%m-%d}.pdf")


@org_permission_required("workinggroups.view")
def meeting_ics(request: HttpRequest, org_slug: str, meeting_id: str) -> HttpResponse:
    meeting = selectors.meeting_or_404(request.organisation, meeting_id)
    body = to_ics([_entry(request, meeting, meeting.group)], name=meeting.group.name)
    return download(body, f"{meeting.group.name} {meeting.starts_at:%Y-%m-%d}.ics", content_type="text/calendar")


# Action items ---------------------------------------------------------------------------------

@org_permission_required("workinggroups.view")
def tasks(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = TaskFilterForm(request.GET or None, organisation=request.organisation)
    owner = due_by = None
    if form.is_bound and form.is_valid():
        owner, due_by = form.cleaned_data["owner"], form.cleaned_data["due_by"]
    found = list(selectors.open_tasks(request.organisation, owner=owner, due_by=due_by))
    return render(request, "workinggroups/tasks.html", {
        "form": form, "tasks": found, "today": dt.date.today(),
        "can_manage": request.org_access.has("workinggroups.manage"),
        "led_groups": set(GroupMember.objects.filter(user=request.user, role=MemberRole.LEAD,
                                                     group__organisation=request.organisation)
                          .values_list("group_id", flat=True)),
    })


@org_permission_required("workinggroups.view")
@require_POST
def task_status(request: HttpRequest, org_slug: str, task_id: str) -> HttpResponse:
    task = get_object_or_404(ActionItem.objects.select_related("item__meeting__group"),
                             organisation=request.organisation, public_id=task_id)
    if task.owner_id != request.user.pk:
        _members, access = _access(request, task.item.meeting.group)
        _require(access.steer)
    try:
        services.do_set_action_status(acting_user=request.user, action=task, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The action item has been updated."))
    if request.POST.get("back") == "minutes":
        return redirect(reverse("org:workinggroup_meeting", kwargs={
            "org_slug": org_slug, "meeting_id": task.item.meeting.public_id}) + f"#item-{task.item.public_id}")
    return redirect("org:workinggroup_tasks", org_slug=org_slug)
