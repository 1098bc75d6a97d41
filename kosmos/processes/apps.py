from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "kosmos.processes"
    label = "processes"
    verbose_name = _("Process maps")

    def ready(self) -> None:
        from kosmos.core.modules import register_module
        from kosmos.processes.modules import MODULE

        register_module(MODULE)
