"""The module declaration of the working groups (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import DashboardPanel, Module, Navigation
from kosmos.workinggroups import urls
from kosmos.workinggroups.demo import load_workinggroups_demo
from kosmos.workinggroups.hub import HUB_SOURCE, SOURCE
from kosmos.workinggroups.panels import ACTIONS, OBJECT_TYPES, my_tasks_panel
from kosmos.workinggroups.search import PROVIDER as SEARCH_PROVIDER

MODULE = Module(
    label="workinggroups",
    name=_("Working groups"),
    urls=urls,
    url_prefix="workinggroup_",
    navigation=(Navigation(_("Working groups"), "org:workinggroup_list", "workinggroups.view"),),
    panels=(DashboardPanel("workinggroups.view", my_tasks_panel),),
    demo_loader=load_workinggroups_demo,
    audit_actions=ACTIONS,
    audit_object_types=OBJECT_TYPES,
    search_provider=SEARCH_PROVIDER,
    finding_sources={HUB_SOURCE: SOURCE},
)
