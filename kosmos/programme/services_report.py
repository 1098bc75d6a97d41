"""Writes of the results report: the office's narrative sections (audited; the log is the history)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.core.audit import update_fields
from kosmos.core.domain.numbers import format_number
from kosmos.core.models import User
from kosmos.programme.domain.report_outline import is_slot_key
from kosmos.programme.models import Call, ReportSection
from kosmos.programme.services_events import is_office, office_organisation

MAX_SECTION_CHARS = 20_000


@transaction.atomic
def do_save_report_section(*, acting_user: User, call: Call, key: str, body: str,
                           version: int | None = None) -> ReportSection:
    """Store the text of one narrative slot.

    ``version`` is the section's version the editor started from: when somebody else saved in
    between, a German error is raised and nothing is overwritten (the view keeps the typed text).
    """
    if not is_office(acting_user):
        raise PermissionDenied
    if not is_slot_key(key):
        raise ValidationError(_("This section does not exist in the report."))
    body = (body or "").replace("\r\n", "\n").strip()
    if len(body) > MAX_SECTION_CHARS:
        raise ValidationError({"body": _("The text is too long (at most %(max)s characters).")
                               % {"max": format_number(MAX_SECTION_CHARS)}})
    section, _created = ReportSection.objects.select_for_update().get_or_create(call=call, key=key)
    if version is not None and version != section.version:
        raise ValidationError(_("Somebody else has changed this section in the meantime. Your text is still "
                                "in the field: compare it with the current version below and save again."))
    update_fields(section, {"body": body}, actor=acting_user, organisation=office_organisation(),
                  action="programme.report_section_saved", touch={"version": section.version + 1,
                                                                 "updated_by": acting_user},
                  object_repr=f"{call}: {key}")
    return section
