"""Changing agenda items, decisions and action items before approval; a finding put on an agenda."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kosmos.core import hub
from kosmos.core.models import AuditEvent
from kosmos.workinggroups import services
from kosmos.workinggroups.models import ActionItem, AgendaItem, Decision, Meeting
from tests.processes.builders import process_map
from tests.workinggroups import builders

pytestmark = pytest.mark.django_db

PROCESS = "processes.processmap"


def _url(name: str, **kwargs: object) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


def _three_items(world) -> Meeting:  # noqa: ANN001
    meeting = builders.meeting(world)
    for title in ("Bericht", "Verschiedenes"):
        services.do_add_agenda_item(acting_user=world.management, meeting=meeting, title=title)
    return meeting


def _titles(meeting: Meeting) -> list[str]:
    return [(i.position, i.title) for i in meeting.items.all()]


def _version(meeting: Meeting) -> int:
    return Meeting.objects.get(pk=meeting.pk).lock_version


def _friction(world) -> tuple[str, str]:  # noqa: ANN001
    found = process_map(world)
    collection = hub.collection(world.freiburg, PROCESS, str(found.public_id))
    return str(found.public_id), collection.findings[0]


def _upcoming(world, **kwargs) -> Meeting:  # noqa: ANN001, ANN003
    return builders.meeting(world, starts_at=timezone.now() + dt.timedelta(days=7), **kwargs)


# Services ----------------------------------------------------------------------------------------

def test_changing_an_agenda_item_bumps_the_version_and_is_logged(world):
    meeting = builders.meeting(world)
    item = meeting.items.get()

    services.do_update_agenda_item(acting_user=world.management, item=item, version=0, title=" Online-Termine U25 ",
                                   owner=world.assessor, duration_minutes=45)

    item.refresh_from_db()
    assert (item.title, item.owner, item.duration_minutes) == ("Online-Termine U25", world.assessor, 45)
    assert _version(meeting) == 1
    event = AuditEvent.objects.get(action="workinggroups.agenda_item_updated")
    assert event.changes["title"] == ["Online-Termine", "Online-Termine U25"]
    assert event.object_id == str(meeting.public_id)


def test_every_change_refuses_a_stale_version_and_writes_nothing(world):
    meeting = builders.meeting(world)
    item = meeting.items.get()
    decision, action = item.decisions.get(), item.action_items.get()
    services.do_update_decision(acting_user=world.assessor, decision=decision, version=0, text="Pilot in U25")

    stale = [
        lambda: services.do_update_agenda_item(acting_user=world.management, item=item, version=0, title="X"),
        lambda: services.do_delete_agenda_item(acting_user=world.management, item=item, version=0),
        lambda: services.do_move_agenda_item(acting_user=world.management, item=item, version=0, direction="down"),
        lambda: services.do_update_decision(acting_user=world.assessor, decision=decision, version=0, text="Y"),
        lambda: services.do_delete_decision(acting_user=world.assessor, decision=decision, version=0),
        lambda: services.do_update_action_item(acting_user=world.assessor, action=action, version=0, title="Z",
                                               owner=world.staff, due_date=dt.date(2026, 5, 1)),
        lambda: services.do_delete_action_item(acting_user=world.assessor, action=action, version=0),
    ]
    for write in stale:
        with pytest.raises(ValidationError, match="in der Zwischenzeit") as conflict:
            write()
        assert conflict.value.code == "conflict"

    assert _version(meeting) == 1
    assert AgendaItem.objects.get(pk=item.pk).title == "Online-Termine"
    assert Decision.objects.get(pk=decision.pk).text == "Pilot in U25"
    assert ActionItem.objects.get(pk=action.pk).title == "Infoblatt entwerfen"


def test_approved_minutes_refuse_every_change(world):
    meeting = builders.meeting(world, status="approved")
    item = meeting.items.get()
    decision, action = item.decisions.get(), item.action_items.get()
    version = meeting.lock_version

    locked = [
        lambda: services.do_update_agenda_item(acting_user=world.management, item=item, version=version, title="X"),
        lambda: services.do_delete_agenda_item(acting_user=world.management, item=item, version=version),
        lambda: services.do_move_agenda_item(acting_user=world.management, item=item, version=version,
                                             direction="up"),
        lambda: services.do_update_decision(acting_user=world.assessor, decision=decision, version=version, text="Y"),
        lambda: services.do_delete_decision(acting_user=world.assessor, decision=decision, version=version),
        lambda: services.do_update_action_item(acting_user=world.assessor, action=action, version=version, title="Z",
                                               owner=world.staff, due_date=dt.date(2026, 5, 1)),
        lambda: services.do_delete_action_item(acting_user=world.assessor, action=action, version=version),
    ]
    for write in locked:
        with pytest.raises(ValidationError, match="freigegeben"):
            write()

    assert meeting.items.get().title == "Online-Termine"
    assert Decision.objects.filter(pk=decision.pk).exists()
    assert ActionItem.objects.get(pk=action.pk).title == "Infoblatt entwerfen"


def test_removing_an_agenda_item_closes_up_the_positions(world):
    meeting = _three_items(world)
    first = meeting.items.get(title="Online-Termine")

    services.do_delete_agenda_item(acting_user=world.management, item=first, version=0)

    assert _titles(meeting) == [(1, "Bericht"), (2, "Verschiedenes")]
    assert not Decision.objects.filter(item__meeting=meeting).exists()
    assert not ActionItem.objects.filter(item__meeting=meeting).exists()
    event = AuditEvent.objects.get(action="workinggroups.agenda_item_removed")
    assert event.changes["title"] == ["Online-Termine", None]


def test_agenda_items_move_one_place_and_not_past_the_ends(world):
    meeting = _three_items(world)
    last = meeting.items.get(title="Verschiedenes")

    services.do_move_agenda_item(acting_user=world.management, item=last, version=0, direction="up")
    assert _titles(meeting) == [(1, "Online-Termine"), (2, "Verschiedenes"), (3, "Bericht")]
    services.do_move_agenda_item(acting_user=world.management, item=last, version=1, direction="up")
    assert _titles(meeting) == [(1, "Verschiedenes"), (2, "Online-Termine"), (3, "Bericht")]

    with pytest.raises(ValidationError, match="nicht weiter"):
        services.do_move_agenda_item(acting_user=world.management, item=last, version=2, direction="up")
    with pytest.raises(ValidationError):
        services.do_move_agenda_item(acting_user=world.management, item=last, version=2, direction="sideways")
    assert _version(meeting) == 2
    event = AuditEvent.objects.filter(action="workinggroups.agenda_reordered").order_by("id").last()
    assert event.changes["agenda"][1] == ["Verschiedenes", "Online-Termine", "Bericht"]


def test_decisions_and_action_items_are_changed_and_removed_with_an_audit_trail(world):
    meeting = builders.meeting(world)
    item = meeting.items.get()
    decision, action = item.decisions.get(), item.action_items.get()

    services.do_update_decision(acting_user=world.assessor, decision=decision, version=0, text=" Pilot in U25 ")
    services.do_update_action_item(acting_user=world.assessor, action=action, version=1, title="Infoblatt drucken",
                                   owner=world.management, due_date=dt.date(2026, 5, 15))
    decision.refresh_from_db()
    action.refresh_from_db()
    assert decision.text == "Pilot in U25"
    assert (action.title, action.owner, action.due_date) == ("Infoblatt drucken", world.management,
                                                             dt.date(2026, 5, 15))

    with pytest.raises(ValidationError) as outsider:
        services.do_update_action_item(acting_user=world.assessor, action=action, version=2, title="X",
                                       owner=world.outsider, due_date=dt.date(2026, 5, 15))
    assert "owner" in outsider.value.message_dict
    with pytest.raises(ValidationError) as missing:
        services.do_update_action_item(acting_user=world.assessor, action=action, version=2, title="X", owner=None,
                                       due_date=None)
    assert set(missing.value.message_dict) == {"owner", "due_date"}

    services.do_delete_decision(acting_user=world.assessor, decision=decision, version=2)
    services.do_delete_action_item(acting_user=world.assessor, action=action, version=3)
    assert not item.decisions.exists() and not item.action_items.exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"workinggroups.decision_updated", "workinggroups.action_item_updated", "workinggroups.decision_removed",
            "workinggroups.action_item_removed"} <= actions


def test_a_process_friction_becomes_an_agenda_item_with_its_origin(world):
    meeting = _upcoming(world)
    map_id, finding = _friction(world)

    item = services.do_add_agenda_item_from_finding(acting_user=world.management, organisation=world.freiburg,
                                                    meeting=meeting, source=PROCESS, source_id=map_id,
                                                    finding_id=finding.id)

    assert item.title == finding.text[:200]
    assert item.position == 2
    assert item.minutes.startswith("Aus: FbW-Übergang Freiburg")


def test_a_finding_is_refused_for_an_unknown_finding_a_foreign_meeting_or_approved_minutes(world):
    map_id, finding = _friction(world)
    meeting = _upcoming(world)
    add = services.do_add_agenda_item_from_finding

    for source, source_id, finding_id in ((PROCESS, map_id, "no-such-step"), ("nowhere.thing", map_id, finding.id),
                                          (PROCESS, "kein-uuid", finding.id)):
        with pytest.raises(ValidationError, match="Befund gibt es nicht"):
            add(acting_user=world.management, organisation=world.freiburg, meeting=meeting, source=source,
                source_id=source_id, finding_id=finding_id)
    with pytest.raises(PermissionDenied):
        add(acting_user=world.management, organisation=world.ulm, meeting=meeting, source=PROCESS,
            source_id=map_id, finding_id=finding.id)
    approved = _upcoming(world, status="approved")
    with pytest.raises(ValidationError, match="freigegeben"):
        add(acting_user=world.management, organisation=world.freiburg, meeting=approved, source=PROCESS,
            source_id=map_id, finding_id=finding.id)
    assert meeting.items.count() == 1 and approved.items.count() == 1


# Pages -------------------------------------------------------------------------------------------

def test_the_lead_changes_moves_and_removes_agenda_items_on_the_meeting_page(world, client_for):
    meeting = _three_items(world)
    lead = client_for(world.management)
    first = meeting.items.get(title="Online-Termine")
    page = lead.get(_url("workinggroup_meeting", meeting_id=meeting.public_id)).content.decode()
    assert _url("workinggroup_agenda_item_move", item_id=first.public_id) in page

    edit_url = _url("workinggroup_agenda_item_edit", item_id=first.public_id)
    assert lead.get(edit_url).status_code == 200
    response = lead.post(edit_url, {"version": "0", "title": "Online-Termine U25", "owner": world.staff.pk})
    assert response.status_code == 302
    response = lead.post(_url("workinggroup_agenda_item_move", item_id=first.public_id),
                         {"version": "1", "direction": "down"})
    assert response.status_code == 302
    assert _titles(meeting) == [(1, "Bericht"), (2, "Online-Termine U25"), (3, "Verschiedenes")]
    confirm = lead.get(_url("workinggroup_agenda_item_delete", item_id=first.public_id)).content.decode()
    assert "„Online-Termine U25“ wird mit seinem Protokolltext, seinen Beschlüssen (1) und Aufgaben (1)" in confirm
    assert _titles(meeting)[1] == (2, "Online-Termine U25")
    lead.post(_url("workinggroup_agenda_item_delete", item_id=first.public_id), {"version": "2"})
    assert _titles(meeting) == [(1, "Bericht"), (2, "Verschiedenes")]

    # The minute-taker writes minutes but does not steer the agenda.
    writer = client_for(world.assessor)
    other = meeting.items.first()
    assert writer.post(_url("workinggroup_agenda_item_delete", item_id=other.public_id),
                       {"version": "3"}).status_code == 403


def test_a_stale_page_is_refused_with_a_message_and_changes_nothing(world, client_for):
    meeting = builders.meeting(world)
    item = meeting.items.get()
    services.do_update_agenda_item(acting_user=world.management, item=item, version=0, title="Neu")
    lead = client_for(world.management)

    response = lead.post(_url("workinggroup_agenda_item_delete", item_id=item.public_id), {"version": "0"},
                         follow=True)
    assert "in der Zwischenzeit" in response.content.decode()
    assert meeting.items.exists()

    response = lead.post(_url("workinggroup_agenda_item_edit", item_id=item.public_id),
                         {"version": "0", "title": "Alt"})
    assert response.status_code == 409
    assert "in der Zwischenzeit" in response.content.decode()
    assert meeting.items.get().title == "Neu"


def test_the_minute_taker_changes_and_removes_decisions_and_action_items(world, client_for):
    meeting = builders.meeting(world)
    item = meeting.items.get()
    decision, action = item.decisions.get(), item.action_items.get()
    writer = client_for(world.assessor)
    page = writer.get(_url("workinggroup_minutes", meeting_id=meeting.public_id)).content.decode()
    assert _url("workinggroup_decision_edit", decision_id=decision.public_id) in page
    assert _url("workinggroup_action_delete", task_id=action.public_id) in page

    assert writer.get(_url("workinggroup_decision_edit", decision_id=decision.public_id)).status_code == 200
    writer.post(_url("workinggroup_decision_edit", decision_id=decision.public_id),
                {"version": "0", "text": "Pilot in U25"})
    response = writer.post(_url("workinggroup_action_edit", task_id=action.public_id),
                           {"version": "1", "title": "Infoblatt drucken", "owner": world.staff.pk,
                            "due_date": "2026-05-15"})
    assert response.status_code == 302
    assert Decision.objects.get(pk=decision.pk).text == "Pilot in U25"
    assert ActionItem.objects.get(pk=action.pk).due_date == dt.date(2026, 5, 15)

    writer.post(_url("workinggroup_decision_delete", decision_id=decision.public_id), {"version": "2"})
    writer.post(_url("workinggroup_action_delete", task_id=action.public_id), {"version": "3"})
    assert not item.decisions.exists() and not item.action_items.exists()

    staff = client_for(world.staff)  # a member without a role reads, but does not change
    assert staff.get(_url("workinggroup_decision_edit", decision_id=decision.public_id)).status_code == 404


def test_approved_minutes_send_the_edit_pages_back_with_a_message(world, client_for):
    meeting = builders.meeting(world, status="approved")
    item = meeting.items.get()
    decision, action = item.decisions.get(), item.action_items.get()
    lead = client_for(world.management)

    for url in (_url("workinggroup_agenda_item_edit", item_id=item.public_id),
                _url("workinggroup_decision_edit", decision_id=decision.public_id),
                _url("workinggroup_action_edit", task_id=action.public_id)):
        response = lead.get(url, follow=True)
        assert "freigegeben" in response.content.decode()
    response = lead.post(_url("workinggroup_action_delete", task_id=action.public_id),
                         {"version": str(meeting.lock_version)})
    assert response.status_code == 302
    assert ActionItem.objects.filter(pk=action.pk).exists()
    assert "workinggroup_agenda_item_move" not in lead.get(_url("workinggroup_meeting", meeting_id=meeting.public_id)
                                                           ).content.decode()


def test_a_done_action_item_is_reopened_from_the_meeting_page(world, client_for):
    meeting = builders.meeting(world, status="approved")
    action = meeting.items.get().action_items.get()
    owner = client_for(world.staff)
    owner.post(_url("workinggroup_task_status", task_id=action.public_id), {"status": "done"})

    page = owner.get(_url("workinggroup_meeting", meeting_id=meeting.public_id)).content.decode()
    assert "Wieder öffnen" in page
    response = owner.post(_url("workinggroup_task_status", task_id=action.public_id),
                          {"status": "open", "back": "minutes"})

    assert response["Location"].startswith(_url("workinggroup_meeting", meeting_id=meeting.public_id))
    assert ActionItem.objects.get(pk=action.pk).status == "open"


def test_the_process_map_links_a_friction_to_a_working_group_agenda(world, client_for):
    map_id, finding = _friction(world)
    meeting = _upcoming(world)
    lead = client_for(world.management)

    detail = lead.get(reverse("org:process_detail", kwargs={"org_slug": "freiburg", "map_id": map_id}))
    query = f"?quelle={PROCESS}&objekt={map_id}&befund={finding.id}"
    url = _url("workinggroup_agenda_from_finding") + query
    assert url.replace("&", "&amp;") in detail.content.decode()

    page = lead.get(url)
    assert page.status_code == 200
    assert finding.text in page.content.decode()
    response = lead.post(url, {"meeting": str(meeting.public_id)})

    assert response.status_code == 302
    assert meeting.items.last().title == finding.text[:200]


def test_the_finding_page_answers_404_for_unknown_findings_and_refuses_foreign_meetings(world, client_for):
    map_id, finding = _friction(world)
    lead = client_for(world.management)
    base = _url("workinggroup_agenda_from_finding")
    for query in (f"?quelle=nowhere.thing&objekt={map_id}&befund={finding.id}",
                  f"?quelle={PROCESS}&objekt=kein-uuid&befund={finding.id}",
                  f"?quelle={PROCESS}&objekt={map_id}&befund=no-such-step",
                  f"?quelle={PROCESS}&objekt={map_id}", ""):
        assert lead.get(base + query).status_code == 404, query

    foreign_group = services.do_save_group(acting_user=world.qm, organisation=world.ulm, data={"name": "AK Ulm"})
    foreign = services.do_save_meeting(acting_user=world.qm, group=foreign_group, data={
        "starts_at": timezone.now() + dt.timedelta(days=3), "duration_minutes": 60})
    approved = _upcoming(world, status="approved")
    url = base + f"?quelle={PROCESS}&objekt={map_id}&befund={finding.id}"
    for meeting in (foreign, approved):
        response = lead.post(url, {"meeting": str(meeting.public_id)})
        assert response.status_code == 200
        assert str(meeting.public_id) not in response.content.decode()
    assert not foreign.items.exists() and approved.items.count() == 1
