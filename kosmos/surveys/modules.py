"""The module declaration of surveys (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import DashboardPanel, Module, Navigation
from kosmos.surveys import urls
from kosmos.surveys.comparisons import TOPICS as COMPARISON_TOPICS
from kosmos.surveys.demo import load_survey_demo
from kosmos.surveys.panels import running_waves_panel
from kosmos.surveys.search import PROVIDER as SEARCH_PROVIDER

MODULE = Module(
    label="surveys",
    name=_("Surveys"),
    urls=urls,
    url_prefix="survey_",
    navigation=(Navigation(_("Surveys"), "org:survey_list", "surveys.view"),),
    panels=(DashboardPanel("surveys.view", running_waves_panel),),
    demo_loader=load_survey_demo,
    search_provider=SEARCH_PROVIDER,
    audit_actions={
        "survey.created": _("created a survey"),
        "survey.updated": _("changed the settings of a survey"),
        "survey.deleted": _("deleted a survey"),
        "survey.copied": _("copied a survey"),
        "survey.section_added": _("added a section to a survey"),
        "survey.section_updated": _("changed a section of a survey"),
        "survey.section_deleted": _("deleted a section of a survey"),
        "survey.section_moved": _("moved a section of a survey"),
        "survey.question_added": _("added a question to a survey"),
        "survey.question_updated": _("changed a question of a survey"),
        "survey.question_deleted": _("deleted a question of a survey"),
        "survey.question_moved": _("moved a question of a survey"),
        "survey.translations_updated": _("changed the translations of a survey"),
        "wave.created": _("created a survey wave"),
        "wave.updated": _("changed a survey wave"),
        "wave.deleted": _("deleted a survey wave"),
        "wave.started": _("started a survey wave"),
        "wave.closed": _("ended a survey wave"),
        "wave.results_published": _("published the results of a survey wave"),
        "wave.results_withdrawn": _("withdrew the published results of a survey wave"),
        "wave.text_released": _("released a free-text answer for the published results"),
        "wave.text_withdrawn": _("withdrew the release of a free-text answer"),
        "wave.tokens_created": _("created access codes for a survey"),
        "wave.invitations_sent": _("sent survey invitations"),
        "wave.reminders_sent": _("sent survey reminders"),
        "wave.addresses_deleted": _("deleted the e-mail addresses of a survey"),
    },
    audit_object_types={
        "surveys.survey": _("Survey"),
        "surveys.section": _("Survey section"),
        "surveys.question": _("Survey question"),
        "surveys.wave": _("Survey wave"),
    },
    comparison_topics=COMPARISON_TOPICS,
)
