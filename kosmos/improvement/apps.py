from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImprovementConfig(AppConfig):
    name = "kosmos.improvement"
    label = "improvement"
    verbose_name = _("Improvement")

    def ready(self) -> None:
        """Register navigation entries, dashboard panels, audit labels and demo loaders here."""
