"""Workshop services: registration, waiting list, topic rooms, cancellation, consent, materials."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kosmos.core.models import AuditEvent
from kosmos.programme import selectors_events as selectors
from kosmos.programme import services_events as services
from kosmos.programme.models import Registration, RegistrationStatus
from tests.programme import exchange_builders as build

pytestmark = pytest.mark.django_db

REGISTERED, WAITING, CANCELLED = RegistrationStatus.REGISTERED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED


@pytest.fixture(autouse=True)
def _german():  # noqa: ANN202
    with translation.override("de"):
        yield


def _register(user, organisation, event, participant=None, **kwargs):  # noqa: ANN001, ANN202
    return services.do_register(acting_user=user, event=event, organisation=organisation,
                                participant=participant or user, **kwargs)


def test_the_kickoff_fills_then_the_waiting_list_moves_up_when_someone_cancels(world):
    event = build.event(capacity=2)
    first = _register(world.staff, world.freiburg, event)
    second = _register(world.outsider, world.ulm, event)
    third = _register(world.partner, world.loerrach, event)
    assert [first.status, second.status, third.status] == [REGISTERED, REGISTERED, WAITING]

    moved = services.do_cancel_registration(acting_user=world.outsider, registration=second)

    assert [r.pk for r in moved] == [third.pk]
    third.refresh_from_db()
    assert third.status == REGISTERED
    assert AuditEvent.objects.filter(action="programme.registration_moved_up", organisation=world.loerrach).count() == 1
    assert AuditEvent.objects.filter(action="programme.registration_cancelled", organisation=world.ulm).count() == 1


def test_the_person_who_moves_up_gets_a_german_e_mail_after_the_commit(world, django_capture_on_commit_callbacks,
                                                                       mailoutbox):
    event = build.event(title="Zwischenbilanz", capacity=1)
    first = _register(world.staff, world.freiburg, event)
    _register(world.outsider, world.ulm, event)
    with django_capture_on_commit_callbacks(execute=True):
        services.do_cancel_registration(acting_user=world.staff, registration=first)
    [mail] = mailoutbox
    assert mail.to == ["qm-ulm@test.example"] and "Zwischenbilanz" in mail.subject
    assert "Warteliste" in mail.body and "/o/ulm/programm/workshops/" in mail.body


def test_quality_management_registers_a_colleague_but_staff_cannot_register_others(world):
    event = build.event()
    registration = _register(world.qm, world.freiburg, event, participant=world.staff)
    assert registration.registered_by == world.qm and registration.participant == world.staff
    with pytest.raises(PermissionDenied):
        _register(world.staff, world.freiburg, event, participant=world.assessor)
    with pytest.raises(ValidationError, match="nicht zur Organisation"):
        _register(world.qm, world.freiburg, event, participant=world.outsider)


def test_a_topic_room_must_be_chosen_and_a_full_room_means_waiting_even_with_seats_left(world):
    event = build.event(capacity=50, rooms=(("Sprache", 1), ("Kanäle", None)))
    language, channels = list(event.rooms.order_by("position"))
    with pytest.raises(ValidationError) as missing:
        _register(world.staff, world.freiburg, event)
    assert "Themenraum" in str(missing.value)
    assert _register(world.staff, world.freiburg, event, room=language).status == REGISTERED
    assert _register(world.outsider, world.ulm, event, room=language).status == WAITING
    assert _register(world.partner, world.loerrach, event, room=channels).status == REGISTERED


def test_nobody_registers_twice_but_may_register_again_after_cancelling(world):
    event = build.event()
    registration = _register(world.staff, world.freiburg, event)
    with pytest.raises(ValidationError, match="bereits für den Workshop angemeldet"):
        _register(world.staff, world.freiburg, event)
    services.do_cancel_registration(acting_user=world.staff, registration=registration)
    again = _register(world.staff, world.freiburg, event)
    assert again.status == REGISTERED
    assert Registration.objects.filter(event=event, participant=world.staff).count() == 2


def test_closed_or_past_workshops_refuse_registrations_with_german_messages(world):
    closed = build.event(registration_open=False)
    with pytest.raises(ValidationError, match="Anmeldung .* geschlossen"):
        _register(world.staff, world.freiburg, closed)
    past = build.event(days=-3)
    with pytest.raises(ValidationError, match="vorbei"):
        _register(world.staff, world.freiburg, past)


def test_only_the_participant_decides_to_show_their_contact_data(world):
    event = build.event()
    by_colleague = _register(world.qm, world.freiburg, event, participant=world.staff, share_contact=True)
    assert by_colleague.share_contact is False  # QM cannot agree on the colleague's behalf
    own = _register(world.outsider, world.ulm, event, share_contact=True)
    with pytest.raises(PermissionDenied):
        services.do_set_share_contact(acting_user=world.qm, registration=by_colleague, share_contact=True)

    shown = {p.organisation: (p.name, p.email) for p in selectors.public_participants(event)}
    assert shown["Jobcenter Freiburg"] == ("", "")
    assert shown["Jobcenter Ulm"] == ("Otto Ulm", "qm-ulm@test.example")
    services.do_set_share_contact(acting_user=world.outsider, registration=own, share_contact=False)
    assert {p.name for p in selectors.public_participants(event)} == {""}


def test_only_the_participant_their_quality_management_or_the_office_cancel(world):
    event = build.event()
    registration = _register(world.staff, world.freiburg, event)
    with pytest.raises(PermissionDenied):
        services.do_cancel_registration(acting_user=world.assessor, registration=registration)
    with pytest.raises(PermissionDenied):
        services.do_cancel_registration(acting_user=world.outsider, registration=registration)
    services.do_cancel_registration(acting_user=world.programme, registration=registration)
    registration.refresh_from_db()
    assert registration.status == CANCELLED


def test_raising_the_seats_moves_the_waiting_list_up(world):
    event = build.event(capacity=1)
    _register(world.staff, world.freiburg, event)
    waiting = _register(world.outsider, world.ulm, event)
    data = {"capacity": 2}
    services.do_save_event(acting_user=world.programme, event=event, data=data)
    moved = services.do_update_capacity_moves(acting_user=world.programme, event=event)
    assert [r.pk for r in moved] == [waiting.pk]
    assert AuditEvent.objects.filter(action="programme.event_changed", changes__capacity=[1, 2]).exists()


def test_the_office_alone_sets_up_workshops_and_bad_dates_or_places_are_refused(world):
    start = build.event().starts_at
    data = {"title": "Zwischenbilanz", "kind": "interim", "starts_at": start, "ends_at": start, "format": "on_site",
            "place": ""}
    with pytest.raises(PermissionDenied):
        services.do_save_event(acting_user=world.qm, data=data)
    with pytest.raises(ValidationError) as refused:
        services.do_save_event(acting_user=world.programme, data=data)
    assert set(refused.value.message_dict) == {"ends_at", "place"}
    assert "nach dem Beginn" in refused.value.message_dict["ends_at"][0]


def test_a_room_with_registrations_cannot_be_removed(world):
    event = build.event(rooms=(("Sprache", None),))
    room = event.rooms.get()
    _register(world.staff, world.freiburg, event, room=room)
    with pytest.raises(ValidationError, match="angemeldet"):
        services.do_delete_room(acting_user=world.programme, room=room)


def test_materials_need_a_link_or_a_file_and_are_logged(world):
    event = build.event(days=-1)
    with pytest.raises(ValidationError):
        services.do_add_material(acting_user=world.programme, event=event, title="Folien")
    material = services.do_add_material(acting_user=world.programme, event=event, title="Folien",
                                        upload=build.pdf_upload(), file_type="pdf")
    assert material.file_name == "Protokoll.pdf" and material.file.name.endswith(".pdf")
    assert "Protokoll" not in material.file.name  # stored under an unguessable name
    services.do_delete_material(acting_user=world.programme, material=material)
    logged = AuditEvent.objects.filter(action__startswith="programme.material", object_id=str(event.public_id))
    assert list(logged.order_by("id").values_list("action", flat=True)) == [
        "programme.material_added", "programme.material_deleted"]
