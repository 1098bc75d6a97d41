"""Tables as XLSX (openpyxl) and as CSV for German Excel — the one tabular writer of the platform.

Both writers take the same ``Sheet`` objects, so a module builds its rows once.

Formula safety: a text cell that a spreadsheet would read as a formula (it starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) must never become one, because the text comes
from users (free-text answers, findings, titles).
- XLSX: such text is written with the explicit string data type (``inlineStr``) and the cell's
  "quote prefix" flag, so Excel shows it as text, keeps it text when the cell is edited, and the
  value read back is exactly the text that was written (a leading apostrophe would be visible and
  change the value).
- CSV has no data types; there the text gets a leading apostrophe (the OWASP recommendation).

Numbers stay numbers: in the XLSX they are numeric cells; in the CSV they are written the way
German Excel reads them — decimal comma, no thousands separator, ``;`` as separator, UTF-8 with
BOM and CRLF line ends.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

Row = Sequence[object]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


@dataclass
class Sheet:
    """One worksheet: a title (cut to Excel's 31 characters), rows of plain values, how many of the
    first rows are headers (bold), column widths by letter and columns to set in bold."""

    title: str
    rows: list[Row]
    header_rows: int = 1
    widths: Mapping[str, float] = field(default_factory=dict)
    bold_columns: int = 0


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def _plain(value: object) -> object:
    """A value openpyxl writes as it is: lazy and enum strings become ``str``, aware datetimes
    local naive ones, and anything else unknown its text."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, dt.date | dt.time):
        return value
    return str(value)  # str subclasses (TextChoices), lazy translations, UUIDs …


# --- XLSX -----------------------------------------------------------------------------------------


def to_xlsx(sheets: Iterable[Sheet]) -> bytes:
    """The sheets as one workbook (write-only mode: memory stays flat for large exports)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    bold = Font(bold=True)
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=_sheet_title(sheet.title))
        for letter, width in sheet.widths.items():
            worksheet.column_dimensions[letter].width = width
        for index, row in enumerate(sheet.rows):
            cells = []
            for column, raw in enumerate(row):
                value = _plain(raw)
                if isinstance(value, float) and not math.isfinite(value):
                    value = None
                cell = WriteOnlyCell(worksheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula
                    if looks_like_formula(value):
                        cell.quotePrefix = True  # and it stays text when someone edits the cell
                if index < sheet.header_rows or column < sheet.bold_columns:
                    cell.font = bold
                cells.append(cell)
            worksheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_FORBIDDEN_IN_TITLES = str.maketrans({c: "-" for c in "[]:*?/\\"})


def _sheet_title(title: str) -> str:
    return (str(title).translate(_FORBIDDEN_IN_TITLES).strip("'") or "-")[:31]


# --- CSV ------------------------------------------------------------------------------------------


def csv_number(value: int | float | Decimal) -> str:
    """A number as German Excel reads it: decimal comma, no exponent, no thousands separator."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    text = format(Decimal(repr(value)) if isinstance(value, float) else value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",")


def csv_value(value: object) -> str:
    """One cell of the CSV: numbers and dates in German form, formula-like text behind an apostrophe."""
    kind = type(value)  # fast paths for the common cells of large exports
    if kind is str:
        return "'" + value if value.startswith(FORMULA_START) else value  # type: ignore[union-attr,operator]
    if kind is int:
        return str(value)
    if kind is float and value and math.isfinite(value):  # type: ignore[arg-type]
        text = repr(value)
        if "e" not in text:
            return text.removesuffix(".0").replace(".", ",")
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal):
        return csv_number(value)
    if isinstance(value, dt.datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    text = str(value)
    return "'" + text if looks_like_formula(text) else text


def to_csv(rows: Iterable[Row]) -> bytes:
    """Rows as CSV for German Excel: ``;``, decimal comma, UTF-8 with BOM, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
