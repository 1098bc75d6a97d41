"""The module declaration of the Quali-Kompass (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import DashboardPanel, Module, Navigation
from kosmos.training import urls
from kosmos.training.comparisons import TOPICS as COMPARISON_TOPICS
from kosmos.training.demo import load_training_demo
from kosmos.training.hub import HUB_SOURCE, SOURCE
from kosmos.training.panels import ACTIONS, OBJECT_TYPES, compass_panel
from kosmos.training.search import PROVIDER as SEARCH_PROVIDER

MODULE = Module(
    label="training",
    name=_("Quali-Kompass"),
    urls=urls,
    url_prefix="training_",
    navigation=(Navigation(_("Quali-Kompass"), "org:training_compass", "training.view"),),
    panels=(DashboardPanel("training.view", compass_panel),),
    search_provider=SEARCH_PROVIDER,
    audit_actions=ACTIONS,
    audit_object_types=OBJECT_TYPES,
    demo_loader=load_training_demo,
    finding_sources={HUB_SOURCE: SOURCE},
    comparison_topics=COMPARISON_TOPICS,
)
