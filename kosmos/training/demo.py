"""Demo data of the Quali-Kompass.

Hanse-Jobcenter Rostock: six departments, a topic tree, about 60 catalogue entries, a minimum
per department, 260 invented staff (records without login, except two demo accounts: a new
staff member and a team lead), three years of completions with a realistic spread, a few
exemptions, Info-Kompass items, Digitalisierungsbotschafter:innen and a finished
qualification-needs survey. Ulm: peer trainings "von Mitarbeitenden für Mitarbeitende".
Idempotent: an organisation with departments is left alone. Bulk inserts keep it fast.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets

from django.db import transaction
from django.utils import timezone

from kosmos.core.audit import log_event
from kosmos.core.models import Membership, Organisation, User
from kosmos.core.roles import Role
from kosmos.training import services
from kosmos.training.domain.compass import valid_until
from kosmos.training.models import (
    Completion,
    CompletionSource,
    Department,
    Exemption,
    StaffProfile,
    TrainingKind,
)

DEMO_PASSWORD = "kosmos-demo-2026"  # noqa: S105 - the documented demo password (kosmos.core.demo)
NEW_STAFF = ("neu@hanse-rostock.example", "Nele Neumann")
TEAM_LEAD = ("teamleitung@hanse-rostock.example", "Tobias Lehmann")

DEPARTMENTS = [("Eingangszone", 60), ("Leistung", 90), ("Markt und Integration", 90), ("Fallmanagement", 120),
               ("U25", 90), ("Arbeitgeber-Service", 90)]
HEADCOUNT = {"Eingangszone": 38, "Leistung": 72, "Markt und Integration": 64, "Fallmanagement": 28, "U25": 36,
             "Arbeitgeber-Service": 22}  # 260
# Topic tree: parent → [(child, survey statement keys)]
TOPICS = {
    "Digitale Angebote": [("jobcenter.digital", "digital_portal,digital_vorteile"), ("Videoberatung", "digital_video"),
                          ("E-Akte", "digital_eakte"), ("Online-Terminvereinbarung", "digital_termin"),
                          ("Datenschutz", "digital_datenschutz")],
    "Gesundheit": [("Ärztlicher Dienst", "gesundheit_aerztlicher_dienst"), ("Rehabilitation", "gesundheit_reha"),
                   ("Gesundheitliche Einschränkungen", "gesundheit_einschraenkungen")],
    "Sprache": [("Verständliche Sprache", ""), ("Interkulturelle Kommunikation", "")],
    "EFQM und Qualität": [("Selbstbewertung", ""), ("Kund:innenzufriedenheit", "")],
    "Recht": [("SGB II Grundlagen", ""), ("Bürgergeld", "")],
    "Fachwissen": [("Markt und Integration", ""), ("U25", ""), ("Fallmanagement", ""), ("Arbeitgeber-Service", "")],
}
KINDS = [TrainingKind.ELEARNING, TrainingKind.VIDEO, TrainingKind.GUIDE, TrainingKind.CLICK, TrainingKind.CLASSROOM,
         TrainingKind.PEER]
# (topic, title, kind index, minutes, validity months)
TRAININGS = [
    ("jobcenter.digital", "jobcenter.digital: Überblick über alle Funktionen", 0, 45, None),
    ("jobcenter.digital", "jobcenter.digital Kund:innen erklären – Gesprächsleitfaden", 2, 20, None),
    ("jobcenter.digital", "Klickanleitung: Veränderungsmitteilung online", 3, 15, None),
    ("jobcenter.digital", "Klickanleitung: Weiterbewilligungsantrag online", 3, 15, None),
    ("jobcenter.digital", "Lernvideo: Postfachnachrichten bearbeiten", 1, 10, None),
    ("jobcenter.digital", "Vorteile digitaler Angebote vermitteln", 5, 60, None),
    ("jobcenter.digital", "Zugangsdaten und Anmeldung: Kund:innen unterstützen", 3, 20, None),
    ("Videoberatung", "Videoberatung: Technik und Ablauf", 0, 60, None),
    ("Videoberatung", "Videoberatung in der Praxis – Erfahrungsaustausch", 5, 90, None),
    ("Videoberatung", "Lernvideo: Einladung zur Videoberatung", 1, 8, None),
    ("E-Akte", "E-Akte Grundlagen", 0, 120, None),
    ("E-Akte", "E-Akte: Scannen und Zuordnen", 3, 20, None),
    ("E-Akte", "E-Akte für Fortgeschrittene", 4, 240, None),
    ("E-Akte", "Leitfaden Aktenführung digital", 2, 30, None),
    ("Online-Terminvereinbarung", "Online-Terminvereinbarung einrichten und nutzen", 3, 15, None),
    ("Online-Terminvereinbarung", "Terminsteuerung in der Eingangszone", 4, 180, None),
    ("Datenschutz", "Datenschutz im Jobcenter (Pflichtunterweisung)", 0, 45, 24),
    ("Datenschutz", "Informationssicherheit (Pflichtunterweisung)", 0, 45, 12),
    ("Datenschutz", "Datenschutz bei digitalen Angeboten", 2, 20, None),
    ("Ärztlicher Dienst", "Einschaltung des Ärztlichen Dienstes", 0, 60, None),
    ("Ärztlicher Dienst", "Gutachten des Ärztlichen Dienstes lesen und nutzen", 4, 180, None),
    ("Rehabilitation", "Rehabilitationsbedarfe erkennen", 4, 240, None),
    ("Rehabilitation", "Berufliche Rehabilitation: Zusammenarbeit mit der Agentur", 2, 30, None),
    ("Gesundheitliche Einschränkungen", "Umgang mit Kund:innen mit gesundheitlichen Einschränkungen", 4, 360, None),
    ("Gesundheitliche Einschränkungen", "Gesundheitsorientierte Beratung – Fallbesprechung", 5, 90, None),
    ("Gesundheitliche Einschränkungen", "Lernvideo: Suchtberatung vermitteln", 1, 12, None),
    ("Verständliche Sprache", "Verständlich schreiben: Bescheide und Briefe", 4, 240, None),
    ("Verständliche Sprache", "Leitfaden verständliche Sprache", 2, 20, None),
    ("Verständliche Sprache", "Leichte Sprache im Kund:innenkontakt", 0, 60, None),
    ("Interkulturelle Kommunikation", "Interkulturelle Kompetenz", 4, 480, None),
    ("Interkulturelle Kommunikation", "Beratung mit Sprachmittlung", 5, 90, None),
    ("Interkulturelle Kommunikation", "Lernvideo: Dolmetscherdienste buchen", 1, 10, None),
    ("Selbstbewertung", "EFQM-Modell: Einführung", 0, 90, None),
    ("Selbstbewertung", "Mitwirken in der Bewertungsgruppe", 4, 360, None),
    ("Kund:innenzufriedenheit", "Kund:innenbefragungen auswerten", 2, 30, None),
    ("Kund:innenzufriedenheit", "Beschwerdemanagement", 0, 60, 36),
    ("SGB II Grundlagen", "SGB II Grundlagen für neue Mitarbeitende", 4, 960, None),
    ("SGB II Grundlagen", "Eingliederungsvereinbarung und Kooperationsplan", 0, 90, None),
    ("SGB II Grundlagen", "Leistungsrecht kompakt", 0, 120, 36),
    ("Bürgergeld", "Bürgergeld: Änderungen im Überblick", 2, 30, None),
    ("Bürgergeld", "Kooperationsplan in der Praxis", 5, 90, None),
    ("Bürgergeld", "Sanktionen und Leistungsminderungen", 0, 60, 36),
    ("EFQM und Qualität", "Qualitätsmanagement im Jobcenter", 0, 45, None),
    ("Digitale Angebote", "Digitale Kompetenzen: Selbstcheck", 0, 30, None),
    ("Digitale Angebote", "Microsoft Teams im Jobcenter", 3, 20, None),
    ("Digitale Angebote", "Digitalisierungssprechstunde (offen)", 5, 60, None),
    ("Gesundheit", "Gesund arbeiten im Jobcenter", 0, 45, None),
    ("Gesundheit", "Deeskalation und Sicherheit am Arbeitsplatz", 4, 480, 24),
    ("Gesundheit", "Erste Hilfe: Ersthelfer:innen-Schulung", 4, 480, 24),
    ("Recht", "Widerspruchsverfahren", 0, 90, None),
    ("Recht", "Datenübermittlung an die Agentur für Arbeit", 2, 20, None),
    ("Sprache", "Gesprächsführung in schwierigen Situationen", 4, 480, None),
    ("Markt und Integration", "Arbeitsmarkt Rostock: Branchen und Betriebe", 5, 90, None),
    ("Markt und Integration", "Stellenakquise und Matching", 0, 120, None),
    ("Markt und Integration", "Förderinstrumente im Überblick", 2, 30, None),
    ("U25", "Jugendberufsagentur: Zusammenarbeit im Jugendhaus", 5, 90, None),
    ("U25", "Beratung junger Menschen ohne Ausbildung", 4, 240, None),
    ("Fallmanagement", "Beschäftigungsorientiertes Fallmanagement: Grundlagen", 4, 960, None),
    ("Fallmanagement", "Netzwerkarbeit im Fallmanagement", 5, 90, None),
    ("Arbeitgeber-Service", "Arbeitgeberberatung digital", 0, 60, None),
]
COMMON = ["Datenschutz im Jobcenter (Pflichtunterweisung)", "Informationssicherheit (Pflichtunterweisung)",
          "jobcenter.digital: Überblick über alle Funktionen", "E-Akte Grundlagen"]
REQUIRED = {
    "Eingangszone": ["Klickanleitung: Veränderungsmitteilung online", "Online-Terminvereinbarung einrichten und nutzen",
                     "Terminsteuerung in der Eingangszone", "Zugangsdaten und Anmeldung: Kund:innen unterstützen",
                     "Deeskalation und Sicherheit am Arbeitsplatz"],
    "Leistung": ["Leistungsrecht kompakt", "Klickanleitung: Weiterbewilligungsantrag online",
                 "E-Akte: Scannen und Zuordnen", "Widerspruchsverfahren", "Verständlich schreiben: Bescheide und Briefe"],
    "Markt und Integration": ["Videoberatung: Technik und Ablauf", "Kooperationsplan in der Praxis",
                              "Einschaltung des Ärztlichen Dienstes", "Förderinstrumente im Überblick"],
    "Fallmanagement": ["Beschäftigungsorientiertes Fallmanagement: Grundlagen", "Rehabilitationsbedarfe erkennen",
                       "Umgang mit Kund:innen mit gesundheitlichen Einschränkungen",
                       "Einschaltung des Ärztlichen Dienstes", "Videoberatung: Technik und Ablauf"],
    "U25": ["Beratung junger Menschen ohne Ausbildung", "Jugendberufsagentur: Zusammenarbeit im Jugendhaus",
            "Videoberatung: Technik und Ablauf", "Kooperationsplan in der Praxis"],
    "Arbeitgeber-Service": ["Arbeitgeberberatung digital", "Stellenakquise und Matching",
                           "Arbeitsmarkt Rostock: Branchen und Betriebe"],
}
FIRST = ["Anna", "Ben", "Clara", "David", "Elif", "Finn", "Greta", "Hannes", "Ida", "Jonas", "Katrin", "Lukas",
         "Mara", "Nils", "Olga", "Paul", "Rieke", "Sven", "Tanja", "Uwe", "Vera", "Wiebke", "Yara", "Zoe", "Maik",
         "Sandra", "Torsten", "Jana", "Dirk", "Silke"]
LAST = ["Albrecht", "Brandt", "Claußen", "Dietrich", "Ehlers", "Fischer", "Grote", "Hansen", "Iversen", "Jürgens",
        "Krüger", "Lange", "Möller", "Nagel", "Ohm", "Peters", "Quast", "Raddatz", "Schröder", "Thiel", "Voß", "Wendt",
        "Zander", "Behrens", "Kowalski"]


def _account(email: str, name: str, organisation: Organisation) -> Membership:
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": name, "is_demo": True})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    membership, _ = Membership.objects.get_or_create(user=user, organisation=organisation,
                                                     defaults={"role": Role.STAFF})
    return membership


def load_training_demo() -> None:
    rostock = Organisation.objects.filter(slug="hanse-rostock").first()
    if rostock is not None and not Department.objects.filter(organisation=rostock).exists():
        _rostock(rostock)
    ulm = Organisation.objects.filter(slug="ulm").first()
    if ulm is not None and not Department.objects.filter(organisation=ulm).exists():
        _ulm(ulm)


@transaction.atomic
def _rostock(organisation: Organisation) -> None:
    qm = User.objects.filter(email="qm@hanse-rostock.example").first()
    rng = random.Random(4242)
    today = timezone.localdate()
    departments = {name: services.do_create_department(acting_user=qm, organisation=organisation, name=name,
                                                       deadline_days=days) for name, days in DEPARTMENTS}
    topics = {}
    for parent_name, children in TOPICS.items():
        parent = services.do_create_topic(acting_user=qm, organisation=organisation, name=parent_name)
        topics[parent_name] = parent
        for name, keys in children:
            topics[name] = services.do_create_topic(acting_user=qm, organisation=organisation, name=name,
                                                    parent=parent, need_keys=keys)
    trainings = {}
    for index, (topic, title, kind, minutes, validity) in enumerate(TRAININGS):
        own = KINDS[kind] in (TrainingKind.PEER, TrainingKind.GUIDE)
        code = f"HRO-{index + 1:03d}" if own else f"BA-{7000 + index * 13}"
        target = [d for d in departments.values() if d.name == topic] or list(departments.values())
        trainings[title] = services.do_save_training(
            acting_user=qm, organisation=organisation, departments=target,
            values={"code": code, "title": title, "description": "", "kind": KINDS[kind], "topic": topics[topic],
                    "duration_minutes": minutes, "level": "advanced" if minutes >= 240 else "basic",
                    "provider": "Hanse-Jobcenter Rostock" if own else "BA-Lernwelt",
                    "url": "" if own else f"https://lernwelt.example/kurs/{code.lower()}",
                    "validity_months": validity, "active": True})
    for name, department in departments.items():
        services.do_set_requirements(acting_user=qm, organisation=organisation, department=department,
                                     trainings=[trainings[t] for t in COMMON + REQUIRED[name]],
                                     deadline_days=department.deadline_days)
    profiles = _staff(organisation, departments, rng, today)
    _completions(organisation, departments, trainings, profiles, rng, today, qm)
    _demo_logins(organisation, departments, topics, today)
    _info_and_contacts(organisation, topics, qm, today)
    _needs_survey(organisation, qm, rng, today)


def _staff(organisation: Organisation, departments: dict[str, Department], rng: random.Random,
           today: dt.date) -> list[StaffProfile]:
    people = []
    number = 0
    for name, count in HEADCOUNT.items():
        department = departments[name]
        for _i in range(count):
            number += 1
            roll = rng.random()
            if roll < 0.06:  # new this quarter
                start = today - dt.timedelta(days=rng.randrange(5, 90))
            elif roll < 0.25:
                start = today - dt.timedelta(days=rng.randrange(90, 3 * 365))
            else:
                start = today - dt.timedelta(days=rng.randrange(3 * 365, 20 * 365))
            people.append(StaffProfile(
                organisation=organisation, full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                personnel_key=f"HRO{number:04d}", department=department, start_date=start,
                required_by=start + dt.timedelta(days=department.deadline_days)))
    StaffProfile.objects.bulk_create(people)
    profiles = list(StaffProfile.objects.filter(organisation=organisation).order_by("personnel_key"))
    # Teams of about 9 to 12 people in each department; the first of each team leads it.
    leads = []
    for department in departments.values():
        members = [p for p in profiles if p.department_id == department.pk]
        for start in range(0, len(members), 11):
            team = members[start:start + 11]
            lead = team[0]
            leads.append(lead)
            for member in team[1:]:
                member.team_lead = lead
    StaffProfile.objects.bulk_update(profiles, ["team_lead"], batch_size=500)
    return profiles


def _completions(organisation: Organisation, departments: dict[str, Department], trainings: dict, profiles: list,
                 rng: random.Random, today: dt.date, qm: User) -> None:
    required = {d.pk: [trainings[t] for t in COMMON + REQUIRED[name]] for name, d in departments.items()}
    diligence = {"Eingangszone": 0.9, "Leistung": 0.82, "Markt und Integration": 0.78, "Fallmanagement": 0.93,
                 "U25": 0.86, "Arbeitgeber-Service": 0.7}
    by_pk = {d.pk: n for n, d in departments.items()}
    optional = list(trainings.values())
    rows, seen = [], set()

    def add(profile: StaffProfile, training, day: dt.date) -> None:  # noqa: ANN001
        key = (profile.pk, training.pk, day)
        if day > today or day < profile.start_date - dt.timedelta(days=400) or key in seen:
            return
        seen.add(key)
        rows.append(Completion(organisation=organisation, profile=profile, training=training, completed_on=day,
                               valid_until=valid_until(day, training.validity_months),
                               source=rng.choice([CompletionSource.IMPORT] * 4 + [CompletionSource.SELF,
                                                                                   CompletionSource.LEAD]),
                               confirmed_by=qm))

    for profile in profiles:
        p = diligence[by_pk[profile.department_id]]
        new = (today - profile.start_date).days < 120
        for training in required[profile.department_id]:
            if rng.random() > (p * (0.5 if new else 1.0)):
                continue
            first = max(profile.start_date, today - dt.timedelta(days=3 * 365))
            span = max((today - first).days, 1)
            day = first + dt.timedelta(days=rng.randrange(span))
            add(profile, training, day)
            if training.validity_months and rng.random() < 0.7:  # repeated once in the three years
                add(profile, training, day - dt.timedelta(days=30 * training.validity_months))
        for training in rng.sample(optional, k=rng.randrange(0, 4)):
            add(profile, training, today - dt.timedelta(days=rng.randrange(1, 3 * 365)))
    Completion.objects.bulk_create(rows, batch_size=2000)
    log_event(actor=qm, organisation=organisation, action="training.completions_imported",
              object_type="training.completion", object_repr="Export BA-Lernwelt (Demo)",
              changes={"rows": [None, len(rows)], "new": [None, len(rows)]})
    waived = [p for p in profiles if rng.random() < 0.03]
    exemptions = [Exemption(organisation=organisation, profile=p, training=required[p.department_id][3],
                            reason="Gleichwertige Schulung beim vorherigen Arbeitgeber nachgewiesen", created_by=qm)
                  for p in waived]
    Exemption.objects.bulk_create(exemptions)


def _demo_logins(organisation: Organisation, departments: dict[str, Department], topics: dict,
                 today: dt.date) -> None:
    entrance = departments["Eingangszone"]
    lead_membership = _account(*TEAM_LEAD, organisation)
    lead = StaffProfile.objects.create(
        organisation=organisation, membership=lead_membership, full_name=TEAM_LEAD[1], personnel_key=TEAM_LEAD[0],
        department=entrance, start_date=today - dt.timedelta(days=9 * 365),
        required_by=today - dt.timedelta(days=9 * 365 - entrance.deadline_days))
    team = list(StaffProfile.objects.filter(department=entrance, membership__isnull=True).order_by(
        "personnel_key")[:8])
    for member in team:
        member.team_lead = lead
    StaffProfile.objects.bulk_update(team, ["team_lead"])
    new_membership = _account(*NEW_STAFF, organisation)
    start = today - dt.timedelta(days=21)
    newcomer = StaffProfile.objects.create(
        organisation=organisation, membership=new_membership, full_name=NEW_STAFF[1], personnel_key=NEW_STAFF[0],
        department=entrance, team_lead=lead, start_date=start,
        required_by=start + dt.timedelta(days=entrance.deadline_days))
    newcomer.topics.set([topics["Videoberatung"], topics["Verständliche Sprache"]])


def _info_and_contacts(organisation: Organisation, topics: dict, qm: User, today: dt.date) -> None:
    for days, title, text in (
        (3, "Neu im Kompass: Klickanleitung Weiterbewilligungsantrag",
         "Die neue Schritt-für-Schritt-Anleitung zeigt in 15 Minuten, wie Kund:innen den Antrag online stellen."),
        (17, "Videoberatung: 412 Gespräche im letzten Quartal",
         "Die Zahl der Videoberatungen ist gegenüber dem Vorquartal um ein Drittel gestiegen. Danke an alle!"),
        (40, "Offene Digitalisierungssprechstunde",
         "Jeden Dienstag von 13 bis 14 Uhr beantworten unsere Digitalisierungsbotschafter:innen Ihre Fragen."),
    ):
        services.do_create_news(acting_user=qm, organisation=organisation, title=title, text=text,
                                published_on=today - dt.timedelta(days=days))
    for topic, name, role in (
        ("Digitale Angebote", "Jana Voß", "Digitalisierungsbotschafterin, Eingangszone"),
        ("Digitale Angebote", "Maik Hansen", "Digitalisierungsbotschafter, Leistung"),
        ("Videoberatung", "Silke Thiel", "Ansprechperson Videoberatung"),
        ("Gesundheit", "Dirk Möller", "Ansprechperson Arbeitskreis Gesundheit"),
    ):
        services.do_add_contact(acting_user=qm, organisation=organisation, topic=topics[topic], name=name, role=role)


def _needs_survey(organisation: Organisation, qm: User, rng: random.Random, today: dt.date) -> None:
    """A finished qualification-needs survey from the surveys module's template (public services only)."""
    from kosmos.surveys import services as surveys
    from kosmos.surveys.content import load_questionnaire
    from kosmos.surveys.models import Wave, WaveStatus
    from kosmos.surveys.services.submission import do_submit_response

    survey = surveys.do_create_survey_from_template(acting_user=qm, organisation=organisation,
                                                    slug="qualifizierungsbedarf")
    wave = surveys.do_create_wave(acting_user=qm, survey=survey, name="Herbst", starts_on=today - dt.timedelta(days=28),
                                  ends_on=today)
    Wave.objects.filter(pk=wave.pk).update(status=WaveStatus.RUNNING)
    wave.refresh_from_db()
    questionnaire = load_questionnaire(survey)
    # High need where the catalogue has little (e-mail, mental strain, follow-up processes).
    high = {"digital_email": 0.75, "gesundheit_psychisch": 0.8, "gesundheit_folgeprozesse": 0.65,
            "digital_video": 0.55, "gesundheit_reha": 0.5}
    keys = ["digital_portal", "digital_video", "digital_termin", "digital_eakte", "digital_email",
            "digital_datenschutz", "digital_zugang", "digital_vorteile", "gesundheit_aerztlicher_dienst",
            "gesundheit_reha", "gesundheit_einschraenkungen", "gesundheit_psychisch", "gesundheit_folgeprozesse",
            "gesundheit_angebote"]
    for _i in range(140):
        answers = {}
        for key in keys:
            p = high.get(key, 0.3)
            answers[key] = rng.choice(["4", "3"]) if rng.random() < p else rng.choice(["2", "1", "1", "na"])
        do_submit_response(wave=wave, questionnaire=questionnaire, answers=answers, language="de",
                           nonce=secrets.token_hex(16))
    Wave.objects.filter(pk=wave.pk).update(status=WaveStatus.CLOSED, results_published=True)
    type(survey).objects.filter(pk=survey.pk).update(structure_locked=True)


