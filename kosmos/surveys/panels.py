"""Dashboard panel of the survey module: running waves with their response counts."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest

from kosmos.core.dashboard import Panel
from kosmos.surveys.models import Wave, WaveStatus


def running_waves_panel(request: HttpRequest):  # noqa: ANN201
    """Dashboard panel: running waves with their response counts (never per group)."""
    access = getattr(request, "org_access", None)
    if access is None or not access.has("surveys.view"):
        return None
    waves = [
        w for w in Wave.objects.filter(survey__organisation=request.organisation, status=WaveStatus.RUNNING)
        .select_related("survey").annotate(responses_count=Count("responses")).order_by("ends_on")
        if w.is_open
    ]
    if not waves:
        return None
    return Panel("surveys/dashboard_panel.html", {"waves": waves, "organisation": request.organisation})
