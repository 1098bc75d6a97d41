"""Demo of the workshops and the results report (after ``demo_calls``).

The decided demo call gets its kick-off, interim review (online, three topic rooms, about 80
participants — also from Jobcenters that were not selected, as in the report) and closing workshop
(on site, topic rooms), each with registrations and materials; the open call gets an upcoming
information workshop with seats left. Participants are memberships of demo Jobcenters with
invented role-like names (no real person) and the documented demo password. The report of the decided call
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
    Application,
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
    from kosmos.core.demo import DEMO_PASSWORD

    password = make_password(DEMO_PASSWORD)  # hashed once: every demo account uses the documented password
    User.objects.bulk_create([
        User(email=email, full_name=f"Teilnehmende {n} ({o.name.removeprefix('Jobcenter ')})", is_demo=True,
             password=password)
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
    _second_wave()
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


# The second wave (2021–2022) of the seed report: its 16 Jobcenters are the demo Jobcenters and their
# published profiles (kosmos.practice demo) are its projects, so its results report shows all of them.
SECOND_WAVE_ID = _id("second-wave")
SECOND_WAVE_TOPICS = [("efqm", "EFQM"), ("digitalisierung", "Digitalisierung"), ("gesundheit", "Gesundheitsförderung")]
SECOND_WAVE_SECTIONS = {
    "introduction": "Im Folgeprojekt 2021 bis 2022 wurden 16 Jobcenter bei der Weiterentwicklung ihrer Qualitätsarbeit "
                    "begleitet. Die Ergebnisse stehen allen Jobcentern im Sinne des Voneinander-Lernens zur "
                    "Verfügung.",
    "course": "Im Interessenbekundungsverfahren gingen Bewerbungen von 47 Jobcentern aus 13 Bundesländern ein "
              "(39 gE, acht zkT). Ein Auswahlgremium aus BMAS, BA, Deutschem Landkreistag und drei Ländern wählte "
              "anhand der vier Prüfkriterien 16 Jobcenter aus (13 gE, drei zkT).\n\n"
              "Der Auftaktworkshop fand am 22. Juli 2021 statt. Die Zwischenbilanz im März 2022 wurde rein virtuell "
              "durchgeführt; daran nahmen rund 80 Personen teil, auch aus Jobcentern, die nicht ausgewählt wurden. "
              "Den Abschluss bildete ein Präsenz-Workshop am 13. Oktober 2022 in Nürnberg.",
    "conclusion": "Der ganzheitliche Ansatz von EFQM kann als Überschrift zu den Herausforderungen verstanden werden, "
                  "die mit Digitalisierung und Gesundheitsförderung verbunden sind. Erfolgreiche Ansätze sollten "
                  "verstetigt und Austauschformate fortgeführt werden.",
}


def _second_wave() -> None:
    """A decided call for the second wave with its 16 accepted applications, linked to the profiles."""
    import json

    from kosmos.core.demo import DATA_DIR
    from kosmos.programme.models import ApplicationState, CallTopic

    entries = json.loads((DATA_DIR / "jobcenters.json").read_text(encoding="utf-8"))
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=[e["slug"] for e in entries])}
    if not organisations:
        return
    tz = timezone.get_current_timezone()
    call, _ = Call.objects.update_or_create(public_id=SECOND_WAVE_ID, defaults={
        "title": "Folgeprojekt 2021–2022: Qualitätsarbeit in Jobcentern",
        "summary": "Zweite Welle: 16 Jobcenter entwickeln ihre Qualitätsarbeit in den Themenfeldern EFQM, "
                   "Digitalisierung und Gesundheitsförderung weiter.",
        "eligibility": "Alle Jobcenter (gE und zkT).", "state": "decided",
        "deadline": dt.datetime(2021, 4, 30, 23, 59, tzinfo=tz),
        "period_start": dt.date(2021, 7, 1), "period_end": dt.date(2022, 6, 30), "select_count": 16,
    })
    topics = {}
    for position, (key, name) in enumerate(SECOND_WAVE_TOPICS):
        topics[key], _ = CallTopic.objects.update_or_create(call=call, name=name, defaults={"position": position})
    profiles = _published_profiles(list(organisations.values()))
    decided_at = dt.datetime(2021, 6, 15, 12, 0, tzinfo=tz)
    for entry in entries:
        organisation = organisations.get(entry["slug"])
        if organisation is None:
            continue
        Application.objects.update_or_create(call=call, organisation=organisation, defaults={
            "topic": topics[entry["topic"]], "state": ApplicationState.SUBMITTED,
            "project_title": entry["topic_title"][:200], "goals": "\n".join(entry.get("goals", [])),
            "contact_role": "Qualitätsmanagement", "submitted_at": dt.datetime(2021, 4, 20, 10, 0, tzinfo=tz),
            "decision": Decision.ACCEPTED, "decided_at": decided_at, "decision_mailed_at": decided_at,
            "profile": profiles.get(organisation.id),
        })
    texts = dict(SECOND_WAVE_SECTIONS)
    for key, _name in SECOND_WAVE_TOPICS:
        texts[f"findings:{topic_key(topics[key].id)}"] = SECOND_WAVE_FINDINGS[key]
    for key, body in texts.items():
        ReportSection.objects.get_or_create(call=call, key=key, defaults={"body": body, "version": 1})


SECOND_WAVE_FINDINGS = {
    "efqm": "Eine Selbstbewertung gelingt, wenn die Leitung sie trägt und ein Qualitätsteam sie vorbereitet. "
            "Kleine, erprobte Bewertungsbögen senken die Einstiegshürde.",
    "digitalisierung": "Digitale Angebote werden genutzt, wenn Mitarbeitende sie sicher beherrschen: ein "
                       "Mindestmaß an Schulungen je Fachbereich und ein Quali-Kompass helfen.",
    "gesundheit": "Eine Wissensdatenbank mit regionalen Angeboten und ein Arbeitskreis Gesundheit machen "
                  "Gesundheitsförderung in der Beratung alltäglich.",
}


def _published_profiles(organisations: list[Organisation]) -> dict[int, object]:
    """The organisation's published profile, if the practice demo made one (practice is optional here)."""
    try:
        from kosmos.practice.selectors import published_profiles
    except ImportError:
        return {}
    return {p.organisation_id: p for p in published_profiles().filter(organisation__in=organisations)}
