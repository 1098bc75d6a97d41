"""German labels for audit actions and object types. Apps add theirs with ``register_labels``."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

_ACTIONS: dict[str, str | Promise] = {
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
}

_OBJECT_TYPES: dict[str, str | Promise] = {
    "organisation": _("Organisation"),
    "membership": _("Membership"),
    "invitation": _("Invitation"),
    "user": _("Person"),
}


def register_labels(
    *, actions: dict[str, str | Promise] | None = None, object_types: dict[str, str | Promise] | None = None
) -> None:
    _ACTIONS.update(actions or {})
    _OBJECT_TYPES.update(object_types or {})


def action_label(action: str) -> str:
    return str(_ACTIONS.get(action, action))


def object_type_label(object_type: str) -> str:
    return str(_OBJECT_TYPES.get(object_type, object_type))


def object_type_choices(object_types: list[str]) -> list[tuple[str, str]]:
    return sorted(((t, object_type_label(t)) for t in object_types), key=lambda c: c[1])
