from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "kosmos.assessments"
    label = "assessments"
    verbose_name = _("Self-assessment")

    def ready(self) -> None:
        """Register navigation entries, dashboard panels, audit labels and demo loaders here."""
