"""The platform core's own module declaration: overview first; members, audit log and the
organisation's settings after every module."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core import urls
from kosmos.core.audit_labels import CORE_ACTIONS, CORE_OBJECT_TYPES
from kosmos.core.modules import Module, Navigation

MODULE = Module(
    label="core",
    name=_("Platform"),
    urls=urls,
    navigation=(
        Navigation(_("Overview"), "org:dashboard", "org.view", current=("org:dashboard",)),
        Navigation(
            _("Members"), "org:members", "members.view", tail=True,
            current=("org:members", "org:member_invite", "org:member_role", "org:member_remove"),
        ),
        Navigation(_("Audit log"), "org:audit_log", "audit.view", tail=True, current=("org:audit_log",)),
        Navigation(
            _("Organisation"), "org:organisation_edit", "org.edit", tail=True,
            current=("org:organisation_edit",),
        ),
    ),
    audit_actions=CORE_ACTIONS,
    audit_object_types=CORE_OBJECT_TYPES,
)
