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
from kosmos.assessments.models import Assessment, FindingKind

REPORT_CSS = Path(__file__).resolve().parent / "static" / "assessments" / "report.css"


def report_context(assessment: Assessment) -> dict:
    from kosmos.improvement.models import ActionField, ImprovementProject

    summary = selectors.results(assessment)
    action_fields = list(
        ActionField.objects.filter(organisation=assessment.organisation, assessment=assessment)
        .select_related("criterion").order_by("-impact", "effort", "title")
    )
    projects = list(
        ImprovementProject.objects.filter(organisation=assessment.organisation, action_field__assessment=assessment)
        .select_related("owner", "action_field").prefetch_related("milestones")
    )
    return {
        "assessment": assessment,
        "summary": summary,
        "counts": selectors.group_counts(assessment),
        "calibration": getattr(assessment, "calibration", None),
        "action_fields": action_fields,
        "projects": projects,
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
        fields.append([field.title, field.criterion.code if field.criterion else "", field.get_impact_display() or "",
                       field.get_effort_display() or "", field.get_status_display(), field.goal, field.owner])
    for cell in fields[1]:
        cell.font = bold

    projects = book.create_sheet(_("Improvement projects")[:31])
    projects.append([_("Project"), _("Goal"), _("Responsible"), _("Due date"), _("Status"), _("Milestones done")])
    for project in context["projects"]:
        milestones = list(project.milestones.all())
        done = sum(1 for m in milestones if m.done_at)
        projects.append([project.title, project.goal, str(project.owner or ""), project.due_date,
                         project.get_status_display(), f"{done}/{len(milestones)}"])
    for cell in projects[1]:
        cell.font = bold

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
