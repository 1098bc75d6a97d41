"""The maturity check's dashboard panel and audit labels."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kosmos.channels.models import Check, CheckChannel
from kosmos.core.dashboard import Panel

ACTIONS = {
    "channels.catalogue_created": _("set up the channel catalogue"),
    "channels.catalogue_copied": _("made an own copy of the channel catalogue"),
    "channels.catalogue_imported": _("imported the channel catalogue"),
    "channels.offered_changed": _("changed the channels on offer"),
    "channels.check_started": _("started a maturity check of the channels"),
    "channels.answers_recorded": _("answered the maturity check of a channel"),
    "channels.target_set": _("set the target level of a channel"),
    "channels.dimension_changed": _("changed a dimension of the channel catalogue"),
}
OBJECT_TYPES = {
    "channels.catalogue": _("Channel catalogue"),
    "channels.check": _("Maturity check of the channels"),
    "channels.checkchannel": _("Channel in a maturity check"),
    "channels.dimension": _("Dimension of the channel catalogue"),
}


def check_panel(request: HttpRequest) -> Panel | None:
    """The latest check: per channel its overall level and target (real content, or nothing)."""
    organisation = request.organisation
    latest = Check.objects.filter(organisation=organisation, latest=True).first()
    if latest is None:
        return None
    rows = list(CheckChannel.objects.filter(check_run=latest).select_related("channel").order_by("channel__order"))
    return Panel("channels/check_panel.html", {"check": latest, "rows": rows, "org_slug": organisation.slug,
                                               "weakest": min((r.overall_level for r in rows
                                                               if r.overall_level is not None), default=None)})
