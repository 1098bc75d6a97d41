"""Audit helper shared by the services of this module."""

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


def created(fields: dict[str, Any]) -> dict[str, list[Any]]:
    return {name: [None, value] for name, value in fields.items() if value not in (None, "", [], {})}
