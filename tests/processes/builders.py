"""Process maps for the process tests."""

from __future__ import annotations

from kosmos.processes import services
from kosmos.processes.models import ProcessMap


def process_map(world, template: str = "fbw-2025", title: str = "FbW-Übergang Freiburg") -> ProcessMap:  # noqa: ANN001
    existing = ProcessMap.objects.filter(organisation=world.freiburg, title=title).first()
    if existing is not None:
        return existing
    return services.do_create_map(acting_user=world.qm, organisation=world.freiburg, template_key=template,
                                  title=title)


def newest(process_map: ProcessMap):  # noqa: ANN201
    return process_map.versions.order_by("-number").first()


def first_step_key(process_map: ProcessMap) -> str:
    return newest(process_map).data["steps"][0]["key"]
