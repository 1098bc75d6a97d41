"""Every write of the assessments module: ``do_*`` functions that take the acting user, run in one
transaction and write the audit log."""

from kosmos.assessments.services.assessments import (
    do_add_milestone,
    do_change_phase,
    do_create_assessment,
    do_delete_milestone,
    do_start_next_cycle,
    do_update_assessment,
    do_update_milestone,
)
from kosmos.assessments.services.consensus import (
    do_accept_proposals,
    do_add_consensus_finding,
    do_delete_consensus_finding,
    do_merge_findings,
    do_record_consensus,
    do_save_application_text,
    do_update_consensus_finding,
)
from kosmos.assessments.services.ecosystem import (
    do_add_ecosystem_entry,
    do_create_ecosystem_map,
    do_delete_ecosystem_entry,
    do_update_ecosystem_entry,
    do_update_ecosystem_map,
)
from kosmos.assessments.services.evidence import do_add_evidence, do_delete_evidence
from kosmos.assessments.services.group import (
    do_add_group_member,
    do_record_calibration,
    do_remove_group_member,
    do_update_group_member,
)
from kosmos.assessments.services.partners import (
    do_accept_partnership,
    do_add_retrospective_note,
    do_end_partnership,
    do_propose_partnership,
)
from kosmos.assessments.services.question_set import (
    do_confirm_question_set,
    do_create_own_question,
    do_set_question_set,
    do_update_own_question,
)
from kosmos.assessments.services.questionnaire import do_create_questionnaire_survey, do_import_survey_results
from kosmos.assessments.services.rating import do_save_rating

__all__ = [
    "do_accept_partnership",
    "do_accept_proposals",
    "do_add_consensus_finding",
    "do_add_ecosystem_entry",
    "do_add_evidence",
    "do_add_group_member",
    "do_add_milestone",
    "do_add_retrospective_note",
    "do_change_phase",
    "do_confirm_question_set",
    "do_create_assessment",
    "do_create_ecosystem_map",
    "do_create_own_question",
    "do_create_questionnaire_survey",
    "do_delete_consensus_finding",
    "do_delete_ecosystem_entry",
    "do_delete_evidence",
    "do_delete_milestone",
    "do_end_partnership",
    "do_import_survey_results",
    "do_merge_findings",
    "do_propose_partnership",
    "do_record_calibration",
    "do_record_consensus",
    "do_remove_group_member",
    "do_save_application_text",
    "do_save_rating",
    "do_set_question_set",
    "do_start_next_cycle",
    "do_update_assessment",
    "do_update_consensus_finding",
    "do_update_ecosystem_entry",
    "do_update_ecosystem_map",
    "do_update_group_member",
    "do_update_milestone",
    "do_update_own_question",
]
