from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "kosmos.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from kosmos.core.audit_labels import register_labels
        from kosmos.core.dashboard import register_dashboard_panel
        from kosmos.core.demo import register_demo_loader
        from kosmos.core.navigation import NavItem, register_org_nav
        from kosmos.surveys.demo import load_survey_demo
        from kosmos.surveys.urls import org_urlpatterns
        from kosmos.surveys.views.surveys import running_waves_panel

        pages = tuple(f"org:{pattern.name}" for pattern in org_urlpatterns)
        register_org_nav(NavItem(_("Surveys"), "org:survey_list", "surveys.view", 100, pages))
        register_dashboard_panel(running_waves_panel)
        register_demo_loader(load_survey_demo, 100)
        register_labels(
            actions={
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
                "wave.tokens_created": _("created access codes for a survey"),
                "wave.invitations_sent": _("sent survey invitations"),
                "wave.reminders_sent": _("sent survey reminders"),
                "wave.addresses_deleted": _("deleted the e-mail addresses of a survey"),
            },
            object_types={
                "survey": _("Survey"),
                "section": _("Survey section"),
                "question": _("Survey question"),
                "wave": _("Survey wave"),
            },
        )
