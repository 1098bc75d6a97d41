"""Reading completion rows from the learning platform's export (pure; no Django).

Columns (German headers, case-insensitive): ``Person`` (personnel key or e-mail), ``Schulung``
(course code or exact title) and ``Abschlussdatum`` (DD.MM.YYYY or YYYY-MM-DD). Every problem
is reported with its row number (as in the spreadsheet, header = row 1), field and a code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

HEADERS = {
    "person": ("person", "personalnummer", "mitarbeiter", "e-mail", "email"),
    "training": ("schulung", "kurs", "kursnummer", "training"),
    "date": ("abschlussdatum", "datum", "abgeschlossen am"),
}
# Problems, as codes; the app turns them into German messages (``kosmos.training.importing``).
MISSING_COLUMN = "missing_column"
EMPTY = "empty"
TOO_MANY = "too_many"
UNKNOWN_PERSON = "unknown_person"
UNKNOWN_TRAINING = "unknown_training"
BAD_DATE = "bad_date"
FUTURE_DATE = "future_date"


@dataclass(frozen=True)
class RowError:
    row: int
    field: str  # person, training or date
    code: str
    value: str = ""


@dataclass(frozen=True)
class ParsedRow:
    row: int
    person_id: int
    training_id: int
    completed_on: dt.date


def _text(value: object) -> str:
    return str(value if value is not None else "").strip()[:80]


def parse_date(raw: object) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw or "").strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a plain calendar date
        except ValueError:
            continue
    return None


def column_map(header: Sequence[object]) -> tuple[dict[str, int], list[RowError]]:
    names = [str(h or "").strip().lower() for h in header]
    columns: dict[str, int] = {}
    errors = []
    for field, aliases in HEADERS.items():
        index = next((i for i, name in enumerate(names) if name in aliases), None)
        if index is None:
            errors.append(RowError(1, field, MISSING_COLUMN))
        else:
            columns[field] = index
    return columns, errors


def check_rows(
    rows: Iterable[Sequence[object]],
    *,
    people: Mapping[str, int],  # lower-case key -> profile id
    trainings: Mapping[str, int],  # lower-case code or title -> training id
    today: dt.date,
    max_rows: int = 50_000,
) -> tuple[list[ParsedRow], list[RowError]]:
    """Check every row; the first row is the header. Returns the good rows and all errors."""
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None:
        return [], [RowError(1, "person", EMPTY)]
    columns, errors = column_map(header)
    if errors:
        return [], errors
    parsed: list[ParsedRow] = []
    for number, row in enumerate(iterator, start=2):
        if number - 1 > max_rows:
            errors.append(RowError(number, "person", TOO_MANY, str(max_rows)))
            break
        cells = {f: (row[i] if i < len(row) else None) for f, i in columns.items()}
        if all(str(v or "").strip() == "" for v in cells.values()):
            continue
        person = people.get(str(cells["person"] or "").strip().lower())
        training = trainings.get(str(cells["training"] or "").strip().lower())
        day = parse_date(cells["date"])
        row_errors = []
        if person is None:
            row_errors.append(RowError(number, "person", UNKNOWN_PERSON, _text(cells["person"])))
        if training is None:
            row_errors.append(RowError(number, "training", UNKNOWN_TRAINING, _text(cells["training"])))
        if day is None:
            row_errors.append(RowError(number, "date", BAD_DATE, _text(cells["date"])))
        elif day > today:
            row_errors.append(RowError(number, "date", FUTURE_DATE, f"{day:%d.%m.%Y}"))
        if row_errors:
            errors += row_errors
        else:
            parsed.append(ParsedRow(number, person, training, day))  # type: ignore[arg-type]
    return parsed, errors
