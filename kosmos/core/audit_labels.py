"""German labels for audit actions and object types, one registry for the whole platform.

Modules declare their labels in their ``Module`` declaration (``kosmos.core.modules``).
Object types are ``app_label.model`` (e.g. ``surveys.question``), so two apps with a model of
the same name never share a label; registering a key that another module already owns raises.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Label = str | Promise


class LabelClash(RuntimeError):
    """Two modules registered the same action or object type."""


_ACTIONS: dict[str, tuple[str, Label]] = {}
_OBJECT_TYPES: dict[str, tuple[str, Label]] = {}


def _register(registry: dict[str, tuple[str, Label]], owner: str, labels: dict[str, Label], kind: str) -> None:
    for key, label in labels.items():
        existing = registry.get(key)
        if existing is not None and existing[0] != owner:
            raise LabelClash(f"Audit {kind} {key!r} is registered by {existing[0]!r} and {owner!r}")
        registry[key] = (owner, label)


def register_labels(
    *, owner: str, actions: dict[str, Label] | None = None, object_types: dict[str, Label] | None = None
) -> None:
    """Register a module's labels. ``owner`` is the module's app label."""
    for key in object_types or {}:
        if "." not in key:
            raise ValueError(f"Object type {key!r} must be 'app_label.model'")
    _register(_ACTIONS, owner, actions or {}, "action")
    _register(_OBJECT_TYPES, owner, object_types or {}, "object type")


def action_label(action: str) -> str:
    entry = _ACTIONS.get(action)
    return str(entry[1]) if entry else action


def object_type_label(object_type: str) -> str:
    entry = _OBJECT_TYPES.get(object_type)
    return str(entry[1]) if entry else object_type


def object_type_choices(object_types: list[str]) -> list[tuple[str, str]]:
    return sorted(((t, object_type_label(t)) for t in object_types), key=lambda c: c[1])


CORE_ACTIONS: dict[str, Label] = {
    "organisation.created": _("created the organisation"),
    "organisation.updated": _("changed the organisation's facts"),
    "membership.role_changed": _("changed a role"),
    "membership.removed": _("removed a member"),
    "invitation.sent": _("sent an invitation"),
    "invitation.revoked": _("withdrew an invitation"),
    "invitation.accepted": _("accepted an invitation"),
    "user.created": _("created an account"),
    "user.profile_updated": _("changed the profile"),
    "user.password_changed": _("changed the password"),
    "user.second_factor_enabled": _("set up a second factor"),
    "user.second_factor_removed": _("removed the second factor"),
    "sharing.changed": _("changed who may see this"),
    "sharing.copied": _("took over a copy from another organisation"),
    "comparisons.consent_granted": _("agreed to contribute figures to comparisons"),
    "comparisons.consent_withdrawn": _("withdrew figures from comparisons"),
}

CORE_OBJECT_TYPES: dict[str, Label] = {
    "core.organisation": _("Organisation"),
    "core.membership": _("Membership"),
    "core.invitation": _("Invitation"),
    "core.user": _("Person"),
    "core.benchmarkconsent": _("Consent to comparisons"),
}
