"""Workshop pages: a Jobcenter registers (also one outside the programme), sees organisations but
no contact data without consent, downloads the calendar file and the materials; the office sets
up a workshop with topic rooms and exports the participant list."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from openpyxl import load_workbook

from kosmos.programme import services_events as services
from kosmos.programme.models import Event, Registration, RegistrationStatus
from tests.programme import exchange_builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german():  # noqa: ANN202
    with translation.override("de"):
        yield


def _org(name: str, org: str = "freiburg", **kwargs: object) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": org, **kwargs})


def test_the_office_sets_up_a_workshop_with_a_topic_room_and_a_jobcenter_registers_for_it(world, client_for):
    office = client_for(world.programme)
    response = office.post(reverse("programme_event_create"), {
        "title": "Zwischenbilanz", "kind": "interim", "starts_at": "2031-03-15T09:30", "ends_at": "2031-03-15T13:00",
        "format": "online", "link": "https://meet.example/zwischenbilanz", "capacity": "80",
        "registration_open": "on",
    })
    event = Event.objects.get(title="Zwischenbilanz")
    assert response.status_code == 302 and response["Location"] == reverse(
        "programme_event_detail", kwargs={"event_id": event.public_id})
    office.post(reverse("programme_event_room_add", kwargs={"event_id": event.public_id}),
                {"title": "Verständliche Sprache", "capacity": "20"})
    room = event.rooms.get()

    staff = client_for(world.staff)
    page = staff.get(_org("programme_workshop", event_id=event.public_id))
    assert "Verständliche Sprache" in page.content.decode()
    assert "https://meet.example/zwischenbilanz" not in page.content.decode()  # link only once registered
    response = staff.post(_org("programme_workshop_register", event_id=event.public_id), {"room": room.pk})
    assert response.status_code == 302
    assert Registration.objects.get(event=event).participant == world.staff
    assert "https://meet.example/zwischenbilanz" in staff.get(
        _org("programme_workshop", event_id=event.public_id)).content.decode()


def test_a_registration_without_a_room_keeps_the_form_with_a_german_message(world, client_for):
    event = build.event(rooms=(("Sprache", None), ("Kanäle", None)))
    response = client_for(world.staff).post(_org("programme_workshop_register", event_id=event.public_id), {})
    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert not Registration.objects.exists()


def test_other_participants_see_the_organisation_but_contact_data_only_by_consent(world, client_for):
    event = build.event()
    services.do_register(acting_user=world.outsider, event=event, organisation=world.ulm, participant=world.outsider)
    services.do_register(acting_user=world.partner, event=event, organisation=world.loerrach,
                         participant=world.partner, share_contact=True)
    html = client_for(world.staff).get(_org("programme_workshop", event_id=event.public_id)).content.decode()
    assert "Jobcenter Ulm" in html and "Otto Ulm" not in html and "qm-ulm@test.example" not in html
    assert "Lotte Lörrach" in html and "qm-loerrach@test.example" in html


def test_quality_management_registers_a_colleague_from_the_page(world, client_for):
    event = build.event(capacity=1)
    qm = client_for(world.qm)
    assert qm.post(_org("programme_workshop_register", event_id=event.public_id),
                   {"participant": world.staff.pk}).status_code == 302
    qm.post(_org("programme_workshop_register", event_id=event.public_id), {"participant": world.assessor.pk})
    statuses = dict(Registration.objects.values_list("participant__email", "status"))
    assert statuses == {"team@test.example": RegistrationStatus.REGISTERED,
                        "bewertung@test.example": RegistrationStatus.WAITING}


def test_the_calendar_file_names_the_workshop_and_gives_the_link_only_to_registered_people(world, client_for):
    event = build.event(title="Auftakt Welle 3")
    services.do_register(acting_user=world.staff, event=event, organisation=world.freiburg, participant=world.staff)
    url = _org("programme_workshop_ics", event_id=event.public_id)

    own = Calendar.from_ical(client_for(world.staff).get(url).content).walk("VEVENT")[0]
    other = Calendar.from_ical(client_for(world.assessor).get(url).content).walk("VEVENT")[0]

    assert str(own["SUMMARY"]) == "Auftakt Welle 3" and str(own["LOCATION"]) == "https://meet.example/auftakt"
    assert "LOCATION" not in other
    assert own["UID"] == other["UID"]


def test_materials_reach_every_jobcenter_after_the_workshop(world, client_for):
    event = build.event(days=-2)
    material = services.do_add_material(acting_user=world.programme, event=event, title="Folien",
                                        upload=build.pdf_upload("Folien Zwischenbilanz.pdf"), file_type="pdf")
    response = client_for(world.outsider).get(
        _org("programme_workshop_material", org="ulm", event_id=event.public_id, material_id=material.public_id))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"


def test_a_damaged_upload_is_refused_with_a_german_message(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    event = build.event(days=-2)
    fake = SimpleUploadedFile("folien.pdf", b"%PDF-1.4 this is not a pdf", content_type="application/pdf")
    response = client_for(world.programme).post(
        reverse("programme_event_material_add", kwargs={"event_id": event.public_id}), {"title": "Folien", "file": fake})
    assert response.status_code == 400
    assert "Die PDF-Datei lässt sich nicht lesen" in response.content.decode()
    assert not event.materials.exists()


def test_the_participant_list_for_the_office_has_one_row_per_registration(world, client_for):
    event = build.event(capacity=1)
    services.do_register(acting_user=world.staff, event=event, organisation=world.freiburg, participant=world.staff)
    services.do_register(acting_user=world.outsider, event=event, organisation=world.ulm, participant=world.outsider)
    response = client_for(world.programme).get(
        reverse("programme_event_participants_xlsx", kwargs={"event_id": event.public_id}))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 3
    assert {(r[0], r[3], r[4]) for r in rows[1:]} == {("Jobcenter Freiburg", "Tara Team", "team@test.example"),
                                                      ("Jobcenter Ulm", "Otto Ulm", "qm-ulm@test.example")}


def _queries(client, url: str) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_workshop_pages_run_the_same_number_of_queries_with_more_workshops_and_registrations(world, client_for):
    staff, office = client_for(world.staff), client_for(world.programme)
    event = build.event(rooms=(("Sprache", None),))
    room = event.rooms.get()
    detail = _org("programme_workshop", event_id=event.public_id)
    office_detail = reverse("programme_event_detail", kwargs={"event_id": event.public_id})
    before = [_queries(staff, _org("programme_workshops")), _queries(staff, detail),
              _queries(office, reverse("programme_event_list")), _queries(office, office_detail)]
    for index in range(6):
        build.event(title=f"Austausch {index}")
        org = build.jobcenter(f"jc-{index}", f"Jobcenter {index}")
        person = build.member(org, f"p{index}@test.example", f"Person {index}")
        services.do_register(acting_user=person, event=event, organisation=org, participant=person, room=room,
                             share_contact=index % 2 == 0)
    after = [_queries(staff, _org("programme_workshops")), _queries(staff, detail),
             _queries(office, reverse("programme_event_list")), _queries(office, office_detail)]
    assert after == before


def test_the_dashboard_shows_workshops_open_for_registration_and_nothing_without_them(world, client_for):
    client = client_for(world.staff)
    dashboard = reverse("org:dashboard", kwargs={"org_slug": "freiburg"})
    assert "Workshops mit offener Anmeldung" not in client.get(dashboard).content.decode()
    event = build.event(title="Austausch Verständliche Sprache")
    build.event(title="Geschlossen", registration_open=False)
    services.do_register(acting_user=world.staff, event=event, organisation=world.freiburg, participant=world.staff)
    html = client.get(dashboard).content.decode()
    assert "Workshops mit offener Anmeldung" in html and "Austausch Verständliche Sprache" in html
    assert "1 Anmeldung aus Ihrem Jobcenter" in html and "Geschlossen" not in html
