"""The module declaration of channels (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.channels import urls
from kosmos.core.modules import Module

MODULE = Module(
    label="channels",
    name=_("Communication channels"),
    urls=urls,
    url_prefix="channel_",
)
