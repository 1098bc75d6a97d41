from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "kosmos.training"
    label = "training"
    verbose_name = _("Quali-Kompass")

    def ready(self) -> None:
        from kosmos.core.modules import register_module
        from kosmos.training.modules import MODULE

        register_module(MODULE)
