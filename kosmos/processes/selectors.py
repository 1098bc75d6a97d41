"""Reads of the process maps, scoped to the reading organisation."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max, QuerySet

from kosmos.core import sharing
from kosmos.core.models import Organisation
from kosmos.processes.models import Approval, ProcessMap, ProcessVersion, VersionStatus


def own_maps(organisation: Organisation) -> QuerySet[ProcessMap]:
    return ProcessMap.objects.filter(organisation=organisation).annotate(newest=Max("versions__number"))


def maps_shared_with(organisation: Organisation) -> QuerySet[ProcessMap]:
    return sharing.shared_with(ProcessMap.objects.select_related("organisation"), organisation).annotate(
        newest=Max("versions__number"))


@dataclass
class MapState:
    """Everything the map page shows, read in a fixed number of queries."""

    process_map: ProcessMap
    shown: ProcessVersion  # the version on the page
    newest: ProcessVersion
    agreed: ProcessVersion | None
    history: list[ProcessVersion]  # without the step data
    sides: list[Organisation]
    approvals: list[Approval]  # of the newest version, at its current revision

    @property
    def approved_ids(self) -> set[int]:
        return {a.organisation_id for a in self.approvals}

    @property
    def waiting_for(self) -> list[Organisation]:
        return [o for o in self.sides if o.pk not in self.approved_ids]


def map_state(process_map: ProcessMap, number: int | None = None) -> MapState | None:
    history = list(process_map.versions.defer("data").order_by("-number"))
    if not history:
        return None
    newest_meta = history[0]
    wanted = number if number is not None else newest_meta.number
    agreed_meta = next((v for v in history if v.status == VersionStatus.AGREED), None)
    numbers = {wanted, newest_meta.number} | ({agreed_meta.number} if agreed_meta else set())
    full = {v.number: v for v in process_map.versions.filter(number__in=numbers)}
    if wanted not in full:
        return None
    sides = [process_map.organisation]
    if process_map.visibility == "partners":
        sides += sorted(process_map.shared_with.all(), key=lambda o: o.name)
    newest = full[newest_meta.number]
    approvals = list(Approval.objects.filter(version=newest, revision=newest.revision).select_related("organisation"))
    return MapState(process_map=process_map, shown=full[wanted], newest=newest,
                    agreed=full.get(agreed_meta.number) if agreed_meta else None, history=history, sides=sides,
                    approvals=approvals)