@transaction.atomic
def _ulm(organisation: Organisation) -> None:
    qm = User.objects.filter(email="qm@ulm.example").first()
    departments = [services.do_create_department(acting_user=qm, organisation=organisation, name=name)
                   for name in ("Leistung", "Markt und Integration", "Eingangszone")]
    topic = services.do_create_topic(acting_user=qm, organisation=organisation, name="Digitale Angebote",
                                     need_keys="digital_portal,digital_video")
    for title, minutes in (("Von Kolleg:innen für Kolleg:innen: jobcenter.digital im Alltag", 60),
                           ("Peer-Runde: Videoberatung ausprobieren", 90),
                           ("Tandem: E-Akte für Einsteiger:innen", 120),
                           ("Kurzformat: Tipps aus dem Arbeitskreis Digitalisierung", 30),
                           ("Peer-Runde: Online-Terminvereinbarung erklären", 45),
                           ("Hospitation in der Eingangszone", 240)):
        services.do_save_training(acting_user=qm, organisation=organisation, departments=departments,
                                  values={"code": "", "title": title, "description": "", "kind": TrainingKind.PEER,
                                          "topic": topic, "duration_minutes": minutes, "level": "basic",
                                          "provider": "Mitarbeitende des Jobcenters Ulm", "url": "",
                                          "validity_months": None, "active": True})
