"""The module declaration of self-assessment (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.assessments import urls
from kosmos.assessments.audit import ACTIONS, OBJECT_TYPES
from kosmos.assessments.comparisons import TOPICS as COMPARISON_TOPICS
from kosmos.assessments.demo import load_assessment_demo
from kosmos.assessments.hub import HUB_SOURCE, SOURCE
from kosmos.assessments.panels import assessment_panel
from kosmos.assessments.search import PROVIDER as SEARCH_PROVIDER
from kosmos.core.modules import DashboardPanel, Module, Navigation

MODULE = Module(
    label="assessments",
    name=_("Self-assessment"),
    urls=urls,
    url_prefix="assessment_",
    navigation=(Navigation(_("Self-assessment"), "org:assessment_list", "assessments.view"),),
    panels=(DashboardPanel("assessments.view", assessment_panel),),
    demo_loader=load_assessment_demo,
    search_provider=SEARCH_PROVIDER,
    audit_actions=ACTIONS,
    audit_object_types=OBJECT_TYPES,
    finding_sources={HUB_SOURCE: SOURCE},
    comparison_topics=COMPARISON_TOPICS,
)
