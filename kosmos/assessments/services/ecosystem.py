"""Ecosystem maps. Every change of an entry is kept as a version row and in the audit log."""

from __future__ import annotations

from django.db import transaction

from kosmos.assessments.models import EcosystemEntry, EcosystemEntryVersion, EcosystemMap
from kosmos.assessments.services._audit import created, log
from kosmos.core.audit import diff_fields, snapshot
from kosmos.core.models import Organisation, User

MAP_FIELDS = ["title", "description", "shared_with_partners"]
ENTRY_FIELDS = ["sphere", "label", "assumed_view", "relationship"]


def _version(entry: EcosystemEntry, action: str, user: User) -> None:
    last = (
        EcosystemEntryVersion.objects.filter(entry_id=entry.public_id).order_by("-version")
        .values_list("version", flat=True).first()
    ) or 0
    EcosystemEntryVersion.objects.create(
        map_id=entry.map_id,
        entry_id=entry.public_id,
        version=last + 1,
        action=action,
        changed_by=user,
        changed_by_name=user.get_full_name() or user.email,
        **{f: getattr(entry, f) for f in ENTRY_FIELDS},
    )


@transaction.atomic
def do_create_ecosystem_map(*, acting_user: User, organisation: Organisation, data: dict) -> EcosystemMap:
    ecosystem = EcosystemMap.objects.create(
        organisation=organisation, created_by=acting_user, **{k: data[k] for k in MAP_FIELDS if k in data}
    )
    log(acting_user, organisation, "ecosystem.map_created", ecosystem,
        changes=created({k: data.get(k) for k in MAP_FIELDS}))
    return ecosystem


@transaction.atomic
def do_update_ecosystem_map(*, acting_user: User, ecosystem: EcosystemMap, data: dict) -> EcosystemMap:
    fields = [f for f in MAP_FIELDS if f in data]
    before = snapshot(ecosystem, fields)
    for name in fields:
        setattr(ecosystem, name, data[name])
    ecosystem.save(update_fields=[*fields, "updated_at"])
    changes = diff_fields(ecosystem, before, fields)
    if changes:
        log(acting_user, ecosystem.organisation, "ecosystem.map_updated", ecosystem, changes=changes)
    return ecosystem


def _touch(ecosystem: EcosystemMap) -> None:
    ecosystem.save(update_fields=["updated_at"])


@transaction.atomic
def do_add_ecosystem_entry(*, acting_user: User, ecosystem: EcosystemMap, data: dict) -> EcosystemEntry:
    entry = EcosystemEntry.objects.create(map=ecosystem, **{k: data[k] for k in ENTRY_FIELDS if k in data})
    _version(entry, EcosystemEntryVersion.Action.CREATED, acting_user)
    _touch(ecosystem)
    log(acting_user, ecosystem.organisation, "ecosystem.entry_added", entry,
        object_repr=f"{ecosystem.title}: {entry.label}", changes=created({k: getattr(entry, k) for k in ENTRY_FIELDS}))
    return entry


@transaction.atomic
def do_update_ecosystem_entry(*, acting_user: User, entry: EcosystemEntry, data: dict) -> EcosystemEntry:
    fields = [f for f in ENTRY_FIELDS if f in data]
    before = snapshot(entry, fields)
    for name in fields:
        setattr(entry, name, data[name])
    changes = diff_fields(entry, before, fields)
    if changes:
        entry.save(update_fields=[*fields, "updated_at"])
        _version(entry, EcosystemEntryVersion.Action.UPDATED, acting_user)
        _touch(entry.map)
        log(acting_user, entry.map.organisation, "ecosystem.entry_updated", entry,
            object_repr=f"{entry.map.title}: {entry.label}", changes=changes)
    return entry


@transaction.atomic
def do_delete_ecosystem_entry(*, acting_user: User, entry: EcosystemEntry) -> None:
    _version(entry, EcosystemEntryVersion.Action.DELETED, acting_user)
    _touch(entry.map)
    log(acting_user, entry.map.organisation, "ecosystem.entry_removed", entry,
        object_repr=f"{entry.map.title}: {entry.label}",
        changes={k: [getattr(entry, k), None] for k in ENTRY_FIELDS if getattr(entry, k)})
    entry.delete()
