from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImprovementConfig(AppConfig):
    name = "kosmos.improvement"
    label = "improvement"
    verbose_name = _("Improvement")

    def ready(self) -> None:
        from kosmos.core.modules import register_module
        from kosmos.improvement.modules import MODULE

        register_module(MODULE)
