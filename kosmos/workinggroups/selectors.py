"""Reads of the working groups, scoped to an organisation; every page runs a fixed number of queries."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from kosmos.core import sharing
from kosmos.core.models import Organisation, User
from kosmos.workinggroups.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    GroupMember,
    Meeting,
    MemberRole,
    WorkingGroup,
)


def groups(organisation: Organisation) -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.filter(organisation=organisation).annotate(
        member_count=Count("members", distinct=True), meeting_count=Count("meetings", distinct=True))


def shared_with(user: User, organisation: Organisation) -> QuerySet[WorkingGroup]:
    """Other organisations' groups this organisation may read (partners, platform-wide)."""
    return sharing.visible_to(
        WorkingGroup.objects.exclude(organisation=organisation).select_related("organisation"),
        user=user, organisation=organisation,
    ).order_by("name")


def group_or_404(organisation: Organisation, group_id: object) -> WorkingGroup:
    return get_object_or_404(WorkingGroup, organisation=organisation, public_id=group_id)


def meeting_or_404(organisation: Organisation, meeting_id: object) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("group"), group__organisation=organisation,
                             public_id=meeting_id)


def members(group: WorkingGroup) -> list[GroupMember]:
    return list(group.members.select_related("user"))


def role_of(group_members: list[GroupMember], user: User) -> str | None:
    return next((m.role for m in group_members if m.user_id == user.pk), None)


def meeting_items(meeting: Meeting) -> list[AgendaItem]:
    """The agenda with owners, decisions and action items: three queries, whatever the history."""
    return list(
        meeting.items.select_related("owner").prefetch_related(
            "decisions", Prefetch("action_items", queryset=ActionItem.objects.select_related("owner")))
    )


def open_tasks(organisation: Organisation, *, owner: User | None = None, due_by: dt.date | None = None,
               limit: int | None = None) -> QuerySet[ActionItem]:
    """Open action items across all meetings and groups of the organisation, soonest first."""
    tasks = ActionItem.objects.filter(organisation=organisation, status=ActionStatus.OPEN)
    if owner is not None:
        tasks = tasks.filter(owner=owner)
    if due_by is not None:
        tasks = tasks.filter(due_date__lte=due_by)
    tasks = tasks.select_related("owner", "item__meeting__group").order_by("due_date", "id")
    return tasks[:limit] if limit else tasks


def series(group: WorkingGroup) -> QuerySet[Meeting]:
    return group.meetings.annotate(
        item_count=Count("items", distinct=True),
        open_count=Count("items__action_items", filter=Q(items__action_items__status=ActionStatus.OPEN), distinct=True),
    ).order_by("-starts_at")


def group_results(group: WorkingGroup) -> dict[str, object]:
    """Decisions and action items of approved minutes: what the group presents to all staff."""
    items = (
        AgendaItem.objects.filter(meeting__group=group, meeting__status="approved")
        .select_related("meeting").prefetch_related(
            "decisions", Prefetch("action_items", queryset=ActionItem.objects.select_related("owner")))
        .order_by("meeting__starts_at", "position")
    )
    decisions, tasks = [], []
    for item in items:
        decisions += [(item.meeting, d) for d in item.decisions.all()]
        tasks += [(item.meeting, a) for a in item.action_items.all()]
    return {"decisions": decisions, "tasks": tasks}


def lead_names(group_members: list[GroupMember]) -> list[str]:
    return [m.display_name for m in group_members if m.role == MemberRole.LEAD]
