"""Demo data of the working groups (invented people only): Ulm's "Arbeitskreis Digitalisierung"
with nine meetings from January to September 2022 and their minutes, Garmisch-Partenkirchen's
"Arbeitskreis Gesundheit" with its framework concept and three meetings, and Anhalt-Bitterfeld's
Qualitätsteam. Idempotent: a group that exists already is left alone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from kosmos.core.models import Organisation, User
from kosmos.core.roles import Role
from kosmos.workinggroups import services
from kosmos.workinggroups.models import MinutesStatus, WorkingGroup

BERLIN = ZoneInfo("Europe/Berlin")

ULM_PEOPLE = [("digi1@ulm.example", "Jonas Berger"), ("digi2@ulm.example", "Aylin Demir"),
              ("digi3@ulm.example", "Paul Schreiber")]
GAP_PEOPLE = [("gesundheit1@garmisch-partenkirchen.example", "Sabine Huber"),
              ("gesundheit2@garmisch-partenkirchen.example", "Florian Maier")]
ABI_PEOPLE = [("qualitaet1@anhalt-bitterfeld.example", "Kerstin Lange"),
              ("qualitaet2@anhalt-bitterfeld.example", "Mehmet Arslan")]

# Ulm: one meeting a month, the topics the Digi-Team worked through (agenda, minutes, decision, task).
ULM_MEETINGS = [
    ("Auftakt und Rahmen", "Ziele des Arbeitskreises geklärt; Bestandsaufnahme der digitalen Zugänge vereinbart.",
     "Der Arbeitskreis trifft sich monatlich für 90 Minuten.", "Bestandsaufnahme der Online-Zugänge erstellen"),
    ("Bestandsaufnahme", "Die Übersicht zeigt: jobcenter.digital ist wenig bekannt, Termine werden telefonisch vergeben.",
     "Schwerpunkt 2022: Bekanntheit von jobcenter.digital erhöhen.", "Infoblatt in verständlicher Sprache entwerfen"),
    ("Infoblatt", "Entwurf besprochen, Rückmeldungen der Eingangszone eingearbeitet.",
     "Das Infoblatt wird in allen Wartebereichen ausgelegt.", "Druck und Verteilung des Infoblatts organisieren"),
    ("Digi-Lotsen", "Idee: je Team eine Ansprechperson für digitale Fragen.",
     "In jedem Team wird ein Digi-Lotse benannt.", "Digi-Lotsen in den Teams benennen lassen"),
    ("Schulung der Digi-Lotsen", "Inhalte der Schulung abgestimmt; zwei Termine geplant.",
     "Die Schulung dauert einen halben Tag.", "Schulungsunterlagen erstellen"),
    ("Online-Terminvergabe", "Pilot der Online-Terminvergabe im Team U25 vorbereitet.",
     "Pilot startet im Juli im Team U25.", "Pilot im Team U25 begleiten"),
    ("Zwischenbilanz", "Anteil der Online-Anliegen gestiegen; Rückmeldungen der Kund:innen überwiegend positiv.",
     "Der Pilot wird auf zwei weitere Teams ausgeweitet.", "Ausweitung mit den Teamleitungen abstimmen"),
    ("Barrierefreiheit", "Hinweise der Schwerbehindertenvertretung besprochen.",
     "Das Infoblatt erscheint zusätzlich in Leichter Sprache.", "Fassung in Leichter Sprache beauftragen"),
    ("Ergebnisse und Verstetigung", "Rückblick auf neun Sitzungen; der Arbeitskreis wird als Digi-Team verstetigt.",
     "Das Digi-Team trifft sich ab Oktober vierteljährlich.", "Ergebnisse in der Dienstbesprechung vorstellen"),
]

GAP_CONCEPT = {
    "name": "Arbeitskreis Gesundheit", "topic": "health",
    "purpose": "Gesundheitsorientierung in der Beratung stärken; Bedarfe der Kund:innen werden regelmäßig durch "
               "den Arbeitskreis erhoben.",
    "mandate": "Beauftragt durch die Geschäftsführung; schlägt Maßnahmen vor, die Leitung entscheidet.",
    "responsibilities": "Leitung: Moderation und Agenda. Protokoll: abwechselnd. Mitglieder: Rückkopplung in die Teams.",
    "decision_rules": "Beschlüsse mit einfacher Mehrheit der Anwesenden; bei Stimmengleichheit entscheidet die Leitung.",
    "meeting_rhythm": "alle sechs Wochen, mit Agenda für jedes Treffen",
}
GAP_MEETINGS = [
    (dt.datetime(2022, 3, 8, 10, 0), "Rahmenkonzept", "Rahmenkonzept beraten und beschlossen.",
     "Das Rahmenkonzept gilt ab sofort.", "Rahmenkonzept an alle Teams senden"),
    (dt.datetime(2022, 4, 19, 10, 0), "Bedarfserhebung", "Fragen zur Gesundheit für die Beratungsgespräche gesammelt.",
     "Bedarfe werden quartalsweise erhoben.", "Erhebungsbogen abstimmen"),
    (dt.datetime(2022, 5, 31, 10, 0), "Angebote in der Region", "Angebote der Krankenkassen und Vereine zusammengetragen.",
     "Eine Angebotsübersicht wird im Intranet gepflegt.", "Angebotsübersicht anlegen"),
]


def _person(email: str, name: str, organisation: Organisation) -> User:
    from kosmos.core.demo import _member, _user  # the core demo's own helpers (invented people)

    user = _user(email, name)
    _member(user, organisation, Role.STAFF)
    return user


def _meeting(group: WorkingGroup, lead: User, starts_at: dt.datetime, items: list[tuple[str, User, str]],
             decision: str, task: tuple[str, User, dt.date], status: str, attendees: list[User],
             task_done: bool) -> None:
    meeting = services.do_save_meeting(acting_user=lead, group=group, data={
        "starts_at": starts_at.replace(tzinfo=BERLIN), "duration_minutes": 90, "place": "Besprechungsraum 1"})
    created = [services.do_add_agenda_item(acting_user=lead, meeting=meeting, title=title, owner=owner,
                                           duration_minutes=30) for title, owner, _text in items]
    services.do_save_minutes(acting_user=lead, meeting=meeting, version=0, attendees=attendees,
                             texts={str(item.public_id): text for item, (_t, _o, text) in zip(created, items, strict=True)})
    services.do_add_decision(acting_user=lead, item=created[0], text=decision)
    action = services.do_add_action_item(acting_user=lead, item=created[0], title=task[0], owner=task[1],
                                         due_date=task[2])
    if task_done:
        services.do_set_action_status(acting_user=lead, action=action, status="done")
    if status != MinutesStatus.DRAFT:
        services.do_move_minutes(acting_user=lead, meeting=meeting, status=status)


def _group(organisation: Organisation, lead: User, data: dict, members: list[tuple[User, str]]) -> WorkingGroup | None:
    if WorkingGroup.objects.filter(organisation=organisation, name=data["name"]).exists():
        return None
    group = services.do_save_group(acting_user=lead, organisation=organisation, data=data)
    for user, role in members:
        services.do_add_member(acting_user=lead, group=group, user=user, role=role)
    return group


def _ulm(organisation: Organisation) -> None:
    lead = User.objects.get(email="qm@ulm.example")
    writer = User.objects.get(email="team@ulm.example")
    people = [_person(e, n, organisation) for e, n in ULM_PEOPLE]
    group = _group(organisation, lead, {
        "name": "Arbeitskreis Digitalisierung", "topic": "digital",
        "purpose": "Digitale Zugänge des Jobcenters bekannt machen und verbessern (Digi-Team).",
        "mandate": "Beauftragt durch die Geschäftsführung für 2022.",
        "responsibilities": "Leitung: Qualitätsmanagement. Protokoll: Lara Winter.",
        "decision_rules": "Beschlüsse im Konsens der Anwesenden.",
        "meeting_rhythm": "monatlich, 90 Minuten",
        "results": "Neun Sitzungen in neun Monaten: Infoblatt (auch in Leichter Sprache), Digi-Lotsen in allen Teams, "
                   "Online-Terminvergabe im Pilot und verstetigt als Digi-Team.",
    }, [(lead, "lead"), (writer, "minute_taker"), *((p, "member") for p in people)])
    if group is None:
        return
    everybody = [lead, writer, *people]
    for month, (title, text, decision, task) in enumerate(ULM_MEETINGS, start=1):
        owner = people[month % len(people)]
        last = month == len(ULM_MEETINGS)
        _meeting(group, lead, dt.datetime(2022, month, 12, 9, 0),
                 [(title, owner, text), ("Verschiedenes", lead, "Keine weiteren Themen.")],
                 decision, (task, owner, dt.date(2022, month, 28) + dt.timedelta(days=30)),
                 MinutesStatus.CIRCULATED if last else MinutesStatus.APPROVED, everybody[: 3 + month % 3],
                 task_done=not last)


def _garmisch(organisation: Organisation) -> None:
    lead = User.objects.get(email="qm@garmisch-partenkirchen.example")
    people = [_person(e, n, organisation) for e, n in GAP_PEOPLE]
    group = _group(organisation, lead, GAP_CONCEPT, [(lead, "lead"), (people[0], "minute_taker"), (people[1], "member")])
    if group is None:
        return
    services.do_add_member(acting_user=lead, group=group, guest_name="Vertretung der AOK Bayern", role="guest")
    for index, (starts_at, title, text, decision, task) in enumerate(GAP_MEETINGS):
        _meeting(group, lead, starts_at, [(title, lead, text)], decision,
                 (task, people[index % 2], (starts_at + dt.timedelta(days=28)).date()),
                 MinutesStatus.APPROVED, [lead, *people], task_done=index < 2)


def _anhalt_bitterfeld(organisation: Organisation) -> None:
    lead = User.objects.get(email="qm@anhalt-bitterfeld.example")
    people = [_person(e, n, organisation) for e, n in ABI_PEOPLE]
    group = _group(organisation, lead, {
        "name": "Qualitätsteam", "topic": "efqm",
        "purpose": "Steuert die EFQM-Selbstbewertung und verfolgt die Verbesserungsprojekte.",
        "decision_rules": "Beschlüsse im Konsens; offene Fragen entscheidet die Geschäftsführung.",
        "meeting_rhythm": "monatlich",
    }, [(lead, "lead"), (people[0], "minute_taker"), (people[1], "member")])
    if group is None:
        return
    _meeting(group, lead, dt.datetime(2022, 10, 6, 13, 0),
             [("Stand der Selbstbewertung", lead, "Alle Kriterien sind bewertet; Konsensrunde im November."),
              ("Kommunikation an die Belegschaft", people[1], "Aushang und Beitrag im Intranet vorbereitet.")],
             "Die Ergebnisse werden in einer Personalversammlung vorgestellt.",
             ("Termin für die Personalversammlung abstimmen", people[1], dt.date(2022, 11, 15)),
             MinutesStatus.DRAFT, [lead, *people], task_done=False)


def load_workinggroups_demo() -> None:
    by_slug = {o.slug: o for o in Organisation.objects.filter(
        slug__in=["ulm", "garmisch-partenkirchen", "anhalt-bitterfeld"])}
    for slug, loader in (("ulm", _ulm), ("garmisch-partenkirchen", _garmisch), ("anhalt-bitterfeld", _anhalt_bitterfeld)):
        if slug in by_slug:
            loader(by_slug[slug])
