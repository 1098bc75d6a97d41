"""The module declaration of knowledge (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import Module
from kosmos.knowledge import urls

MODULE = Module(
    label="knowledge",
    name=_("Health knowledge base"),
    urls=urls,
    url_prefix="knowledge_",
)
