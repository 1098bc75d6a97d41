"""Permission rows for every URL of the knowledge base (``tests/permissions``).

Reading (finder, entries, partners, network, meetings) needs ``knowledge.view``; maintaining
entries, partners and meetings ``knowledge.edit``; categories and sharing ``knowledge.manage``.
An entry's short URL is also the page where other organisations read a shared entry.
"""

from __future__ import annotations

from tests.knowledge import builders
from tests.permissions.rows import OrgRow, SharedRow


def _entry(world) -> dict:  # noqa: ANN001
    return {"entry_id": builders.entry(world).public_id}


def _category(world) -> dict:  # noqa: ANN001
    return {"category_id": builders.category(world).public_id}


def _partner(world) -> dict:  # noqa: ANN001
    return {"partner_id": builders.partner(world).public_id}


def _contact(world) -> dict:  # noqa: ANN001
    return {"contact_id": builders.contact(world).public_id}


def _meeting(world) -> dict:  # noqa: ANN001
    return {"meeting_id": builders.meeting(world).public_id}


def _code(entry) -> dict:  # noqa: ANN001
    return {"code": entry.short_code}


def _staged(world) -> dict:  # noqa: ANN001
    from kosmos.knowledge.imports import do_stage_import

    staged = do_stage_import(acting_user=world.qm, organisation=world.freiburg, file_name="wissen.xlsx",
                             header=["Titel", "PLZ"], rows=[["Rückenschule", "79098"]])
    return {"import_id": staged.public_id}


ROWS = {
    "org:knowledge_finder": OrgRow(),
    "org:knowledge_entry_create": OrgRow(),
    "org:knowledge_entry_edit": OrgRow(kwargs=_entry),
    "org:knowledge_entry_delete": OrgRow(kwargs=_entry),
    "org:knowledge_entry_checked": OrgRow(kwargs=_entry, method="post", ok_status=302),
    "org:knowledge_entry_share": OrgRow(kwargs=_entry),
    "org:knowledge_entry": SharedRow(obj=builders.entry, kwargs=_code, owner_status=200),
    "org:knowledge_entry_copy": SharedRow(obj=builders.entry, kwargs=_code, method="post", ok_status=302),
    "org:knowledge_review": OrgRow(),
    "org:knowledge_shared": OrgRow(),
    "org:knowledge_categories": OrgRow(),
    "org:knowledge_category_edit": OrgRow(kwargs=_category),
    "org:knowledge_category_delete": OrgRow(kwargs=_category),
    "org:knowledge_category_share": OrgRow(kwargs=_category),
    "org:knowledge_category_copy": SharedRow(obj=builders.category, kwargs=lambda c: {"category_id": c.public_id},
                                             method="post", ok_status=302),
    "org:knowledge_partners": OrgRow(),
    "org:knowledge_partner_create": OrgRow(),
    "org:knowledge_partner": OrgRow(kwargs=_partner),
    "org:knowledge_partner_edit": OrgRow(kwargs=_partner),
    "org:knowledge_partner_delete": OrgRow(kwargs=_partner),
    "org:knowledge_contact_remove": OrgRow(kwargs=_contact, method="post", ok_status=302),
    "org:knowledge_network": OrgRow(),
    "org:knowledge_meetings": OrgRow(),
    "org:knowledge_meeting_create": OrgRow(kwargs=lambda world: {}),
    "org:knowledge_meeting": OrgRow(kwargs=_meeting),
    "org:knowledge_meeting_edit": OrgRow(kwargs=_meeting),
    "org:knowledge_meeting_delete": OrgRow(kwargs=_meeting),
    # K2 rows below
    "org:knowledge_import": OrgRow(),
    "org:knowledge_import_preview": OrgRow(kwargs=_staged),
    "org:knowledge_export": OrgRow(),
    "org:knowledge_flyer": OrgRow(),
}
