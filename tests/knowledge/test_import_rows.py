"""Checking knowledge-base rows (pure domain, no database): every bad row named with row and field."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.knowledge.domain import importing as imp

LOOKUPS = imp.Lookups(
    choices={
        "topics": {"offers": "offers", "angebote": "offers", "network": "network", "netzwerk": "network"},
        "target_groups": {"u25": "u25", "unter 25 (u25)": "u25", "ü50": "ue50", "ue50": "ue50"},
        "languages": {"de": "de", "deutsch": "de", "arabisch": "ar", "ar": "ar"},
    },
    people={"anna@example.org": 7},
    existing=frozenset({imp.duplicate_key("Rückenschule", "93047")}),
)
HEADER = ["Angebot", "PLZ", "Gültig ab", "Gültig bis", "Kostenlos", "Zielgruppe", "E-Mail", "Verantwortlich"]
MAPPING = imp.suggest_mapping(HEADER)


def check(rows, mapping=MAPPING, **kwargs):
    return imp.check_rows(rows, mapping, LOOKUPS, columns=len(HEADER), **kwargs)


def test_headings_are_mapped_by_name():
    assert MAPPING == {"title": 0, "postcode": 1, "valid_from": 2, "valid_until": 3, "free_of_charge": 4,
                       "target_groups": 5, "contact_email": 6, "responsible": 7}


def test_export_headings_map_themselves_completely():
    headings = imp.export_headings()
    assert imp.suggest_mapping(headings) == {spec.key: i for i, spec in enumerate(imp.FIELDS)}


def test_good_rows_are_parsed_with_german_formats():
    result = check([
        ["Bewegungskurs", 93047, "01.03.2024", dt.datetime(2025, 2, 28), "ja", "U25; Ü50", "info@example.org",
         "Anna@example.org"],
        ["Suchtberatung", "1067", "2024-01-31", None, "nein", None, None, None],
    ])
    assert result.errors == []
    first, second = result.entries
    assert first.row == 2 and first.values["postcode"] == "93047" and first.values["place"] == "Regensburg"
    assert first.values["valid_from"] == dt.date(2024, 3, 1)
    assert first.values["valid_until"] == dt.date(2025, 2, 28)
    assert first.values["free_of_charge"] is True
    assert first.values["target_groups"] == ["u25", "ue50"]
    assert first.values["responsible"] == 7
    assert first.values["topic"] == "offers"
    assert second.values["postcode"] == "01067" and second.values["free_of_charge"] is False


@pytest.mark.parametrize(("cell_index", "value", "field", "code"), [
    (2, "31.02.2024", "valid_from", imp.BAD_DATE),
    (2, "nächste Woche", "valid_from", imp.BAD_DATE),
    (2, 45292, "valid_from", imp.BAD_DATE),
    (1, "99999", "postcode", imp.UNKNOWN_POSTCODE),
    (1, "9304", "postcode", imp.UNKNOWN_POSTCODE),  # 09304 is no German postcode
    (1, "Regensburg", "postcode", imp.BAD_POSTCODE),
    (1, dt.date(2024, 1, 1), "postcode", imp.BAD_TYPE),
    (0, dt.date(2024, 1, 1), "title", imp.BAD_TYPE),
    (0, "x" * 201, "title", imp.TOO_LONG),
    (4, "vielleicht", "free_of_charge", imp.BAD_BOOL),
    (5, "U25, Senioren", "target_groups", imp.BAD_CHOICE),
    (6, "kein-mail", "contact_email", imp.BAD_EMAIL),
    (7, "fremd@example.org", "responsible", imp.UNKNOWN_PERSON),
    (0, "Rückenschule", "title", imp.DUPLICATE_EXISTING),
    (0, "   ", "title", imp.REQUIRED_EMPTY),
])
def test_each_bad_cell_is_named_with_row_and_field(cell_index, value, field, code):
    good = ["Erstes Angebot", "93047", "01.01.2024", "31.12.2024", "ja", "U25", "a@example.org", ""]
    bad = ["Zweites Angebot", "93047", "01.01.2024", "31.12.2024", "ja", "U25", "a@example.org", ""]
    bad[cell_index] = value
    result = check([good, bad])
    assert [(e.row, e.field, e.code) for e in result.errors] == [(3, field, code)]
    assert [entry.row for entry in result.entries] == [2]
    assert result.bad_rows == [3]


def test_end_before_start_and_duplicates_within_the_file():
    result = check([
        ["A", "93047", "01.06.2024", "01.05.2024"],
        ["B", "93047"],
        ["b ", "93047"],
        ["B", "93053"],
    ])
    assert [(e.row, e.field, e.code, e.value) for e in result.errors] == [
        (2, "valid_until", imp.DATE_ORDER, "01.05.2024"),
        (4, "title", imp.DUPLICATE_IN_FILE, "3"),
    ]


def test_missing_title_column_is_a_file_error():
    result = imp.check_rows([["x"]], {"postcode": 0}, LOOKUPS, columns=1)
    assert [(e.row, e.field, e.code) for e in result.errors] == [(1, "title", imp.NOT_MAPPED)]
    twice = imp.check_rows([["x"]], {"title": 0, "place": 0}, LOOKUPS, columns=1)
    assert [e.code for e in twice.errors] == [imp.MAPPED_TWICE]
    outside = imp.check_rows([["x"]], {"title": 3}, LOOKUPS, columns=1)
    assert [e.code for e in outside.errors] == [imp.NOT_MAPPED]


def test_empty_rows_are_skipped_and_an_empty_file_is_reported():
    assert check([[None] * 8, ["", " "]]).errors == [imp.RowError(1, "", imp.EMPTY_FILE)]
    result = check([[None] * 8, ["Angebot", "93047"]])
    assert [entry.row for entry in result.entries] == [3]


def test_row_limit_stops_reading():
    def endless():
        number = 0
        while True:
            number += 1
            if number > 1_000:
                raise AssertionError("read past the limit")
            yield [f"Angebot {number}"]

    result = check(endless(), max_rows=50)
    assert result.errors == [imp.RowError(52, "", imp.TOO_MANY_ROWS, "50")]


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=12), st.integers(-10, 10**6), st.floats(allow_nan=True), st.none(),
                 st.booleans(), st.dates()))
def test_any_cell_in_any_column_gives_a_value_or_a_named_error(value):
    for index in range(len(HEADER)):
        row = ["Angebot", "93047", None, None, None, None, None, None]
        row[index] = value
        result = check([row])
        assert len(result.entries) + len(result.bad_rows) <= 1
        for error in result.errors:
            assert error.row in (1, 2) and error.code
            assert error.field in imp.FIELD_BY_KEY or error.code == imp.EMPTY_FILE


@pytest.mark.parametrize(("text", "expected"), [
    ("29.02.2024", dt.date(2024, 2, 29)),
    ("29.02.2023", None),
    ("31.02.2024", None),
    ("1.3.2024", dt.date(2024, 3, 1)),
    ("01.03.24", dt.date(2024, 3, 1)),
    ("2024-03-01", dt.date(2024, 3, 1)),
    ("03/01/2024x", None),
])
def test_parse_date(text, expected):
    assert imp.parse_date(text) == expected
