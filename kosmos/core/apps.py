from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kosmos.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from kosmos.core.declaration import MODULE
        from kosmos.core.modules import register_module

        register_module(MODULE)
