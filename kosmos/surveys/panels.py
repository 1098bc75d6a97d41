"""Dashboard panel of the survey module: running waves with their response counts."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest

from kosmos.core.dashboard import Panel
from kosmos.surveys.models import Audience, Wave, WaveMode, WaveStatus
from kosmos.surveys.services.running import wave_link


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
    # Staff take part in a staff survey from here; the wave page (QR code, poster) is for those who run it.
    for wave in waves:
        wave.staff_survey = wave.survey.audience == Audience.STAFF  # type: ignore[attr-defined]
        wave.respond_link = (  # type: ignore[attr-defined]
            wave_link(wave, request) if wave.staff_survey and wave.mode == WaveMode.LINK else ""  # type: ignore[attr-defined]
        )
    return Panel("surveys/dashboard_panel.html", {"waves": waves, "organisation": request.organisation,
                                                  "can_manage": access.has("surveys.manage")})
