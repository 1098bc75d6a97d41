"""The catalogue's XLSX layout: reading and checking its rows (pure, no Django import).

Four sheets, each with a header row (German column names, order free, documented in
docs/kommunikationskanaele.md):

- ``Kanäle``: Schlüssel, Name, Beschreibung, Digital (ja/nein)
- ``Dimensionen``: Schlüssel, Name, Leitfrage
- ``Stufen``: Dimension, Stufe (0–4), Beschreibung, Nachweise
- ``Empfehlungen``: Dimension, Stufe (1–4, the level the recommendation helps to reach), Empfehlung

Every dimension needs a description for each level 0–4. Errors name the sheet, the row (as
Excel counts, the header is row 1) and the column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kosmos.core.domain.i18n import Message, gettext_noop, message

SHEET_CHANNELS = "Kanäle"
SHEET_DIMENSIONS = "Dimensionen"
SHEET_LEVELS = "Stufen"
SHEET_RECOMMENDATIONS = "Empfehlungen"

COLUMNS: dict[str, tuple[str, ...]] = {
    SHEET_CHANNELS: ("Schlüssel", "Name", "Beschreibung", "Digital"),
    SHEET_DIMENSIONS: ("Schlüssel", "Name", "Leitfrage"),
    SHEET_LEVELS: ("Dimension", "Stufe", "Beschreibung", "Nachweise"),
    SHEET_RECOMMENDATIONS: ("Dimension", "Stufe", "Empfehlung"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    SHEET_CHANNELS: ("Schlüssel", "Name"),
    SHEET_DIMENSIONS: ("Schlüssel", "Name"),
    SHEET_LEVELS: ("Dimension", "Stufe", "Beschreibung"),
    SHEET_RECOMMENDATIONS: ("Dimension", "Stufe", "Empfehlung"),
}
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
YES = {"ja", "j", "x", "1", "true", "wahr", "yes"}
NO = {"nein", "n", "", "0", "false", "falsch", "no"}
MAX_TEXT = 2000


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int  # 0 for the sheet itself
    column: str
    message: Message

    def __str__(self) -> str:
        return f"{self.sheet} {self.row} {self.column}: {self.message}"


@dataclass
class ParsedCatalogue:
    channels: list[dict] = field(default_factory=list)  # key, name, description, digital, order
    dimensions: list[dict] = field(default_factory=list)  # key, name, question, order
    levels: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)  # (dim key, level) → text, evidence
    recommendations: list[tuple[str, int, str]] = field(default_factory=list)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _records(sheet: str, rows: Sequence[Sequence[object]], errors: list[RowError]) -> list[tuple[int, dict[str, str]]]:
    """(Excel row number, {column: text}) for each non-empty row; header problems become errors."""
    if not rows:
        errors.append(RowError(sheet, 0, "", message(gettext_noop("The sheet is missing or empty."))))
        return []
    header = [_text(cell) for cell in rows[0]]
    missing = [name for name in REQUIRED[sheet] if name not in header]
    if missing:
        errors.append(RowError(sheet, 1, ", ".join(missing),
                               message(gettext_noop("Column missing in the header row: %(columns)s."),
                                       columns=", ".join(missing))))
        return []
    positions = {name: header.index(name) for name in COLUMNS[sheet] if name in header}
    records = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: _text(row[index]) if index < len(row) else "" for name, index in positions.items()}
        if any(cells.values()):
            records.append((number, cells))
    return records


def _level(sheet: str, number: int, raw: str, low: int, errors: list[RowError]) -> int | None:
    if not re.fullmatch(r"\d", raw) or not low <= int(raw) <= 4:
        errors.append(RowError(sheet, number, "Stufe",
                               message(gettext_noop("“%(value)s” is not a level from %(low)s to 4."),
                                       value=raw, low=low)))
        return None
    return int(raw)


def _too_long(sheet: str, number: int, cells: Mapping[str, str], errors: list[RowError]) -> bool:
    for column, value in cells.items():
        if len(value) > MAX_TEXT:
            errors.append(RowError(sheet, number, column,
                                   message(gettext_noop("The text is longer than %(limit)s characters."),
                                           limit=MAX_TEXT)))
            return True
    return False


def _keyed(sheet: str, records: list[tuple[int, dict[str, str]]], errors: list[RowError]) -> list[tuple[int, dict]]:
    seen: set[str] = set()
    found = []
    for number, cells in records:
        key = cells["Schlüssel"].lower()
        if _too_long(sheet, number, cells, errors):
            continue
        if not KEY_PATTERN.match(key):
            errors.append(RowError(sheet, number, "Schlüssel", message(gettext_noop(
                "“%(value)s” is not a valid key: use lower-case letters, digits and hyphens (at most 40)."),
                value=cells["Schlüssel"])))
            continue
        if key in seen:
            errors.append(RowError(sheet, number, "Schlüssel",
                                   message(gettext_noop("The key “%(value)s” appears twice."), value=key)))
            continue
        if not cells["Name"]:
            errors.append(RowError(sheet, number, "Name", message(gettext_noop("The name is missing."))))
            continue
        if len(cells["Name"]) > 120:
            errors.append(RowError(sheet, number, "Name",
                                   message(gettext_noop("The name is longer than %(limit)s characters."), limit=120)))
            continue
        seen.add(key)
        found.append((number, {**cells, "Schlüssel": key}))
    return found


def parse(sheets: Mapping[str, Sequence[Sequence[object]]]) -> tuple[ParsedCatalogue, list[RowError]]:
    """The catalogue from the sheets' rows, and every error found (an empty list: all valid)."""
    errors: list[RowError] = []
    parsed = ParsedCatalogue()
    records = {name: _records(name, sheets.get(name) or [], errors) for name in COLUMNS}

    for order, (number, cells) in enumerate(_keyed(SHEET_CHANNELS, records[SHEET_CHANNELS], errors)):
        digital = cells.get("Digital", "").lower()
        if digital not in YES | NO:
            errors.append(RowError(SHEET_CHANNELS, number, "Digital", message(
                gettext_noop("“%(value)s” is neither “ja” nor “nein”."), value=cells["Digital"])))
            continue
        parsed.channels.append({"key": cells["Schlüssel"], "name": cells["Name"],
                                "description": cells.get("Beschreibung", ""), "digital": digital in YES,
                                "order": order})
    for order, (_number, cells) in enumerate(_keyed(SHEET_DIMENSIONS, records[SHEET_DIMENSIONS], errors)):
        parsed.dimensions.append({"key": cells["Schlüssel"], "name": cells["Name"],
                                  "question": cells.get("Leitfrage", ""), "order": order})
    dimension_keys = {d["key"] for d in parsed.dimensions}

    def dimension_of(sheet: str, number: int, raw: str) -> str | None:
        key = raw.lower()
        if key not in dimension_keys:
            errors.append(RowError(sheet, number, "Dimension", message(
                gettext_noop("Unknown dimension “%(value)s” (not in the sheet “Dimensionen”)."), value=raw)))
            return None
        return key

    for number, cells in records[SHEET_LEVELS]:
        if _too_long(SHEET_LEVELS, number, cells, errors):
            continue
        key = dimension_of(SHEET_LEVELS, number, cells["Dimension"])
        level = _level(SHEET_LEVELS, number, cells["Stufe"], 0, errors)
        if key is None or level is None:
            continue
        if not cells["Beschreibung"]:
            errors.append(RowError(SHEET_LEVELS, number, "Beschreibung",
                                   message(gettext_noop("The description is missing."))))
            continue
        if (key, level) in parsed.levels:
            errors.append(RowError(SHEET_LEVELS, number, "Stufe", message(
                gettext_noop("Level %(level)s of “%(dimension)s” appears twice."), level=level, dimension=key)))
            continue
        parsed.levels[(key, level)] = (cells["Beschreibung"], cells.get("Nachweise", ""))
    for dimension in parsed.dimensions:
        absent = [str(level) for level in range(5) if (dimension["key"], level) not in parsed.levels]
        if absent:
            errors.append(RowError(SHEET_LEVELS, 0, "Stufe", message(
                gettext_noop("The dimension “%(dimension)s” has no description for level %(levels)s."),
                dimension=dimension["key"], levels=", ".join(absent))))

    for number, cells in records[SHEET_RECOMMENDATIONS]:
        if _too_long(SHEET_RECOMMENDATIONS, number, cells, errors):
            continue
        key = dimension_of(SHEET_RECOMMENDATIONS, number, cells["Dimension"])
        level = _level(SHEET_RECOMMENDATIONS, number, cells["Stufe"], 1, errors)
        if key is None or level is None:
            continue
        if not cells["Empfehlung"]:
            errors.append(RowError(SHEET_RECOMMENDATIONS, number, "Empfehlung",
                                   message(gettext_noop("The recommendation is missing."))))
            continue
        parsed.recommendations.append((key, level, cells["Empfehlung"]))

    if not parsed.channels and not any(e.sheet == SHEET_CHANNELS for e in errors):
        errors.append(RowError(SHEET_CHANNELS, 0, "", message(gettext_noop("The catalogue needs at least one channel."))))
    if not parsed.dimensions and not any(e.sheet == SHEET_DIMENSIONS for e in errors):
        errors.append(RowError(SHEET_DIMENSIONS, 0, "",
                               message(gettext_noop("The catalogue needs at least one dimension."))))
    return parsed, errors


