"""Permission rows for every URL of the working groups.

Pages that steer a group (plan meetings, approve minutes, manage members) or write its minutes
are open to the group's lead and minute-taker and to the organisation's working-group managers;
the walk uses the quality manager for them, and the adviser (who may read) gets 403.
"""

from __future__ import annotations

from kosmos.core.roles import Role
from tests.permissions.rows import OrgRow, SharedRow
from tests.workinggroups import builders

QM = Role.QUALITY_MANAGER


def _group(world) -> dict:  # noqa: ANN001
    return {"group_id": builders.group(world).public_id}


def _meeting(world) -> dict:  # noqa: ANN001
    return {"meeting_id": builders.meeting(world).public_id}


def _circulated(world) -> dict:  # noqa: ANN001
    return {"meeting_id": builders.meeting(world, status="circulated").public_id}


def _member(world) -> dict:  # noqa: ANN001
    return {"member_id": builders.group(world).members.get(user=world.staff).public_id}


def _task(world) -> dict:  # noqa: ANN001
    return {"task_id": builders.task(world).public_id}


def _item_data(prefix: str, fields: dict):  # noqa: ANN202
    def data(world) -> dict:  # noqa: ANN001
        from kosmos.workinggroups.models import Meeting

        meeting = Meeting.objects.order_by("-id").first()
        item = meeting.items.get()
        values = {k: (v(world) if callable(v) else v) for k, v in fields.items()}
        return {"item": str(item.public_id), **{f"{prefix}-{item.public_id}-{k}": v for k, v in values.items()}}

    return data


STEER = {"with_role": QM, "adviser_status": 403}

ROWS = {
    "org:workinggroup_list": OrgRow(),
    "org:workinggroup_create": OrgRow(),
    "org:workinggroup_tasks": OrgRow(),
    "org:workinggroup_task_status": OrgRow(kwargs=_task, method="post", data=lambda w: {"status": "done"},
                                           ok_status=302, adviser_status=403),
    "org:workinggroup_detail": OrgRow(kwargs=_group),
    "org:workinggroup_share": OrgRow(kwargs=_group, **STEER),
    "org:workinggroup_shared": SharedRow(obj=builders.group, kwargs=lambda group: {"group_id": group.public_id}),
    "org:workinggroup_edit": OrgRow(kwargs=_group, **STEER),
    "org:workinggroup_members": OrgRow(kwargs=_group, **STEER),
    "org:workinggroup_member_remove": OrgRow(kwargs=_member, method="post", ok_status=302, **STEER),
    "org:workinggroup_interest": OrgRow(kwargs=_group, method="post", data=lambda w: {"note": "Gern"},
                                        ok_status=302),
    "org:workinggroup_results": OrgRow(kwargs=_group),
    "org:workinggroup_series_ics": OrgRow(kwargs=_group),
    "org:workinggroup_meeting_create": OrgRow(kwargs=_group, **STEER),
    "org:workinggroup_meeting": OrgRow(kwargs=_meeting),
    "org:workinggroup_meeting_edit": OrgRow(kwargs=_meeting, **STEER),
    "org:workinggroup_agenda_add": OrgRow(kwargs=_meeting, method="post", data=lambda w: {"title": "Bericht"},
                                          ok_status=302, **STEER),
    "org:workinggroup_minutes": OrgRow(kwargs=_meeting, **STEER),
    "org:workinggroup_decision_add": OrgRow(kwargs=_meeting, method="post", ok_status=302,
                                            data=_item_data("d", {"text": "Beschluss"}), **STEER),
    "org:workinggroup_action_add": OrgRow(kwargs=_meeting, method="post", ok_status=302, **STEER,
                                          data=_item_data("a", {"title": "Aufgabe", "owner": lambda w: w.staff.pk,
                                                                "due_date": "2026-05-01"})),
    "org:workinggroup_comment": OrgRow(kwargs=_circulated, method="post", data=lambda w: {"text": "Ergänzung"},
                                       ok_status=302, adviser_status=403),
    "org:workinggroup_minutes_move": OrgRow(kwargs=_meeting, method="post", data=lambda w: {"status": "circulated"},
                                            ok_status=302, **STEER),
    "org:workinggroup_minutes_pdf": OrgRow(kwargs=_meeting),
    "org:workinggroup_meeting_ics": OrgRow(kwargs=_meeting),
}


def _agenda_item(world) -> dict:  # noqa: ANN001
    return {"item_id": builders.meeting(world).items.get().public_id}


def _decision(world) -> dict:  # noqa: ANN001
    return {"decision_id": builders.meeting(world).items.get().decisions.get().public_id}


def _version(world) -> dict:  # noqa: ANN001
    from kosmos.workinggroups.models import Meeting

    return {"version": Meeting.objects.order_by("-id").first().lock_version}


def _friction(world) -> dict:  # noqa: ANN001
    from kosmos.core import hub
    from tests.processes.builders import process_map

    found = process_map(world)
    collection = hub.collection(world.freiburg, "processes.processmap", str(found.public_id))
    return {"quelle": "processes.processmap", "objekt": str(found.public_id), "befund": collection.findings[0].id}


ROWS.update({
    "org:workinggroup_agenda_item_edit": OrgRow(kwargs=_agenda_item, **STEER),
    "org:workinggroup_agenda_item_delete": OrgRow(kwargs=_agenda_item, method="post", data=_version, ok_status=302,
                                                  **STEER),
    "org:workinggroup_agenda_item_move": OrgRow(kwargs=_agenda_item, method="post", ok_status=302, **STEER,
                                                data=lambda w: {**_version(w), "direction": "down"}),
    "org:workinggroup_decision_edit": OrgRow(kwargs=_decision, **STEER),
    "org:workinggroup_decision_delete": OrgRow(kwargs=_decision, method="post", data=_version, ok_status=302,
                                               **STEER),
    "org:workinggroup_action_edit": OrgRow(kwargs=_task, **STEER),
    "org:workinggroup_action_delete": OrgRow(kwargs=_task, method="post", data=_version, ok_status=302, **STEER),
    # The finding's address comes as posted fields here (the walk sends no query string); the
    # page shows the finding and the meeting choice, 200 without a chosen meeting.
    "org:workinggroup_agenda_from_finding": OrgRow(method="post", data=_friction),
})
