from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "kosmos.knowledge"
    label = "knowledge"
    verbose_name = _("Health knowledge base")

    def ready(self) -> None:
        from kosmos.core.modules import register_module
        from kosmos.knowledge.modules import MODULE

        register_module(MODULE)
