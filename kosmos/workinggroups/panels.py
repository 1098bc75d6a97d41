"""The dashboard panel ("my tasks") and the audit labels of the working groups."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kosmos.core.dashboard import Panel
from kosmos.workinggroups.selectors import open_tasks

ACTIONS = {
    "workinggroups.group_created": _("created a working group"),
    "workinggroups.group_updated": _("changed a working group"),
    "workinggroups.member_added": _("added a member to a working group"),
    "workinggroups.member_removed": _("removed a member from a working group"),
    "workinggroups.interest_expressed": _("expressed interest in joining a working group"),
    "workinggroups.meeting_planned": _("planned a meeting of a working group"),
    "workinggroups.meeting_updated": _("changed a meeting of a working group"),
    "workinggroups.agenda_item_added": _("added an agenda item"),
    "workinggroups.minutes_saved": _("saved minutes"),
    "workinggroups.decision_recorded": _("recorded a decision"),
    "workinggroups.action_item_added": _("added an action item"),
    "workinggroups.action_item_updated": _("changed an action item"),
    "workinggroups.minutes_commented": _("commented on minutes"),
    "workinggroups.minutes_moved": _("changed the status of minutes"),
}
OBJECT_TYPES = {
    "workinggroups.workinggroup": _("Working group"),
    "workinggroups.groupmember": _("Member of a working group"),
    "workinggroups.interest": _("Expression of interest"),
    "workinggroups.meeting": _("Meeting"),
    "workinggroups.agendaitem": _("Agenda item"),
    "workinggroups.decision": _("Decision"),
    "workinggroups.actionitem": _("Action item"),
    "workinggroups.minutescomment": _("Comment on minutes"),
}


def my_tasks_panel(request: HttpRequest) -> Panel | None:
    """The member's own open action items, soonest first (two queries at most)."""
    tasks = list(open_tasks(request.organisation, owner=request.user, limit=6))
    if not tasks:
        return None
    return Panel("workinggroups/panel.html", {
        "tasks": tasks, "org_slug": request.organisation.slug, "user_id": request.user.pk})
