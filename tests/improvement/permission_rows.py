"""Permission rows for every URL of the improvement module."""

from __future__ import annotations

from tests.improvement import builders
from tests.permissions.rows import OrgRow


def _field(world) -> dict:  # noqa: ANN001
    return {"field_id": builders.action_field(world).public_id}


def _project(world) -> dict:  # noqa: ANN001
    return {"project_id": builders.project(world).public_id}


def _milestone(world) -> dict:  # noqa: ANN001
    return {"milestone_id": builders.project(world).milestones.first().public_id}


ROWS = {
    "org:improvement_overview": OrgRow(),
    "org:improvement_matrix": OrgRow(),
    "org:improvement_prioritise": OrgRow(),
    "org:improvement_action_field_create": OrgRow(),
    "org:improvement_action_field_detail": OrgRow(kwargs=_field),
    "org:improvement_action_field_edit": OrgRow(kwargs=_field),
    "org:improvement_project_create": OrgRow(),
    "org:improvement_project_detail": OrgRow(kwargs=_project),
    "org:improvement_project_edit": OrgRow(kwargs=_project),
    "org:improvement_milestone_add": OrgRow(kwargs=_project, method="post", data=lambda w: {"title": "Schulung"},
                                            ok_status=302),
    "org:improvement_milestone_toggle": OrgRow(kwargs=_milestone, method="post", ok_status=302),
    "org:improvement_milestone_delete": OrgRow(kwargs=_milestone, method="post", ok_status=302),
}
