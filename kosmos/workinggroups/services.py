"""Every write of the working groups: ``do_*`` functions (acting user, one transaction, audit log)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import about, log_created, log_deleted, log_event, update_fields
from kosmos.core.models import Organisation, User
from kosmos.workinggroups.domain import minutes as flow
from kosmos.workinggroups.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Decision,
    GroupMember,
    Interest,
    Meeting,
    MemberRole,
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
    WorkingGroup,
)

GROUP_FIELDS = ["name", "topic", "purpose", "mandate", "responsibilities", "decision_rules", "meeting_rhythm",
                "results"]
MEETING_FIELDS = ["starts_at", "duration_minutes", "place", "video_link"]

def _locked() -> ValidationError:
    return ValidationError(_("These minutes are approved and can no longer be changed."))


def _org_user(organisation: Organisation, user: User | None, field: str) -> None:
    if user is not None and not user.memberships.filter(organisation=organisation).exists():
        raise ValidationError({field: _("This person is not a member of the organisation.")})


# Groups and members -----------------------------------------------------------------------------

@transaction.atomic
def do_save_group(*, acting_user: User, organisation: Organisation, data: Mapping[str, Any],
                  group: WorkingGroup | None = None) -> WorkingGroup:
    values = {k: data[k] for k in GROUP_FIELDS if k in data}
    if group is None:
        group = WorkingGroup.objects.create(organisation=organisation, **values)
        log_created(group, actor=acting_user, organisation=organisation, action="workinggroups.group_created",
                    fields=values)
        return group
    if group.organisation_id != organisation.id:
        raise PermissionDenied
    update_fields(group, values, actor=acting_user, organisation=organisation, action="workinggroups.group_updated")
    return group


@transaction.atomic
def do_add_member(*, acting_user: User, group: WorkingGroup, role: str, user: User | None = None,
                  guest_name: str = "") -> GroupMember:
    organisation = group.organisation
    guest_name = guest_name.strip()
    if user is None and not guest_name:
        raise ValidationError({"user": _("Choose a person or name a guest.")})
    if user is not None and guest_name:
        raise ValidationError({"guest_name": _("Choose a person or name a guest, not both.")})
    if role not in MemberRole.values:
        raise ValidationError({"role": _("Unknown role.")})
    _org_user(organisation, user, "user")
    if user is not None and group.members.filter(user=user).exists():
        raise ValidationError({"user": _("This person is already a member.")})
    member = GroupMember.objects.create(group=group, user=user, guest_name=guest_name, role=role)
    if user is not None:
        Interest.objects.filter(group=group, user=user).delete()
    log_created(member, actor=acting_user, organisation=organisation, action="workinggroups.member_added",
                fields={"role": role, "name": member.display_name}, **about(group))
    return member


@transaction.atomic
def do_remove_member(*, acting_user: User, member: GroupMember) -> None:
    group = member.group
    log_deleted(member, actor=acting_user, organisation=group.organisation, action="workinggroups.member_removed",
                fields={"role": member.role, "name": member.display_name}, **about(group))
    member.delete()


@transaction.atomic
def do_express_interest(*, acting_user: User, group: WorkingGroup, note: str = "") -> Interest:
    """Voluntary sign-up: a staff member says they would like to join."""
    if group.members.filter(user=acting_user).exists():
        raise ValidationError(_("You are already a member of this working group."))
    try:
        with transaction.atomic():
            interest = Interest.objects.create(group=group, user=acting_user, note=note.strip()[:300])
    except IntegrityError:
        raise ValidationError(_("You have already expressed your interest.")) from None
    log_created(interest, actor=acting_user, organisation=group.organisation,
                action="workinggroups.interest_expressed", fields=["note"], **about(group))
    return interest


# Meetings and agenda -----------------------------------------------------------------------------

@transaction.atomic
def do_save_meeting(*, acting_user: User, group: WorkingGroup, data: Mapping[str, Any],
                    meeting: Meeting | None = None) -> Meeting:
    values = {k: data[k] for k in MEETING_FIELDS if k in data}
    if meeting is None:
        meeting = Meeting.objects.create(group=group, **values)
        log_created(meeting, actor=acting_user, organisation=group.organisation,
                    action="workinggroups.meeting_planned", fields=values)
        return meeting
    update_fields(meeting, values, actor=acting_user, organisation=group.organisation,
                  action="workinggroups.meeting_updated")
    return meeting


@transaction.atomic
def do_add_agenda_item(*, acting_user: User, meeting: Meeting, title: str, owner: User | None = None,
                       duration_minutes: int | None = None) -> AgendaItem:
    if meeting.status == MinutesStatus.APPROVED:
        raise _locked()
    organisation = meeting.group.organisation
    _org_user(organisation, owner, "owner")
    position = meeting.items.count() + 1
    item = AgendaItem.objects.create(meeting=meeting, title=title, owner=owner, duration_minutes=duration_minutes,
                                     position=position)
    log_created(item, actor=acting_user, organisation=organisation, action="workinggroups.agenda_item_added",
                fields=["title", "owner", "duration_minutes"], **about(meeting))
    return item


# Minutes ------------------------------------------------------------------------------------------

@transaction.atomic
def do_save_minutes(*, acting_user: User, meeting: Meeting, texts: Mapping[str, str], version: int,
                    attendees: list[User] | None = None, guests_present: str | None = None) -> Meeting:
    """Save the minutes draft (text per agenda item, attendance).

    ``version`` is the lock counter the editor loaded; when somebody saved in between, this
    raises a ``ValidationError`` and nothing is written (optimistic locking).
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    try:
        new_version = flow.check_edit(meeting.status, loaded_version=version, stored_version=meeting.lock_version)
    except flow.MinutesLocked:
        raise _locked() from None
    except flow.EditConflict:
        raise ValidationError(_(
            "Somebody else saved these minutes while you were writing. Your text is kept below: "
            "compare it with the current minutes (link above), then save again."
        ), code="conflict") from None
    organisation = meeting.group.organisation
    changes: dict[str, list[Any]] = {}
    for item in meeting.items.all():
        text = texts.get(str(item.public_id))
        if text is not None and text != item.minutes:
            changes[f"minutes: {item.title}"[:60]] = [item.minutes, text]
            item.minutes = text
            item.save(update_fields=["minutes"])
    if attendees is not None:
        before = sorted(u.full_name for u in meeting.attendees.all())
        after = sorted(u.full_name for u in attendees)
        if before != after:
            meeting.attendees.set(attendees)
            changes["attendees"] = [before, after]
    if guests_present is not None and guests_present != meeting.guests_present:
        changes["guests_present"] = [meeting.guests_present, guests_present]
        meeting.guests_present = guests_present
    meeting.lock_version = new_version
    meeting.save(update_fields=["lock_version", "guests_present"])
    if changes:
        log_event(actor=acting_user, organisation=organisation, action="workinggroups.minutes_saved", obj=meeting,
                  changes=changes)
    return meeting


