"""Audit labels and navigation of the workshops and the results report (used in modules.py)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kosmos.core.dashboard import Panel
from kosmos.core.modules import DashboardPanel, Navigation
from kosmos.programme.urls_exchange import ORG_URLS

EXCHANGE_ACTIONS = {
    "programme.event_created": _("created a workshop"),
    "programme.event_changed": _("changed a workshop"),
    "programme.room_created": _("added a topic room"),
    "programme.room_changed": _("changed a topic room"),
    "programme.room_deleted": _("removed a topic room"),
    "programme.registered": _("registered for a workshop"),
    "programme.registration_cancelled": _("cancelled a workshop registration"),
    "programme.registration_moved_up": _("moved up from the waiting list"),
    "programme.contact_consent_changed": _("changed who sees their contact data"),
    "programme.material_added": _("added workshop material"),
    "programme.material_deleted": _("removed workshop material"),
    "programme.report_section_saved": _("wrote a section of the results report"),
}

EXCHANGE_OBJECT_TYPES = {
    "programme.event": _("Workshop"),
    "programme.eventroom": _("Topic room"),
    "programme.registration": _("Workshop registration"),
    "programme.eventmaterial": _("Workshop material"),
    "programme.reportsection": _("Section of the results report"),
}

EXCHANGE_NAVIGATION = (Navigation(_("Workshops"), "org:programme_workshops", "programme.workshops",
                                  current=tuple(f"org:{p.name}" for p in ORG_URLS)),)


def upcoming_workshops_panel(request: HttpRequest) -> Panel | None:
    """The next workshops open for registration, with the organisation's own registrations (real content only)."""
    from django.utils import timezone

    from kosmos.programme.selectors_events import events_with_counts, organisation_counts

    events = list(events_with_counts().filter(registration_open=True, ends_at__gte=timezone.now())[:3])
    if not events:
        return None
    own = organisation_counts(request.organisation)
    for event in events:
        event.own_count = own.get(event.id, 0)
    return Panel("programme/workshop_panel.html", {"events": events, "org_slug": request.organisation.slug})


EXCHANGE_PANELS = (DashboardPanel("programme.workshops", upcoming_workshops_panel),)
