"""Usage rates of digital offers (Nutzungsquoten): import rows, shares and the comparison window (pure).

The import layout follows the BA's monthly statistics export: one row per offer and month, German
headers (case-insensitive, aliases below), numbers with decimal comma and optional thousands dots:

=====================  ==========================================  ========
Column                 Meaning                                     Required
=====================  ==========================================  ========
Monat                  MM.JJJJ, JJJJ-MM or a date in that month    yes
Angebot                the offer's short name (key) or its name   yes
Nutzungen              digital uses (e.g. online applications)     yes
Grundgesamtheit        all cases on every channel (base)           no
Abschlussquote in %    share of started online cases completed     no
=====================  ==========================================  ========

Digital take-up (GOV.UK KPI) = Nutzungen / Grundgesamtheit × 100. Every problem is reported with its
row number as in the spreadsheet (header = row 1) and its column; a missing month is reported with the
offer and the month (it has no row).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kosmos.core.domain.i18n import Message, gettext_noop, message

# Offer kinds compared across organisations (the keys are stable; labels live in the app).
OFFER_KINDS = (
    "online_appointment",
    "video_counselling",
    "online_main_application",
    "online_continuation_application",
    "online_change_notice",
    "document_upload",
    "encrypted_email",
    "electronic_mailbox",
    "chat",
    "online_callback",
)

COLUMNS = {
    "month": ("monat", "berichtsmonat", "zeitraum"),
    "offer": ("angebot", "digitales angebot", "online-dienst"),
    "uses": ("nutzungen", "anzahl digital", "anzahl online"),
    "eligible": ("grundgesamtheit", "anzahl gesamt", "basis"),
    "completion": ("abschlussquote in %", "abschlussquote", "abschlussquote (%)"),
}
REQUIRED = ("month", "offer", "uses")
# The German column names as they appear in messages (the layout's own headers: data, not UI text).
COLUMN_NAMES = {
    "month": "Monat",
    "offer": "Angebot",
    "uses": "Nutzungen",
    "eligible": "Grundgesamtheit",
    "completion": "Abschlussquote in %",
}
MAX_ROWS = 5000

_MONTH_PATTERNS = (
    re.compile(r"^(?P<m>\d{1,2})[./](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$"),
    re.compile(r"^\d{1,2}\.(?P<m>\d{1,2})\.(?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-\d{1,2}(?:[ T].*)?$"),
)
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


@dataclass(frozen=True)
class RowError:
    """One problem: ``row`` as in the spreadsheet (``None`` for a missing month), ``column`` a key of
    ``COLUMNS`` (or ``""`` for the whole file)."""

    row: int | None
    column: str
    message: Message


@dataclass(frozen=True)
class UsageRow:
    row: int
    offer: str  # the offer's key in the organisation
    month: dt.date  # first day of the month
    uses: int
    eligible: int | None
    completion_rate: float | None


@dataclass(frozen=True)
class ParseResult:
    rows: tuple[UsageRow, ...]
    errors: tuple[RowError, ...]
    invalid_rows: frozenset[int]  # spreadsheet rows with at least one error

    @property
    def ok(self) -> bool:
        return not self.errors


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from ``first`` to ``last`` inclusive (both first days of a month)."""
    out: list[dt.date] = []
    month = month_start(first)
    while month <= last:
        out.append(month)
        month = add_months(month, 1)
    return out


def comparison_window(today: dt.date, months: int = 12) -> tuple[dt.date, dt.date]:
    """The months compared across organisations: the last ``months`` full months before ``today``."""
    last = add_months(month_start(today), -1)
    return add_months(last, -(months - 1)), last


def rolling_sums(figures: Mapping[dt.date, tuple[int, int | None]], length: int = 12
                 ) -> list[tuple[dt.date, int, int]]:
    """(window end, uses, base) for every window of ``length`` months that holds at least one month with a
    base; months without a base are left out of both sums (as in the share)."""
    counted = {month_start(m): (u, b) for m, (u, b) in figures.items() if b}
    if not counted:
        return []
    out = []
    for end in months_between(min(counted), add_months(max(counted), length - 1)):
        window = [counted[m] for m in months_between(add_months(end, -(length - 1)), end) if m in counted]
        if window:
            out.append((end, sum(u for u, _b in window), sum(b for _u, b in window)))
    return out


def take_up(uses: float | None, eligible: float | None) -> float | None:
    """Digital take-up in percent, or ``None`` without a base."""
    if uses is None or not eligible:
        return None
    return 100.0 * uses / eligible


def parse_month(raw: object) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date().replace(day=1)
    if isinstance(raw, dt.date):
        return raw.replace(day=1)
    text = str(raw if raw is not None else "").strip()
    for pattern in _MONTH_PATTERNS:
        found = pattern.match(text)
        if found:
            year, month = int(found["y"]), int(found["m"])
            if 1 <= month <= 12 and 1990 <= year <= 2100:
                return dt.date(year, month, 1)
            return None
    return None


