"""Catalogue export and import in the documented XLSX layout (``domain/catalogue_rows.py``)."""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kosmos.channels.domain import catalogue_rows
from kosmos.channels.domain.catalogue_rows import ParsedCatalogue, RowError
from kosmos.channels.models import Catalogue
from kosmos.channels.services_check import parsed_of
from kosmos.core.documents.office import parse_office_file
from kosmos.core.documents.tables import Sheet, to_xlsx
from kosmos.core.i18n import translate


def export_xlsx(catalogue: Catalogue) -> bytes:
    sheets = catalogue_rows.rows_of(parsed_of(catalogue))
    return to_xlsx([Sheet(name, rows) for name, rows in sheets.items()])


def _read(data: bytes) -> dict[str, list[tuple]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)]
                for sheet in workbook.worksheets if sheet.title in catalogue_rows.COLUMNS}
    finally:
        workbook.close()


def read_catalogue(data: bytes, name: str) -> tuple[ParsedCatalogue, list[RowError]]:
    """Parse an uploaded catalogue; unreadable files raise a German ValidationError."""
    try:
        sheets = parse_office_file(data, name=name, parse=_read)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ValidationError(_("The file could not be read as an XLSX workbook.")) from exc
    return catalogue_rows.parse(sheets)


def error_text(error: RowError) -> str:
    text = translate(error.message)
    if error.row:
        return _("Sheet “%(sheet)s”, row %(row)s, column “%(column)s”: %(text)s") % {
            "sheet": error.sheet, "row": error.row, "column": error.column, "text": text}
    return _("Sheet “%(sheet)s”: %(text)s") % {"sheet": error.sheet, "text": text}
