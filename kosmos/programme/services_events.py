"""Every write of the programme's workshops: ``do_*`` functions (acting user, one transaction, audit log).

Seats are decided under a row lock on the workshop (``select_for_update``), so two people taking
the last seat at the same moment cannot both get it; the pure rules live in ``domain/seats.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import about, log_created, log_deleted, update_fields
from kosmos.core.models import Membership, Organisation, User
from kosmos.core.roles import permissions_for, platform_permissions_for
from kosmos.core.urls_absolute import absolute_url
from kosmos.programme.domain import seats
from kosmos.programme.mail import send_after_commit
from kosmos.programme.models import (
    Event,
    EventFormat,
    EventMaterial,
    EventRoom,
    Registration,
    RegistrationStatus,
)

EVENT_FIELDS = ["call", "kind", "title", "description", "starts_at", "ends_at", "format", "place", "link",
                "capacity", "registration_open"]
ROOM_FIELDS = ["title", "description", "capacity"]
MANAGE = "programme.office"
REGISTER_OTHERS = "programme.workshops_register"


def is_office(user: User) -> bool:
    return user.is_authenticated and MANAGE in platform_permissions_for(user.platform_role)


def office_organisation() -> Organisation | None:
    """The programme office's organisation: office events land in its audit log."""
    return Organisation.objects.filter(kind="programme_office").order_by("id").first()


def _require_office(user: User) -> None:
    if not is_office(user):
        raise PermissionDenied


def _clean_event(event: Event) -> None:
    errors: dict[str, str] = {}
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        errors["ends_at"] = _("The end must be after the start.")
    if event.format == EventFormat.ONLINE and not event.link and not event.place:
        errors["link"] = _("Please give the link to the online meeting.")
    if event.format == EventFormat.ON_SITE and not event.place:
        errors["place"] = _("Please give the place of the workshop.")
    if errors:
        raise ValidationError(errors)


# Workshops and rooms ----------------------------------------------------------------------------

@transaction.atomic
def do_save_event(*, acting_user: User, data: Mapping[str, Any], event: Event | None = None) -> Event:
    _require_office(acting_user)
    values = {k: data[k] for k in EVENT_FIELDS if k in data}
    if event is None:
        event = Event(created_by=acting_user, **values)
        _clean_event(event)
        event.save()
        log_created(event, actor=acting_user, organisation=office_organisation(), action="programme.event_created",
                    fields=values)
        return event
    update_fields(event, values, actor=acting_user, organisation=office_organisation(),
                  action="programme.event_changed", clean=_clean_event)
    return event


@transaction.atomic
def do_save_room(*, acting_user: User, event: Event, data: Mapping[str, Any], room: EventRoom | None = None) -> EventRoom:
    _require_office(acting_user)
    values = {k: data[k] for k in ROOM_FIELDS if k in data}
    if room is None:
        position = event.rooms.count()
        room = EventRoom.objects.create(event=event, position=position, **values)
        log_created(room, actor=acting_user, organisation=office_organisation(), action="programme.room_created",
                    fields=values)
        return room
    if room.event_id != event.id:
        raise PermissionDenied
    update_fields(room, values, actor=acting_user, organisation=office_organisation(), action="programme.room_changed")
    return room


@transaction.atomic
def do_delete_room(*, acting_user: User, room: EventRoom) -> None:
    _require_office(acting_user)
    if room.registrations.exclude(status=RegistrationStatus.CANCELLED).exists():
        raise ValidationError(_("People are registered for this topic room. Move or cancel their registrations first."))
    log_deleted(room, actor=acting_user, organisation=office_organisation(), action="programme.room_deleted",
                fields=ROOM_FIELDS)
    room.delete()


# Registrations ----------------------------------------------------------------------------------

def _membership(organisation: Organisation, user: User) -> Membership | None:
    return Membership.objects.filter(organisation=organisation, user=user).first()


def may_register_others(user: User, organisation: Organisation) -> bool:
    membership = _membership(organisation, user)
    return membership is not None and REGISTER_OTHERS in permissions_for(membership.role)


def taken_seats(event: Event) -> tuple[int, dict[int, int]]:
    """Seats taken in the workshop and per room (room id → count), in one query."""
    rows = (Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
            .values("room_id").annotate(n=Count("id")))
    per_room = {row["room_id"]: row["n"] for row in rows}
    return sum(per_room.values()), {k: v for k, v in per_room.items() if k is not None}


