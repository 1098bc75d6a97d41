"""Audit events: bare model names as object type become ``app_label.model``.

Older events stored ``obj._meta.model_name`` ("rating", "membership"), so two apps with a model
of the same name shared one key. A bare name is qualified with the app of the installed model of
that name; when two apps have a model of that name, the event's action prefix decides (its module);
a name no installed model has stays as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import migrations

# The modules' action prefixes at the time of this migration (frozen here, as migrations must be).
ACTION_PREFIX_APPS: dict[str, str] = {
    "organisation": "core",
    "membership": "core",
    "invitation": "core",
    "user": "core",
    "survey": "surveys",
    "wave": "surveys",
    "assessment": "assessments",
    "ecosystem": "assessments",
    "partnership": "assessments",
    "improvement": "improvement",
    "language": "language",
}


def apps_by_model(labels: Iterable[str]) -> dict[str, list[str]]:
    """{model_name: [app_label, ...]} from labels like ``surveys.question``."""
    result: dict[str, list[str]] = {}
    for label in labels:
        app_label, model_name = label.split(".", 1)
        result.setdefault(model_name, []).append(app_label)
    return result


def qualified_object_type(
    object_type: str, action: str, models: Mapping[str, list[str]], prefixes: Mapping[str, str] = ACTION_PREFIX_APPS
) -> str:
    """``app_label.model`` for a bare model name; anything else is returned unchanged."""
    if not object_type or "." in object_type:
        return object_type
    candidates = models.get(object_type.lower(), [])
    if len(candidates) == 1:
        return f"{candidates[0]}.{object_type.lower()}"
    app_label = prefixes.get(action.split(".", 1)[0])
    if app_label in candidates:
        return f"{app_label}.{object_type.lower()}"
    return object_type


def qualify(apps, schema_editor) -> None:  # noqa: ANN001
    AuditEvent = apps.get_model("core", "AuditEvent")
    models = apps_by_model(m._meta.label_lower for m in apps.get_models())
    pairs = (
        AuditEvent.objects.exclude(object_type="").exclude(object_type__contains=".")
        .values_list("object_type", "action").order_by().distinct()
    )
    for object_type, action in list(pairs):
        new = qualified_object_type(object_type, action, models)
        if new != object_type:
            AuditEvent.objects.filter(object_type=object_type, action=action).update(object_type=new)


def unqualify(apps, schema_editor) -> None:  # noqa: ANN001
    AuditEvent = apps.get_model("core", "AuditEvent")
    qualified = AuditEvent.objects.filter(object_type__contains=".").values_list("object_type", flat=True).order_by().distinct()
    for object_type in list(qualified):
        AuditEvent.objects.filter(object_type=object_type).update(object_type=object_type.split(".", 1)[1])


class Migration(migrations.Migration):
    # Every app's models must be in the historical registry to qualify their names.
    dependencies = [
        ("core", "0001_initial"),
        ("surveys", "0001_initial"),
        ("assessments", "0001_initial"),
        ("improvement", "0001_initial"),
        ("language", "0001_initial"),
    ]

    operations = [migrations.RunPython(qualify, unqualify)]
