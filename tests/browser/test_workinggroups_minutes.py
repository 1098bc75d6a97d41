"""Arbeitskreise in the browser, at phone size: the lead plans a meeting with three agenda items,
the minute-taker writes minutes with two decisions and three action items, a member comments, the
lead approves; the owners find their tasks on the dashboard and one becomes an improvement project.
Every page on the way is axe-clean."""

from __future__ import annotations

import pytest

from kosmos.improvement.models import ActionField
from kosmos.workinggroups.models import ActionItem, Meeting
from tests.factories import PASSWORD, build_world
from tests.workinggroups import builders

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _visitor(visitor_factory, email: str):  # noqa: ANN001, ANN202
    visitor = visitor_factory()
    visitor.page.set_viewport_size(PHONE)
    visitor.login(email, PASSWORD)
    return visitor


def _submit(page, selector: str) -> None:  # noqa: ANN001
    page.click(selector)
    page.wait_for_load_state()


def test_a_meeting_from_agenda_to_approved_minutes_and_tasks(transactional_db, live_server, visitor_factory) -> None:  # noqa: ANN001
    world = build_world()
    group = builders.group(world)  # management leads, the assessor takes the minutes, staff is a member

    lead = _visitor(visitor_factory, world.management.email)
    page = lead.page
    lead.goto(f"/o/freiburg/arbeitskreise/{group.public_id}/")
    lead.assert_accessible()
    _submit(page, "main >> text=Sitzung planen")
    page.fill("#id_starts_at", "2026-03-10T09:00")
    page.fill("#id_place", "Raum 1")
    _submit(page, "main button[type=submit]")
    for title in ("Bericht", "Online-Termine", "Verschiedenes"):
        page.fill("#id_title", title)
        page.select_option("#id_owner", label=world.staff.full_name)
        _submit(page, "main >> text=Auf die Tagesordnung setzen")
    lead.assert_accessible()
    meeting = Meeting.objects.get(group=group)
    items = list(meeting.items.all())
    assert len(items) == 3

    writer = _visitor(visitor_factory, world.assessor.email)
    page = writer.page
    writer.goto(f"/o/freiburg/arbeitskreise/sitzungen/{meeting.public_id}/protokoll/")
    writer.assert_accessible()
    page.check(f"label:has-text('{world.staff.full_name}')")
    for item in items:
        page.fill(f"#id_item_{item.public_id}", f"Besprochen: {item.title}")
    _submit(page, "main >> text=Protokoll speichern")
    for item, text in ((items[0], "Bericht angenommen"), (items[1], "Pilot im Team U25 starten")):
        page.fill(f"#id_d-{item.public_id}-text", text)
        _submit(page, f"#item-{item.public_id} >> text=Beschluss festhalten")
    for number, owner in enumerate((world.staff, world.staff, world.assessor)):
        key = items[1].public_id
        page.fill(f"#id_a-{key}-title", f"Aufgabe {number + 1}")
        page.select_option(f"#id_a-{key}-owner", label=owner.full_name)
        page.fill(f"#id_a-{key}-due_date", f"2026-04-1{number}")
        _submit(page, f"#item-{key} >> text=Aufgabe hinzufügen")
    writer.assert_accessible()
    assert ActionItem.objects.filter(item__meeting=meeting).count() == 3

    meeting_url = f"/o/freiburg/arbeitskreise/sitzungen/{meeting.public_id}/"
    lead.goto(meeting_url)
    _submit(lead.page, "main >> text=In Umlauf geben")

    member = _visitor(visitor_factory, world.staff.email)
    member.goto(meeting_url)
    member.page.fill("#id_text", "Bitte den Raum für die nächste Sitzung ergänzen.")
    _submit(member.page, "main >> button:has-text('Kommentieren')")
    member.assert_accessible()

    lead.goto(meeting_url)
    _submit(lead.page, "main >> text=Protokoll freigeben")
    assert lead.page.locator("main").inner_text().count("schreibgeschützt") >= 1
    lead.assert_accessible()

    member.goto("/o/freiburg/")
    dashboard = member.page.locator("main").inner_text()
    assert "Meine Aufgaben" in dashboard and "Aufgabe 1" in dashboard and "Aufgabe 3" not in dashboard
    member.assert_accessible()

    # One action item becomes an improvement project through the hub.
    lead.goto(meeting_url)
    _submit(lead.page, "main li:has-text('Aufgabe 1') >> text=Als Verbesserungsprojekt aufgreifen")
    lead.assert_accessible()
    _submit(lead.page, "main button[type=submit]")
    assert ActionField.objects.get(source="workinggroups.meeting").findings.get().text == "Aufgabe 1"

    # The other pages of the module, at phone size, with content.
    for path in ("/o/freiburg/arbeitskreise/", "/o/freiburg/arbeitskreise/aufgaben/",
                 f"/o/freiburg/arbeitskreise/{group.public_id}/ergebnisse/",
                 f"/o/freiburg/arbeitskreise/{group.public_id}/mitglieder/",
                 f"/o/freiburg/arbeitskreise/{group.public_id}/bearbeiten/",
                 f"/o/freiburg/arbeitskreise/{group.public_id}/teilen/"):
        assert lead.goto(path) == 200, path
        lead.assert_accessible()
