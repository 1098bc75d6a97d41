from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    name = "kosmos.practice"
    label = "practice"
    verbose_name = _("Good practice")

    def ready(self) -> None:
        from kosmos.core.modules import register_module
        from kosmos.practice.modules import MODULE

        register_module(MODULE)