def rows_of(parsed: ParsedCatalogue) -> dict[str, list[list[object]]]:
    """The sheets of the layout for a catalogue (export; the import reads them back)."""
    return {
        SHEET_CHANNELS: [list(COLUMNS[SHEET_CHANNELS])] + [
            [c["key"], c["name"], c["description"], "ja" if c["digital"] else "nein"] for c in parsed.channels
        ],
        SHEET_DIMENSIONS: [list(COLUMNS[SHEET_DIMENSIONS])] + [
            [d["key"], d["name"], d["question"]] for d in parsed.dimensions
        ],
        SHEET_LEVELS: [list(COLUMNS[SHEET_LEVELS])] + [
            [key, level, text, evidence] for (key, level), (text, evidence) in parsed.levels.items()
        ],
        SHEET_RECOMMENDATIONS: [list(COLUMNS[SHEET_RECOMMENDATIONS])] + [
            [key, level, text] for key, level, text in parsed.recommendations
        ],
    }


def default_parsed() -> ParsedCatalogue:
    """The platform's default catalogue in the parsed form."""
    from kosmos.channels.domain import default_catalogue as data

    parsed = ParsedCatalogue()
    parsed.channels = [{"key": c.key, "name": c.name, "description": c.description, "digital": c.digital,
                        "order": i} for i, c in enumerate(data.CHANNELS)]
    parsed.dimensions = [{"key": d.key, "name": d.name, "question": d.question, "order": i}
                         for i, d in enumerate(data.DIMENSIONS)]
    for d in data.DIMENSIONS:
        for level, (text, evidence) in enumerate(d.levels):
            parsed.levels[(d.key, level)] = (text, evidence)
        for level, text in enumerate(d.recommendations, start=1):
            parsed.recommendations.append((d.key, level, text))
    return parsed
