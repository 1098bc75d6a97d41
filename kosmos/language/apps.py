from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguageConfig(AppConfig):
    name = "kosmos.language"
    label = "language"
    verbose_name = _("Comprehensible language")

    def ready(self) -> None:
        """Register navigation entries, dashboard panels, audit labels and demo loaders here."""
