"""Reading an uploaded usage file (CSV for German Excel or XLSX) and the German wording of its problems.

The layout is documented in ``kosmos.channels.domain.usage`` and in docs/kommunikationskanaele.md.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kosmos.channels.domain.usage import COLUMN_NAMES, ParseResult, RowError, parse_rows
from kosmos.channels.models import DigitalOffer
from kosmos.core.documents.office import parse_office_file
from kosmos.core.i18n import translate
from kosmos.core.models import Organisation

MAX_BYTES = 5 * 1024 * 1024


def _csv_rows(data: bytes) -> list[Sequence[object]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ValidationError(_("The file could not be read."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(data: bytes) -> list[Sequence[object]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return [tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
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


def offer_lookup(organisation: Organisation) -> dict[str, str]:
    """Lower-case short names and names of the organisation's offers → short name."""
    lookup: dict[str, str] = {}
    for key, name in DigitalOffer.objects.filter(organisation=organisation).values_list("key", "name"):
        lookup[name.strip().lower()] = key
        lookup[key.lower()] = key
    return lookup


def check_file(organisation: Organisation, data: bytes, name: str) -> ParseResult:
    return parse_rows(read_rows(data, name), offer_lookup(organisation))


def message(error: RowError) -> str:
    """``Zeile 5, Spalte „Nutzungen“: …`` in German."""
    text = translate(error.message)
    column = COLUMN_NAMES.get(error.column, "")
    if error.row is None:
        return _("Column “%(column)s”: %(text)s") % {"column": column, "text": text} if column else text
    if column:
        return _("Row %(row)s, column “%(column)s”: %(text)s") % {"row": error.row, "column": column, "text": text}
    return _("Row %(row)s: %(text)s") % {"row": error.row, "text": text}


def messages(result: ParseResult) -> list[list]:
    """[row, column, German text] for every problem, as kept with the checked upload."""
    return [[e.row, COLUMN_NAMES.get(e.column, ""), message(e)] for e in result.errors]
