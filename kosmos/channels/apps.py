from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "kosmos.channels"
    label = "channels"
    verbose_name = _("Communication channels")

    def ready(self) -> None:
        from kosmos.channels.modules import MODULE
        from kosmos.core.modules import register_module

        register_module(MODULE)
