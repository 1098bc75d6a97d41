from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "kosmos.programme"
    label = "programme"
    verbose_name = _("Programme")

    def ready(self) -> None:
        from kosmos.core.modules import register_module
        from kosmos.programme.modules import MODULE

        register_module(MODULE)
