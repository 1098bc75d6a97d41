from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class LanguageConfig(AppConfig):
    name = "kosmos.language"
    label = "language"
    verbose_name = pgettext_lazy("language", "Comprehensible language")

    def ready(self) -> None:
        from kosmos.core.modules import register_module
        from kosmos.language.modules import MODULE

        register_module(MODULE)
