from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImprovementConfig(AppConfig):
    name = "kosmos.improvement"
    label = "improvement"
    verbose_name = _("Improvement")

    def ready(self) -> None:
        from kosmos.core.audit_labels import register_labels
        from kosmos.core.dashboard import register_dashboard_panel
        from kosmos.core.navigation import NavItem, register_org_nav
        from kosmos.improvement.panels import ACTIONS, OBJECT_TYPES, projects_panel
        from kosmos.improvement.urls import org_urlpatterns

        register_org_nav(NavItem(
            _("Improvement"), "org:improvement_overview", "improvement.view", 300,
            tuple(f"org:{p.name}" for p in org_urlpatterns),
        ))
        register_dashboard_panel(projects_panel)
        register_labels(actions=ACTIONS, object_types=OBJECT_TYPES)
