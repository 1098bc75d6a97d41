"""The pages: the done-when journey, the conflict message, refused edits, calendar files, PDF, tasks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from kosmos.improvement.models import ActionField, ImprovementProject
from kosmos.workinggroups.models import ActionItem, Decision, Meeting, MinutesComment
from tests.workinggroups import builders

pytestmark = pytest.mark.django_db


def _url(name: str, **kwargs: object) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


def test_lead_plans_minute_taker_writes_members_comment_lead_approves_owners_see_their_tasks(world, client_for):
    group = builders.group(world)
    lead, writer = client_for(world.management), client_for(world.assessor)

    response = lead.post(_url("workinggroup_meeting_create", group_id=group.public_id),
                         {"starts_at": "2026-03-10T09:00", "duration_minutes": "90", "place": "Raum 1"})
    meeting = Meeting.objects.get(group=group)
    assert response.status_code == 302
    for title in ("Bericht", "Online-Termine", "Verschiedenes"):
        lead.post(_url("workinggroup_agenda_add", meeting_id=meeting.public_id),
                  {"title": title, "owner": world.staff.pk, "duration_minutes": "20"})
    items = list(meeting.items.all())
    assert [i.title for i in items] == ["Bericht", "Online-Termine", "Verschiedenes"]

    minutes_url = _url("workinggroup_minutes", meeting_id=meeting.public_id)
    assert writer.get(minutes_url).status_code == 200
    response = writer.post(minutes_url, {"version": "0", "attendees": [world.staff.pk, world.assessor.pk],
                                         **{f"item_{i.public_id}": f"Notiz zu {i.title}" for i in items}})
    assert response.status_code == 302
    for item, text in ((items[0], "Bericht angenommen"), (items[1], "Pilot starten")):
        writer.post(_url("workinggroup_decision_add", meeting_id=meeting.public_id),
                    {"item": str(item.public_id), f"d-{item.public_id}-text": text})
    owners = [world.staff, world.staff, world.assessor]
    for number, owner in enumerate(owners):
        item = items[1]
        writer.post(_url("workinggroup_action_add", meeting_id=meeting.public_id), {
            "item": str(item.public_id), f"a-{item.public_id}-title": f"Aufgabe {number}",
            f"a-{item.public_id}-owner": owner.pk, f"a-{item.public_id}-due_date": f"2026-04-{10 + number}"})
    assert Decision.objects.filter(item__meeting=meeting).count() == 2
    assert ActionItem.objects.filter(item__meeting=meeting).count() == 3

    lead.post(_url("workinggroup_minutes_move", meeting_id=meeting.public_id), {"status": "circulated"})
    client_for(world.staff).post(_url("workinggroup_comment", meeting_id=meeting.public_id),
                                 {"text": "Bitte Raum ergänzen"})
    assert MinutesComment.objects.filter(meeting=meeting, author=world.staff).exists()
    lead.post(_url("workinggroup_minutes_move", meeting_id=meeting.public_id), {"status": "approved"})
    meeting.refresh_from_db()
    assert meeting.status == "approved"

    dashboard = client_for(world.staff).get(reverse("org:dashboard", kwargs={"org_slug": "freiburg"})).content.decode()
    assert "Aufgabe 0" in dashboard and "Aufgabe 1" in dashboard and "Aufgabe 2" not in dashboard
    assert "Aufgabe 2" in client_for(world.assessor).get(
        reverse("org:dashboard", kwargs={"org_slug": "freiburg"})).content.decode()

    # One action item becomes an improvement project through the hub.
    task = ActionItem.objects.get(title="Aufgabe 0")
    page = lead.get(_url("workinggroup_meeting", meeting_id=meeting.public_id)).content.decode()
    assert f"befund={task.public_id}" in page
    source = f"?quelle=workinggroups.meeting&objekt={meeting.public_id}&befund={task.public_id}"
    form = lead.get(_url("improvement_action_field_create") + source).content.decode()
    assert "Aufgabe 0" in form
    lead.post(_url("improvement_action_field_create") + source, {
        "quelle": "workinggroups.meeting", "objekt": str(meeting.public_id), "findings": [str(task.public_id)],
        "title": "Aufgabe 0", "topic_key": "digital", "status": "open"})
    field = ActionField.objects.get(source="workinggroups.meeting")
    assert field.findings.get().text == "Aufgabe 0"
    lead.post(_url("improvement_project_create") + f"?handlungsfeld={field.public_id}", {
        "title": "Aufgabe 0", "goal": "Bis Mai erledigt", "status": "planned", "working_group": group.pk})
    assert ImprovementProject.objects.get(action_field=field).working_group == group


def test_a_conflicting_save_keeps_what_was_typed_with_a_clear_message(world, client_for):
    meeting = builders.meeting(world)
    key = f"item_{meeting.items.get().public_id}"
    url = _url("workinggroup_minutes", meeting_id=meeting.public_id)
    client_for(world.management).post(url, {"version": "0", key: "Fassung der Leitung"})

    response = client_for(world.assessor).post(url, {"version": "0", key: "Mein langer Text"})

    page = response.content.decode()
    assert response.status_code == 409
    assert "Mein langer Text" in page
    assert "Jemand anderes hat dieses Protokoll gespeichert" in page
    assert meeting.items.get().minutes == "Fassung der Leitung"
    # The page now carries the current version: saving again deliberately goes through.
    assert client_for(world.assessor).post(url, {"version": "1", key: "Mein langer Text"}).status_code == 302


def test_editing_approved_minutes_is_refused_with_a_message(world, client_for):
    meeting = builders.meeting(world, status="approved")
    client = client_for(world.assessor)

    response = client.get(_url("workinggroup_minutes", meeting_id=meeting.public_id), follow=True)
    posted = client.post(_url("workinggroup_decision_add", meeting_id=meeting.public_id), {
        "item": str(meeting.items.get().public_id), f"d-{meeting.items.get().public_id}-text": "Nachtrag"}, follow=True)

    assert response.redirect_chain[-1][0].endswith(_url("workinggroup_meeting", meeting_id=meeting.public_id))
    for page in (response.content.decode(), posted.content.decode()):
        assert "freigegeben und kann nicht mehr geändert werden" in page
    assert meeting.items.get().decisions.count() == 1


def test_members_without_a_role_may_read_but_not_write_minutes(world, client_for):
    meeting = builders.meeting(world)
    staff = client_for(world.staff)
    assert staff.get(_url("workinggroup_meeting", meeting_id=meeting.public_id)).status_code == 200
    assert staff.get(_url("workinggroup_minutes", meeting_id=meeting.public_id)).status_code == 403


def test_calendar_files_of_a_meeting_and_of_the_series_parse(world, client_for):
    meeting = builders.meeting(world)
    builders.meeting(world, of=meeting.group, starts_at=dt.datetime(2026, 4, 14, 9, 0, tzinfo=dt.UTC))
    client = client_for(world.staff)

    single = client.get(_url("workinggroup_meeting_ics", meeting_id=meeting.public_id))
    series = client.get(_url("workinggroup_series_ics", group_id=meeting.group.public_id))

    assert single["Content-Type"].startswith("text/calendar")
    assert "attachment" in single["Content-Disposition"]
    event = Calendar.from_ical(single.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == meeting.starts_at
    assert str(event["uid"]) == f"{meeting.public_id}@qualitaetskosmos"
    assert str(event["location"]) == "Raum 1"
    assert len(Calendar.from_ical(series.content).walk("VEVENT")) == 2


def test_the_minutes_pdf_is_a_private_download(world, client_for):
    meeting = builders.meeting(world, status="approved")
    response = client_for(world.staff).get(_url("workinggroup_minutes_pdf", meeting_id=meeting.public_id))
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]


def test_open_tasks_filter_by_person_and_due_date(world, client_for):
    meeting = builders.meeting(world)
    from kosmos.workinggroups import services

    services.do_add_action_item(acting_user=world.assessor, item=meeting.items.get(), title="Später erledigen",
                                owner=world.assessor, due_date=dt.date(2026, 9, 30))
    client = client_for(world.staff)

    everybody = client.get(_url("workinggroup_tasks")).content.decode()
    mine = client.get(_url("workinggroup_tasks"), {"owner": world.staff.pk}).content.decode()
    soon = client.get(_url("workinggroup_tasks"), {"due_by": "2026-05-31"}).content.decode()
    bad = client.get(_url("workinggroup_tasks"), {"owner": "x", "due_by": "morgen"})

    assert "Infoblatt entwerfen" in everybody and "Später erledigen" in everybody
    assert "Infoblatt entwerfen" in mine and "Später erledigen" not in mine
    assert "Später erledigen" not in soon
    assert bad.status_code == 200


def test_the_owner_marks_a_task_done_others_may_not(world, client_for):
    task = builders.task(world)
    url = _url("workinggroup_task_status", task_id=task.public_id)
    assert client_for(world.assessor).post(url, {"status": "done"}).status_code == 403
    assert client_for(world.staff).post(url, {"status": "done"}).status_code == 302
    assert ActionItem.objects.get(pk=task.pk).status == "done"


def test_the_results_page_shows_approved_decisions_to_all_staff(world, client_for):
    approved = builders.meeting(world, status="approved")
    draft = builders.meeting(world, of=approved.group)
    Decision.objects.filter(item__meeting=draft).update(text="Noch nicht beschlossen")
    page = client_for(world.staff).get(_url("workinggroup_results", group_id=approved.group.public_id)).content.decode()
    assert "Pilot im Team U25 starten" in page
    assert "Noch nicht beschlossen" not in page


def test_a_group_shared_with_a_partner_is_read_there_and_listed(world, client_for):
    from tests.factories import share_with_partner

    approved = builders.meeting(world, status="approved")
    group = approved.group
    url = reverse("org:workinggroup_shared", kwargs={"org_slug": "loerrach", "group_id": group.public_id})
    assert client_for(world.partner_staff).get(url).status_code == 404

    share_with_partner(world, group)

    page = client_for(world.partner_staff).get(url).content.decode()
    listing = client_for(world.partner_staff).get(
        reverse("org:workinggroup_list", kwargs={"org_slug": "loerrach"})).content.decode()
    assert "Digi-Team" in page and "Pilot im Team U25 starten" in page
    assert url in listing
    assert client_for(world.outsider).get(
        reverse("org:workinggroup_shared", kwargs={"org_slug": "ulm", "group_id": group.public_id})).status_code == 404


def test_the_lead_shares_the_group_with_a_partner(world, client_for):
    group = builders.group(world)
    response = client_for(world.management).post(_url("workinggroup_share", group_id=group.public_id), {
        "visibility": "partners", "partners": [world.loerrach.pk]})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.visibility == "partners" and list(group.shared_with.all()) == [world.loerrach]


def test_the_lead_moves_a_meeting_until_its_minutes_are_approved(world, client_for):
    meeting = builders.meeting(world)
    url = _url("workinggroup_meeting_edit", meeting_id=meeting.public_id)
    lead = client_for(world.management)

    response = lead.post(url, {"starts_at": "2026-03-17T10:00", "duration_minutes": "60", "place": "Raum 2"})

    meeting.refresh_from_db()
    assert response.status_code == 302
    assert (meeting.place, meeting.duration_minutes) == ("Raum 2", 60)
    from kosmos.workinggroups import services

    services.do_move_minutes(acting_user=world.management, meeting=meeting, status="approved")
    refused = lead.post(url, {"starts_at": "2026-03-24T10:00", "duration_minutes": "60", "place": "Raum 3"},
                        follow=True)
    assert "freigegeben und kann nicht mehr geändert werden" in refused.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).place == "Raum 2"


def test_the_group_lead_may_close_tasks_of_the_group_from_the_task_page(world, client_for):
    from kosmos.workinggroups import services

    group = services.do_save_group(acting_user=world.qm, organisation=world.freiburg, data={"name": "AK"})
    services.do_add_member(acting_user=world.qm, group=group, user=world.staff, role="lead")  # no manager rights
    meeting = services.do_save_meeting(acting_user=world.staff, group=group, data={
        "starts_at": dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)})
    item = services.do_add_agenda_item(acting_user=world.staff, meeting=meeting, title="Bericht")
    task = services.do_add_action_item(acting_user=world.staff, item=item, title="Bericht schreiben",
                                       owner=world.assessor, due_date=dt.date(2026, 4, 1))
    other = builders.task(world)  # a task of a group that staff only belongs to
    url = _url("workinggroup_task_status", task_id=task.public_id)

    page = client_for(world.staff).get(_url("workinggroup_tasks")).content.decode()

    assert url in page
    assert _url("workinggroup_task_status", task_id=other.public_id) in page  # staff owns that one
    assert client_for(world.staff).post(url, {"status": "done"}).status_code == 302
    assert ActionItem.objects.get(pk=task.pk).status == "done"
