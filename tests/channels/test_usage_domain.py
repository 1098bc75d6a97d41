"""The pure side of the usage rates: reading import rows, German numbers and months, the window."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from kosmos.channels.domain.usage import (
    comparison_window,
    parse_month,
    parse_number,
    parse_rows,
    quartiles_in_python,
    rolling_sums,
    take_up,
)
from kosmos.core.domain.benchmark import distribution

HEADER = ["Monat", "Angebot", "Nutzungen", "Grundgesamtheit", "Abschlussquote in %"]
OFFERS = {"online-termine": "online-termine", "videoberatung": "video", "video": "video"}


def _rows(*rows):  # noqa: ANN002, ANN202
    return [HEADER, *rows]


def test_a_clean_file_gives_every_row_and_no_error():
    result = parse_rows(_rows(["01.2025", "online-termine", "1.234", "5.000", "87,5"],
                              ["02.2025", "Online-Termine", 1300, 5000, None],
                              ["2025-01", "Videoberatung", "40", "", ""]), OFFERS)
    assert result.ok
    assert [(r.offer, r.month, r.uses, r.eligible, r.completion_rate) for r in result.rows] == [
        ("online-termine", dt.date(2025, 1, 1), 1234, 5000, 87.5),
        ("online-termine", dt.date(2025, 2, 1), 1300, 5000, None),
        ("video", dt.date(2025, 1, 1), 40, None, None),
    ]


def test_every_kind_of_bad_row_is_named_with_row_and_column():
    result = parse_rows(_rows(
        ["01.2025", "online-termine", "100", "1000", ""],   # row 2: fine
        ["02.2025", "online-termine", "-5", "1000", ""],     # row 3: negative
        ["03.2025", "online-termine", "1200", "1000", ""],   # row 4: share above 100 %
        ["04.2025", "Faxgerät", "10", "100", ""],            # row 5: unknown offer
        ["05.2025", "online-termine", "viele", "1000", ""],  # row 6: text in a number column
        ["05.2025", "online-termine", "50", "1000", "120"],  # row 7: completion above 100 % (and a duplicate)
        ["07.2025", "online-termine", "50", "1000", ""],     # row 8: fine, but 06.2025 is missing
    ), OFFERS)
    where = {(e.row, e.column) for e in result.errors}
    assert (3, "uses") in where
    assert (4, "eligible") in where
    assert (5, "offer") in where
    assert (6, "uses") in where
    assert (7, "completion") in where
    assert (7, "month") in where  # the second 05.2025 row
    assert (None, "month") in where
    texts = [str(e.message) for e in result.errors]
    assert any("06.2025 is missing" in t for t in texts)
    assert any("first in row 6" in t for t in texts)
    assert any("120 %" in t for t in texts)
    assert [r.row for r in result.rows] == [2, 8]
    assert result.invalid_rows == frozenset({3, 4, 5, 6, 7})


def test_missing_columns_and_empty_files_are_reported_once():
    assert [str(e.message) for e in parse_rows([["Monat", "Zahl"], ["01.2025", "3"]], OFFERS).errors] == [
        "Required columns are missing: Angebot, Nutzungen."]
    assert not parse_rows([HEADER], OFFERS).ok
    assert not parse_rows([], OFFERS).ok


def test_german_numbers_and_months():
    assert parse_number("1.234.567") == 1234567
    assert parse_number("12,5") == 12.5
    assert parse_number("87,5 %") == 87.5
    assert parse_number("") is None
    for bad in ("1,2,3", "12.34", "abc", "1.2345"):
        try:
            parse_number(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
    assert parse_month("3.2025") == dt.date(2025, 3, 1)
    assert parse_month("2025-03") == dt.date(2025, 3, 1)
    assert parse_month("15.03.2025") == dt.date(2025, 3, 1)
    assert parse_month(dt.datetime(2025, 3, 9, 0, 0)) == dt.date(2025, 3, 1)
    assert parse_month("13.2025") is None
    assert parse_month("März") is None


def test_the_comparison_window_is_the_last_twelve_full_months():
    assert comparison_window(dt.date(2026, 12, 3)) == (dt.date(2025, 12, 1), dt.date(2026, 11, 1))
    assert comparison_window(dt.date(2026, 1, 31)) == (dt.date(2025, 1, 1), dt.date(2025, 12, 1))


def test_take_up_needs_a_base():
    assert take_up(25, 100) == 25.0
    assert take_up(25, 0) is None
    assert take_up(25, None) is None


def test_the_python_peer_agrees_with_the_platform_distribution():
    values = [float(v) for v in (12, 40, 33, 18, 27, 51, 9)]
    dist = distribution(dict(enumerate(values)), k=5)
    assert quartiles_in_python(values, 5) == (dist.lower_quartile, dist.median, dist.upper_quartile)
    assert quartiles_in_python(values[:4], 5) is None


@given(st.lists(st.lists(st.one_of(st.none(), st.text(max_size=12), st.integers(-10**6, 10**6),
                                   st.floats(allow_nan=True)), max_size=6), max_size=12))
def test_any_garbage_gives_rows_or_errors_never_an_exception(rows):  # noqa: ANN001
    result = parse_rows([HEADER, *rows], OFFERS)
    for row in result.rows:
        assert row.uses >= 0
        assert row.eligible is None or row.uses <= row.eligible
        assert row.completion_rate is None or 0 <= row.completion_rate <= 100


def test_not_a_number_cells_are_errors():
    result = parse_rows(_rows(["01.2025", "online-termine", float("nan"), 100, None],
                              ["02.2025", "online-termine", 5, float("inf"), None]), OFFERS)
    assert {(e.row, e.column) for e in result.errors} == {(2, "uses"), (3, "eligible")}


def test_rolling_sums_cover_every_window_with_a_month_that_has_a_base():
    figures = {dt.date(2025, 1, 1): (10, 100), dt.date(2025, 2, 1): (20, 100), dt.date(2025, 3, 1): (5, None)}
    windows = rolling_sums(figures, length=3)
    assert windows == [(dt.date(2025, 1, 1), 10, 100), (dt.date(2025, 2, 1), 30, 200), (dt.date(2025, 3, 1), 30, 200),
                       (dt.date(2025, 4, 1), 20, 100)]
    assert rolling_sums({}, length=12) == []
