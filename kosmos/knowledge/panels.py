"""The dashboard panel (freshness and coverage) and the audit labels of the knowledge base."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kosmos.core.dashboard import Panel
from kosmos.core.domain.numbers import format_percent
from kosmos.knowledge.selectors import freshness

ACTIONS = {
    "knowledge.entry_created": _("created a knowledge entry"),
    "knowledge.entry_updated": _("changed a knowledge entry"),
    "knowledge.entry_deleted": _("deleted a knowledge entry"),
    "knowledge.entry_checked": _("marked a knowledge entry as checked"),
    "knowledge.review_reminded": _("reminded the persons responsible of overdue entries"),
    "knowledge.category_created": _("created a knowledge category"),
    "knowledge.category_updated": _("changed a knowledge category"),
    "knowledge.category_deleted": _("deleted a knowledge category"),
    "knowledge.category_copied": _("copied a shared knowledge category with its structure"),
    "knowledge.partner_created": _("added a network partner"),
    "knowledge.partner_updated": _("changed a network partner"),
    "knowledge.partner_deleted": _("deleted a network partner"),
    "knowledge.contact_added": _("added a contact person"),
    "knowledge.contact_removed": _("removed a contact person"),
    "knowledge.meeting_created": _("recorded a network meeting"),
    "knowledge.meeting_updated": _("changed a network meeting"),
    "knowledge.meeting_deleted": _("deleted a network meeting"),
    "knowledge.import_uploaded": _("uploaded a knowledge base file for import"),
    "knowledge.entries_imported": _("imported knowledge entries"),
}
OBJECT_TYPES = {
    "knowledge.entry": _("Knowledge entry"),
    "knowledge.category": _("Knowledge category"),
    "knowledge.partner": _("Network partner"),
    "knowledge.partnercontact": _("Contact person of a network partner"),
    "knowledge.networkmeeting": _("Network meeting"),
    "knowledge.entryimport": _("Knowledge base import"),
}


def freshness_panel(request: HttpRequest) -> Panel | None:
    """For quality management: how current the knowledge base is and which topic fields it covers."""
    figures = freshness(request.organisation)
    if not figures.total:
        return None
    share = figures.checked_share
    return Panel("knowledge/panel.html", {
        "freshness": figures, "org_slug": request.organisation.slug,
        "checked_share": format_percent(share * 100) if share is not None else "–",
        "can_review": request.org_access.has("knowledge.edit"),
    })
