from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kosmos.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from kosmos.core.navigation import NavItem, register_org_nav

        register_org_nav(NavItem(_("Overview"), "org:dashboard", "org.view", 0))
        register_org_nav(
            NavItem(_("Members"), "org:members", "members.view", 900, ("org:members", "org:member_invite",
                                                                       "org:member_role", "org:member_remove"))
        )
        register_org_nav(NavItem(_("Audit log"), "org:audit_log", "audit.view", 910))
        register_org_nav(NavItem(_("Organisation"), "org:organisation_edit", "org.edit", 920))
