"""The module declaration of channels (``kosmos.core.modules``).

Two parts share the module: the maturity check (``*_check``) and the usage rates (``*_usage``).
Each adds its entries below its marker.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.channels import urls
from kosmos.channels.benchmark_check import TOPIC as CHECK_TOPIC
from kosmos.channels.demo_check import load_check_demo
from kosmos.channels.hub import HUB_SOURCE as CHECK_HUB_SOURCE
from kosmos.channels.hub import SOURCE as CHECK_SOURCE
from kosmos.channels.panels_check import ACTIONS as CHECK_ACTIONS
from kosmos.channels.panels_check import OBJECT_TYPES as CHECK_OBJECT_TYPES
from kosmos.channels.panels_check import check_panel
from kosmos.channels.search_check import PROVIDER as SEARCH_PROVIDER
from kosmos.core.modules import DashboardPanel, Module, Navigation

# --- usage (C2): imports ---
# isort: split
from kosmos.channels import module_usage

NAVIGATION = [
    Navigation(_("Communication channels"), "org:channel_overview", "channels.view",
               current=tuple(f"org:{p.name}" for p in urls.org_urlpatterns if not p.name.startswith("channel_usage"))),
    # --- usage (C2): navigation ---
    module_usage.NAVIGATION,
]
PANELS = [
    DashboardPanel("channels.view", check_panel),
    # --- usage (C2): panels ---
    DashboardPanel("channels.usage", module_usage.usage_panel),
]
AUDIT_ACTIONS = {
    **CHECK_ACTIONS,
    # --- usage (C2): audit actions ---
    **module_usage.AUDIT_ACTIONS,
}
AUDIT_OBJECT_TYPES = {
    **CHECK_OBJECT_TYPES,
    # --- usage (C2): audit object types ---
    **module_usage.AUDIT_OBJECT_TYPES,
}
COMPARISON_TOPICS = [
    CHECK_TOPIC,
    # --- usage (C2): comparison topics ---
    module_usage.COMPARISON_TOPIC,
]
DEMO_LOADERS = [
    load_check_demo,
    # --- usage (C2): demo loaders ---
    module_usage.load_demo,
]


def load_channels_demo() -> None:
    for loader in DEMO_LOADERS:
        loader()


MODULE = Module(
    label="channels",
    name=_("Communication channels"),
    urls=urls,
    url_prefix="channel_",
    navigation=tuple(NAVIGATION),
    panels=tuple(PANELS),
    demo_loader=load_channels_demo,
    audit_actions=AUDIT_ACTIONS,
    audit_object_types=AUDIT_OBJECT_TYPES,
    search_provider=SEARCH_PROVIDER,
    finding_sources={CHECK_HUB_SOURCE: CHECK_SOURCE},
    comparison_topics=tuple(COMPARISON_TOPICS),
)