def _check_open(meeting: Meeting) -> None:
    if not flow.can_edit(meeting.status):
        raise _locked()


@transaction.atomic
def do_add_decision(*, acting_user: User, item: AgendaItem, text: str) -> Decision:
    _check_open(item.meeting)
    decision = Decision.objects.create(item=item, text=text.strip())
    log_created(decision, actor=acting_user, organisation=item.meeting.group.organisation,
                action="workinggroups.decision_recorded", fields=["text"], **about(item.meeting))
    return decision


@transaction.atomic
def do_add_action_item(*, acting_user: User, item: AgendaItem, title: str, owner: User | None,
                       due_date: dt.date | None) -> ActionItem:
    _check_open(item.meeting)
    organisation = item.meeting.group.organisation
    errors = {}
    if owner is None:
        errors["owner"] = _("Every action item needs an owner.")
    if due_date is None:
        errors["due_date"] = _("Every action item needs a due date.")
    if errors:
        raise ValidationError(errors)
    _org_user(organisation, owner, "owner")
    action = ActionItem.objects.create(organisation=organisation, item=item, title=title.strip(), owner=owner,
                                       due_date=due_date)
    log_created(action, actor=acting_user, organisation=organisation, action="workinggroups.action_item_added",
                fields=["title", "owner", "due_date"], **about(item.meeting))
    return action


