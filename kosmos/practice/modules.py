"""The module declaration of practice (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import Module
from kosmos.practice import urls

MODULE = Module(
    label="practice",
    name=_("Good practice"),
    urls=urls,
    url_prefix="practice_",
)
