"""Checking the rows of an existing knowledge base (an Excel workbook) — pure, no Django.

The organisation maps its columns to entry fields (``suggest_mapping`` proposes a mapping from
the headings); ``check_rows`` then checks every row and returns the good rows (``ParsedEntry``)
and every problem as a ``RowError`` with the row number as Excel shows it (heading = row 1), the
field and a code. The app (``kosmos.knowledge.imports``) turns codes into German messages and
writes nothing unless every row is good or the user chose to import only the good rows.

The export (``export_layout``) writes the headings of ``FIELDS`` in this order, so an exported
workbook maps itself completely and imports again unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kosmos.knowledge.domain import geo

MAX_ROWS = 10_000

# Kinds of field
TEXT = "text"
LONG = "long"
CHOICE = "choice"  # one code of a choice set
CODES = "codes"  # several codes, separated by comma or semicolon
BOOL = "bool"
DATE = "date"
POSTCODE = "postcode"
EMAIL = "email"
URL = "url"
PERSON = "person"  # a member's e-mail
NAME = "name"  # category or partner, found or created by name


@dataclass(frozen=True)
class ImportField:
    key: str
    heading: str  # the heading of the export layout (German, the file format)
    kind: str = TEXT
    max_length: int = 0
    aliases: tuple[str, ...] = ()
    choices: str = ""  # name of the choice set for CHOICE/CODES (topics, target_groups, languages)


FIELDS: tuple[ImportField, ...] = (
    ImportField("title", "Titel", TEXT, 200, ("angebot", "name des angebots", "bezeichnung", "titel", "name",
                                              "maßnahme", "massnahme", "thema", "eintrag")),
    ImportField("topic", "Themenfeld", CHOICE, 0, ("themenfeld", "themenbereich", "bereich"), "topics"),
    ImportField("category", "Kategorie", NAME, 150, ("kategorie", "rubrik", "unterkategorie")),
    ImportField("partner", "Netzwerkpartner", NAME, 200, ("träger", "traeger", "anbieter", "einrichtung",
                                                          "netzwerkpartner", "partner", "organisation")),
    ImportField("summary", "Kurzbeschreibung", TEXT, 300, ("kurzbeschreibung", "kurztext", "zusammenfassung")),
    ImportField("description", "Beschreibung", LONG, 0, ("beschreibung", "inhalt", "angebotsbeschreibung",
                                                         "details", "informationen")),
    ImportField("conversation_tips", "Was im Gespräch hilft", LONG, 0, ("was im gespräch hilft",
                                                                         "gesprächshinweise", "hinweise")),
    ImportField("sources", "Quellen", LONG, 0, ("quellen", "quelle")),
    ImportField("tags", "Schlagworte", TEXT, 300, ("schlagworte", "schlagwörter", "stichworte", "tags")),
    ImportField("target_groups", "Zielgruppen", CODES, 0, ("zielgruppen", "zielgruppe"), "target_groups"),
    ImportField("languages", "Sprachen", CODES, 0, ("sprachen", "sprache"), "languages"),
    ImportField("free_of_charge", "Kostenlos", BOOL, 0, ("kostenlos", "kostenfrei", "gebührenfrei")),
    ImportField("costs", "Kosten", TEXT, 200, ("kosten", "preis", "gebühren", "eigenanteil")),
    ImportField("referral", "Zugangsweg", LONG, 0, ("zugangsweg", "zugang", "zuweisung", "anmeldung",
                                                    "vermittlung")),
    ImportField("accessible", "Barrierefrei", BOOL, 0, ("barrierefrei", "barrierefreiheit (ja/nein)",
                                                        "rollstuhlgerecht")),
    ImportField("accessibility", "Hinweise zur Barrierefreiheit", TEXT, 300, ("hinweise zur barrierefreiheit",
                                                                             "barrierefreiheit")),
    ImportField("address", "Adresse", TEXT, 200, ("adresse", "anschrift", "straße", "strasse",
                                                  "straße und hausnummer")),
    ImportField("postcode", "PLZ", POSTCODE, 5, ("plz", "postleitzahl")),
    ImportField("place", "Ort", TEXT, 100, ("ort", "stadt", "gemeinde", "wohnort")),
    ImportField("contact_role", "Ansprechperson (Funktion)", TEXT, 150, ("ansprechperson (funktion)",
                                                                       "ansprechpartner", "ansprechperson",
                                                                       "ansprechpartner:in", "kontakt",
                                                                       "kontaktperson")),
    ImportField("contact_phone", "Telefon", TEXT, 50, ("telefon", "tel.", "tel", "telefonnummer")),
    ImportField("contact_email", "E-Mail", EMAIL, 254, ("e-mail", "email", "mail", "e-mail-adresse")),
    ImportField("website", "Website", URL, 200, ("website", "internet", "homepage", "webseite", "link", "url")),
    ImportField("opening_hours", "Öffnungszeiten", TEXT, 300, ("öffnungszeiten", "sprechzeiten", "zeiten")),
    ImportField("valid_from", "Gültig ab", DATE, 0, ("gültig ab", "gueltig ab", "beginn", "start")),
    ImportField("valid_until", "Gültig bis", DATE, 0, ("gültig bis", "gueltig bis", "ende", "befristet bis")),
    ImportField("responsible", "Verantwortlich (E-Mail)", PERSON, 0, ("verantwortlich (e-mail)", "verantwortlich",
                                                                      "zuständig", "zustaendig")),
    ImportField("review_due", "Nächste Prüfung", DATE, 0, ("nächste prüfung", "naechste pruefung",
                                                           "wiedervorlage", "prüfen bis", "überprüfung")),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
REQUIRED = ("title",)

# Problems, as codes; the app words them in German (``kosmos.knowledge.imports.message``).
EMPTY_FILE = "empty_file"
TOO_MANY_ROWS = "too_many_rows"
NOT_MAPPED = "not_mapped"  # a required field has no column
MAPPED_TWICE = "mapped_twice"
REQUIRED_EMPTY = "required_empty"
TOO_LONG = "too_long"
BAD_DATE = "bad_date"
BAD_BOOL = "bad_bool"
BAD_CHOICE = "bad_choice"
BAD_POSTCODE = "bad_postcode"
UNKNOWN_POSTCODE = "unknown_postcode"
BAD_EMAIL = "bad_email"
BAD_URL = "bad_url"
UNKNOWN_PERSON = "unknown_person"
BAD_TYPE = "bad_type"
DATE_ORDER = "date_order"
DUPLICATE_IN_FILE = "duplicate_in_file"
DUPLICATE_EXISTING = "duplicate_existing"

TRUE_WORDS = frozenset({"ja", "j", "x", "yes", "y", "true", "wahr", "1", "kostenlos", "kostenfrei", "✓", "✔"})
FALSE_WORDS = frozenset({"nein", "n", "no", "false", "falsch", "0", "-", "kostenpflichtig"})
_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")
_URL = re.compile(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*[,;/\n]\s*")
_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%d.%m.%Y %H:%M")


@dataclass(frozen=True)
class RowError:
    row: int
    field: str  # an entry field key, or "" for the whole file
    code: str
    value: str = ""


@dataclass
class ParsedEntry:
    row: int
    values: dict[str, object] = field(default_factory=dict)


@dataclass
class CheckResult:
    entries: list[ParsedEntry]
    errors: list[RowError]
    rows_seen: int  # data rows that were not empty

    @property
    def bad_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors if e.row > 1})

    @property
    def file_errors(self) -> list[RowError]:
        return [e for e in self.errors if e.row <= 1]


@dataclass(frozen=True)
class Lookups:
    """What the database knows, prepared by the app: all keys in lower case."""

    choices: Mapping[str, Mapping[str, str]]  # choice set -> {code or label: code}
    people: Mapping[str, int] = field(default_factory=dict)  # e-mail -> user id
    existing: frozenset[tuple[str, str]] = frozenset()  # duplicate keys of the organisation's entries
    default_topic: str = "offers"


def _heading(value: object) -> str:
    return re.sub(r"\s+", " ", str(value if value is not None else "")).strip().lower().rstrip(":*")


def suggest_mapping(header: Sequence[object]) -> dict[str, int]:
    """Entry field -> column index, from the headings (exact heading first, then aliases)."""
    names = [_heading(h) for h in header]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for spec in FIELDS:
        wanted = (spec.heading.lower(), *spec.aliases)
        for alias in wanted:
            index = next((i for i, name in enumerate(names) if name == alias and i not in used), None)
            if index is not None:
                mapping[spec.key] = index
                used.add(index)
                break
    return mapping


def check_mapping(mapping: Mapping[str, int], columns: int) -> list[RowError]:
    errors = [RowError(1, key, NOT_MAPPED) for key in REQUIRED if key not in mapping]
    seen: dict[int, str] = {}
    for key, index in mapping.items():
        if key not in FIELD_BY_KEY or not 0 <= index < columns:
            errors.append(RowError(1, key, NOT_MAPPED))
        elif index in seen:
            errors.append(RowError(1, key, MAPPED_TWICE, str(index)))
        else:
            seen[index] = key
    return errors


def cell_text(value: object) -> str:
    """A cell as text (an integral float without ``.0``; dates as DD.MM.YYYY)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return str(value).strip()


