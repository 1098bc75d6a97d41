"""A staff member's status per training, and compliance counted over rows (pure Python).

``compliance_in_python`` is the named peer of the SQL overview in the benchmark and its
oracle in the tests: both must count the same.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

DONE = "done"  # a valid completion
DUE = "due"  # not done, still within the deadline
OVERDUE = "overdue"  # not done, deadline passed
EXPIRED = "expired"  # done once, validity ran out
EXEMPT = "exempt"  # waived, with a reason on record
RENEW_SOON_DAYS = 30


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_until(completed_on: dt.date, validity_months: int | None) -> dt.date | None:
    return None if validity_months is None else add_months(completed_on, validity_months)


def status(*, today: dt.date, required_by: dt.date, exempt: bool, valid_untils: Iterable[dt.date | None]) -> str:
    """The status of one required training for one person.

    ``valid_untils`` are the ends of validity of her completions (None: valid for good).
    """
    if exempt:
        return EXEMPT
    ends = list(valid_untils)
    if any(end is None or end >= today for end in ends):
        return DONE
    if ends:
        return EXPIRED
    return DUE if required_by >= today else OVERDUE


def due_date(*, required_by: dt.date, valid_untils: Iterable[dt.date | None]) -> dt.date | None:
    """When the training is (next) due: the end of the longest validity, else the deadline."""
    ends = list(valid_untils)
    if any(end is None for end in ends):
        return None
    return max(ends) if ends else required_by


@dataclass(frozen=True)
class Counts:
    people: int
    required: int
    done: int
    exempt: int
    overdue: int
    expired: int

    @property
    def due(self) -> int:
        return self.required - self.done - self.exempt - self.overdue - self.expired

    @property
    def rate(self) -> float | None:
        """Share of the required trainings done, exemptions left out; None without any."""
        base = self.required - self.exempt
        return None if base <= 0 else self.done / base


@dataclass(frozen=True)
class Person:
    id: int
    department_id: int
    required_by: dt.date


def compliance_in_python(
    *,
    today: dt.date,
    people: Iterable[Person],
    requirements: Mapping[int, Iterable[int]],  # department id -> training ids
    completions: Iterable[tuple[int, int, dt.date | None]],  # (person, training, valid_until)
    exemptions: Iterable[tuple[int, int]],
    by: str = "department",
) -> dict[int, Counts]:
    """Compliance per department (or ``by="training"``) from fetched rows."""
    ends: dict[tuple[int, int], list[dt.date | None]] = defaultdict(list)
    for person, training, end in completions:
        ends[(person, training)].append(end)
    waived = set(exemptions)
    required = {d: list(ts) for d, ts in requirements.items()}
    tally: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    members: dict[int, set[int]] = defaultdict(set)
    for person in people:
        for training in required.get(person.department_id, ()):
            key = person.department_id if by == "department" else training
            members[key].add(person.id)
            result = status(today=today, required_by=person.required_by, exempt=(person.id, training) in waived,
                            valid_untils=ends.get((person.id, training), ()))
            tally[key]["required"] += 1
            tally[key][result] += 1
    return {
        key: Counts(people=len(members[key]), required=t["required"], done=t[DONE], exempt=t[EXEMPT],
                    overdue=t[OVERDUE], expired=t[EXPIRED])
        for key, t in tally.items()
    }
