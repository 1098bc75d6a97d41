"""The services: members and interest, minutes with optimistic locking, the approval flow."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kosmos.core.models import AuditEvent
from kosmos.workinggroups import services
from kosmos.workinggroups.models import ActionItem, MinutesVersion
from tests.workinggroups import builders

pytestmark = pytest.mark.django_db


def test_staff_can_express_interest_once_and_joining_clears_it(world):
    group = services.do_save_group(acting_user=world.qm, organisation=world.freiburg, data={"name": "AK"})
    services.do_express_interest(acting_user=world.staff, group=group, note="Ich helfe gern")
    with pytest.raises(ValidationError, match="bereits bekundet"):
        services.do_express_interest(acting_user=world.staff, group=group)

    services.do_add_member(acting_user=world.qm, group=group, user=world.staff, role="member")

    assert not group.interests.exists()
    with pytest.raises(ValidationError, match="bereits Mitglied"):
        services.do_express_interest(acting_user=world.staff, group=group)


def test_members_are_people_of_the_organisation_or_named_guests(world):
    group = services.do_save_group(acting_user=world.qm, organisation=world.freiburg, data={"name": "AK"})
    with pytest.raises(ValidationError) as outsider:
        services.do_add_member(acting_user=world.qm, group=group, user=world.outsider, role="member")
    assert "user" in outsider.value.message_dict
    with pytest.raises(ValidationError):
        services.do_add_member(acting_user=world.qm, group=group, role="guest")
    guest = services.do_add_member(acting_user=world.qm, group=group, guest_name=" Personalrat ", role="guest")
    assert guest.display_name == "Personalrat"


def test_saving_the_minutes_bumps_the_version_and_records_the_change(world):
    meeting = builders.meeting(world)
    item = meeting.items.get()

    services.do_save_minutes(acting_user=world.assessor, meeting=meeting, version=0,
                             texts={str(item.public_id): "Pilot besprochen"}, attendees=[world.staff])

    meeting.refresh_from_db()
    assert meeting.lock_version == 1
    assert meeting.items.get().minutes == "Pilot besprochen"
    event = AuditEvent.objects.get(action="workinggroups.minutes_saved")
    assert event.changes["attendees"] == [[], ["Tara Team"]]


def test_a_stale_draft_is_refused_and_nothing_is_overwritten(world):
    meeting = builders.meeting(world)
    key = str(meeting.items.get().public_id)
    services.do_save_minutes(acting_user=world.assessor, meeting=meeting, version=0, texts={key: "Erste Fassung"})

    with pytest.raises(ValidationError, match="Jemand anderes hat dieses Protokoll gespeichert") as conflict:
        services.do_save_minutes(acting_user=world.management, meeting=meeting, version=0, texts={key: "Zweite"})

    assert conflict.value.code == "conflict"
    assert meeting.items.get().minutes == "Erste Fassung"


def test_approval_freezes_a_version_and_refuses_every_later_change(world):
    meeting = builders.meeting(world, status="circulated")
    item = meeting.items.get()
    services.do_comment(acting_user=world.staff, meeting=meeting, text="Bitte Termin ergänzen")

    services.do_move_minutes(acting_user=world.management, meeting=meeting, status="approved")

    version = MinutesVersion.objects.get(meeting=meeting)
    assert version.number == 1
    assert version.content["items"][0]["decisions"] == ["Pilot im Team U25 starten"]
    assert version.content["items"][0]["action_items"][0]["owner"] == "Tara Team"
    meeting.refresh_from_db()
    for write in (
        lambda: services.do_save_minutes(acting_user=world.management, meeting=meeting, version=meeting.lock_version,
                                         texts={str(item.public_id): "geändert"}),
        lambda: services.do_add_decision(acting_user=world.management, item=item, text="noch einer"),
        lambda: services.do_add_action_item(acting_user=world.management, item=item, title="x", owner=world.staff,
                                            due_date=dt.date(2026, 5, 1)),
        lambda: services.do_add_agenda_item(acting_user=world.management, meeting=meeting, title="Nachtrag"),
        lambda: services.do_move_minutes(acting_user=world.management, meeting=meeting, status="draft"),
    ):
        with pytest.raises(ValidationError, match="freigegeben und kann nicht mehr geändert werden"):
            write()
    assert meeting.items.get().minutes == ""


def test_comments_only_while_circulated(world):
    meeting = builders.meeting(world)
    with pytest.raises(ValidationError, match="im Umlauf"):
        services.do_comment(acting_user=world.staff, meeting=meeting, text="zu früh")


def test_every_action_item_has_an_owner_and_a_due_date(world):
    item = builders.meeting(world).items.get()
    with pytest.raises(ValidationError) as missing:
        services.do_add_action_item(acting_user=world.assessor, item=item, title="x", owner=None, due_date=None)
    assert set(missing.value.message_dict) == {"owner", "due_date"}


def test_the_owner_closes_an_action_item(world):
    task = builders.task(world)
    services.do_set_action_status(acting_user=world.staff, action=task, status="done")
    assert ActionItem.objects.get(pk=task.pk).status == "done"
    with pytest.raises(ValidationError):
        services.do_set_action_status(acting_user=world.staff, action=task, status="vielleicht")
