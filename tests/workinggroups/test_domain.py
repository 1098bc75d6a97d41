"""The pure rules: the minutes workflow and the calendar files (no database)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from kosmos.workinggroups.domain import minutes as flow
from kosmos.workinggroups.domain.calendar import CalendarEntry, to_ics

BERLIN = ZoneInfo("Europe/Berlin")


def test_a_draft_and_circulated_minutes_can_be_edited_approved_ones_cannot():
    assert flow.can_edit("draft") and flow.can_edit("circulated")
    assert not flow.can_edit("approved")
    assert flow.can_comment("circulated") and not flow.can_comment("draft")


def test_approved_is_final():
    assert flow.can_move("draft", "circulated") and flow.can_move("circulated", "approved")
    assert not flow.can_move("approved", "draft") and not flow.can_move("approved", "circulated")


def test_a_stale_version_is_a_conflict_and_a_current_one_moves_on():
    assert flow.check_edit("draft", loaded_version=3, stored_version=3) == 4
    with pytest.raises(flow.EditConflict):
        flow.check_edit("draft", loaded_version=2, stored_version=3)
    with pytest.raises(flow.MinutesLocked):
        flow.check_edit("approved", loaded_version=3, stored_version=3)


def test_the_calendar_file_parses_back_with_times_places_and_stable_ids():
    start = dt.datetime(2022, 3, 29, 9, 30, tzinfo=BERLIN)  # the day after the switch to summer time
    entries = [
        CalendarEntry(uid="a@kosmos", summary="Arbeitskreis Gesundheit; Sitzung, „Rahmen“", start=start,
                      end=start + dt.timedelta(minutes=90), location="Raum 1, 2. OG", url="https://example.org/s/1",
                      description="Zeile eins\nZeile zwei " + "x" * 120),
        CalendarEntry(uid="b@kosmos", summary="Zweite", start=start + dt.timedelta(days=7),
                      end=start + dt.timedelta(days=7, hours=1)),
    ]
    raw = to_ics(entries, name="AK Gesundheit")

    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # RFC 5545 folds long lines at 75 octets
    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == ["a@kosmos", "b@kosmos"]
    first = events[0]
    assert first.decoded("dtstart") == start
    assert first.decoded("dtend") - first.decoded("dtstart") == dt.timedelta(minutes=90)
    assert str(first["summary"]) == "Arbeitskreis Gesundheit; Sitzung, „Rahmen“"
    assert str(first["location"]) == "Raum 1, 2. OG"
    assert str(first["description"]).startswith("Zeile eins\nZeile zwei")
    assert "location" not in events[1]
    assert str(calendar["version"]) == "2.0"