def _short(value: object) -> str:
    text = cell_text(value)
    return text if len(text) <= 60 else text[:59] + "…"


def parse_date(value: object) -> dt.date | None:
    """German dates (31.12.2024, 31.12.24), ISO dates and Excel date cells; None if not a real date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or not isinstance(value, str):
        return None
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a plain calendar date
        except ValueError:
            continue
    return None


def parse_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = cell_text(value).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    return None


def duplicate_key(title: str, postcode: str) -> tuple[str, str]:
    return (re.sub(r"\s+", " ", title).strip().lower(), postcode.strip())


def _check_cell(spec: ImportField, raw: object, lookups: Lookups) -> tuple[object, str | None]:
    """(value, error code or None) for one non-empty cell."""
    if spec.kind in (TEXT, LONG, NAME):
        if isinstance(raw, dt.date | dt.datetime | bool):
            return None, BAD_TYPE
        text = cell_text(raw)
        if spec.max_length and len(text) > spec.max_length:
            return None, TOO_LONG
        return text, None
    if spec.kind == DATE:
        day = parse_date(raw)
        return (day, None) if day else (None, BAD_DATE)
    if spec.kind == BOOL:
        flag = parse_bool(raw)
        return (flag, None) if flag is not None else (None, BAD_BOOL)
    if spec.kind == POSTCODE:
        if isinstance(raw, dt.date | dt.datetime | bool):
            return None, BAD_TYPE
        code = geo.normalise_postcode(raw)
        if not geo.is_valid_postcode(code):
            return None, BAD_POSTCODE
        if not geo.is_known_postcode(code):
            return None, UNKNOWN_POSTCODE
        return code, None
    if spec.kind == EMAIL:
        text = cell_text(raw)
        return (text, None) if _EMAIL.match(text) and len(text) <= spec.max_length else (None, BAD_EMAIL)
    if spec.kind == URL:
        text = cell_text(raw)
        if not _URL.match(text) or len(text) > spec.max_length:
            return None, BAD_URL
        return (text if text.lower().startswith(("http://", "https://")) else "https://" + text), None
    if spec.kind == PERSON:
        person = lookups.people.get(cell_text(raw).lower())
        return (person, None) if person is not None else (None, UNKNOWN_PERSON)
    choices = lookups.choices.get(spec.choices, {})
    if spec.kind == CHOICE:
        code = choices.get(cell_text(raw).lower())
        return (code, None) if code else (None, BAD_CHOICE)
    if spec.kind == CODES:
        codes = []
        for part in _SPLIT.split(cell_text(raw)):
            if not part:
                continue
            code = choices.get(part.lower())
            if code is None:
                return part, BAD_CHOICE
            codes.append(code)
        return list(dict.fromkeys(codes)), None
    raise ValueError(spec.kind)  # pragma: no cover - every kind is handled above


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_rows(
    rows: Iterable[Sequence[object]],
    mapping: Mapping[str, int],
    lookups: Lookups,
    *,
    columns: int,
    max_rows: int = MAX_ROWS,
    first_row: int = 2,
) -> CheckResult:
    """Check every data row (the heading row is not part of ``rows``); all or nothing is up to the app."""
    errors = check_mapping(mapping, columns)
    if errors:
        return CheckResult([], errors, 0)
    specs = [(FIELD_BY_KEY[key], index) for key, index in mapping.items()]
    entries: list[ParsedEntry] = []
    seen_keys: dict[tuple[str, str], int] = {}
    seen = 0
    for number, row in enumerate(rows, start=first_row):
        cells = [(spec, row[index] if index < len(row) else None) for spec, index in specs]
        if all(_blank(raw) for _spec, raw in cells):
            continue
        seen += 1
        if seen > max_rows:
            errors.append(RowError(number, "", TOO_MANY_ROWS, str(max_rows)))
            break
        values: dict[str, object] = {}
        row_errors: list[RowError] = []
        for spec, raw in cells:
            if _blank(raw):
                if spec.key in REQUIRED:
                    row_errors.append(RowError(number, spec.key, REQUIRED_EMPTY))
                continue
            value, problem = _check_cell(spec, raw, lookups)
            if problem:
                row_errors.append(RowError(number, spec.key, problem, _short(raw)))
            else:
                values[spec.key] = value
        start, end = values.get("valid_from"), values.get("valid_until")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            row_errors.append(RowError(number, "valid_until", DATE_ORDER, f"{end:%d.%m.%Y}"))
        if "title" in values:
            key = duplicate_key(str(values["title"]), str(values.get("postcode", "")))
            if key in lookups.existing:
                row_errors.append(RowError(number, "title", DUPLICATE_EXISTING, _short(values["title"])))
            elif key in seen_keys:
                row_errors.append(RowError(number, "title", DUPLICATE_IN_FILE, str(seen_keys[key])))
            else:
                seen_keys[key] = number
        if row_errors:
            errors += row_errors
            continue
        values.setdefault("topic", lookups.default_topic)
        if values.get("postcode") and not values.get("place"):
            values["place"] = geo.place_name(str(values["postcode"]))
        entries.append(ParsedEntry(number, values))
    if seen == 0 and not errors:
        errors.append(RowError(1, "", EMPTY_FILE))
    return CheckResult(entries, errors, min(seen, max_rows))


def export_row(values: Mapping[str, object]) -> list[object]:
    """One entry's values (already as text/labels by the app) in the order of ``FIELDS``."""
    return [values.get(spec.key, "") for spec in FIELDS]


def export_headings() -> list[str]:
    return [spec.heading for spec in FIELDS]