@transaction.atomic
def do_set_action_status(*, acting_user: User, action: ActionItem, status: str) -> ActionItem:
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    update_fields(action, {"status": status}, actor=acting_user, organisation=action.organisation,
                  action="workinggroups.action_item_updated")
    return action


@transaction.atomic
def do_comment(*, acting_user: User, meeting: Meeting, text: str) -> MinutesComment:
    if not flow.can_comment(meeting.status):
        raise ValidationError(_("Comments are possible while the minutes are circulated."))
    if not text.strip():
        raise ValidationError({"text": _("Please write a comment.")})
    comment = MinutesComment.objects.create(meeting=meeting, author=acting_user, text=text.strip())
    log_created(comment, actor=acting_user, organisation=meeting.group.organisation,
                action="workinggroups.minutes_commented", fields=["text"], **about(meeting))
    return comment


def _snapshot(meeting: Meeting) -> dict[str, Any]:
    items = meeting.items.select_related("owner").prefetch_related("decisions", "action_items__owner")
    return {
        "attendees": sorted(u.full_name for u in meeting.attendees.all()),
        "guests_present": meeting.guests_present,
        "items": [
            {
                "title": item.title,
                "owner": item.owner.full_name if item.owner else "",
                "minutes": item.minutes,
                "decisions": [d.text for d in item.decisions.all()],
                "action_items": [
                    {"title": a.title, "owner": a.owner.full_name if a.owner else "", "due": a.due_date.isoformat()}
                    for a in item.action_items.all()
                ],
            }
            for item in items
        ],
    }


@transaction.atomic
def do_move_minutes(*, acting_user: User, meeting: Meeting, status: str) -> Meeting:
    """Circulate the draft, take it back, or approve it (then it is frozen as a version)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MinutesStatus.APPROVED:
        raise _locked()
    if not flow.can_move(meeting.status, status):
        raise ValidationError(_("This step is not possible now."))
    before = meeting.status
    meeting.status = status
    fields = ["status"]
    if status == MinutesStatus.APPROVED:
        now = timezone.now()
        meeting.approved_at, meeting.approved_by = now, acting_user
        fields += ["approved_at", "approved_by"]
        number = meeting.versions.count() + 1
        MinutesVersion.objects.create(meeting=meeting, number=number, approved_at=now, approved_by=acting_user,
                                      content=_snapshot(meeting))
    meeting.save(update_fields=fields)
    log_event(actor=acting_user, organisation=meeting.group.organisation, action="workinggroups.minutes_moved",
              obj=meeting, changes={"status": [before, status]})
    return meeting


# Changing the agenda, decisions and action items (before approval) ---------------------------------

def _lock(meeting: Meeting, version: int) -> Meeting:
    """Lock the meeting row, refuse approved or stale minutes, and bump the lock counter.

    Every change to the agenda, a decision or an action item is a change of the minutes: it
    takes the version the page was loaded with, like ``do_save_minutes``.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    try:
        meeting.lock_version = flow.check_edit(meeting.status, loaded_version=version,
                                               stored_version=meeting.lock_version)
    except flow.MinutesLocked:
        raise _locked() from None
    except flow.EditConflict:
        raise ValidationError(_("Somebody else changed these minutes in the meantime. Please reload the page "
                                "and try again."), code="conflict") from None
    meeting.save(update_fields=["lock_version"])
    return meeting


@transaction.atomic
def do_update_agenda_item(*, acting_user: User, item: AgendaItem, version: int, title: str,
                          owner: User | None = None, duration_minutes: int | None = None) -> AgendaItem:
    meeting = _lock(item.meeting, version)
    organisation = meeting.group.organisation
    _org_user(organisation, owner, "owner")
    update_fields(item, {"title": title.strip(), "owner": owner, "duration_minutes": duration_minutes},
                  actor=acting_user, organisation=organisation, action="workinggroups.agenda_item_updated",
                  **about(meeting))
    return item