@transaction.atomic
def do_register(*, acting_user: User, event: Event, organisation: Organisation, participant: User,
                room: EventRoom | None = None, share_contact: bool = False) -> Registration:
    """Register a member of ``organisation`` — themselves, or a colleague by quality management."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if participant.pk != acting_user.pk and not may_register_others(acting_user, organisation):
        raise PermissionDenied
    if _membership(organisation, participant) is None:
        raise ValidationError({"participant": _("This person is not a member of the organisation.")})
    if not event.registration_open:
        raise ValidationError(_("Registration for this workshop is closed."))
    if event.ends_at <= timezone.now():
        raise ValidationError(_("This workshop is over; registration is no longer possible."))
    rooms = list(event.rooms.all())
    if room is not None and room.event_id != event.id:
        raise ValidationError({"room": _("Please choose one of the workshop's topic rooms.")})
    if rooms and room is None:
        raise ValidationError({"room": _("Please choose a topic room.")})
    if Registration.objects.filter(event=event, participant=participant).exclude(
            status=RegistrationStatus.CANCELLED).exists():
        raise ValidationError({"participant": _("This person is already registered for the workshop.")})
    event_taken, room_taken = taken_seats(event)
    status = seats.placement(
        seats.free(event.capacity, event_taken),
        seats.free(room.capacity, room_taken.get(room.id, 0)) if room is not None else None,
    )
    registration = Registration.objects.create(
        event=event, organisation=organisation, participant=participant, room=room, status=status,
        share_contact=share_contact if participant.pk == acting_user.pk else False, registered_by=acting_user,
    )
    log_created(registration, actor=acting_user, organisation=organisation, action="programme.registered",
                fields={"event": event.title, "participant": participant.get_full_name(),
                        "room": room.title if room else None, "status": status},
                object_repr=f"{event.title}: {participant.get_full_name()}")
    return registration


def may_cancel(user: User, registration: Registration) -> bool:
    return (registration.participant_id == user.pk or is_office(user)
            or may_register_others(user, registration.organisation))


@transaction.atomic
def do_cancel_registration(*, acting_user: User, registration: Registration) -> list[Registration]:
    """Cancel a registration; the waiting list moves up into the freed seats. Returns who moved up."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not may_cancel(acting_user, registration):
        raise PermissionDenied
    if registration.status == RegistrationStatus.CANCELLED:
        return []
    update_fields(registration, {"status": RegistrationStatus.CANCELLED}, actor=acting_user,
                  organisation=registration.organisation, action="programme.registration_cancelled",
                  object_repr=f"{event.title}: {registration.participant.get_full_name()}")
    return _move_up(acting_user, event)


def _move_up(acting_user: User, event: Event) -> list[Registration]:
    event_taken, room_taken = taken_seats(event)
    rooms = {room.id: seats.free(room.capacity, room_taken.get(room.id, 0)) for room in event.rooms.all()}
    waiting = list(Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
                   .select_related("participant", "organisation").order_by("created_at", "id"))
    chosen = set(seats.move_up(seats.free(event.capacity, event_taken), rooms,
                               [seats.Waiting(r.id, r.room_id) for r in waiting]))
    promoted = [r for r in waiting if r.id in chosen]
    for registration in promoted:
        update_fields(registration, {"status": RegistrationStatus.REGISTERED}, actor=acting_user,
                      organisation=registration.organisation, action="programme.registration_moved_up",
                      object_repr=f"{event.title}: {registration.participant.get_full_name()}")
        _tell_moved_up(event, registration)
    return promoted


def _tell_moved_up(event: Event, registration: Registration) -> None:
    """A short German e-mail to the person who got a seat (sent after the commit)."""
    path = reverse("org:programme_workshop", kwargs={"org_slug": registration.organisation.slug,
                                                     "event_id": event.public_id})
    context = {"event": event, "name": registration.participant.get_full_name(), "link": absolute_url(None, path)}
    send_after_commit(subject=_("A seat is free for you: %(title)s") % {"title": event.title},
                      template="programme/email/moved_up.txt", context=context,
                      recipients=[registration.participant.email])


@transaction.atomic
def do_set_share_contact(*, acting_user: User, registration: Registration, share_contact: bool) -> None:
    """Only the participant decides whether others see their name and e-mail address."""
    if registration.participant_id != acting_user.pk:
        raise PermissionDenied
    update_fields(registration, {"share_contact": share_contact}, actor=acting_user,
                  organisation=registration.organisation, action="programme.contact_consent_changed",
                  object_repr=f"{registration.event.title}: {acting_user.get_full_name()}")


@transaction.atomic
def do_update_capacity_moves(*, acting_user: User, event: Event) -> list[Registration]:
    """After the office raised seats, the waiting list moves up (called by the edit views)."""
    _require_office(acting_user)
    Event.objects.select_for_update().get(pk=event.pk)
    return _move_up(acting_user, event)


# Materials --------------------------------------------------------------------------------------

@transaction.atomic
def do_add_material(*, acting_user: User, event: Event, title: str, url: str = "", upload: Any = None,
                    file_type: str = "") -> EventMaterial:
    _require_office(acting_user)
    if not url and upload is None:
        raise ValidationError(_("Please add a link or upload a file."))
    material = EventMaterial(event=event, title=title, url=url, added_by=acting_user)
    if upload is not None:
        material.file_name = upload.name[:200]
        material.file_type = file_type
        material.file.save(upload.name, upload, save=False)
    material.save()
    log_created(material, actor=acting_user, organisation=office_organisation(), action="programme.material_added",
                fields=["title", "url", "file_name"], **about(event))
    return material


@transaction.atomic
def do_delete_material(*, acting_user: User, material: EventMaterial) -> None:
    _require_office(acting_user)
    log_deleted(material, actor=acting_user, organisation=office_organisation(), action="programme.material_deleted",
                fields=["title", "url", "file_name"], **about(material.event))
    stored = material.file.name if material.file else ""
    material.delete()
    if stored:
        storage = material.file.storage
        transaction.on_commit(lambda: storage.delete(stored))

