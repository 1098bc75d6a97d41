"""The result of every variant on the same view, and the report as PDF and XLSX."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from kosmos.assessments import report, selectors
from kosmos.assessments.views._common import assessment_for
from kosmos.core import documents
from kosmos.core.access import org_permission_required


@org_permission_required("assessments.results")
def results(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    summary = selectors.results(assessment)
    return render(request, "assessments/results.html", {
        "assessment": assessment,
        "summary": summary,
        "counts": selectors.group_counts(assessment),
        "can_plan": request.org_access.has("improvement.manage"),
    })


def _filename(assessment, suffix: str) -> str:  # noqa: ANN001
    return f"selbstbewertung-{slugify(assessment.title)[:60] or 'bericht'}.{suffix}"


@org_permission_required("assessments.results")
def report_pdf(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    return documents.download(report.render_pdf(assessment), _filename(assessment, "pdf"))


@org_permission_required("assessments.results")
def report_xlsx(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    return documents.download(report.render_xlsx(assessment), _filename(assessment, "xlsx"))
