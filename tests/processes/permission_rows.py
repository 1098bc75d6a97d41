"""Permission rows for every URL of the process maps: the owner's pages (``OrgRow``) and the
partner's pages under ``geteilt/`` (``SharedRow``: the partner reads and edits, others get 404)."""

from __future__ import annotations

from kosmos.processes import services
from tests.permissions.rows import OrgRow, SharedRow
from tests.processes import builders


def _map(world) -> dict:  # noqa: ANN001
    return {"map_id": builders.process_map(world).public_id}


def _step(world) -> dict:  # noqa: ANN001
    process_map = builders.process_map(world)
    return {"map_id": process_map.public_id, "step_key": builders.first_step_key(process_map)}


def _token(world) -> dict:  # noqa: ANN001
    return {"token": services.token(builders.newest(builders.process_map(world)))}


def _shared_map(obj) -> dict:  # noqa: ANN001
    return {"map_id": obj.public_id}


def _shared_step(obj) -> dict:  # noqa: ANN001
    return {"map_id": obj.public_id, "step_key": builders.first_step_key(obj)}


ROWS = {
    "org:process_list": OrgRow(),
    "org:process_catalogue": OrgRow(),
    "org:process_create": OrgRow(),
    "org:process_sides": OrgRow(kwargs=_map),
    "org:process_detail": OrgRow(kwargs=_map),
    "org:process_step_add": OrgRow(kwargs=_map),
    "org:process_step_edit": OrgRow(kwargs=_step),
    "org:process_step_delete": OrgRow(kwargs=_step, method="post", data=_token, ok_status=302),
    "org:process_actors": OrgRow(kwargs=_map),
    "org:process_approve": OrgRow(kwargs=_map, method="post", data=_token, ok_status=302),
    "org:process_checklist": OrgRow(kwargs=_map),
    "org:process_bpmn": OrgRow(kwargs=_map),
    "org:process_pdf": OrgRow(kwargs=_map),
    "org:process_shared_detail": SharedRow(obj=builders.process_map, kwargs=_shared_map),
    "org:process_shared_step_add": SharedRow(obj=builders.process_map, kwargs=_shared_map),
    "org:process_shared_step_edit": SharedRow(obj=builders.process_map, kwargs=_shared_step),
    "org:process_shared_step_delete": SharedRow(obj=builders.process_map, kwargs=_shared_step, method="post",
                                                data=_token, ok_status=302),
    "org:process_shared_actors": SharedRow(obj=builders.process_map, kwargs=_shared_map),
    "org:process_shared_approve": SharedRow(obj=builders.process_map, kwargs=_shared_map, method="post",
                                            data=_token, ok_status=302),
    "org:process_shared_checklist": SharedRow(obj=builders.process_map, kwargs=_shared_map),
    "org:process_shared_bpmn": SharedRow(obj=builders.process_map, kwargs=_shared_map),
    "org:process_shared_pdf": SharedRow(obj=builders.process_map, kwargs=_shared_map),
}
