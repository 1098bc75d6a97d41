"""Demo data of the improvement module: Freiburg's action fields from its 2022 self-assessment
(taken over through the hub, like a quality manager would), three improvement projects with
milestones, and a working group. Idempotent: an organisation with action fields is left alone."""

from __future__ import annotations

import datetime as dt

from kosmos.core import hub
from kosmos.core.hub import FindingCollection
from kosmos.core.models import Organisation, User
from kosmos.improvement import services as improvement
from kosmos.improvement.models import ActionField, ProjectStatus
from kosmos.workinggroups import services as working_groups

# The Freiburg assessment group's members who join the working group (invented people).
FREIBURG_MEMBERS = ["leitung@freiburg.example", "bewertung@freiburg.example", "bewertung2@freiburg.example",
                    "bewertung3@freiburg.example"]


def load_improvement_demo() -> None:
    freiburg = Organisation.objects.filter(slug="freiburg").first()
    if freiburg is None or ActionField.objects.filter(organisation=freiburg).exists():
        return
    sources = [entry for entry in hub.available_collections(freiburg) if entry[0] == "assessments.assessment"]
    if not sources:
        return
    source, source_id, _title, _label = sources[0]
    collection = hub.collection(freiburg, source, source_id)
    users = {u.email: u for u in User.objects.filter(email__in=["qm@freiburg.example", *FREIBURG_MEMBERS])}
    members = [users[e] for e in FREIBURG_MEMBERS if e in users]
    _freiburg(freiburg, collection, users["qm@freiburg.example"], users["leitung@freiburg.example"], members)


def _freiburg(organisation: Organisation, collection: FindingCollection, qm: User, management: User,
              members: list[User]) -> None:
    def pick(*starts: str) -> list[str]:
        return [f.id for f in collection.findings if any(f.text.startswith(s) for s in starts)]

    fields = [
        ("Leitbild in die Teams tragen", "1", pick("Leitbild", "Strategie"), 3, 1,
         "Bis Ende 2022 kennen mindestens 80 % der Mitarbeitenden das Leitbild, damit Entscheidungen nachvollziehbar werden.",
         "Anteil in der Mitarbeitendenbefragung, der das Leitbild kennt", "Geschäftsführung"),
        ("Kundenfeedback regelmäßig einholen", "6", pick("Keine regelmäßige", "Kund"), 3, 2,
         "Ab 2023 jährlich eine Kundenbefragung mit mindestens 400 Antworten durchführen, damit wir blinde Flecken erkennen.",
         "Zahl der Antworten je Befragung", "Qualitätsmanagement"),
        ("Digitale Zugangswege bekannt machen", "4", pick("Digitale"), 2, 1,
         "Anteil der Online-Terminbuchungen von 15 % auf 30 % steigern, damit Kund:innen schneller einen Termin erhalten.",
         "Anteil Online-Termine", "Bereichsleitung Markt und Integration"),
        ("Wissen bei Personalwechsel sichern", "5", pick("Wissen", "Daten"), 2, 3, "", "", ""),
        ("Kennzahlenvergleich mit anderen Jobcentern", "7", pick("Kennzahlen"), 1, 2, "", "", ""),
    ]
    created = []
    for title, code, findings, impact, effort, goal, indicator, owner in fields:
        field = improvement.do_create_action_field(
            acting_user=qm, organisation=organisation, collection=collection, finding_ids=findings,
            data={"title": title, "topic_key": code, "goal": goal, "indicator": indicator, "owner": owner,
                  "due_date": dt.date(2022, 12, 31) if goal else None},
        )
        created.append(field)
        improvement.do_prioritise(acting_user=qm, organisation=organisation, placements={field: (impact, effort)})
    # The working group lives in its own module (the project's foreign key points there).
    group = working_groups.do_save_group(
        acting_user=qm, organisation=organisation,
        data={"name": "Arbeitskreis Kundenkommunikation", "topic": "digital",
              "purpose": "Begleitet die Verbesserungsprojekte zu Kundenfeedback und digitalen Zugängen; "
                         "fester Kreis mit Agenda für jedes Treffen.",
              "meeting_rhythm": "monatlich, 90 Minuten"},
    )
    for member in members[:4]:
        working_groups.do_add_member(acting_user=qm, group=group, user=member, role="member")
    working_groups.do_add_member(acting_user=qm, group=group, guest_name="Vertretung des Personalrats", role="guest")
    projects = [
        (created[0], "Leitbild-Dialoge in allen Teams", management, ProjectStatus.DONE, dt.date(2022, 6, 1),
         dt.date(2022, 12, 15), [("Dialogformat entwickelt", dt.date(2022, 7, 15), True),
                                 ("Dialoge in allen Teams geführt", dt.date(2022, 11, 30), True),
                                 ("Ergebnisse in der Führungsklausur ausgewertet", dt.date(2022, 12, 15), True)], None),
        (created[1], "Jährliche Kundenbefragung einführen", qm, ProjectStatus.ACTIVE, dt.date(2022, 9, 1),
         dt.date(2023, 6, 30), [("Fragebogen mit dem Personalrat abgestimmt", dt.date(2022, 11, 15), True),
                                ("Befragung durchgeführt", dt.date(2023, 3, 31), False),
                                ("Ergebnisse an alle Teams zurückgemeldet", dt.date(2023, 6, 30), False)], group),
        (created[2], "Online-Terminvergabe bekannt machen", members[1], ProjectStatus.ACTIVE, dt.date(2022, 10, 1),
         dt.date(2023, 9, 30), [("Infoblatt in verständlicher Sprache", dt.date(2022, 12, 1), True),
                                ("Schulung der Eingangszone", dt.date(2023, 2, 28), False),
                                ("Auswertung der Buchungsquote", dt.date(2023, 9, 30), False)], group),
    ]
    for field, title, owner, status, start, due, milestones, working_group in projects:
        project = improvement.do_create_project(
            acting_user=qm, organisation=organisation, action_field=field,
            data={"title": title, "goal": field.goal, "indicator": field.indicator, "owner": owner,
                  "start_date": start, "due_date": due, "status": status, "working_group": working_group},
            milestones=[(t, d) for t, d, _done in milestones],
        )
        for milestone, (_t, due_date, done) in zip(project.milestones.order_by("order"), milestones, strict=True):
            if done:
                improvement.do_set_milestone_done(acting_user=qm, milestone=milestone, done=True, today=due_date)