def _renumber(meeting: Meeting, items: list[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def do_delete_agenda_item(*, acting_user: User, item: AgendaItem, version: int) -> None:
    """Remove an agenda item with its minutes, decisions and action items; the rest closes up."""
    meeting = _lock(item.meeting, version)
    log_deleted(item, actor=acting_user, organisation=meeting.group.organisation,
                action="workinggroups.agenda_item_removed", fields=["title", "owner", "duration_minutes", "minutes"],
                **about(meeting))
    item.delete()
    _renumber(meeting, list(meeting.items.all()))


@transaction.atomic
def do_move_agenda_item(*, acting_user: User, item: AgendaItem, version: int, direction: str) -> AgendaItem:
    """Move an agenda item one place up or down."""
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("Unknown direction.")})
    meeting = _lock(item.meeting, version)
    items = list(meeting.items.all())
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(items):
        raise ValidationError(_("This agenda item cannot move further."))
    before = [i.title for i in items]
    items[index], items[target] = items[target], items[index]
    _renumber(meeting, items)
    log_event(actor=acting_user, organisation=meeting.group.organisation, action="workinggroups.agenda_reordered",
              obj=meeting, changes={"agenda": [before, [i.title for i in items]]})
    return item


@transaction.atomic
def do_update_decision(*, acting_user: User, decision: Decision, version: int, text: str) -> Decision:
    meeting = _lock(decision.item.meeting, version)
    update_fields(decision, {"text": text.strip()}, actor=acting_user, organisation=meeting.group.organisation,
                  action="workinggroups.decision_updated", **about(meeting))
    return decision


@transaction.atomic
def do_delete_decision(*, acting_user: User, decision: Decision, version: int) -> None:
    meeting = _lock(decision.item.meeting, version)
    log_deleted(decision, actor=acting_user, organisation=meeting.group.organisation,
                action="workinggroups.decision_removed", fields=["text"], **about(meeting))
    decision.delete()


@transaction.atomic
def do_update_action_item(*, acting_user: User, action: ActionItem, version: int, title: str, owner: User | None,
                          due_date: dt.date | None) -> ActionItem:
    meeting = _lock(action.item.meeting, version)
    errors = {}
    if owner is None:
        errors["owner"] = _("Every action item needs an owner.")
    if due_date is None:
        errors["due_date"] = _("Every action item needs a due date.")
    if errors:
        raise ValidationError(errors)
    _org_user(action.organisation, owner, "owner")
    update_fields(action, {"title": title.strip(), "owner": owner, "due_date": due_date}, actor=acting_user,
                  organisation=action.organisation, action="workinggroups.action_item_updated", **about(meeting))
    return action


@transaction.atomic
def do_delete_action_item(*, acting_user: User, action: ActionItem, version: int) -> None:
    meeting = _lock(action.item.meeting, version)
    log_deleted(action, actor=acting_user, organisation=action.organisation,
                action="workinggroups.action_item_removed", fields=["title", "owner", "due_date", "status"],
                **about(meeting))
    action.delete()


@transaction.atomic
def do_add_agenda_item_from_finding(*, acting_user: User, organisation: Organisation, meeting: Meeting,
                                    source: str, source_id: str, finding_id: str) -> AgendaItem:
    """Put a finding of another module (e.g. a process step's friction) on a meeting's agenda.

    The finding is loaded through the hub; the agenda item keeps its text and, as the start of
    its minutes, where it came from.
    """
    from kosmos.core import hub

    if meeting.group.organisation_id != organisation.id:
        raise PermissionDenied
    try:
        collection = hub.collection(organisation, source, source_id)
    except (hub.HubError, ValidationError, ValueError):  # an unknown source or a malformed id
        collection = None
    finding = collection.finding(finding_id) if collection is not None else None
    if finding is None:
        raise ValidationError(_("This finding does not exist."), code="unknown_finding")
    item = do_add_agenda_item(acting_user=acting_user, meeting=meeting, title=finding.text.strip()[:200])
    origin = _("From: %(title)s") % {"title": collection.title}
    if finding.topic:
        origin += f" ({finding.topic})"
    if len(finding.text.strip()) > 200:
        origin += "\n\n" + finding.text.strip()
    item.minutes = origin
    item.save(update_fields=["minutes"])
    return item
