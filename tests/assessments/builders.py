"""Build self-assessments in every phase for tests, permission rows and benchmarks."""

from __future__ import annotations

import datetime as dt
import itertools

from kosmos.assessments import services
from kosmos.assessments.model_sync import ensure_reference_data
from kosmos.assessments.models import (
    Assessment,
    AssessmentItem,
    CatalogueQuestion,
    Criterion,
    EcosystemMap,
    Finding,
    Method,
    Phase,
    RadarAttribute,
    Rating,
)
from kosmos.assessments.scales import score_from_attributes
from kosmos.core.models import Organisation, User

START = dt.date(2026, 3, 2)


def create(organisation: Organisation, by: User, method: str = Method.WORKSHOP, title: str = "Selbstbewertung 2026",
           weeks: int | None = None) -> Assessment:
    ensure_reference_data()
    defaults = {Method.QUICK_CHECK: 2, Method.QUESTIONNAIRE: 6, Method.WORKSHOP: 10, Method.AWARD_SIMULATION: 26}
    return services.do_create_assessment(acting_user=by, organisation=organisation, title=title, method=method,
                                         start_date=START, weeks=weeks or defaults[method])


def starter_questions(assessment: Assessment) -> list[CatalogueQuestion]:
    return list(CatalogueQuestion.objects.filter(catalogue=assessment.catalogue, organisation=None, starter_set=True))


def prepare(assessment: Assessment, by: User, members: list[User], *, questions: list | None = None) -> Assessment:
    """Group, calibration and (for the workshop) the starter set, fixed."""
    criteria = list(Criterion.objects.filter(model=assessment.model).values_list("code", flat=True))
    for index, user in enumerate(members):
        services.do_add_group_member(acting_user=by, assessment=assessment, user=user, data={
            "gender": "wm"[index % 2], "level": ["leitung", "fuehrung", "mitarbeitende"][index % 3],
            "department": ["Leistung", "Markt und Integration", "Controlling"][index % 3],
            "is_management": index == 0, "functions": ["controlling"] if index % 3 == 2 else [],
            "criteria": criteria,
        })
    services.do_record_calibration(acting_user=by, assessment=assessment, data={
        "attitude": "Selbstkritisch und ehrlich; es zählt, was wir belegen können.",
        "scale_agreement": "", "reference_acknowledged": True})
    if assessment.method in (Method.WORKSHOP, Method.QUESTIONNAIRE):
        chosen = questions if questions is not None else starter_questions(assessment)
        if assessment.method == Method.QUESTIONNAIRE and questions is None:
            chosen = list(CatalogueQuestion.objects.filter(catalogue=assessment.catalogue, quick_check=True))
        services.do_set_question_set(acting_user=by, assessment=assessment, questions=chosen)
        services.do_confirm_question_set(acting_user=by, assessment=assessment, accept_warnings=True, note="Test")
    assessment.refresh_from_db()
    return assessment


def open_rating(assessment: Assessment, by: User) -> Assessment:
    return services.do_change_phase(acting_user=by, assessment=assessment, phase=Phase.RATING)


def open_consensus(assessment: Assessment, by: User) -> Assessment:
    return services.do_change_phase(acting_user=by, assessment=assessment, phase=Phase.CONSENSUS)


def rate(assessment: Assessment, user: User, value: int, *, strengths=(), improvements=()) -> None:  # noqa: ANN001
    """Rate every item: maturity level ``value`` (0–5) or every RADAR attribute ``value`` (%)."""
    attributes = {}
    for attribute in RadarAttribute.objects.filter(model=assessment.model):
        attributes.setdefault(attribute.applies_to, []).append(attribute.code)
    for item in assessment.items.select_related("unit__criterion"):
        if assessment.uses_maturity_scale:
            services.do_save_rating(acting_user=user, item=item, level=value,
                                    strengths=list(strengths), improvements=list(improvements))
        else:
            services.do_save_rating(acting_user=user, item=item,
                                    attributes={c: value for c in attributes[item.unit.criterion.kind]},
                                    strengths=list(strengths), improvements=list(improvements))


def assessment_in_phase(world, phase: str, method: str = Method.WORKSHOP, *, members=None) -> Assessment:  # noqa: ANN001
    """Freiburg's assessment in a phase, with the standard assessor (and management) in the group."""
    members = members if members is not None else [world.management, world.assessor]
    assessment = create(world.freiburg, world.qm, method)
    prepare(assessment, world.qm, members)
    if phase == Phase.PREPARATION:
        return assessment
    assessment = open_rating(assessment, world.qm)
    for offset, member in enumerate(members):
        rate(assessment, member, 2 + offset if assessment.uses_maturity_scale else 30 + 20 * offset,
             strengths=["Klare Ziele"], improvements=["Mehr Kundenfeedback nutzen"])
    if phase == Phase.RATING:
        return assessment
    assessment = open_consensus(assessment, world.qm)
    if phase == Phase.CONSENSUS:
        return assessment
    for item in assessment.items.all():
        proposal = services.consensus.proposal_for(item)
        services.do_record_consensus(acting_user=world.qm, item=item, score=proposal if proposal is not None else 0,
                                     reason="" if proposal is not None else "keine Bewertung")
    services.do_merge_findings(acting_user=world.qm, assessment=assessment)
    return services.do_change_phase(acting_user=world.qm, assessment=assessment, phase=Phase.COMPLETED)


def ecosystem(organisation: Organisation, by: User, *, shared: bool = False) -> EcosystemMap:
    ecosystem_map = services.do_create_ecosystem_map(acting_user=by, organisation=organisation, data={
        "title": f"Ecosystem {organisation.name}", "description": "", "shared_with_partners": shared})
    for sphere, label, view in [
        ("organisation", "Führungskreis", "Wir wollen mehr Zeit für Beratung."),
        ("stakeholders", "Kund:innen", "Termine sind schwer zu bekommen."),
        ("market", "Bildungsträger", ""),
        ("global", "Digitalisierung", ""),
    ]:
        services.do_add_ecosystem_entry(acting_user=by, ecosystem=ecosystem_map, data={
            "sphere": sphere, "label": label, "assumed_view": view, "relationship": ""})
    return ecosystem_map


def bulk_ratings(assessment: Assessment, raters: list[User], *, seed: int = 1) -> int:
    """Many ratings at once (benchmarks, query-count tests): bypasses the services on purpose."""
    import random

    rng = random.Random(seed)
    attributes: dict[str, list[str]] = {}
    for attribute in RadarAttribute.objects.filter(model=assessment.model):
        attributes.setdefault(attribute.applies_to, []).append(attribute.code)
    rows = []
    findings = []
    items = list(assessment.items.select_related("unit__criterion"))
    for item, rater in itertools.product(items, raters):
        values = {code: rng.randrange(0, 21) * 5 for code in attributes[item.unit.criterion.kind]}
        rows.append(Rating(item=item, rater=rater, attributes=values, score=score_from_attributes(values)))
        findings.append(Finding(assessment=assessment, item=item, criterion_id=item.unit.criterion_id,
                                kind="improvement", text=f"Potenzial {rng.randrange(40)}", author=rater))
    Rating.objects.bulk_create(rows)
    Finding.objects.bulk_create(findings)
    return len(rows)


def first_item(assessment: Assessment) -> AssessmentItem:
    return assessment.items.order_by("order", "id").first()