def parse_number(raw: object) -> float | None:
    """A number from a cell: int/float as they are, text in German notation (``1.234,5``).

    Raises ``ValueError`` for text that is no number; returns ``None`` for an empty cell."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(raw)
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            raise ValueError(raw)
        return float(raw)
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if not text:
        return None
    if not _NUMBER.match(text):
        raise ValueError(text)
    return float(text.replace(".", "").replace(",", "."))


def _cell(row: Sequence[object], index: int | None) -> object:
    if index is None or index >= len(row):
        return None
    value = row[index]
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _shown(value: object) -> str:
    return str(value).strip()[:40]


def _header_index(header: Sequence[object]) -> dict[str, int]:
    names = [str(h or "").strip().lower() for h in header]
    found: dict[str, int] = {}
    for key, aliases in COLUMNS.items():
        for i, name in enumerate(names):
            if name in aliases:
                found[key] = i
                break
    return found


def _count(raw: object, row: int, column: str, errors: list[RowError]) -> int | None:
    try:
        value = parse_number(raw)
    except ValueError:
        errors.append(RowError(row, column, message(gettext_noop("“%(value)s” is not a number."), value=_shown(raw))))
        return None
    if value is None:
        return None
    if value < 0:
        errors.append(RowError(row, column, message(gettext_noop("%(value)s is negative; counts cannot be below 0."),
                                                    value=_shown(raw))))
        return None
    if value != int(value):
        errors.append(RowError(row, column, message(gettext_noop("%(value)s is not a whole number."),
                                                    value=_shown(raw))))
        return None
    return int(value)


def parse_rows(rows: Iterable[Sequence[object]], offers: Mapping[str, str]) -> ParseResult:
    """Check every row of an upload (header first). ``offers`` maps lower-case keys and names of the
    organisation's offers to the offer key."""
    rows = list(rows)
    errors: list[RowError] = []
    while rows and not any(str(c or "").strip() for c in rows[-1]):
        rows.pop()
    if len(rows) < 2:
        return ParseResult((), (RowError(None, "", message(gettext_noop("The file has no rows with figures."))),),
                           frozenset())
    if len(rows) - 1 > MAX_ROWS:
        return ParseResult((), (RowError(None, "", message(
            gettext_noop("The file has more than %(count)s rows; please split it."), count=MAX_ROWS)),), frozenset())
    index = _header_index(rows[0])
    missing = [COLUMN_NAMES[key] for key in REQUIRED if key not in index]
    if missing:
        return ParseResult((), (RowError(1, "", message(
            gettext_noop("Required columns are missing: %(columns)s."), columns=", ".join(missing))),), frozenset())

    parsed: list[UsageRow] = []
    invalid: set[int] = set()
    seen: dict[tuple[str, dt.date], int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(str(c if c is not None else "").strip() for c in row):
            continue
        before = len(errors)
        raw_month, raw_offer = _cell(row, index["month"]), _cell(row, index["offer"])
        month = parse_month(raw_month) if raw_month is not None else None
        if raw_month is None:
            errors.append(RowError(number, "month", message(gettext_noop("The month is missing."))))
        elif month is None:
            errors.append(RowError(number, "month", message(
                gettext_noop("“%(value)s” is not a month (MM.YYYY or YYYY-MM)."), value=_shown(raw_month))))
        offer = offers.get(str(raw_offer).strip().lower()) if raw_offer is not None else None
        if raw_offer is None:
            errors.append(RowError(number, "offer", message(gettext_noop("The offer is missing."))))
        elif offer is None:
            errors.append(RowError(number, "offer", message(
                gettext_noop("“%(value)s” is not one of the organisation's digital offers."), value=_shown(raw_offer))))
        raw_uses = _cell(row, index["uses"])
        uses = _count(raw_uses, number, "uses", errors)
        if raw_uses is None:
            errors.append(RowError(number, "uses", message(gettext_noop("The number of uses is missing."))))
        eligible = _count(_cell(row, index.get("eligible")), number, "eligible", errors)
        if uses is not None and eligible is not None and uses > eligible:
            errors.append(RowError(number, "eligible", message(
                gettext_noop("The digital share would be %(share)s %%: the uses (%(uses)s) exceed the base "
                             "(%(eligible)s)."), share=round(take_up(uses, eligible) or 0), uses=uses,
                eligible=eligible)))
        completion = None
        raw_completion = _cell(row, index.get("completion"))
        try:
            completion = parse_number(raw_completion)
        except ValueError:
            errors.append(RowError(number, "completion", message(
                gettext_noop("“%(value)s” is not a number."), value=_shown(raw_completion))))
        if completion is not None and not 0 <= completion <= 100:
            errors.append(RowError(number, "completion", message(
                gettext_noop("%(value)s %% is not a share between 0 and 100 %%."), value=_shown(raw_completion))))
            completion = None
        if offer is not None and month is not None:
            first = seen.get((offer, month))
            if first is not None:
                errors.append(RowError(number, "month", message(
                    gettext_noop("%(month)s appears twice for this offer (first in row %(first)s)."),
                    month=month.strftime("%m.%Y"), first=first)))
            else:
                seen[(offer, month)] = number
        if len(errors) > before:
            invalid.add(number)
            continue
        parsed.append(UsageRow(number, offer, month, uses, eligible, completion))  # type: ignore[arg-type]

    errors.extend(missing_months(seen))
    return ParseResult(tuple(parsed), tuple(errors), frozenset(invalid))


def missing_months(seen: Mapping[tuple[str, dt.date], int]) -> list[RowError]:
    """Gaps between an offer's first and last month in the file."""
    by_offer: dict[str, set[dt.date]] = {}
    for offer, month in seen:
        by_offer.setdefault(offer, set()).add(month)
    errors = []
    for offer in sorted(by_offer):
        months = by_offer[offer]
        for month in months_between(min(months), max(months)):
            if month not in months:
                errors.append(RowError(None, "month", message(
                    gettext_noop("Offer “%(offer)s”: the month %(month)s is missing."),
                    offer=offer, month=month.strftime("%m.%Y"))))
    return errors


def quartiles_in_python(values: Sequence[float], k: int) -> tuple[float, float, float] | None:
    """Lower quartile, median, upper quartile (inclusive method) or ``None`` below ``k`` values —
    the peer of the SQL-aggregated benchmark in ``bench/channels_benchmark.py``."""
    if len(values) < k:
        return None
    q1, median, q3 = statistics.quantiles(sorted(values), n=4, method="inclusive")
    return q1, median, q3
