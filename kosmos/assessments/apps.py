from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "kosmos.assessments"
    label = "assessments"
    verbose_name = _("Self-assessment")

    def ready(self) -> None:
        from kosmos.assessments.modules import MODULE
        from kosmos.core.modules import register_module

        register_module(MODULE)
