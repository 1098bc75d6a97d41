"""Pure parts of the Quali-Kompass: status, the small-group rule, import rows, needs."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from kosmos.training.domain import compass
from kosmos.training.domain import import_rows as rows
from kosmos.training.domain.needs import Need, compare, gaps
from kosmos.training.domain.small_groups import MIN_GROUP, hidden_groups, shows_detail

TODAY = dt.date(2026, 6, 15)


def test_status_follows_validity_deadline_and_exemption():
    late = TODAY - dt.timedelta(days=1)
    assert compass.status(today=TODAY, required_by=late, exempt=True, valid_untils=[]) == compass.EXEMPT
    assert compass.status(today=TODAY, required_by=late, exempt=False, valid_untils=[None]) == compass.DONE
    assert compass.status(today=TODAY, required_by=late, exempt=False, valid_untils=[TODAY]) == compass.DONE
    assert compass.status(today=TODAY, required_by=late, exempt=False, valid_untils=[late]) == compass.EXPIRED
    assert compass.status(today=TODAY, required_by=late, exempt=False, valid_untils=[]) == compass.OVERDUE
    assert compass.status(today=TODAY, required_by=TODAY, exempt=False, valid_untils=[]) == compass.DUE


def test_validity_adds_calendar_months():
    assert compass.valid_until(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert compass.valid_until(dt.date(2024, 3, 1), 24) == dt.date(2026, 3, 1)
    assert compass.valid_until(dt.date(2024, 3, 1), None) is None


@given(st.dictionaries(st.text(min_size=1, max_size=4), st.integers(min_value=0, max_value=40), max_size=8))
def test_no_shown_group_is_small_and_one_hidden_group_never_stands_alone(people):
    hidden = hidden_groups(people)
    assert all(n >= MIN_GROUP for key, n in people.items() if key not in hidden)
    assert all(key in hidden for key, n in people.items() if n < MIN_GROUP)
    # With a total shown, a single hidden group could be recovered by subtraction.
    assert len(hidden) != 1 or len(people) == 1


@given(st.integers(min_value=0, max_value=100))
def test_per_person_detail_only_from_five_people(n):
    assert shows_detail(n) == (n >= 5)


def _check(*lines):
    return rows.check_rows(lines, people={"hro0001": 1, "nele@x.example": 2}, trainings={"ba-1": 10, "e-akte": 11},
                           today=TODAY)


def test_good_rows_are_parsed_with_both_date_formats():
    parsed, errors = _check(("Person", "Schulung", "Abschlussdatum"), ("HRO0001", "BA-1", "03.02.2026"),
                            ("nele@x.example", "E-Akte", "2026-01-31"))
    assert errors == []
    assert [(p.row, p.person_id, p.training_id, p.completed_on) for p in parsed] == [
        (2, 1, 10, dt.date(2026, 2, 3)), (3, 2, 11, dt.date(2026, 1, 31))]


def test_every_bad_row_is_named_with_its_field():
    _parsed, errors = _check(("person", "schulung", "datum"), ("HRO9999", "BA-1", "03.02.2026"),
                             ("HRO0001", "XX", "03.02.2026"), ("HRO0001", "BA-1", "31.02.2026"),
                             ("HRO0001", "BA-1", "01.01.2027"))
    assert [(e.row, e.field, e.code) for e in errors] == [
        (2, "person", rows.UNKNOWN_PERSON), (3, "training", rows.UNKNOWN_TRAINING), (4, "date", rows.BAD_DATE),
        (5, "date", rows.FUTURE_DATE)]


def test_a_missing_column_is_reported_on_the_header():
    _parsed, errors = _check(("Person", "Kurs"), ("HRO0001", "BA-1"))
    assert [(e.row, e.field, e.code) for e in errors] == [(1, "date", rows.MISSING_COLUMN)]


@given(st.lists(st.tuples(st.text(max_size=8), st.text(max_size=8), st.text(max_size=12)), max_size=20))
def test_garbage_rows_never_raise_and_every_row_is_either_parsed_or_reported(lines):
    parsed, errors = _check(("Person", "Schulung", "Abschlussdatum"), *lines)
    reported = {e.row for e in errors}
    for number, line in enumerate(lines, start=2):
        blank = all(not v.strip() for v in line)
        assert blank or (number in reported) != any(p.row == number for p in parsed)


def test_a_gap_is_a_high_need_without_offer():
    needs = [Need("a", "Video", 0.7, 40), Need("b", "E-Mail", 0.6, 40), Need("c", "Termin", 0.2, 40)]
    result = compare(needs, {"a": 2})
    assert [r.need.key for r in result] == ["a", "b", "c"]
    assert [r.need.key for r in gaps(result)] == ["b"]
