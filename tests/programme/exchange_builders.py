"""Builders for the workshop, report and home-page tests (calls, events, profiles)."""

from __future__ import annotations

import datetime as dt
import io

from django.utils import timezone
from django.utils.text import slugify

from kosmos.core.models import Membership, Organisation, User
from kosmos.programme.models import (
    Application,
    ApplicationState,
    Call,
    CallState,
    CallTopic,
    Decision,
    Event,
    EventRoom,
)


def call(title: str = "Dritte Welle", state: str = CallState.DECIDED, **fields: object) -> Call:
    defaults: dict[str, object] = {
        "deadline": timezone.now() - dt.timedelta(days=200),
        "period_start": dt.date(2026, 1, 1), "period_end": dt.date(2027, 12, 31),
    }
    defaults.update(fields)
    made = Call.objects.create(title=title, state=state, **defaults)
    for position, name in enumerate(("Verständliche Sprache", "Kommunikationskanäle", "Übergang FbW")):
        CallTopic.objects.create(call=made, name=name, position=position)
    return made


def event(title: str = "Auftaktworkshop", *, days: int = 30, capacity: int | None = None, rooms: tuple = (),
          the_call: Call | None = None, **fields: object) -> Event:
    start = timezone.now() + dt.timedelta(days=days)
    made = Event.objects.create(
        title=title, call=the_call, kind=fields.pop("kind", "kickoff"), starts_at=start,
        ends_at=start + dt.timedelta(hours=4), format=fields.pop("format", "online"),
        link=fields.pop("link", "https://meet.example/auftakt"), capacity=capacity, **fields,
    )
    for position, (room_title, room_capacity) in enumerate(rooms):
        EventRoom.objects.create(event=made, title=room_title, capacity=room_capacity, position=position)
    return made


def member(organisation: Organisation, email: str, name: str, role: str = "staff") -> User:
    user = User.objects.create_user(email, "Test-Passwort-2026!", full_name=name)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def jobcenter(slug: str, name: str, **fields: object) -> Organisation:
    defaults: dict[str, object] = {"kind": "jobcenter", "form": "ge", "state": "BY", "staff_count": 150}
    defaults.update(fields)
    return Organisation.objects.create(slug=slug, name=name, **defaults)


def application(the_call: Call, organisation: Organisation, *, topic_index: int = 0,
                decision: str = Decision.ACCEPTED, profile: object = None) -> Application:
    topic = list(the_call.topics.order_by("position"))[topic_index]
    return Application.objects.create(
        call=the_call, organisation=organisation, topic=topic, state=ApplicationState.SUBMITTED,
        project_title=f"Projekt {organisation.name}", decision=decision, profile=profile,
        submitted_at=timezone.now(),
    )


def profile(organisation: Organisation, title: str, *, topic_field: str = "language", published: bool = True,
            milestones: tuple = (("2026-03", "Auftakt"), ("2027-06", "Abschluss"))):  # noqa: ANN201
    from kosmos.practice.models import Milestone, Profile

    made = Profile.objects.create(
        organisation=organisation, slug=slugify(f"{organisation.slug}-{title}")[:80], title=title,
        topic_field=topic_field, starting_situation="Ausgangslage des Projekts.",
        goals="Ziel eins\nZiel zwei", results="Ergebnis eins", lessons_learned="Früh beteiligen.",
        contact_role="Qualitätsmanagement", status="published" if published else "draft",
        visibility="platform" if published else "own",
    )
    for position, (period, milestone) in enumerate(milestones):
        Milestone.objects.create(profile=made, title=milestone, period=period, position=position)
    return made


def pdf_upload(name: str = "Protokoll.pdf"):  # noqa: ANN201
    """A small real PDF (one page) as an upload."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")
