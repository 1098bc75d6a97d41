"""The module declaration of improvement (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import DashboardPanel, Module, Navigation
from kosmos.improvement import urls
from kosmos.improvement.demo import load_improvement_demo
from kosmos.improvement.hub import follow_ups
from kosmos.improvement.panels import ACTIONS, OBJECT_TYPES, projects_panel
from kosmos.improvement.search import PROVIDER as SEARCH_PROVIDER

MODULE = Module(
    label="improvement",
    name=_("Improvement"),
    urls=urls,
    url_prefix="improvement_",
    navigation=(Navigation(_("Improvement"), "org:improvement_overview", "improvement.view"),),
    panels=(DashboardPanel("improvement.view", projects_panel),),
    search_provider=SEARCH_PROVIDER,
    audit_actions=ACTIONS,
    audit_object_types=OBJECT_TYPES,
    demo_loader=load_improvement_demo,
    follow_up_provider=follow_ups,
)
