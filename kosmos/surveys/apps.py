from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "kosmos.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from kosmos.core.modules import register_module
        from kosmos.surveys.modules import MODULE

        register_module(MODULE)
