"""Ecosystem maps. Every change of an entry is kept as a version row and in the audit log."""

from __future__ import annotations

from django.db import transaction

from kosmos.assessments.models import EcosystemEntry, EcosystemEntryVersion, EcosystemMap
from kosmos.core.audit import log_created, log_deleted, update_fields
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
    log_created(ecosystem, actor=acting_user, organisation=organisation, action="ecosystem.map_created",
                fields=MAP_FIELDS)
    return ecosystem


@transaction.atomic
def do_update_ecosystem_map(*, acting_user: User, ecosystem: EcosystemMap, data: dict) -> EcosystemMap:
    update_fields(ecosystem, {f: data[f] for f in MAP_FIELDS if f in data}, actor=acting_user,
                  organisation=ecosystem.organisation, action="ecosystem.map_updated")
    return ecosystem


def _touch(ecosystem: EcosystemMap) -> None:
    ecosystem.save(update_fields=["updated_at"])


@transaction.atomic
def do_add_ecosystem_entry(*, acting_user: User, ecosystem: EcosystemMap, data: dict) -> EcosystemEntry:
    entry = EcosystemEntry.objects.create(map=ecosystem, **{k: data[k] for k in ENTRY_FIELDS if k in data})
    _version(entry, EcosystemEntryVersion.Action.CREATED, acting_user)
    _touch(ecosystem)
    log_created(entry, actor=acting_user, organisation=ecosystem.organisation, action="ecosystem.entry_added",
                fields=ENTRY_FIELDS, object_repr=f"{ecosystem.title}: {entry.label}")
    return entry


@transaction.atomic
def do_update_ecosystem_entry(*, acting_user: User, entry: EcosystemEntry, data: dict) -> EcosystemEntry:
    values = {f: data[f] for f in ENTRY_FIELDS if f in data}
    changes = update_fields(entry, values, actor=acting_user, organisation=entry.map.organisation,
                            action="ecosystem.entry_updated",
                            object_repr=f"{entry.map.title}: {values.get('label', entry.label)}")
    if changes:
        _version(entry, EcosystemEntryVersion.Action.UPDATED, acting_user)
        _touch(entry.map)
    return entry


@transaction.atomic
def do_delete_ecosystem_entry(*, acting_user: User, entry: EcosystemEntry) -> None:
    _version(entry, EcosystemEntryVersion.Action.DELETED, acting_user)
    _touch(entry.map)
    log_deleted(entry, actor=acting_user, organisation=entry.map.organisation, action="ecosystem.entry_removed",
                fields=ENTRY_FIELDS, object_repr=f"{entry.map.title}: {entry.label}")
    entry.delete()
