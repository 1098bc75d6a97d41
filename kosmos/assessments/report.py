"""The assessment report as PDF (WeasyPrint, from an HTML template) and XLSX (openpyxl).

Contents: variant, group composition (counts, no names), calibration, scores and chart,
strengths and potentials, action fields and improvement projects.
"""

from __future__ import annotations

import io
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.assessments import selectors
from kosmos.assessments.hub import HUB_SOURCE
from kosmos.assessments.models import Assessment, FindingKind
from kosmos.core import hub

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
    }


def render_pdf(assessment: Assessment) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string("assessments/report.html", report_context(assessment))
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(REPORT_CSS))])


def render_xlsx(assessment: Assessment) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    context = report_context(assessment)
    summary = context["summary"]
    bold = Font(bold=True)
    book = Workbook()

    sheet = book.active
    sheet.title = _("Overview")[:31]
    rows = [
        (_("Self-assessment"), assessment.title),
        (_("Organisation"), assessment.organisation.name),
        (_("Model"), assessment.model.name),
        (_("Variant"), assessment.get_method_display()),
        (_("Phase"), assessment.get_phase_display()),
        (_("Start date"), assessment.start_date),
        (_("Questions"), context["question_count"]),
        (_("Members of the assessment group"), context["counts"]["size"]),
        (_("Points (of 1000)"), summary.points if summary.points is not None else "–"),
        (_("Scale and conversion"), summary.conversion_note),
    ]
    if context["calibration"]:
        rows.append((_("Agreed attitude"), context["calibration"].attitude))
    for hint in summary.hints:
        rows.append((_("Note"), hint.message))
    for row in rows:
        sheet.append(list(row))
    for cell in sheet["A"]:
        cell.font = bold
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 90

    criteria = book.create_sheet(_("Criteria")[:31])
    header = [_("Criterion"), _("Name"), _("Percent"), _("Points"), _("Maximum points"), _("Band")]
    if summary.previous:
        header += [_("Previous cycle (%)"), _("Change (percentage points)")]
    criteria.append(header)
    for row in summary.rows:
        values = [row.criterion.code, row.criterion.name, row.percent, row.points, row.criterion.points, row.band]
        if summary.previous:
            values += [row.previous_percent, row.delta]
        criteria.append(values)
    criteria.append([_("Total"), "", summary.overall_percent, summary.points, assessment.model.total_points, ""])
    for cell in criteria[1]:
        cell.font = bold
    criteria.column_dimensions["B"].width = 50

    findings = book.create_sheet(_("Findings")[:31])
    findings.append([_("Criterion"), _("Kind"), _("Text"), _("Mentions")])
    for row in summary.rows:
        for kind, items in ((FindingKind.STRENGTH, row.strengths), (FindingKind.IMPROVEMENT, row.improvements)):
            for finding in items:
                count = getattr(finding, "merged_count", None) or getattr(finding, "count", 1)
                findings.append([row.criterion.code, str(FindingKind(kind).label), finding.text, count])
    for cell in findings[1]:
        cell.font = bold
    findings.column_dimensions["C"].width = 90

    fields = book.create_sheet(_("Action fields")[:31])
    fields.append([_("Action field"), _("Criterion"), _("Impact"), _("Effort"), _("Status"), _("Goal"), _("Responsible")])
    for field in context["action_fields"]:
        fields.append([field.title, field.topic_key, field.impact, field.effort, field.status, field.goal, field.owner])
    for cell in fields[1]:
        cell.font = bold

    projects = book.create_sheet(_("Improvement projects")[:31])
    projects.append([_("Project"), _("Goal"), _("Responsible"), _("Due date"), _("Status"), _("Milestones done")])
    for project in context["projects"]:
        projects.append([project.title, project.goal, project.owner, project.due_date, project.status,
                         f"{project.milestones_done}/{len(project.milestones)}"])
    for cell in projects[1]:
        cell.font = bold

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
