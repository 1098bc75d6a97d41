"""Demo data of the self-assessment (invented people, plausible content).

- Freiburg and Pforzheim: finished workshop assessments (2022) in the partner model, with shared
  ecosystem maps and a joint retrospective (Freiburg's action fields and projects come from the
  improvement module's demo, through the hub).
- Braunschweig: a Quick-Check answered by the management.

Idempotent: an organisation whose demo assessment exists is left alone. Ratings, findings and
consensus scores are written in bulk (one summary audit entry each) to keep loading fast.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from kosmos.assessments import services
from kosmos.assessments.model_sync import ensure_reference_data
from kosmos.assessments.models import (
    Assessment,
    CatalogueQuestion,
    ConsensusScore,
    Criterion,
    EcosystemMap,
    Finding,
    Method,
    Partnership,
    Phase,
    RadarAttribute,
    Rating,
    RetrospectiveNote,
)
from kosmos.assessments.scales import proposal_from_scores, score_from_attributes, score_from_level
from kosmos.core.audit import log_event
from kosmos.core.models import Membership, Organisation, User
from kosmos.core.roles import Role

FREIBURG_TITLE = "Selbstbewertung 2022 (Workshopmethode)"
PFORZHEIM_TITLE = "Selbstbewertung 2022 (Workshopmethode)"
BRAUNSCHWEIG_TITLE = "Quick-Check 2021 der Geschäftsführung"

# Further invented members of the assessment groups (e-mail, name, role).
FREIBURG_EXTRA = [
    ("bewertung4@freiburg.example", "Aylin Yılmaz", Role.ASSESSOR),
    ("bewertung5@freiburg.example", "Peter Schulz", Role.ASSESSOR),
    ("bewertung6@freiburg.example", "Nina Hartmann", Role.ASSESSOR),
    ("bewertung7@freiburg.example", "Kemal Arslan", Role.ASSESSOR),
    ("bewertung8@freiburg.example", "Carla Weber", Role.ASSESSOR),
    ("bewertung9@freiburg.example", "Frank Bauer", Role.ASSESSOR),
]
PFORZHEIM_EXTRA = [
    ("bewertung2@pforzheim.example", "Greta Möller", Role.ASSESSOR),
    ("bewertung3@pforzheim.example", "Dominik Fischer", Role.ASSESSOR),
    ("bewertung4@pforzheim.example", "Svetlana Novak", Role.ASSESSOR),
    ("bewertung5@pforzheim.example", "Lukas Brenner", Role.ASSESSOR),
    ("bewertung6@pforzheim.example", "Hannah Ziegler", Role.ASSESSOR),
    ("bewertung7@pforzheim.example", "Mehmet Çelik", Role.ASSESSOR),
    ("bewertung8@pforzheim.example", "Ute Lang", Role.ASSESSOR),
]
BRAUNSCHWEIG_PEOPLE = [
    ("leitung@braunschweig.example", "Karin Schwarz", Role.MANAGEMENT),
    ("bereichsleitung1@braunschweig.example", "Ralf Köhler", Role.MANAGEMENT),
    ("bereichsleitung2@braunschweig.example", "Derya Öztürk", Role.MANAGEMENT),
    ("bereichsleitung3@braunschweig.example", "Henrik Jansen", Role.MANAGEMENT),
]

# Per criterion: target % of the group (a first self-assessment: 250–420 points overall).
FREIBURG_TARGETS = {"1": 40, "2": 35, "3": 30, "4": 30, "5": 25, "6": 35, "7": 30}  # ≈ 320 points
PFORZHEIM_TARGETS = {"1": 35, "2": 40, "3": 30, "4": 25, "5": 30, "6": 25, "7": 25}  # ≈ 280 points
BRAUNSCHWEIG_LEVELS = {"1": 2, "2": 2, "3": 2, "4": 1, "5": 2, "6": 2, "7": 1}  # maturity 0–5

STRENGTHS = {
    "1": ["Leitbild ist gemeinsam mit den Führungskräften entwickelt worden",
          "Jährliche Zielplanung mit den Trägern ist etabliert",
          "Leitbild wird gemeinsam mit Führungskräften entwickelt"],
    "2": ["Offene Führungskultur mit regelmäßigen Teamgesprächen",
          "Ideen der Mitarbeitenden werden im KV-Prozess aufgegriffen"],
    "3": ["Enge Zusammenarbeit mit Kommune und Agentur für Arbeit",
          "Netzwerk mit Bildungsträgern ist stabil",
          "Enge Zusammenarbeit mit der Kommune und der Agentur für Arbeit"],
    "4": ["Beratungsangebote für Alleinerziehende sind gut abgestimmt",
          "Arbeitgeber-Service ist bei Betrieben bekannt"],
    "5": ["Controlling liefert monatliche Kennzahlen",
          "Risiken im Haushalt werden früh erkannt"],
    "6": ["Kundenreaktionsmanagement wertet Beschwerden systematisch aus"],
    "7": ["Integrationsquote liegt über dem Vergleichstyp",
          "Zielerreichung wird quartalsweise besprochen"],
}
IMPROVEMENTS = {
    "1": ["Leitbild ist vielen Mitarbeitenden nicht bekannt",
          "Strategie wird zu wenig in die Teams kommuniziert",
          "Leitbild ist den Mitarbeitenden kaum bekannt"],
    "2": ["Veränderungen werden spät angekündigt",
          "Wenig Raum für Innovation im Alltag"],
    "3": ["Kund:innen werden selten nach ihrer Meinung gefragt",
          "Kundinnen werden selten nach ihrer Meinung gefragt",
          "Personalentwicklung ist nicht systematisch geplant"],
    "4": ["Digitale Zugangswege sind wenig bekannt",
          "Wartezeiten auf Termine sind zu lang",
          "Digitale Zugangswege sind den Kund:innen wenig bekannt"],
    "5": ["Daten aus verschiedenen Fachverfahren werden nicht zusammengeführt",
          "Wissen geht bei Personalwechsel verloren"],
    "6": ["Keine regelmäßige Kundenbefragung",
          "Mitarbeitendenbefragung liegt lange zurück",
          "Keine regelmäßige Befragung der Kund:innen"],
    "7": ["Kennzahlen werden kaum mit anderen Jobcentern verglichen",
          "Ziele für die Dauer bis zur Leistungsentscheidung fehlen"],
}
TAGS = {
    "Leitbild": "Kommunikation", "Strategie": "Kommunikation", "Veränderungen": "Kommunikation",
    "Kund": "Kundenorientierung", "Termine": "Kundenorientierung", "Digitale": "Digitalisierung",
    "Daten": "Digitalisierung", "Wissen": "Wissensmanagement", "Personal": "Personalentwicklung",
    "Mitarbeitendenbefragung": "Personalentwicklung",
}

ECOSYSTEM = {
    "freiburg": [
        ("organisation", "Geschäftsführung und Führungskreis", "Wir wollen mehr Zeit für die Beratung gewinnen.", ""),
        ("organisation", "Mitarbeitende in der Leistungsgewährung", "Die Arbeitsmenge ist hoch; digitale Akten helfen.", "Personalrat eng eingebunden"),
        ("organisation", "Personalrat", "Beteiligung früh sicherstellen.", "Regelmäßige Monatsgespräche"),
        ("stakeholders", "Kund:innen", "Termine sind schwer zu bekommen, die Beratung ist aber hilfreich.", "Rückmeldungen über das Kundenreaktionsmanagement"),
        ("stakeholders", "Arbeitgeber", "Wir wünschen uns schnellere Vermittlungsvorschläge.", "Arbeitgeber-Service"),
        ("stakeholders", "Stadt Freiburg", "Das Jobcenter ist ein verlässlicher Partner in der Stadtentwicklung.", "Trägerversammlung"),
        ("stakeholders", "Agentur für Arbeit Freiburg", "Gute Abstimmung beim Übergang in die Weiterbildung.", "gemeinsame Einrichtung"),
        ("market", "Bildungs- und Maßnahmeträger", "Zuweisungen schwanken stark.", "Jahresgespräche"),
        ("market", "Beratungsstellen und Wohlfahrtsverbände", "Wir kennen die Ansprechpersonen im Jobcenter nicht immer.", ""),
        ("market", "Hochschulen und Forschung", "", "Kooperation zu Praxisprojekten"),
        ("global", "Fachkräftemangel", "", ""),
        ("global", "Digitalisierung der Verwaltung", "", "Online-Zugangsgesetz"),
        ("global", "Demografischer Wandel", "", ""),
    ],
    "pforzheim": [
        ("organisation", "Führungskräfte", "Wir brauchen klare Prioritäten.", ""),
        ("organisation", "Mitarbeitende", "Wir wollen besser informiert werden.", ""),
        ("stakeholders", "Kund:innen", "Die Erreichbarkeit am Telefon ist schwierig.", "Kundenreaktionsmanagement"),
        ("stakeholders", "Stadt Pforzheim (zugelassener kommunaler Träger)", "Das Jobcenter soll Teil der kommunalen Strategie sein.", "Dezernat"),
        ("stakeholders", "Arbeitgeber der Region", "Wir suchen Fachkräfte, auch Quereinsteigende.", "Arbeitgeber-Service"),
        ("market", "Sprachkursträger", "Die Wartelisten sind lang.", ""),
        ("market", "Schmuck- und Uhrenindustrie im Wandel", "", ""),
        ("global", "Zuwanderung", "", ""),
        ("global", "Digitalisierung", "", ""),
    ],
}


def _user(email: str, name: str, organisation: Organisation, role: str) -> User:
    from kosmos.core.demo import DEMO_PASSWORD

    user, created = User.objects.get_or_create(email=email, defaults={"full_name": name, "is_demo": True})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    Membership.objects.update_or_create(user=user, organisation=organisation, defaults={"role": role})
    return user


def _people(organisation: Organisation, emails: list[str], extra: list[tuple[str, str, str]]) -> list[User]:
    for email, name, role in extra:
        _user(email, name, organisation, role)
    users = {u.email: u for u in User.objects.filter(email__in=emails + [e for e, _n, _r in extra])}
    return [users[e] for e in emails + [e for e, _n, _r in extra] if e in users]


def _ecosystem(organisation: Organisation, by: User, title: str, entries: list[tuple[str, str, str, str]]) -> EcosystemMap:
    ecosystem = services.do_create_ecosystem_map(acting_user=by, organisation=organisation, data={
        "title": title, "description": "Erarbeitet im Kick-off mit allen Führungskräften; in der Bewertungsgruppe ergänzt.",
        "shared_with_partners": True})
    created = [
        services.do_add_ecosystem_entry(acting_user=by, ecosystem=ecosystem, data={
            "sphere": sphere, "label": label, "assumed_view": view, "relationship": note})
        for sphere, label, view, note in entries
    ]
    # One later update, so that the history shows a change.
    services.do_update_ecosystem_entry(acting_user=by, entry=created[3], data={
        "assumed_view": created[3].assumed_view + " Online-Termine werden gern genutzt, wenn man sie kennt."})
    return ecosystem


def _group(assessment: Assessment, by: User, members: list[User], profiles: list[dict]) -> None:
    for user, profile in zip(members, profiles, strict=False):
        services.do_add_group_member(acting_user=by, assessment=assessment, user=user, data=profile)


def _profiles(count: int) -> list[dict]:
    departments = ["Geschäftsführung", "Leistung", "Markt und Integration", "Arbeitgeber-Service", "Controlling",
                   "Kundenreaktionsmanagement", "Markt und Integration", "Leistung", "Personal", "U25",
                   "Widerspruchsstelle", "IT"]
    levels = ["leitung", "fuehrung", "mitarbeitende", "fuehrung", "mitarbeitende", "mitarbeitende",
              "fuehrung", "mitarbeitende", "mitarbeitende", "fuehrung", "mitarbeitende", "mitarbeitende"]
    criteria_sets = [["1", "2", "3"], ["3", "4"], ["4", "5"], ["3", "4"], ["5", "7"], ["6", "7"],
                     ["1", "2", "4"], ["4", "6"], ["2", "5"], ["3", "6"], ["4", "7"], ["5"]]
    profiles = []
    for index in range(count):
        functions = []
        if departments[index] == "Controlling":
            functions = ["controlling"]
        elif departments[index] == "Kundenreaktionsmanagement":
            functions = ["kundenreaktionsmanagement"]
        profiles.append({
            "gender": "wm"[index % 2], "level": levels[index], "department": departments[index],
            "is_management": index == 0, "functions": functions, "criteria": criteria_sets[index],
        })
    return profiles


def _finish_radar(assessment: Assessment, facilitator: User, members: list[User], targets: dict[str, int],
                  seed: int) -> None:
    """Individual ratings around the targets, consensus scores, findings; then complete."""
    rng = random.Random(seed)
    attributes: dict[str, list[str]] = {}
    for attribute in RadarAttribute.objects.filter(model=assessment.model).order_by("order"):
        attributes.setdefault(attribute.applies_to, []).append(attribute.code)
    assessment = services.do_change_phase(acting_user=facilitator, assessment=assessment, phase=Phase.RATING)
    items = list(assessment.items.select_related("unit__criterion").order_by("order"))
    ratings, findings = [], []
    for index, item in enumerate(items):
        code = item.unit.criterion.code
        wide = index % 9 == 4  # some questions where the group disagrees (spread ≥ 30)
        for position, member in enumerate(members):
            noise = (rng.choice([-20, -15, 15, 20]) if wide else rng.choice([-10, -5, 0, 0, 5, 10]))
            values = {a: max(0, min(100, targets[code] + noise + rng.choice([-5, 0, 0, 5])))
                      for a in attributes[item.unit.criterion.kind]}
            ratings.append(Rating(item=item, rater=member, attributes=values, score=score_from_attributes(values)))
            if (index + position) % 4 == 0:
                pool = STRENGTHS[code]
                findings.append(Finding(assessment=assessment, item=item, criterion_id=item.unit.criterion_id,
                                        kind="strength", text=pool[(index + position) % len(pool)], author=member))
            if (index + position) % 3 == 0:
                pool = IMPROVEMENTS[code]
                findings.append(Finding(assessment=assessment, item=item, criterion_id=item.unit.criterion_id,
                                        kind="improvement", text=pool[(index * 7 + position) % len(pool)],
                                        author=member))
    Rating.objects.bulk_create(ratings)
    Finding.objects.bulk_create(findings)
    log_event(actor=None, organisation=assessment.organisation, action="assessment.rating_saved", obj=assessment,
              object_type="assessments.rating", object_repr=f"{assessment.title}: Demo-Bewertungen")
    assessment = services.do_change_phase(acting_user=facilitator, assessment=assessment, phase=Phase.CONSENSUS)
    scores: dict[int, list[int]] = {}
    for rating in ratings:
        scores.setdefault(rating.item_id, []).append(rating.score)
    consensus = []
    for index, item in enumerate(items):
        proposal = proposal_from_scores(scores[item.id])
        score, reason = proposal, ""
        if index % 9 == 4:
            score = max(0, proposal - 5)
            reason = "Belege zeigen das Vorgehen nur in einzelnen Teams; die Gruppe einigt sich auf einen niedrigeren Wert."
        consensus.append(ConsensusScore(item=item, proposal=proposal, score=score, reason=reason,
                                        decided_by=facilitator))
    ConsensusScore.objects.bulk_create(consensus)
    log_event(actor=facilitator, organisation=assessment.organisation, action="assessment.consensus_recorded",
              obj=assessment, changes={"questions": [None, len(consensus)]})
    services.do_merge_findings(acting_user=facilitator, assessment=assessment)
    for finding in Finding.objects.filter(assessment=assessment, is_consensus=True):
        tags = sorted({tag for word, tag in TAGS.items() if word.casefold() in finding.text.casefold()})
        if tags:
            finding.tags = tags
            finding.save(update_fields=["tags"])
    services.do_change_phase(acting_user=facilitator, assessment=assessment, phase=Phase.COMPLETED)


def _workshop(organisation: Organisation, title: str, start: dt.date, facilitator: User, members: list[User],
              targets: dict[str, int], seed: int, swap: int = 0) -> Assessment:
    assessment = services.do_create_assessment(acting_user=facilitator, organisation=organisation, title=title,
                                               method=Method.WORKSHOP, start_date=start, weeks=12)
    _group(assessment, facilitator, members, _profiles(len(members)))
    services.do_record_calibration(acting_user=facilitator, assessment=assessment, data={
        "attitude": "Wir bewerten selbstkritisch und ehrlich. Es zählt, was wir belegen können – nicht, was wir "
                    "uns vorgenommen haben. Im Zweifel bewerten wir niedriger.",
        "scale_agreement": "40–60 % heißt bei uns: ein Vorgehen ist vereinbart, in mehreren Bereichen eingeführt "
                           "und wurde mindestens einmal überprüft.",
        "reference_acknowledged": True,
    })
    questions = list(CatalogueQuestion.objects.filter(catalogue=assessment.catalogue, organisation=None,
                                                      starter_set=True).select_related("unit"))
    if swap:  # the partner chose some other questions of the same sub-criteria
        others = {q.unit_id: q for q in CatalogueQuestion.objects.filter(
            catalogue=assessment.catalogue, organisation=None, starter_set=False, quick_check=False)}
        questions = [others.get(q.unit_id, q) if i % swap == 0 else q for i, q in enumerate(questions)]
    services.do_set_question_set(acting_user=facilitator, assessment=assessment, questions=questions)
    services.do_confirm_question_set(acting_user=facilitator, assessment=assessment, accept_warnings=True,
                                     note="Gemeinsam in der Bewertungsgruppe abgestimmt.")
    for item in assessment.items.select_related("unit").order_by("order")[:6]:
        services.do_add_evidence(acting_user=facilitator, item=item, title=f"Nachweis zu {item.unit.code}",
                                 url="https://intranet.example/qualitaet/belege", source="Qualitätsmanagement",
                                 evidence_date=start, confidentiality="internal")
    assessment.milestones.update(done=True)
    _finish_radar(assessment, facilitator, members, targets, seed)
    return Assessment.objects.get(pk=assessment.pk)


def _braunschweig() -> None:
    organisation = Organisation.objects.filter(slug="braunschweig").first()
    if organisation is None or Assessment.objects.filter(organisation=organisation, title=BRAUNSCHWEIG_TITLE).exists():
        return
    qm = User.objects.filter(email="qm@braunschweig.example").first()
    if qm is None:
        return
    leaders = [_user(e, n, organisation, r) for e, n, r in BRAUNSCHWEIG_PEOPLE]
    assessment = services.do_create_assessment(acting_user=qm, organisation=organisation, title=BRAUNSCHWEIG_TITLE,
                                               method=Method.QUICK_CHECK, start_date=dt.date(2021, 9, 13), weeks=2)
    profiles = [{"gender": g, "level": "leitung" if i == 0 else "fuehrung", "department": d, "is_management": True,
                 "functions": ["controlling"] if d == "Controlling" else [], "criteria": ["1", "2", "3", "4", "5", "6", "7"]}
                for i, (g, d) in enumerate([("w", "Geschäftsführung"), ("m", "Leistung"), ("w", "Markt und Integration"),
                                            ("m", "Controlling")])]
    _group(assessment, qm, leaders, profiles)
    assessment = services.do_change_phase(acting_user=qm, assessment=assessment, phase=Phase.RATING)
    rng = random.Random(7)
    ratings = []
    for item in assessment.items.select_related("unit__criterion"):
        base = BRAUNSCHWEIG_LEVELS[item.unit.criterion.code]
        for leader in leaders:
            level = max(0, min(5, base + rng.choice([-1, 0, 0, 1])))
            ratings.append(Rating(item=item, rater=leader, level=level, score=score_from_level(level)))
    Rating.objects.bulk_create(ratings)
    findings = [
        Finding(assessment=assessment, criterion=c, kind="improvement", text=t, author=leaders[0])
        for c, t in [(Criterion.objects.get(model=assessment.model, code="6"), "Wir wissen wenig darüber, wie Kund:innen uns sehen."),
                     (Criterion.objects.get(model=assessment.model, code="1"), "Das Fragenset für die Selbstbewertung gemeinsam entwickeln.")]
    ]
    Finding.objects.bulk_create(findings)
    assessment = services.do_change_phase(acting_user=qm, assessment=assessment, phase=Phase.CONSENSUS)
    services.do_merge_findings(acting_user=qm, assessment=assessment)
    services.do_change_phase(acting_user=qm, assessment=assessment, phase=Phase.COMPLETED)


def load_assessment_demo() -> None:
    ensure_reference_data()
    freiburg = Organisation.objects.filter(slug="freiburg").first()
    pforzheim = Organisation.objects.filter(slug="pforzheim").first()
    if freiburg is not None and not Assessment.objects.filter(organisation=freiburg, title=FREIBURG_TITLE).exists():
        qm = User.objects.get(email="qm@freiburg.example")
        members = _people(freiburg, ["leitung@freiburg.example", "bewertung@freiburg.example",
                                     "bewertung2@freiburg.example", "bewertung3@freiburg.example"], FREIBURG_EXTRA)
        _ecosystem(freiburg, qm, "Ecosystem des Jobcenters Freiburg", ECOSYSTEM["freiburg"])
        _workshop(freiburg, FREIBURG_TITLE, dt.date(2022, 2, 7), qm, members, FREIBURG_TARGETS, seed=11)
    if pforzheim is not None and not Assessment.objects.filter(organisation=pforzheim, title=PFORZHEIM_TITLE).exists():
        qm = User.objects.get(email="qm@pforzheim.example")
        members = _people(pforzheim, ["leitung@pforzheim.example", "bewertung@pforzheim.example"], PFORZHEIM_EXTRA)
        _ecosystem(pforzheim, qm, "Ecosystem des Jobcenters Pforzheim", ECOSYSTEM["pforzheim"])
        _workshop(pforzheim, PFORZHEIM_TITLE, dt.date(2022, 1, 31), qm, members, PFORZHEIM_TARGETS, seed=23, swap=4)
    if freiburg is not None and pforzheim is not None and not Partnership.objects.filter(
        proposer=freiburg, partner=pforzheim).exists():
        _partnership(freiburg, pforzheim)
    _braunschweig()


def _partnership(freiburg: Organisation, pforzheim: Organisation) -> None:
    qm_f = User.objects.get(email="qm@freiburg.example")
    qm_p = User.objects.get(email="qm@pforzheim.example")
    partnership = services.do_propose_partnership(
        acting_user=qm_f, organisation=freiburg, partner=pforzheim,
        assessment=Assessment.objects.filter(organisation=freiburg, title=FREIBURG_TITLE).first(),
        message="Begleitete Selbstbewertung im Partnermodell: gemeinsam vorbereiten, getrennt bewerten.",
    )
    services.do_accept_partnership(acting_user=qm_p, partnership=partnership, organisation=pforzheim,
                                   assessment=Assessment.objects.filter(organisation=pforzheim,
                                                                        title=PFORZHEIM_TITLE).first())
    notes = [
        (freiburg, qm_f, "Der Austausch über die Ecosysteme hat uns geholfen, die Sicht der Kund:innen "
                         "klarer zu formulieren."),
        (pforzheim, qm_p, "Die gemeinsame Diskussion der Fragensets war wertvoll; die Bewertung getrennt "
                          "durchzuführen war richtig."),
        (freiburg, qm_f, "Für den nächsten Zyklus: Belegrecherche früher beginnen und mehr Zeit einplanen."),
    ]
    for org, user, text in notes:
        services.do_add_retrospective_note(acting_user=user, partnership=partnership, organisation=org, text=text)
    RetrospectiveNote.objects.filter(partnership=partnership).update(created_at=timezone.make_aware(
        dt.datetime(2022, 6, 28, 10, 0)))
