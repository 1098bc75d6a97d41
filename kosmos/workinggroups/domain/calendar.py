"""Calendar files (RFC 5545) for meetings, built with ``icalendar``; no Django import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Calendar, Event

PRODUCT_ID = "-//Qualitaetskosmos//Arbeitskreise//DE"


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # stable across downloads, so calendars update the entry instead of adding one
    summary: str
    start: dt.datetime  # timezone-aware
    end: dt.datetime
    location: str = ""
    url: str = ""
    description: str = ""
    stamp: dt.datetime | None = None


def to_ics(entries: Iterable[CalendarEntry], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", (entry.stamp or entry.start).astimezone(dt.UTC))
        event.add("dtstart", entry.start.astimezone(dt.UTC))
        event.add("dtend", entry.end.astimezone(dt.UTC))
        event.add("summary", entry.summary)
        if entry.location:
            event.add("location", entry.location)
        if entry.url:
            event.add("url", entry.url)
        if entry.description:
            event.add("description", entry.description)
        calendar.add_component(event)
    return calendar.to_ical()
