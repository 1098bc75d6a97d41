"""Demo of the programme office's calls: a decided call modelled on the third wave and an open call.

The third wave (seed 001) had 30 applications, 11 selected, both organisation forms, three topics,
and names no Jobcenter. The demo cannot invent 30 Jobcenters: the 16 demo Jobcenters apply
(invented project texts, no person names), 11 are selected by the balanced proposal. The committee
has four invented members (BMAS, BA, a Land, Landkreistag); the member from Bayern has a conflict of
interest with the Bavarian applications and has not scored them. Idempotent: fixed ids, get-or-create.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

from django.utils import timezone

from kosmos.core.models import Organisation, User
from kosmos.programme.models import (
    Application,
    ApplicationState,
    Call,
    CallState,
    CallTopic,
    CommitteeMember,
    Decision,
    Institution,
    Score,
)
from kosmos.programme.models.calls import CRITERIA
from kosmos.programme.selectors_committee import board

DATA = Path(__file__).resolve().parents[1] / "core" / "demo_data"
DECIDED_ID = uuid.UUID("6d1f4c52-3b1e-4d36-9a51-7e0a0c3b0a01")
OPEN_ID = uuid.UUID("6d1f4c52-3b1e-4d36-9a51-7e0a0c3b0a02")

# Invented committee members (no real person); the Land member comes from Bayern.
COMMITTEE = [
    ("gremium-bmas@kosmos.example", "Hannah Vogt", Institution.BMAS, ""),
    ("gremium-ba@kosmos.example", "Martin Scholz", Institution.BA, ""),
    ("gremium-land@kosmos.example", "Petra Lindner", Institution.STATE, "BY"),
    ("gremium-landkreistag@kosmos.example", "Ralf Kühn", Institution.LANDKREISTAG, ""),
]
# Practice profile topic fields of the third-wave topics (kosmos.practice.models.TopicField).
PROFILE_TOPICS = {"fbw": "fbw", "sprache": "language", "kanaele": "channels"}

TEXTS = {
    "fbw": ("Orientierung im FbW-Übergang",
            "Seit 2025 ist die Agentur für Arbeit für die berufliche Weiterbildung zuständig; die Übergaben "
            "zwischen Jobcenter und Agentur laufen noch uneinheitlich.",
            "Ein gemeinsamer Soll-Prozess mit der Agentur, feste Ansprechstellen und eine Checkliste für "
            "die Übergabe."),
    "sprache": ("Verständliche Briefe und wertschätzende Gespräche",
                "Kund:innen verstehen viele Schreiben nicht und rufen nach; die Beratung ist oft formal.",
                "Die zehn häufigsten Schreiben sind verständlich überarbeitet; ein Leitfaden für "
                "wertschätzende Gespräche liegt vor."),
    "kanaele": ("Zugangswege neu ordnen",
                "Telefon, E-Mail, Portal und Eingangszone sind nicht aufeinander abgestimmt.",
                "Ein Reifegrad-Check der Kommunikationskanäle, Ziele je Kanal und ein Plan für die "
                "Weiterentwicklung."),
}


def _user(email: str, name: str) -> User:
    from kosmos.core.demo import DEMO_PASSWORD

    user, created = User.objects.get_or_create(email=email, defaults={"full_name": name, "is_demo": True})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _call(public_id: uuid.UUID, topics: list[str], **values: object) -> tuple[Call, list[CallTopic]]:
    call, _ = Call.objects.update_or_create(public_id=public_id, defaults=values)
    result = []
    for position, name in enumerate(topics):
        topic, _ = CallTopic.objects.update_or_create(call=call, name=name, defaults={"position": position})
        result.append(topic)
    return call, result


def _committee(call: Call) -> list[CommitteeMember]:
    members = []
    for email, name, institution, state in COMMITTEE:
        member, _ = CommitteeMember.objects.update_or_create(
            call=call, user=_user(email, name), defaults={"institution": institution, "state": state})
        members.append(member)
    return members


def _application(call: Call, organisation: Organisation, topic: CallTopic, key: str, state: str,
                 submitted_at: dt.datetime | None) -> Application:
    title, situation, goals = TEXTS[key]
    application, _ = Application.objects.update_or_create(
        call=call, organisation=organisation,
        defaults={
            "topic": topic, "state": state, "project_title": title, "starting_situation": situation,
            "goals": goals, "approach": "Auftakt mit der Leitung, drei Workshops, Erprobung, Auswertung.",
            "transferability": "Prozessbeschreibung, Vorlagen und Erfahrungen stehen allen Jobcentern offen.",
            "strategic_relevance": "Teil der Zielplanung; die Geschäftsführung unterstützt das Vorhaben.",
            "evidence": "Vorher-nachher-Befragung und Kennzahlen zu Rückfragen.",
            "contact_role": "Qualitätsmanagement", "submitted_at": submitted_at,
        },
    )
    return application


def _scores(index: int, member_index: int) -> dict[str, int]:
    """Deterministic scores 0–4: a base quality per application, small differences per member and
    criterion; application 5 splits the committee (spread ≥ 2: "zur Diskussion")."""
    base = 4 - (index * 7 % 16) // 4  # 1..4
    values = {}
    for c_index, criterion in enumerate(CRITERIA):
        value = base + ((member_index + c_index + index) % 3) - 1
        if index == 5:
            value = 4 if member_index % 2 == 0 else 1
        values[criterion] = max(0, min(4, value))
    return values


def load_calls_demo() -> None:
    jobcenters = json.loads((DATA / "jobcenters.json").read_text(encoding="utf-8"))
    wave = json.loads((DATA / "third_wave.json").read_text(encoding="utf-8"))
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=[j["slug"] for j in jobcenters])}
    office = User.objects.filter(email="programmbuero@kosmos.example").first()
    topics = [(t["key"], t["title"]) for t in wave["topics"]]
    tz = timezone.get_current_timezone()

    decided, decided_topics = _call(
        DECIDED_ID, [title for _, title in topics],
        title="Qualitätsarbeit in Jobcentern – dritte Welle",
        summary="Interessenbekundungsverfahren der dritten Welle: Jobcenter entwickeln ein Jahr lang ein "
                "Vorhaben in einem der drei Themenfelder und teilen ihre Ergebnisse mit allen Jobcentern.",
        eligibility="Alle Jobcenter (gE und zkT); eine Bewerbung je Jobcenter.",
        state=CallState.DECIDED, deadline=dt.datetime(2024, 3, 31, 23, 59, tzinfo=tz),
        period_start=dt.date(2024, 6, 1), period_end=dt.date(2025, 5, 31),
        select_count=wave["selected"], min_ge=2, min_zkt=2, max_per_state=3, cover_topics=True,
        created_by=office,
    )
    members = _committee(decided)
    applications = []
    for index, entry in enumerate(jobcenters):
        organisation = organisations.get(entry["slug"])
        if organisation is None:
            continue
        key, _title = topics[index % len(topics)]
        application = _application(decided, organisation, decided_topics[index % len(topics)], key,
                                   ApplicationState.SUBMITTED, dt.datetime(2024, 3, 20, 10, 0, tzinfo=tz))
        applications.append((index, key, application))
        for member_index, member in enumerate(members):
            if member.state and member.state == organisation.state:
                continue  # conflict of interest: own Land
            Score.objects.update_or_create(member=member, application=application,
                                           defaults=_scores(index, member_index))
    _decide(decided, applications)

    open_call, open_topics = _call(
        OPEN_ID, ["Kund:innen beteiligen", "Gesundheit der Mitarbeitenden", "Digitale Zugänge"],
        title="Voneinander lernen – Interessenbekundung 2027",
        summary="Die vierte Welle: Jobcenter bewerben sich mit einem Vorhaben, das andere Jobcenter "
                "übernehmen können.",
        eligibility="Alle Jobcenter (gE und zkT); eine Bewerbung je Jobcenter.",
        state=CallState.OPEN,
        deadline=dt.datetime.combine(timezone.localdate() + dt.timedelta(days=60), dt.time(23, 59), tzinfo=tz),
        period_start=dt.date(2027, 6, 1), period_end=dt.date(2028, 5, 31),
        select_count=10, min_ge=2, min_zkt=1, max_per_state=3, cover_topics=True, created_by=office,
    )
    _committee(open_call)
    if "ulm" in organisations:
        _application(open_call, organisations["ulm"], open_topics[2], "kanaele", ApplicationState.SUBMITTED,
                     dt.datetime.combine(timezone.localdate(), dt.time(9, 0), tzinfo=tz))


def _decide(call: Call, applications: list[tuple[int, str, Application]]) -> None:
    """Decide as the balanced proposal says, link accepted projects to their practice profiles."""
    from kosmos.programme.services_selection import proposal

    result, _board = proposal(call, board(call))
    selected = result.selected_keys
    profiles = _profiles()
    decided_at = dt.datetime(2024, 5, 6, 12, 0, tzinfo=timezone.get_current_timezone())
    for _index, key, application in applications:
        accepted = str(application.public_id) in selected
        values = {"decision": Decision.ACCEPTED if accepted else Decision.REJECTED, "decided_at": decided_at,
                  "decision_mailed_at": decided_at,
                  "profile": profiles.get((application.organisation_id, PROFILE_TOPICS[key])) if accepted else None}
        for name, value in values.items():
            setattr(application, name, value)
        application.save(update_fields=[*values])


def _profiles() -> dict[tuple[int, str], object]:
    try:
        from kosmos.practice.models import Profile
    except ImportError:  # practice not installed
        return {}
    return {(p.organisation_id, p.topic_field): p for p in Profile.objects.filter(topic_field__in=PROFILE_TOPICS.values())}
