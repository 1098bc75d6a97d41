"""German labels for the audit log entries of the assessments module."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "assessment.created": _("created a self-assessment"),
    "assessment.updated": _("changed a self-assessment"),
    "assessment.phase_changed": _("changed the phase of a self-assessment"),
    "assessment.next_cycle": _("started the next assessment cycle"),
    "assessment.milestone_added": _("added a milestone to the timeline"),
    "assessment.milestone_updated": _("changed a milestone of the timeline"),
    "assessment.milestone_deleted": _("removed a milestone from the timeline"),
    "assessment.member_added": _("added a member to the assessment group"),
    "assessment.member_updated": _("changed a member of the assessment group"),
    "assessment.member_removed": _("removed a member from the assessment group"),
    "assessment.calibration_recorded": _("recorded the calibration"),
    "assessment.question_set_changed": _("changed the question set"),
    "assessment.question_set_confirmed": _("fixed the question set"),
    "assessment.question_created": _("added an own question"),
    "assessment.question_updated": _("changed an own question"),
    "assessment.evidence_added": _("added evidence"),
    "assessment.evidence_removed": _("removed evidence"),
    "assessment.rating_saved": _("saved an individual rating (values stay private until the assessment circle)"),
    "assessment.consensus_recorded": _("recorded a consensus score"),
    "assessment.proposals_accepted": _("took over the proposals without need for discussion"),
    "assessment.findings_merged": _("merged strengths and improvement potentials"),
    "assessment.finding_added": _("added a finding"),
    "assessment.finding_updated": _("changed a finding"),
    "assessment.finding_deleted": _("removed a finding"),
    "assessment.application_text_saved": _("changed the application document"),
    "assessment.survey_created": _("created the survey of the questionnaire method"),
    "assessment.survey_results_imported": _("took over survey results as scores"),
    "ecosystem.map_created": _("created an ecosystem map"),
    "ecosystem.map_updated": _("changed an ecosystem map"),
    "ecosystem.entry_added": _("added an ecosystem entry"),
    "ecosystem.entry_updated": _("changed an ecosystem entry"),
    "ecosystem.entry_removed": _("removed an ecosystem entry"),
    "partnership.proposed": _("proposed a partnership"),
    "partnership.accepted": _("accepted a partnership"),
    "partnership.ended": _("ended a partnership"),
    "partnership.retrospective_added": _("contributed to the joint retrospective"),
}

OBJECT_TYPES = {
    "assessments.assessment": _("Self-assessment"),
    "assessments.timelinemilestone": _("Milestone of the timeline"),
    "assessments.groupmember": _("Member of the assessment group"),
    "assessments.cataloguequestion": _("Question"),
    "assessments.evidence": _("Evidence"),
    "assessments.rating": _("Individual rating"),
    "assessments.consensusscore": _("Consensus score"),
    "assessments.finding": _("Strength or improvement potential"),
    "assessments.ecosystemmap": _("Ecosystem map"),
    "assessments.ecosystementry": _("Ecosystem entry"),
    "assessments.partnership": _("Partnership"),
    "assessments.retrospectivenote": _("Retrospective contribution"),
}

