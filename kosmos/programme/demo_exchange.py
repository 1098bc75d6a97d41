"""Demo of the workshops and the results report (after ``demo_calls``).

The decided demo call gets its kick-off, interim review (online, three topic rooms, about 80
participants — also from Jobcenters that were not selected, as in the report) and closing workshop
(on site, topic rooms), each with registrations and materials; the open call gets an upcoming
information workshop with seats left. Participants are memberships of demo Jobcenters with
invented role-like names (no real person) and no usable password. The report of the decided call
gets its narrative sections. Idempotent: fixed ids, get-or-create, registrations only once.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from kosmos.core.models import Membership, Organisation, User
from kosmos.programme.demo_calls import DECIDED_ID, OPEN_ID
from kosmos.programme.models import (
    Call,
    Decision,
    Event,
    EventMaterial,
    EventRoom,
    Registration,
    RegistrationStatus,
    ReportSection,
)
from kosmos.programme.report import topic_key

NAMESPACE = uuid.UUID("0b8a3c4e-6f2d-4c11-9d7e-5a1f2e3d4c5b")
EXTRA_PEOPLE = 4  # invented participants per demo Jobcenter besides its quality manager


def _id(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


def _people(organisations: list[Organisation]) -> dict[int, list[User]]:
    """Per organisation: its quality manager and a few invented colleagues (memberships)."""
    emails = {f"workshop{n}@{o.slug}.example": (o, n) for o in organisations for n in range(1, EXTRA_PEOPLE + 1)}
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    unusable = make_password(None)
    User.objects.bulk_create([
        User(email=email, full_name=f"Teilnehmende {n} ({o.name.removeprefix('Jobcenter ')})", is_demo=True,
             password=unusable)
        for email, (o, n) in emails.items() if email not in existing
    ])
    users = {u.email: u for u in User.objects.filter(email__in=[*emails, *(f"qm@{o.slug}.example" for o in organisations)])}
    members = set(Membership.objects.filter(user__in=users.values()).values_list("user_id", "organisation_id"))
    Membership.objects.bulk_create([
        Membership(user=users[email], organisation=o, role="staff")
        for email, (o, _n) in emails.items() if (users[email].id, o.id) not in members
    ])
    people = {}
    for organisation in organisations:
        found = [users.get(f"qm@{organisation.slug}.example")]
        found += [users[f"workshop{n}@{organisation.slug}.example"] for n in range(1, EXTRA_PEOPLE + 1)]
        people[organisation.id] = [u for u in found if u is not None]
    return people


def _event(name: str, call: Call | None, **values: object) -> Event:
    event, _ = Event.objects.update_or_create(public_id=_id(name), defaults={"call": call, **values})
    return event


def _rooms(event: Event, rooms: list[tuple[str, int | None]]) -> list[EventRoom]:
    result = []
    for position, (title, capacity) in enumerate(rooms):
        room, _ = EventRoom.objects.update_or_create(
            public_id=_id(f"{event.public_id}:{title}"),
            defaults={"event": event, "title": title, "capacity": capacity, "position": position})
        result.append(room)
    return result


def _register(event: Event, entries: list[tuple[Organisation, User, EventRoom | None]], *, shared_every: int = 3,
              when: dt.datetime) -> None:
    if event.registrations.exists():
        return  # idempotent: the registrations of a demo workshop are written once
    Registration.objects.bulk_create([
        Registration(event=event, organisation=organisation, participant=user, room=room,
                     status=RegistrationStatus.REGISTERED, share_contact=index % shared_every == 0,
                     registered_by=user)
        for index, (organisation, user, room) in enumerate(entries)
    ])
    event.registrations.update(created_at=when)


def _material(event: Event, title: str, url: str) -> None:
    EventMaterial.objects.update_or_create(public_id=_id(f"{event.public_id}:{title}"),
                                           defaults={"event": event, "title": title, "url": url})


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


def load_exchange_demo() -> None:
    decided = Call.objects.filter(public_id=DECIDED_ID).prefetch_related("topics").first()
    if decided is None:
        return
    applications = list(decided.applications.select_related("organisation").order_by("organisation__name"))
    accepted = [a.organisation for a in applications if a.decision == Decision.ACCEPTED]
    others = [a.organisation for a in applications if a.decision != Decision.ACCEPTED]
    people = _people(accepted + others)
    topics = list(decided.topics.order_by("position"))
    office = User.objects.filter(email="programmbuero@kosmos.example").first()
    common = {"created_by": office, "registration_open": False}

    kickoff = _event("kickoff", decided, kind="kickoff", title="Auftaktworkshop der dritten Welle",
                     description="Start in die Arbeitsphase: Vorstellung der Vorhaben, Fahrplan, erste Absprachen "
                                 "mit der Begleitung.",
                     starts_at=_at(dt.date(2024, 6, 20), 9, 30), ends_at=_at(dt.date(2024, 6, 20), 13),
                     format="online", link="https://meet.example/auftakt-welle-3", capacity=40, **common)
    _register(kickoff, [(o, p, None) for o in accepted for p in people[o.id][:2]], when=_at(dt.date(2024, 6, 1), 9))
    _material(kickoff, "Folien zum Auftakt (Demo-Link)", "https://example.org/qualitaetskosmos/auftakt-folien.pdf")

    interim = _event("interim", decided, kind="interim", title="Zwischenbilanz der dritten Welle",
                     description="Zwischenstand der Vorhaben und Austausch in Themenräumen – offen auch für "
                                 "Jobcenter, die nicht ausgewählt wurden.",
                     starts_at=_at(dt.date(2024, 12, 5), 9), ends_at=_at(dt.date(2024, 12, 5), 15),
                     format="online", link="https://meet.example/zwischenbilanz-welle-3", capacity=100, **common)
    rooms = _rooms(interim, [(t.name, 35) for t in topics])
    entries = []
    for index, organisation in enumerate(accepted + others):
        for offset, person in enumerate(people[organisation.id]):
            entries.append((organisation, person, rooms[(index + offset) % len(rooms)]))
    _register(interim, entries, when=_at(dt.date(2024, 11, 15), 10))
    _material(interim, "Dokumentation der Themenräume (Demo-Link)",
              "https://example.org/qualitaetskosmos/zwischenbilanz-dokumentation.pdf")

    closing = _event("closing", decided, kind="closing", title="Abschlussworkshop „Qualitätskosmos“",
                     description="Ergebnisse aller Vorhaben, Themenräume zum Fragenstellen und Vernetzen.",
                     starts_at=_at(dt.date(2025, 6, 26), 10), ends_at=_at(dt.date(2025, 6, 26), 16),
                     format="on_site", place="Nürnberg", capacity=80, **common)
    closing_rooms = _rooms(closing, [(t.name, 30) for t in topics])
    entries = [(o, p, closing_rooms[(i + j) % len(closing_rooms)])
               for i, o in enumerate(accepted + others) for j, p in enumerate(people[o.id][:3])]
    _register(closing, entries, when=_at(dt.date(2025, 6, 1), 10))
    _material(closing, "Fotodokumentation und Ergebnisse (Demo-Link)",
              "https://example.org/qualitaetskosmos/abschluss-ergebnisse.pdf")

    open_call = Call.objects.filter(public_id=OPEN_ID).first()
    upcoming_day = timezone.localdate() + dt.timedelta(days=28)
    info = _event("info-2027", open_call, kind="exchange", title="Infoveranstaltung zur Interessenbekundung 2027",
                  description="Das Programmbüro stellt die Ausschreibung vor; Jobcenter der dritten Welle berichten.",
                  starts_at=_at(upcoming_day, 10), ends_at=_at(upcoming_day, 12), format="online",
                  link="https://meet.example/info-2027", capacity=30, created_by=office, registration_open=True)
    _register(info, [(o, people[o.id][0], None) for o in (accepted + others)[:6] if people[o.id]],
              when=timezone.now() - dt.timedelta(days=2))

    _sections(decided, topics)


SECTIONS = {
    "introduction": "Die dritte Welle setzte den Gedanken des Voneinander-Lernens fort: Elf Jobcenter erhielten "
                    "ein Jahr lang Begleitung, ihre Ergebnisse stehen allen Jobcentern offen.\n\n"
                    "Der Bericht stellt den Verlauf dar, fasst je Themenfeld die Schlüsselerkenntnisse und "
                    "Empfehlungen zusammen und zeigt die Projektsteckbriefe.",
    "course": "Auf die Interessenbekundung folgte die Auswahl durch ein Gremium aus Bund, Bundesagentur, "
              "Ländern und Landkreistag anhand der vier Prüfkriterien. Beide Organisationsformen sind vertreten.\n\n"
              "Zur Zwischenbilanz waren auch die Jobcenter eingeladen, die nicht ausgewählt wurden; die "
              "Themenräume waren gut besucht.",
    "conclusion": "Erfolgreiche Ansätze sollten in Strukturen und Steuerungsinstrumenten verstetigt werden. "
                  "Austauschformate und die Gute-Praxis-Plattform halten das Gelernte lebendig.",
}
FINDINGS = [
    "Klare Übergaben brauchen gemeinsame Soll-Prozesse und feste Ansprechstellen auf beiden Seiten.",
    "Verständliche Schreiben senken Rückfragen; Mitarbeitende profitieren von Beispielen und Prüfhilfen.",
    "Jeder Zugangsweg braucht Ziele und Zuständigkeiten; ein Reifegrad-Check zeigt, wo anzusetzen ist.",
]


def _sections(call: Call, topics: list) -> None:
    texts = dict(SECTIONS)
    for topic, finding in zip(topics, FINDINGS, strict=False):
        texts[f"findings:{topic_key(topic.id)}"] = finding
    for key, body in texts.items():
        ReportSection.objects.get_or_create(call=call, key=key, defaults={"body": body, "version": 1})
