"""Rows of the language module's pages for the URL permission walk."""

from __future__ import annotations

from typing import Any

from kosmos.language import services
from tests.permissions.rows import OrgRow, PublicRow, PublishedRow, SharedRow

LETTER = "Sehr geehrte Frau Muster, hiermit werden Sie gebeten, die Unterlagen vorzulegen."
NEWER = "Guten Tag, bitte schicken Sie uns die Unterlagen bis zum 1. Mai."


def _template(world: Any) -> Any:
    template = services.do_create_template(
        acting_user=world.qm,
        organisation=world.freiburg,
        name="Einladung",
        category="invitation",
        text_type="brief",
        text=LETTER,
    )
    services.do_add_version(acting_user=world.qm, template=template, text=NEWER)
    return template


def _template_kwargs(world: Any) -> dict[str, Any]:
    return {"template_id": _template(world).public_id}


def _shared_kwargs(template: Any) -> dict[str, Any]:
    return {"template_id": template.public_id}


def _version_kwargs(world: Any) -> dict[str, Any]:
    template = _template(world)
    return {"template_id": template.public_id, "version_id": template.current_version.public_id}


def _entry_kwargs(world: Any) -> dict[str, Any]:
    entry = services.do_create_glossary_entry(
        acting_user=world.qm, organisation=world.freiburg, kind="avoid", term="zwecks", replacement="für"
    )
    return {"entry_id": entry.public_id}


ROWS = {
    "org:language_check": OrgRow(),
    "org:language_compare": OrgRow(),
    "org:language_library": OrgRow(),
    "org:language_template_create": OrgRow(),
    "org:language_template": OrgRow(kwargs=_template_kwargs),
    "org:language_template_edit": OrgRow(kwargs=_template_kwargs),
    "org:language_template_delete": OrgRow(kwargs=_template_kwargs),
    "org:language_version_create": OrgRow(kwargs=_template_kwargs),
    "org:language_version": OrgRow(kwargs=_version_kwargs),
    "org:language_template_compare": OrgRow(kwargs=_template_kwargs),
    "org:language_glossary": OrgRow(),
    "org:language_glossary_create": OrgRow(),
    "org:language_glossary_edit": OrgRow(kwargs=_entry_kwargs),
    "org:language_glossary_delete": OrgRow(kwargs=_entry_kwargs),
    # Sharing: the owner shares; another organisation reads and copies under its own address.
    "org:language_template_share": OrgRow(kwargs=_template_kwargs),
    "org:language_shared_library": OrgRow(),
    "org:language_shared_template": SharedRow(obj=_template, kwargs=_shared_kwargs),
    "org:language_shared_template_copy": SharedRow(
        obj=_template, kwargs=_shared_kwargs, method="post", ok_status=302, owner_status=302
    ),
    "language_public_library": PublicRow(),
    "language_public_template": PublishedRow(obj=_template, kwargs=_shared_kwargs),
}
