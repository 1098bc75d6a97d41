"""The module's short form of ``log_event`` for events that are not a plain create, update or
delete (phase changes, imports, bulk actions); those use ``kosmos.core.audit``'s helpers."""

from __future__ import annotations

from typing import Any

from django.db import models

from kosmos.core.audit import log_event
from kosmos.core.models import AuditEvent, Organisation, User


def log(
    actor: User | None,
    organisation: Organisation,
    action: str,
    obj: models.Model | None = None,
    *,
    changes: dict[str, Any] | None = None,
    object_repr: str | None = None,
    object_type: str | None = None,
) -> AuditEvent:
    return log_event(
        actor=actor,
        organisation=organisation,
        action=action,
        obj=obj,
        object_repr=object_repr,
        object_type=object_type,
        changes=changes,
    )
