"""The module declaration of programme (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import Module
from kosmos.programme import urls

MODULE = Module(
    label="programme",
    name=_("Programme"),
    urls=urls,
    url_prefix="programme_",
)
