"""Dashboard panel (progress of the improvement projects) and audit labels."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kosmos.core.dashboard import Panel
from kosmos.improvement.models import ProjectStatus
from kosmos.improvement.selectors import progress_percent, projects_with_progress

ACTIONS = {
    "improvement.action_field_created": _("created an action field"),
    "improvement.action_field_updated": _("changed an action field"),
    "improvement.prioritised": _("placed an action field on the impact × effort matrix"),
    "improvement.project_created": _("created an improvement project"),
    "improvement.project_updated": _("changed an improvement project"),
    "improvement.milestone_added": _("added a milestone to an improvement project"),
    "improvement.milestone_updated": _("changed a milestone of an improvement project"),
    "improvement.milestone_removed": _("removed a milestone from an improvement project"),
}
OBJECT_TYPES = {
    "improvement.actionfield": _("Action field"),
    "improvement.improvementproject": _("Improvement project"),
    "improvement.milestone": _("Milestone"),
}


def projects_panel(request: HttpRequest) -> Panel | None:
    access = getattr(request, "org_access", None)
    if access is None or not access.has("improvement.view"):
        return None
    projects = list(
        projects_with_progress(request.organisation)
        .exclude(status__in=[ProjectStatus.CANCELLED])
        .order_by("status", "due_date")[:6]
    )
    if not projects:
        return None
    for project in projects:
        project.progress = progress_percent(project)
    return Panel("improvement/panel.html", {"projects": projects, "org_slug": request.organisation.slug})
