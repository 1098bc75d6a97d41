"""The staff dashboard panel (Info-Kompass and the member's own minimum) and audit labels."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.core.dashboard import Panel
from kosmos.training import selectors
from kosmos.training.domain import compass

ACTIONS = {
    "training.department_created": _("created a department of the Quali-Kompass"),
    "training.topic_created": _("created a topic of the Quali-Kompass"),
    "training.training_created": _("added a training to the catalogue"),
    "training.training_updated": _("changed a training of the catalogue"),
    "training.requirements_set": _("set the minimum of a department"),
    "training.profile_created": _("set up a compass"),
    "training.profile_updated": _("changed a compass"),
    "training.completion_confirmed": _("confirmed a completed training"),
    "training.completions_imported": _("imported completed trainings"),
    "training.exemption_created": _("exempted a staff member from a training"),
    "training.news_created": _("published an Info-Kompass item"),
    "training.contact_added": _("added a contact person for a topic"),
    "training.contact_removed": _("removed a contact person of a topic"),
    "training.topic_updated": _("changed a topic of the Quali-Kompass"),
    "training.topic_deleted": _("deleted a topic of the Quali-Kompass"),
    "training.training_deleted": _("deleted a training from the catalogue"),
    "training.training_archived": _("archived a training of the catalogue"),
    "training.exemption_withdrawn": _("withdrew the exemption of a staff member from a training"),
    "training.news_updated": _("changed an Info-Kompass item"),
    "training.news_deleted": _("deleted an Info-Kompass item"),
}
OBJECT_TYPES = {
    "training.department": _("Department"),
    "training.topic": _("Training topic"),
    "training.training": _("Training"),
    "training.staffprofile": _("Compass of a staff member"),
    "training.completion": _("Completed training"),
    "training.exemption": _("Exemption from a training"),
    "training.newsitem": _("Info-Kompass item"),
    "training.contactperson": _("Contact person"),
}


def compass_panel(request: HttpRequest) -> Panel | None:
    organisation = request.organisation
    news = selectors.news_of(organisation, limit=3)
    profile = selectors.profile_of(organisation, request.user)
    open_rows = []
    if profile is not None:
        open_rows = [r for r in selectors.compass_rows(profile, today=timezone.localdate())
                     if r.status in {compass.DUE, compass.OVERDUE, compass.EXPIRED}]
    if not news and not open_rows:
        return None
    return Panel("training/panel.html", {"news": news, "open_rows": open_rows[:5], "open_count": len(open_rows),
                                         "org_slug": organisation.slug})
