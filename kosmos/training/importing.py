"""Reading the learning platform's export (CSV or XLSX) and the German wording of row errors."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kosmos.core.documents.office import parse_office_file
from kosmos.training.domain import import_rows as codes
from kosmos.training.domain.import_rows import RowError

MAX_BYTES = 5 * 1024 * 1024


def _field_label(field: str) -> str:
    return {"person": _("Person"), "training": _("Training"), "date": _("Date of completion")}.get(field, field)


def message(error: RowError) -> str:
    """``Zeile 3, Abschlussdatum: …`` in German."""
    texts = {
        codes.MISSING_COLUMN: _("the column is missing (expected: Person, Schulung, Abschlussdatum)."),
        codes.EMPTY: _("the file is empty."),
        codes.TOO_MANY: _("more than %(value)s rows; please split the file."),
        codes.UNKNOWN_PERSON: _("“%(value)s” is not known as a staff member."),
        codes.UNKNOWN_TRAINING: _("“%(value)s” is not in the catalogue (course number or title)."),
        codes.BAD_DATE: _("“%(value)s” is not a date (DD.MM.YYYY or YYYY-MM-DD)."),
        codes.FUTURE_DATE: _("the date %(value)s lies in the future."),
    }
    text = texts.get(error.code, error.code) % {"value": error.value}
    return _("Row %(row)s, %(field)s: %(text)s") % {"row": error.row, "field": _field_label(error.field), "text": text}


def _csv_rows(data: bytes) -> list[Sequence[object]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ValidationError(_("The file could not be read."))
    sample = text[:2048]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(data: bytes) -> list[Sequence[object]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_rows(data: bytes, name: str) -> list[Sequence[object]]:
    """The rows of an uploaded CSV or XLSX file (German errors for anything else)."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."))
    lower = name.lower()
    if lower.endswith(".csv"):
        return _csv_rows(data)
    if lower.endswith(".xlsx"):
        try:
            return parse_office_file(data, name=name, parse=_xlsx_rows)
        except ValidationError:
            raise
        except Exception as exc:  # a broken workbook: openpyxl raises many kinds
            raise ValidationError(_("The file could not be read as an Excel workbook.")) from exc
    raise ValidationError(_("Please upload a CSV or XLSX file."))
