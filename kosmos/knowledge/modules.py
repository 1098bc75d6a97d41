"""The module declaration of the health knowledge base (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import DashboardPanel, Module, Navigation
from kosmos.knowledge import urls
from kosmos.knowledge.demo import load_knowledge_demo
from kosmos.knowledge.panels import ACTIONS, OBJECT_TYPES, freshness_panel
from kosmos.knowledge.search import PROVIDER as SEARCH_PROVIDER

MODULE = Module(
    label="knowledge",
    name=_("Health knowledge base"),
    urls=urls,
    url_prefix="knowledge_",
    navigation=(Navigation(_("Health knowledge base"), "org:knowledge_finder", "knowledge.view"),),
    panels=(DashboardPanel("knowledge.manage", freshness_panel),),
    demo_loader=load_knowledge_demo,
    audit_actions=ACTIONS,
    audit_object_types=OBJECT_TYPES,
    search_provider=SEARCH_PROVIDER,
)
