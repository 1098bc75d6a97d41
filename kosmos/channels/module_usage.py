"""The usage rates' part of the channels module declaration (``kosmos.channels.modules`` adds it)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.comparisons import ComparisonTopic
from kosmos.core.modules import Navigation


def usage_panel(request):  # noqa: ANN001, ANN201
    from kosmos.channels.panels_usage import usage_panel as panel

    return panel(request)


def load_demo() -> None:
    from kosmos.channels.demo_usage import load_usage_demo

    load_usage_demo()


def _usage_figures(organisation):  # noqa: ANN001, ANN202
    from kosmos.channels.selectors_usage import comparison_figures

    return comparison_figures(organisation)


NAVIGATION = Navigation(_("Usage rates"), "org:channel_usage", "channels.usage",
                        current=("org:channel_usage", "org:channel_usage_offer_create", "org:channel_usage_offer",
                                 "org:channel_usage_offer_edit", "org:channel_usage_grid",
                                 "org:channel_usage_import", "org:channel_usage_import_preview",
                                 "org:channel_usage_comparison"))

AUDIT_ACTIONS = {
    "channels.offer_created": _("created a digital offer"),
    "channels.offer_changed": _("changed a digital offer"),
    "channels.usage_saved": _("saved usage figures"),
    "channels.usage_note_added": _("added a note to the usage time line"),
    "channels.usage_note_deleted": _("deleted a note from the usage time line"),
    "channels.usage_import_checked": _("checked a file of usage figures"),
    "channels.usage_imported": _("imported usage figures"),
    "channels.synthetic_sample_created": _("created the synthetic sample for the benchmarks"),
}

AUDIT_OBJECT_TYPES = {
    "channels.digitaloffer": _("Digital offer"),
    "channels.usagenote": _("Note on the usage time line"),
    "channels.usageimport": _("Import of usage figures"),
}

COMPARISON_TOPIC = ComparisonTopic(
    key="channels.usage",
    label=_("Usage rates of digital offers"),
    description=_("Digital share per kind of offer over the last twelve months."),
    provider=_usage_figures,
    permission="channels.usage",
)
