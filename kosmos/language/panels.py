"""The dashboard panel: how comprehensible the organisation's letter templates are."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest

from kosmos.core.dashboard import Panel
from kosmos.language.models import LetterTemplate


def library_panel(request: HttpRequest) -> Panel | None:
    access = getattr(request, "org_access", None)
    if access is None or not access.has("language.use"):
        return None
    counts = LetterTemplate.objects.filter(organisation=request.organisation).aggregate(
        total=Count("id"),
        rot=Count("id", filter=Q(current_version__traffic_light="rot")),
        gelb=Count("id", filter=Q(current_version__traffic_light="gelb")),
        gruen=Count("id", filter=Q(current_version__traffic_light="gruen")),
    )
    if not counts["total"]:
        return None
    return Panel("language/includes/dashboard_panel.html", counts)
