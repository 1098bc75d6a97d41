from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkingGroupsConfig(AppConfig):
    name = "kosmos.workinggroups"
    label = "workinggroups"
    verbose_name = _("Working groups")

    def ready(self) -> None:
        from kosmos.core.modules import register_module
        from kosmos.workinggroups.modules import MODULE

        register_module(MODULE)
