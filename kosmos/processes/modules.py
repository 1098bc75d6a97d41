"""The module declaration of the process maps (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import Module, Navigation
from kosmos.processes import urls
from kosmos.processes.demo import load_processes_demo
from kosmos.processes.hub import HUB_SOURCE
from kosmos.processes.hub import SOURCE as HUB_FINDINGS
from kosmos.processes.search import PROVIDER as SEARCH_PROVIDER

MODULE = Module(
    label="processes",
    name=_("Process maps"),
    urls=urls,
    url_prefix="process_",
    navigation=(Navigation(_("Process maps"), "org:process_list", "processes.view"),),
    demo_loader=load_processes_demo,
    audit_actions={
        "processes.map_created": _("created a process map"),
        "processes.step_added": _("added a process step"),
        "processes.step_changed": _("changed a process step"),
        "processes.step_deleted": _("removed a process step"),
        "processes.actors_changed": _("changed the actors of a process map"),
        "processes.approved": _("approved a process map version"),
        "processes.agreed": _("a process map version was agreed by every side"),
    },
    audit_object_types={"processes.processmap": _("Process map")},
    search_provider=SEARCH_PROVIDER,
    finding_sources={HUB_SOURCE: HUB_FINDINGS},
)
