from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "kosmos.assessments"
    label = "assessments"
    verbose_name = _("Self-assessment")

    def ready(self) -> None:
        from kosmos.assessments.audit import register_assessment_labels
        from kosmos.assessments.demo import load_assessment_demo
        from kosmos.assessments.panels import assessment_panel
        from kosmos.assessments.urls import org_urlpatterns
        from kosmos.core.dashboard import register_dashboard_panel
        from kosmos.core.demo import register_demo_loader
        from kosmos.core.navigation import NavItem, register_org_nav

        register_org_nav(NavItem(
            _("Self-assessment"), "org:assessment_list", "assessments.view", 200,
            tuple(f"org:{p.name}" for p in org_urlpatterns),
        ))
        register_dashboard_panel(assessment_panel)
        register_assessment_labels()
        register_demo_loader(load_assessment_demo, 200)
