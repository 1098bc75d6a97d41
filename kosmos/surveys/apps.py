from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "kosmos.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        """Register navigation entries, dashboard panels, audit labels and demo loaders here."""
