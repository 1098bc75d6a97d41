"""The audit log: one call per change — who, in which organisation, what, and the changed fields.

Services never write the snapshot → setattr → save → diff sequence themselves; they use the
three helpers for the three kinds of change, so every event has the same shape:

- ``log_created(obj, ...)``: ``changes`` holds the initial values as ``{field: [None, value]}``,
  leaving out empty values (``None``, ``""``, empty lists and dicts).
- ``update_fields(obj, values, ...)``: applies the values, saves only the fields whose value
  changed (plus the model's ``auto_now`` fields) and records them as ``{field: [old, new]}``.
  A no-op update saves nothing and writes no event; the returned dict is then empty.
- ``log_deleted(obj, ...)``: call it before ``obj.delete()``; ``changes`` holds the last values
  as ``{field: [value, None]}``, again without empty values.

``object_type`` is the model's ``app_label.model`` (``obj._meta.label_lower``), so two apps with a
model of the same name never mix in the log; its German label comes from ``kosmos.core.audit_labels``.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db import models

from kosmos.core.models import AuditEvent, Organisation, User

_EMPTY: tuple[Any, ...] = (None, "", [], {}, ())


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.date | dt.datetime | decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def diff_fields(instance: models.Model, before: dict[str, Any], fields: Iterable[str]) -> dict[str, list[Any]]:
    """The fields whose value changed since ``before``, as {field: [old, new]}."""
    changes: dict[str, list[Any]] = {}
    for name in fields:
        old, new = before.get(name), getattr(instance, name)
        if old != new:
            changes[name] = [_plain(old), _plain(new)]
    return changes


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in fields}


def about(subject: models.Model) -> dict[str, str]:
    """Event fields that name ``subject`` instead of the changed object, for a change that users
    see as part of another object (the calibration of an assessment): ``**about(assessment)``."""
    public = getattr(subject, "public_id", None) or getattr(subject, "slug", None) or subject.pk
    return {"object_type": subject._meta.label_lower, "object_id": str(public), "object_repr": str(subject)}


def _values(obj: models.Model, fields: Iterable[str] | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(fields, Mapping):
        return dict(fields)
    return {name: getattr(obj, name) for name in fields}


def initial_values(values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The one format of a created event: {field: [None, value]} for every non-empty value."""
    return {name: [None, _plain(value)] for name, value in values.items() if value not in _EMPTY}


def final_values(values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The one format of a deleted event: {field: [value, None]} for every non-empty value."""
    return {name: [_plain(value), None] for name, value in values.items() if value not in _EMPTY}


def log_event(
    *,
    actor: User | None,
    organisation: Organisation | None,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    object_repr: str | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event. Call it inside the service's transaction.

    Prefer the helpers below for created, updated and deleted objects; use this for other
    events (a phase change, an import, a bulk action) with ``changes`` as {name: [old, new]}.
    """
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        public = getattr(obj, "public_id", None) or getattr(obj, "slug", None) or obj.pk
        object_id = object_id or str(public)
        object_repr = object_repr or str(obj)
    return AuditEvent.objects.create(
        organisation=organisation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_name=(actor.get_full_name() or actor.email) if actor is not None and actor.is_authenticated else "",
        action=action,
        object_type=object_type or "",
        object_id=object_id or "",
        object_repr=(object_repr or "")[:200],
        changes={k: _plain(v) for k, v in (changes or {}).items()},
    )


def log_created(
    obj: models.Model,
    *,
    actor: User | None,
    organisation: Organisation | None,
    action: str,
    fields: Iterable[str] | Mapping[str, Any] = (),
    **event: Any,
) -> AuditEvent:
    """Record a new object with its initial values.

    ``fields`` names the object's fields to record, or maps names to values (for values that
    are not fields, e.g. the titles of related objects). ``event`` passes ``object_repr``,
    ``object_id`` or ``object_type`` through to ``log_event``.
    """
    return log_event(
        actor=actor, organisation=organisation, action=action, obj=obj,
        changes=initial_values(_values(obj, fields)), **event,
    )


def log_deleted(
    obj: models.Model,
    *,
    actor: User | None,
    organisation: Organisation | None,
    action: str,
    fields: Iterable[str] | Mapping[str, Any] = (),
    **event: Any,
) -> AuditEvent:
    """Record an object that is about to be deleted, with its last values. Call before ``delete()``."""
    return log_event(
        actor=actor, organisation=organisation, action=action, obj=obj,
        changes=final_values(_values(obj, fields)), **event,
    )


def _auto_now_fields(obj: models.Model) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if getattr(f, "auto_now", False)]


def apply_changes(
    obj: models.Model,
    values: Mapping[str, Any],
    *,
    clean: Callable[[Any], None] | None = None,
    touch: Mapping[str, Any] | None = None,
) -> dict[str, list[Any]]:
    """Set ``values`` on ``obj`` and save the fields that changed; returns {field: [old, new]}.

    ``clean(obj)`` runs after the values are set and before the comparison (validation,
    normalisation). Nothing is saved when nothing changed. ``touch`` holds bookkeeping values
    (who decided, who edited last) that are saved with a real change but never recorded.
    Writes no audit event: ``update_fields`` does.
    """
    # Compare with the stored row, not the instance: a ModelForm has already written the new
    # values onto its instance when the view calls the service.
    stored = type(obj)._default_manager.filter(pk=obj.pk).first() if obj.pk is not None else None
    before = snapshot(stored if stored is not None else obj, values)
    for name, value in values.items():
        setattr(obj, name, value)
    if clean is not None:
        clean(obj)
    changes = diff_fields(obj, before, values)
    if changes:
        for name, value in (touch or {}).items():
            setattr(obj, name, value)
        obj.save(update_fields=[*changes, *(touch or {}), *_auto_now_fields(obj)])
    return changes


def update_fields(
    obj: models.Model,
    values: Mapping[str, Any],
    *,
    actor: User | None,
    organisation: Organisation | None,
    action: str,
    clean: Callable[[Any], None] | None = None,
    touch: Mapping[str, Any] | None = None,
    extra_changes: Mapping[str, list[Any]] | None = None,
    **event: Any,
) -> dict[str, list[Any]]:
    """Apply ``values`` to ``obj``, save the changed fields and record them in one event.

    Returns the recorded changes ({field: [old, new]}), empty for a no-op update: then nothing
    is saved and no event is written. ``extra_changes`` adds changes that are not fields of
    ``obj`` (e.g. a replaced list of related objects) to the same event; callers compute them
    only when they differ. ``clean`` and ``touch`` work as in ``apply_changes``; ``event`` passes
    ``object_repr``, ``object_id`` or ``object_type`` through to ``log_event``.
    """
    changes = apply_changes(obj, values, clean=clean, touch=touch)
    changes.update(extra_changes or {})
    if changes:
        log_event(actor=actor, organisation=organisation, action=action, obj=obj, changes=changes, **event)
    return changes
