"""Dashboard panel: the organisation's current self-assessment."""

from __future__ import annotations

from django.http import HttpRequest

from kosmos.assessments.models import Assessment, Phase
from kosmos.core.dashboard import Panel


def assessment_panel(request: HttpRequest) -> Panel | None:
    access = getattr(request, "org_access", None)
    if access is None or not access.has("assessments.view"):
        return None
    assessment = (
        Assessment.objects.filter(organisation=request.organisation)
        .exclude(phase=Phase.COMPLETED).order_by("-start_date").first()
        or Assessment.objects.filter(organisation=request.organisation).order_by("-start_date").first()
    )
    if assessment is None:
        return None
    upcoming = assessment.next_milestone()
    return Panel("assessments/panel.html", {"assessment": assessment, "upcoming": upcoming,
                                            "org_slug": request.organisation.slug})
