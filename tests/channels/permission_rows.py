"""Permission rows for every URL of the communication channels module."""

from __future__ import annotations

from tests.channels import check_builders, usage_builders
from tests.permissions.rows import OrgRow, PlatformRow  # noqa: F401


def _check(world) -> dict:  # noqa: ANN001
    check = check_builders.check(world.freiburg, world.qm, levels={"video": check_builders.uniform(2)})
    return {"check_id": check.public_id}


ROWS: dict = {
    # --- check (C1) ---
    "org:channel_overview": OrgRow(),
    "org:channel_offered": OrgRow(),
    "org:channel_check_start": OrgRow(),
    "org:channel_check": OrgRow(kwargs=lambda w: _check(w)),
    "org:channel_check_xlsx": OrgRow(kwargs=lambda w: _check(w)),
    "org:channel_check_pdf": OrgRow(kwargs=lambda w: _check(w)),
    "org:channel_check_answer": OrgRow(kwargs=lambda w: {**_check(w), "channel_key": "video"}),
    "org:channel_check_versions": OrgRow(kwargs=lambda w: {**_check(w), "channel_key": "video"}),
    "org:channel_history": OrgRow(),
    "org:channel_benchmark": OrgRow(),
    "org:channel_benchmark_consent": OrgRow(method="post", data=lambda w: {"granted": "1"}, ok_status=302),
    "org:channel_catalogue": OrgRow(),
    "org:channel_catalogue_export": OrgRow(),
    "org:channel_catalogue_copy": OrgRow(method="post", ok_status=302),
    "org:channel_catalogue_import": OrgRow(),
    "channel_platform_catalogue": PlatformRow(),
    "org:channel_catalogue_dimension": OrgRow(kwargs=lambda w: {"dimension_id": check_builders.own_dimension(w).public_id}),
    # --- usage (C2) ---
    "org:channel_usage": OrgRow(),
    "org:channel_usage_offer_create": OrgRow(),
    "org:channel_usage_offer": OrgRow(kwargs=lambda w: {"offer_id": usage_builders.offer(w.freiburg).public_id}),
    "org:channel_usage_offer_edit": OrgRow(kwargs=lambda w: {"offer_id": usage_builders.offer(w.freiburg).public_id}),
    "org:channel_usage_grid": OrgRow(kwargs=lambda w: {"offer_id": usage_builders.offer(w.freiburg).public_id,
                                                       "year": 2025}),
    "org:channel_usage_note_add": OrgRow(method="post", ok_status=302,
                                         data=lambda w: {"month": "03.2025", "text": "Kampagne Eingangszone"}),
    "org:channel_usage_note_delete": OrgRow(kwargs=lambda w: {"note_id": usage_builders.note(w.freiburg).public_id},
                                            method="post", ok_status=302),
    "org:channel_usage_import": OrgRow(),
    "org:channel_usage_import_preview": OrgRow(
        kwargs=lambda w: {"import_id": usage_builders.pending_import(w.freiburg).public_id}),
    "org:channel_usage_export": OrgRow(),
    "org:channel_usage_comparison": OrgRow(),
    "org:channel_usage_consent": OrgRow(method="post", data=lambda w: {"granted": "1"}, ok_status=302),
    "channel_usage_platform": PlatformRow(),
}
