"""The assessment report as PDF (from an HTML template) and XLSX, both through ``kosmos.core.documents``.

Contents: variant, group composition (counts, no names), calibration, scores and chart,
strengths and potentials, per question how its score came about (``audit_trail``), action
fields and improvement projects.
"""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.assessments import selectors
from kosmos.assessments.audit_trail import question_trail
from kosmos.assessments.hub import HUB_SOURCE
from kosmos.assessments.models import Assessment, FindingKind
from kosmos.core import documents, hub
from kosmos.core.documents import Sheet

REPORT_CSS = Path(__file__).resolve().parent / "static" / "assessments" / "report.css"


def report_context(assessment: Assessment) -> dict:
    summary = selectors.results(assessment)
    # The improvement section comes from the hub: what became of this assessment's findings.
    follow_ups = hub.follow_ups(assessment.organisation, HUB_SOURCE, [assessment.public_id])
    return {
        "assessment": assessment,
        "summary": summary,
        "counts": selectors.group_counts(assessment),
        "calibration": getattr(assessment, "calibration", None),
        "action_fields": follow_ups.action_fields,
        "projects": follow_ups.projects,
        "generated_at": timezone.now(),
        "question_count": assessment.items.count(),
        "trail": question_trail(assessment),
    }


def render_pdf(assessment: Assessment) -> bytes:
    return documents.render_pdf("assessments/report.html", report_context(assessment), stylesheets=[REPORT_CSS])


def xlsx_sheets(assessment: Assessment) -> list[Sheet]:
    """The report as worksheets of plain values; ``kosmos.core.documents`` writes them (user text
    such as a finding that starts with ``=`` stays text)."""
    context = report_context(assessment)
    summary = context["summary"]

    overview: list[list[object]] = [
        [_("Self-assessment"), assessment.title],
        [_("Organisation"), assessment.organisation.name],
        [_("Model"), assessment.model.name],
        [_("Variant"), assessment.get_method_display()],
        [_("Phase"), assessment.get_phase_display()],
        [_("Start date"), assessment.start_date],
        [_("Questions"), context["question_count"]],
        [_("Members of the assessment group"), context["counts"]["size"]],
        [_("Points (of 1000)"), summary.points if summary.points is not None else "–"],
        [_("Scale and conversion"), summary.conversion_note],
    ]
    if context["calibration"]:
        overview.append([_("Agreed attitude"), context["calibration"].attitude])
    for hint in summary.hints:
        overview.append([_("Note"), hint.message])

    header = [_("Criterion"), _("Name"), _("Percent"), _("Points"), _("Maximum points"), _("Band")]
    if summary.previous:
        header += [_("Previous cycle (%)"), _("Change (percentage points)")]
    criteria: list[list[object]] = [header]
    for row in summary.rows:
        values = [row.criterion.code, row.criterion.name, row.percent, row.points, row.criterion.points, row.band]
        if summary.previous:
            values += [row.previous_percent, row.delta]
        criteria.append(values)
    criteria.append([_("Total"), "", summary.overall_percent, summary.points, assessment.model.total_points, ""])

    findings: list[list[object]] = [[_("Criterion"), _("Kind"), _("Text"), _("Mentions")]]
    for row in summary.rows:
        for kind, items in ((FindingKind.STRENGTH, row.strengths), (FindingKind.IMPROVEMENT, row.improvements)):
            for finding in items:
                count = getattr(finding, "merged_count", None) or getattr(finding, "count", 1)
                findings.append([row.criterion.code, str(FindingKind(kind).label), finding.text, count])

    fields: list[list[object]] = [
        [_("Action field"), _("Criterion"), _("Impact"), _("Effort"), _("Status"), _("Goal"), _("Responsible")]
    ]
    for field in context["action_fields"]:
        fields.append([field.title, field.topic_key, field.impact, field.effort, field.status, field.goal, field.owner])

    trail: list[list[object]] = [[
        _("No."), _("Question"), _("Sub-criterion"), _("Consensus (%)"), _("Proposal (%)"),
        _("Reason for the deviation"), _("Individual ratings"), _("Lowest (%)"), _("Median (%)"), _("Highest (%)"),
        _("Evidence"),
    ]]
    for row in context["trail"]:
        trail.append([row.number, row.question, row.unit, row.consensus, row.proposal, row.reason, row.ratings,
                      row.minimum, row.median, row.maximum, row.evidence_text])

    projects: list[list[object]] = [
        [_("Project"), _("Goal"), _("Responsible"), _("Due date"), _("Status"), _("Milestones done")]
    ]
    for project in context["projects"]:
        projects.append([project.title, project.goal, project.owner, project.due_date, project.status,
                         f"{project.milestones_done}/{len(project.milestones)}"])

    return [
        Sheet(_("Overview"), overview, header_rows=0, bold_columns=1, widths={"A": 34, "B": 90}),
        Sheet(_("Criteria"), criteria, widths={"B": 50}),
        Sheet(_("Findings"), findings, widths={"C": 90}),
        Sheet(_("Questions"), trail, widths={"B": 60, "C": 30, "F": 50, "K": 70}),
        Sheet(_("Action fields"), fields),
        Sheet(_("Improvement projects"), projects),
    ]


def render_xlsx(assessment: Assessment) -> bytes:
    return documents.to_xlsx(xlsx_sheets(assessment))
