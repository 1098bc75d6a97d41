"""The shared tabular writer: formula-safe XLSX with real numbers, CSV as German Excel reads it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from kosmos.core.documents import Sheet, to_csv, to_xlsx
from kosmos.core.documents.tables import csv_number, csv_value

GERMAN_NUMBER = re.compile(r"^-?\d+(,\d+)?$")
FORMULAS = ['=HYPERLINK("http://x","y")', "+49 761 123", "-1+2", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]


def read_xlsx(content: bytes) -> list[list[openpyxl.cell.Cell]]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [list(row) for row in book.worksheets[0].iter_rows()]


def read_csv_as_german_excel(content: bytes) -> list[list[object]]:
    """What German Excel makes of the file: ``;`` columns, and a cell that is a number with a
    decimal comma becomes a number."""
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    return [[float(v.replace(",", ".")) if GERMAN_NUMBER.match(v) else v for v in row] for row in rows]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_that_looks_like_a_formula_is_exact_text_in_the_xlsx(text: str) -> None:
    content = to_xlsx([Sheet("Befunde", [["Text"], [text]])])

    cell = read_xlsx(content)[1][0]
    assert cell.data_type == "s"
    assert cell.value == text  # no apostrophe or other mark added
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml


def test_a_formula_like_text_keeps_excels_quote_prefix_so_editing_the_cell_keeps_it_text() -> None:
    cell = read_xlsx(to_xlsx([Sheet("A", [["=1+1", "Text"]], header_rows=0)]))[0]

    assert cell[0].quotePrefix is True
    assert cell[1].quotePrefix is False


def test_numbers_and_dates_stay_real_values_in_the_xlsx() -> None:
    row = read_xlsx(to_xlsx([Sheet("A", [[3.5, 7, Decimal("2.25"), -1.5, dt.date(2026, 5, 15), None]],
                                     header_rows=0)]))[0]

    assert [c.data_type for c in row[:4]] == ["n", "n", "n", "n"]
    assert [c.value for c in row[:4]] == [3.5, 7, 2.25, -1.5]
    assert row[4].is_date and row[4].value.date() == dt.date(2026, 5, 15)
    assert len(row) == 5 or row[5].value is None


def test_lazy_translations_and_aware_datetimes_are_written() -> None:
    moment = dt.datetime(2026, 5, 15, 10, 30, tzinfo=dt.UTC)
    row = read_xlsx(to_xlsx([Sheet("A", [[gettext_lazy("Overview"), moment]], header_rows=0)]))[0]

    assert row[0].value in ("Overview", "Übersicht")
    assert row[1].is_date


def test_headers_and_first_columns_are_bold_and_titles_fit_excel() -> None:
    content = to_xlsx([Sheet("Kriterien: 1/2 [Entwurf] mit einem sehr langen Namen", [["Kopf", "B"], ["x", "y"]],
                             bold_columns=1, widths={"B": 50})])
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book.worksheets[0]

    assert sheet.title == "Kriterien- 1-2 -Entwurf- mit ei"  # 31 characters
    assert sheet["A1"].font.b and sheet["B1"].font.b and sheet["A2"].font.b and not sheet["B2"].font.b
    assert sheet.column_dimensions["B"].width == 50


def test_csv_numbers_read_back_as_numbers_in_german_excel() -> None:
    content = to_csv([["Frage", "Mittelwert", "Anzahl", "Anteil"], ["zufrieden", 3.5, 8, 12.25],
                      ["klein", 1e-05, -2, 1234567.5]])

    rows = read_csv_as_german_excel(content)
    assert rows[1] == ["zufrieden", 3.5, 8.0, 12.25]
    assert rows[2] == ["klein", 0.00001, -2.0, 1234567.5]
    assert b"3.5" not in content  # German Excel would read "3.5" as a date


def test_csv_is_semicolon_separated_with_bom_and_crlf() -> None:
    content = to_csv([["a;b", "Zeile\nzwei"], ["ä", "ß"]])

    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    assert text == '"a;b";"Zeile\nzwei"\r\nä;ß\r\n'


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_text_that_looks_like_a_formula_gets_a_leading_apostrophe(text: str) -> None:
    rows = list(csv.reader(io.StringIO(to_csv([[text]]).decode("utf-8-sig"), newline=""), delimiter=";"))

    assert rows[0][0] == "'" + text


def test_csv_dates_empty_cells_and_numbers_in_text_form() -> None:
    content = to_csv([[dt.date(2026, 5, 15), None, True, float("nan"), Decimal("10.50"), 8.0]]).decode("utf-8-sig")

    assert content == "15.05.2026;;1;;10,5;8\r\n"


@pytest.mark.parametrize(("value", "text"), [(0.1 + 0.2, "0,30000000000000004"), (1e16, "10000000000000000"),
                                             (-0.0, "0"), (2.50, "2,5"), (100, "100")])
def test_csv_number_has_no_exponent_and_a_decimal_comma(value: float, text: str) -> None:
    assert csv_number(value) == text


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers(-10**12, 10**12))
def test_every_number_reads_back_as_the_same_number_in_german_excel(value: float) -> None:
    text = csv_value(value)

    assert GERMAN_NUMBER.match(text), text
    assert float(text.replace(",", ".")) == value
