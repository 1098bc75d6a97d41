"""The module declaration of the working groups (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import Module, Navigation
from kosmos.workinggroups import urls

MODULE = Module(
    label="workinggroups",
    name=_("Working groups"),
    urls=urls,
    url_prefix="workinggroup_",
    navigation=(Navigation(_("Working groups"), "org:workinggroup_list", "workinggroups.view"),),
)
