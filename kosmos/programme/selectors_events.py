"""Reads of the programme's workshops, each in a bounded number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from kosmos.core.models import Organisation, User
from kosmos.programme.models import Event, EventMaterial, Registration, RegistrationStatus

ACTIVE = ~Q(status=RegistrationStatus.CANCELLED)


def events_with_counts() -> QuerySet[Event]:
    return Event.objects.select_related("call").annotate(
        registered_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
        organisation_count=Count("registrations__organisation", distinct=True,
                                 filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
    ).order_by("starts_at", "id")


def event_or_404(event_id: str) -> Event:
    event = events_with_counts().filter(public_id=event_id).first()
    if event is None:
        raise Http404
    return event


def rooms_with_counts(event: Event) -> list:
    return list(event.rooms.annotate(
        registered_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
    ))


def participants(event: Event) -> list[Registration]:
    """Every active registration with organisation, person and room (for the office)."""
    return list(Registration.objects.filter(ACTIVE, event=event)
                .select_related("organisation", "participant", "room", "registered_by")
                .order_by("status", "organisation__name", "participant__full_name"))


@dataclass(frozen=True)
class PublicParticipant:
    """What another participant may see: the organisation, and name and e-mail only by consent."""

    organisation: str
    name: str
    email: str
    room: str


def public_participants(event: Event) -> list[PublicParticipant]:
    rows = (Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
            .select_related("organisation", "participant", "room")
            .order_by("organisation__name", "participant__full_name"))
    return [PublicParticipant(
        organisation=r.organisation.name,
        name=r.participant.get_full_name() if r.share_contact else "",
        email=r.participant.email if r.share_contact else "",
        room=r.room.title if r.room else "",
    ) for r in rows]


def organisation_registrations(event: Event, organisation: Organisation) -> list[Registration]:
    return list(Registration.objects.filter(ACTIVE, event=event, organisation=organisation)
                .select_related("participant", "room").order_by("created_at", "id"))


def own_registration(event: Event, user: User) -> Registration | None:
    return Registration.objects.filter(ACTIVE, event=event, participant=user).select_related("room").first()


def registration_or_404(organisation: Organisation, registration_id: str) -> Registration:
    registration = (Registration.objects.filter(organisation=organisation, public_id=registration_id)
                    .select_related("event", "participant", "organisation").first())
    if registration is None:
        raise Http404
    return registration


def material_or_404(event: Event, material_id: str) -> EventMaterial:
    material = event.materials.filter(public_id=material_id).first()
    if material is None:
        raise Http404
    return material


def organisation_counts(organisation: Organisation) -> dict[int, int]:
    """Active registrations of one organisation per event id (one query)."""
    rows = (Registration.objects.filter(ACTIVE, organisation=organisation)
            .values("event_id").annotate(n=Count("id")))
    return {row["event_id"]: row["n"] for row in rows}
