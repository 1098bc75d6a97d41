"""Permission rows for every URL of the self-assessment (walked by tests/permissions)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from kosmos.assessments import services
from kosmos.assessments.models import Finding, Method, Partnership, PartnershipStatus, Phase
from tests.assessments import builders
from tests.assessments.test_evidence import PDF  # a real (readable) one-page PDF
from tests.permissions.rows import OrgRow


def _prepared(world) -> dict:  # noqa: ANN001
    a = builders.prepare(builders.create(world.freiburg, world.qm), world.qm, [world.management, world.assessor])
    return {"assessment_id": a.public_id}


def _fresh(world) -> dict:  # noqa: ANN001
    return {"assessment_id": builders.create(world.freiburg, world.qm).public_id}


def _in(phase: str, method: str = Method.WORKSHOP):  # noqa: ANN202
    def build(world) -> dict:  # noqa: ANN001
        return {"assessment_id": builders.assessment_in_phase(world, phase, method).public_id}
    return build


def _item(phase: str):  # noqa: ANN202
    def build(world) -> dict:  # noqa: ANN001
        a = builders.assessment_in_phase(world, phase)
        return {"assessment_id": a.public_id, "item_id": builders.first_item(a).public_id}
    return build


def _milestone(world) -> dict:  # noqa: ANN001
    a = builders.create(world.freiburg, world.qm)
    return {"assessment_id": a.public_id, "milestone_id": a.milestones.first().public_id}


def _member(world) -> dict:  # noqa: ANN001
    a = builders.prepare(builders.create(world.freiburg, world.qm), world.qm, [world.assessor])
    return {"assessment_id": a.public_id, "member_id": a.group_members.first().public_id}


def _evidence(world) -> dict:  # noqa: ANN001
    a = builders.prepare(builders.create(world.freiburg, world.qm), world.qm, [world.assessor])
    evidence = services.do_add_evidence(
        acting_user=world.assessor, item=builders.first_item(a), title="Leitbild",
        upload=SimpleUploadedFile("leitbild.pdf", PDF, content_type="application/pdf"),
    )
    return {"assessment_id": a.public_id, "evidence_id": evidence.public_id}


def _questionnaire(world) -> dict:  # noqa: ANN001
    a = builders.prepare(builders.create(world.freiburg, world.qm, Method.QUESTIONNAIRE), world.qm, [world.assessor])
    return {"assessment_id": a.public_id}


def _questionnaire_wave(world) -> dict:  # noqa: ANN001
    import datetime as dt

    from kosmos.surveys import services as surveys

    a = builders.assessment_in_phase(world, Phase.CONSENSUS, Method.QUESTIONNAIRE)
    survey = services.do_create_questionnaire_survey(acting_user=world.qm, assessment=a)
    wave = surveys.do_create_wave(acting_user=world.qm, survey=survey, starts_on=dt.date.today(),
                                  ends_on=dt.date.today())
    return {"assessment_id": a.public_id, "wave_id": wave.public_id}


def _award(world) -> dict:  # noqa: ANN001
    a = builders.create(world.freiburg, world.qm, Method.AWARD_SIMULATION)
    builders.prepare(a, world.qm, [world.assessor])
    return {"assessment_id": a.public_id}


def _award_criterion(world) -> dict:  # noqa: ANN001
    return {**_award(world), "criterion_code": "1"}


def _finding(world) -> dict:  # noqa: ANN001
    a = builders.assessment_in_phase(world, Phase.CONSENSUS)
    services.do_merge_findings(acting_user=world.qm, assessment=a)
    finding = Finding.objects.filter(assessment=a, is_consensus=True).first()
    return {"assessment_id": a.public_id, "finding_id": finding.public_id}


def _own_question(world) -> dict:  # noqa: ANN001
    a = builders.create(world.freiburg, world.qm)
    question = services.do_create_own_question(
        acting_user=world.qm, organisation=world.freiburg, catalogue=a.catalogue,
        unit=a.model.units.get(code="1.1"), text="Wie bekannt ist unser Leitbild bei den Trägern?", evidence=[])
    return {"question_id": question.public_id}


def _map(world) -> dict:  # noqa: ANN001
    return {"map_id": builders.ecosystem(world.freiburg, world.qm).public_id}


def _entry(world) -> dict:  # noqa: ANN001
    ecosystem = builders.ecosystem(world.freiburg, world.qm)
    return {"map_id": ecosystem.public_id, "entry_id": ecosystem.entries.first().public_id}


def _partnership(status: str):  # noqa: ANN202
    def build(world) -> dict:  # noqa: ANN001
        partnership = Partnership.objects.create(proposer=world.ulm, partner=world.freiburg, status=status)
        return {"partnership_id": partnership.public_id}
    return build


def _partner_map(world) -> dict:  # noqa: ANN001
    partnership = Partnership.objects.create(proposer=world.ulm, partner=world.freiburg,
                                             status=PartnershipStatus.ACTIVE)
    ecosystem = builders.ecosystem(world.ulm, world.outsider, shared=True)
    return {"partnership_id": partnership.public_id, "map_id": ecosystem.public_id}


ROWS = {
    "org:assessment_list": OrgRow(),
    "org:assessment_create": OrgRow(),
    "org:assessment_catalogue": OrgRow(),
    "org:assessment_question_create": OrgRow(),
    "org:assessment_question_edit": OrgRow(kwargs=_own_question),
    "org:assessment_detail": OrgRow(kwargs=_prepared),
    "org:assessment_edit": OrgRow(kwargs=_fresh),
    "org:assessment_phase": OrgRow(kwargs=_prepared, method="post", data=lambda w: {"phase": "rating"}, ok_status=302),
    "org:assessment_next_cycle": OrgRow(kwargs=_fresh),
    "org:assessment_timeline": OrgRow(kwargs=_fresh),
    "org:assessment_survey_create": OrgRow(kwargs=_questionnaire, method="post", ok_status=302),
    "org:assessment_survey_import": OrgRow(kwargs=_questionnaire_wave, method="post", ok_status=302),
    "org:assessment_milestone_add": OrgRow(kwargs=_fresh),
    "org:assessment_milestone_edit": OrgRow(kwargs=_milestone),
    "org:assessment_milestone_delete": OrgRow(kwargs=_milestone, method="post", ok_status=302),
    "org:assessment_group": OrgRow(kwargs=_prepared),
    "org:assessment_group_add": OrgRow(kwargs=_fresh),
    "org:assessment_group_edit": OrgRow(kwargs=_member),
    "org:assessment_group_remove": OrgRow(kwargs=_member),
    "org:assessment_calibration": OrgRow(kwargs=_prepared),
    "org:assessment_calibration_edit": OrgRow(kwargs=_fresh),
    "org:assessment_question_set": OrgRow(kwargs=_prepared),
    "org:assessment_question_set_edit": OrgRow(kwargs=_fresh),
    "org:assessment_question_set_balance": OrgRow(kwargs=_fresh, method="post"),
    "org:assessment_question_set_confirm": OrgRow(kwargs=_fresh, method="post"),
    "org:assessment_evidence": OrgRow(kwargs=_prepared),
    "org:assessment_evidence_add": OrgRow(kwargs=_item(Phase.PREPARATION)),
    "org:assessment_evidence_file": OrgRow(kwargs=_evidence),
    "org:assessment_evidence_delete": OrgRow(kwargs=_evidence, method="post", ok_status=302),
    "org:assessment_rating": OrgRow(kwargs=_in(Phase.RATING)),
    "org:assessment_rating_item": OrgRow(kwargs=_item(Phase.RATING)),
    "org:assessment_application": OrgRow(kwargs=_award),
    "org:assessment_application_edit": OrgRow(kwargs=_award_criterion),
    "org:assessment_consensus": OrgRow(kwargs=_in(Phase.CONSENSUS)),
    "org:assessment_consensus_accept": OrgRow(kwargs=_in(Phase.CONSENSUS), method="post", ok_status=302),
    "org:assessment_consensus_item": OrgRow(kwargs=_item(Phase.CONSENSUS)),
    "org:assessment_findings": OrgRow(kwargs=_in(Phase.CONSENSUS)),
    "org:assessment_findings_merge": OrgRow(kwargs=_in(Phase.CONSENSUS), method="post", ok_status=302),
    "org:assessment_finding_add": OrgRow(kwargs=_in(Phase.CONSENSUS)),
    "org:assessment_finding_edit": OrgRow(kwargs=_finding),
    "org:assessment_finding_delete": OrgRow(kwargs=_finding, method="post", ok_status=302),
    "org:assessment_results": OrgRow(kwargs=_in(Phase.COMPLETED)),
    "org:assessment_report_pdf": OrgRow(kwargs=_in(Phase.COMPLETED)),
    "org:assessment_report_xlsx": OrgRow(kwargs=_in(Phase.COMPLETED)),
    "org:assessment_ecosystem_list": OrgRow(),
    "org:assessment_ecosystem_create": OrgRow(),
    "org:assessment_ecosystem_detail": OrgRow(kwargs=_map),
    "org:assessment_ecosystem_edit": OrgRow(kwargs=_map),
    "org:assessment_ecosystem_history": OrgRow(kwargs=_map),
    "org:assessment_ecosystem_entry_add": OrgRow(kwargs=_map),
    "org:assessment_ecosystem_entry_edit": OrgRow(kwargs=_entry),
    "org:assessment_ecosystem_entry_delete": OrgRow(kwargs=_entry),
    "org:assessment_partner_list": OrgRow(),
    "org:assessment_partner_propose": OrgRow(),
    "org:assessment_partner_detail": OrgRow(kwargs=_partnership(PartnershipStatus.ACTIVE)),
    "org:assessment_partner_accept": OrgRow(kwargs=_partnership(PartnershipStatus.PROPOSED)),
    "org:assessment_partner_end": OrgRow(kwargs=_partnership(PartnershipStatus.ACTIVE), method="post", ok_status=302),
    "org:assessment_partner_retrospective": OrgRow(kwargs=_partnership(PartnershipStatus.ACTIVE), method="post",
                                        data=lambda w: {"text": "Gemeinsam vorbereitet."}, ok_status=302),
    "org:assessment_partner_ecosystem": OrgRow(kwargs=_partner_map),
}
