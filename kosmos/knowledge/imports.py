"""Excel import and export of a knowledge base (the Django side of ``domain/importing.py``).

Two steps, the upload kept server-side in between (``EntryImport``: the cell values of the first
sheet, never the file): ``do_stage_import`` stores the uploaded rows, the preview page maps
columns to fields (``do_save_mapping``) and shows every bad row, ``do_import_entries`` writes all
rows in one transaction — or, when the user explicitly chose it, only the good ones.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kosmos.core.audit import log_created, log_event
from kosmos.core.documents import Sheet, parse_office_file, to_xlsx
from kosmos.core.documents.office import parse_seconds
from kosmos.core.models import Organisation, User
from kosmos.knowledge import models as km
from kosmos.knowledge.domain import importing as imp

MAX_BYTES = 10 * 1024 * 1024
MAX_CELL_CHARS = 10_000
STAGED_HOURS = 24
# Reading 10,000 rows of 30 columns takes a few seconds (openpyxl, read-only); the platform's
# default parse limit (10 s) is meant for text documents. The zip guard still bounds the size.
PARSE_SECONDS = 60
# An OLE2 compound file: an encrypted (password-protected) .xlsx or an old .xls workbook.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# --- reading the upload ---------------------------------------------------------------------------


def _json_cell(value: object) -> object:
    if value is None or isinstance(value, bool | int | str):
        return value[:MAX_CELL_CHARS] if isinstance(value, str) else value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value)[:MAX_CELL_CHARS]


def _blank(row: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _first_sheet(data: bytes) -> tuple[Any, Any]:
    """(workbook, first worksheet), read-only, without openpyxl's pre-scan of every sheet.

    openpyxl sizes each read-only sheet when it opens the workbook; a sheet without a
    ``<dimension>`` element (openpyxl's own write-only files, our export) is then parsed once
    completely — a 100,000-row file before the row limit could stop it. Here only the first sheet
    is opened and rows are read as they come. Falls back to ``load_workbook`` if openpyxl changes.
    """
    from openpyxl import load_workbook

    try:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        class _Unsized(ReadOnlyWorksheet):
            def _get_size(self) -> None:  # rows and columns are counted while reading
                self._min_column = self._min_row = 1
                self._max_column = self._max_row = None

        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        for sheet, rel in reader.parser.find_sheets():
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
                return reader.wb, _Unsized(reader.wb, sheet.name, rel.target, reader.shared_strings)
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - another openpyxl version
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        return workbook, workbook.worksheets[0]
    raise ValueError("no worksheet")


def _sheet_rows(data: bytes, max_rows: int) -> tuple[list[str], list[list[object]]]:
    workbook, sheet = _first_sheet(data)
    try:
        header: list[str] | None = None
        rows: list[list[object]] = []
        filled = 0
        for raw in sheet.iter_rows(values_only=True):
            if header is None:  # row 1: the headings (row numbers stay those Excel shows)
                header = [imp.cell_text(v) for v in raw]
                if not any(header):
                    raise ValidationError(_("The first row of the first sheet must hold the column headings."),
                                          code="no_heading")
                continue
            row = [_json_cell(v) for v in raw]
            if not _blank(row):
                filled += 1
                if filled > max_rows:
                    raise ValidationError(
                        _("The file has more than %(max)s rows. Please split it into several files of at most "
                          "%(max)s rows each.") % {"max": f"{max_rows:,}".replace(",", ".")},
                        code="too_many_rows",
                    )
            rows.append(row)
        while rows and _blank(rows[-1]):
            rows.pop()
        return header or [], rows
    finally:
        workbook.close()


def read_workbook(data: bytes, name: str, *, max_rows: int = imp.MAX_ROWS) -> tuple[list[str], list[list[object]]]:
    """Heading and data rows of the first sheet of an uploaded .xlsx (German errors otherwise)."""
    if not name.lower().endswith(".xlsx"):
        raise ValidationError(_("Please upload an Excel workbook (.xlsx)."), code="not_xlsx")
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB."), code="too_large")
    if data.startswith(OLE_MAGIC):
        raise ValidationError(
            _("The file is password-protected or saved in the old Excel format (.xls). Please remove the password "
              "and save it as an Excel workbook (.xlsx)."),
            code="protected",
        )
    try:
        header, rows = parse_office_file(data, name=name, parse=lambda raw: _sheet_rows(raw, max_rows),
                                         seconds=max(parse_seconds(), PARSE_SECONDS))
    except ValidationError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise ValidationError(
            _("The file could not be read as an Excel workbook. Please open it in Excel, save it again as .xlsx "
              "and upload it once more."),
            code="broken",
        ) from exc
    if not any(header) or not rows:
        raise ValidationError(_("The first sheet has no heading row or no data rows."), code="empty")
    return header, rows


# --- German messages ------------------------------------------------------------------------------


def field_label(key: str) -> str:
    if not key:
        return _("File")
    try:
        return str(km.Entry._meta.get_field(key).verbose_name)
    except Exception:  # noqa: BLE001 - a key of the layout that is no model field
        return key


def message(error: imp.RowError) -> str:
    """``Zeile 7, Gültig ab: „31.02.2024“ ist kein gültiges Datum …`` in German."""
    texts = {
        imp.EMPTY_FILE: _("the file has no data rows."),
        imp.TOO_MANY_ROWS: _("more than %(value)s rows; please split the file."),
        imp.NOT_MAPPED: _("please choose a column for this field."),
        imp.MAPPED_TWICE: _("this column is already chosen for another field."),
        imp.REQUIRED_EMPTY: _("this field must not be empty."),
        imp.TOO_LONG: _("“%(value)s” is too long."),
        imp.BAD_DATE: _("“%(value)s” is not a valid date (e.g. 31.12.2024)."),
        imp.BAD_BOOL: _("“%(value)s” is neither “ja” nor “nein”."),
        imp.BAD_CHOICE: _("“%(value)s” is not one of the offered values."),
        imp.BAD_POSTCODE: _("“%(value)s” is not a German postcode (five digits)."),
        imp.UNKNOWN_POSTCODE: _("the postcode “%(value)s” does not exist."),
        imp.BAD_EMAIL: _("“%(value)s” is not an e-mail address."),
        imp.BAD_URL: _("“%(value)s” is not a web address."),
        imp.UNKNOWN_PERSON: _("“%(value)s” is not a member of your organisation."),
        imp.BAD_TYPE: _("“%(value)s” has the wrong type for this field."),
        imp.DATE_ORDER: _("the end of validity %(value)s lies before its start."),
        imp.DUPLICATE_IN_FILE: _("the same entry (title and postcode) is already in row %(value)s."),
        imp.DUPLICATE_EXISTING: _("“%(value)s” with this postcode already exists in the knowledge base."),
    }
    text = texts.get(error.code, error.code) % {"value": error.value}
    if error.row <= 1:
        return _("Column mapping, %(field)s: %(text)s") % {"field": field_label(error.field), "text": text}
    return _("Row %(row)s, %(field)s: %(text)s") % {"row": error.row, "field": field_label(error.field),
                                                    "text": text}


# --- what the database knows ----------------------------------------------------------------------


def _choice_map(choices: type) -> dict[str, str]:
    found: dict[str, str] = {}
    for code, label in choices.choices:
        found[str(code).lower()] = code
        for language in ("de", "en"):
            with translation.override(language):
                text = str(label).lower()
            found[text] = code
            if text.endswith(")") and "(" in text:  # "Über 50 (Ü50)" is also found as "Ü50"
                found[text[text.rindex("(") + 1 : -1].strip()] = code
    return found


def choice_maps() -> dict[str, dict[str, str]]:
    return {
        "topics": _choice_map(km.Topic),
        "target_groups": _choice_map(km.TargetGroup),
        "languages": _choice_map(km.Language),
    }


def lookups(organisation: Organisation) -> imp.Lookups:
    people = {
        email.lower(): pk
        for pk, email in User.objects.filter(memberships__organisation=organisation).values_list("pk", "email")
    }
    existing = frozenset(
        imp.duplicate_key(title, postcode)
        for title, postcode in km.Entry.objects.filter(organisation=organisation).values_list("title", "postcode")
    )
    return imp.Lookups(choices=choice_maps(), people=people, existing=existing)


def check_staged(staged: Any, mapping: Mapping[str, int] | None = None) -> imp.CheckResult:
    mapping = staged.mapping if mapping is None else mapping
    return imp.check_rows(staged.rows, {k: int(v) for k, v in mapping.items()}, lookups(staged.organisation),
                          columns=len(staged.header))


# --- writes ---------------------------------------------------------------------------------------


def _same_org(organisation: Organisation, staged: Any) -> None:
    if staged.organisation_id != organisation.pk:
        raise PermissionDenied


@transaction.atomic
def do_stage_import(*, acting_user: User, organisation: Organisation, file_name: str, header: list[str],
                    rows: list[list[object]]) -> Any:
    """Keep the uploaded rows for the preview; earlier uploads older than a day are removed."""
    km.EntryImport.objects.filter(organisation=organisation,
                                  created_at__lt=timezone.now() - dt.timedelta(hours=STAGED_HOURS)).delete()
    staged = km.EntryImport.objects.create(organisation=organisation, created_by=acting_user,
                                           file_name=file_name[:200], header=header, rows=rows,
                                           mapping=imp.suggest_mapping(header))
    log_created(staged, actor=acting_user, organisation=organisation, action="knowledge.import_uploaded",
                fields=["file_name"])
    return staged


@transaction.atomic
def do_save_mapping(*, acting_user: User, organisation: Organisation, staged: Any,
                    mapping: Mapping[str, int]) -> Any:
    """Remember the chosen column mapping (bookkeeping of the preview, not audited)."""
    _same_org(organisation, staged)
    if staged.applied_at:
        raise ValidationError(_("This file has already been imported."))
    staged.mapping = {k: int(v) for k, v in mapping.items()}
    staged.save(update_fields=["mapping"])
    return staged


def _named(model: type, organisation: Organisation, names: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Categories or partners by lower-case name; missing ones are created (name, topic)."""
    found = {obj.name.lower(): obj for obj in model.objects.filter(organisation=organisation)}
    for name, topic in names:
        if name.lower() in found:
            continue
        if model is km.Category:
            obj = km.Category.objects.create(organisation=organisation, name=name, topic=topic)
        else:
            obj = km.Partner.objects.create(organisation=organisation, name=name)
        found[name.lower()] = obj
    return found


def _index(entries: list[Any]) -> None:
    """Index the new entries for the search (``bulk_create`` sends no signal)."""
    from kosmos.core.search import indexing

    indexing.index_objects(km.Entry, [e.pk for e in entries])


@transaction.atomic
def do_import_entries(*, acting_user: User, organisation: Organisation, staged: Any,
                      mapping: Mapping[str, int] | None = None, only_valid: bool = False) -> tuple[int, int]:
    """Create the entries of a staged upload in one transaction: all rows, or — only when the user
    explicitly chose it — the good rows. Returns (created, skipped bad rows)."""
    from kosmos.knowledge.services import REVIEW_INTERVAL_DAYS, geo_for

    _same_org(organisation, staged)
    staged = km.EntryImport.objects.select_for_update().get(pk=staged.pk)
    if staged.applied_at:
        raise ValidationError(_("This file has already been imported."))
    if mapping is not None:
        staged.mapping = {k: int(v) for k, v in mapping.items()}
    result = check_staged(staged)
    if result.file_errors:
        raise ValidationError([message(e) for e in result.file_errors])
    if result.errors and not only_valid:
        raise ValidationError(_("Nothing was imported: %(count)s rows have errors.") % {"count": len(result.bad_rows)})
    if not result.entries:
        raise ValidationError(_("There is no valid row to import."))
    rows = result.entries
    categories = _named(km.Category, organisation, [(str(r.values["category"]), str(r.values["topic"]))
                                                    for r in rows if r.values.get("category")])
    partners = _named(km.Partner, organisation, [(str(r.values["partner"]), "") for r in rows
                                                 if r.values.get("partner")])
    review_due = timezone.localdate() + dt.timedelta(days=REVIEW_INTERVAL_DAYS)
    new = []
    for row in rows:
        values = dict(row.values)
        category = categories[str(values.pop("category")).lower()] if values.get("category") else None
        partner = partners[str(values.pop("partner")).lower()] if values.get("partner") else None
        values.pop("category", None)
        values.pop("partner", None)
        for key in ("target_groups", "languages"):
            if key in values:
                values[key] = km.codes_field_value(values[key])  # type: ignore[arg-type]
        responsible = values.pop("responsible", None)
        entry = km.Entry(organisation=organisation, category=category, partner=partner,
                         responsible_id=responsible, **values)
        if not entry.review_due:
            entry.review_due = review_due
        if category is not None and category.is_shared:
            entry.visibility = category.visibility
        entry.latitude, entry.longitude = geo_for(entry.postcode)
        new.append(entry)
    created = km.Entry.objects.bulk_create(new, batch_size=1000)
    shared = [e for e in created if e.category is not None and e.category.is_shared]
    for entry in shared:
        entry.shared_with.set(entry.category.shared_with.all())
    staged.applied_at = timezone.now()
    staged.created_count = len(created)
    staged.rows = []  # the cell values are no longer needed
    staged.save(update_fields=["applied_at", "created_count", "rows", "mapping"])
    log_event(actor=acting_user, organisation=organisation, action="knowledge.entries_imported",
              object_type="knowledge.entryimport", object_id=str(staged.public_id), object_repr=staged.file_name,
              changes={"created": [None, len(created)], "skipped_rows": [None, len(result.bad_rows)]})
    _index(created)
    return len(created), len(result.bad_rows)


# --- export ---------------------------------------------------------------------------------------


def _labels(choices: type, codes: Iterable[str]) -> str:
    names = dict(choices.choices)
    return ", ".join(str(names.get(code, code)) for code in codes)


def export_values(entry: Any) -> dict[str, object]:
    """An entry's values as the import reads them (labels, "ja"/"nein", dates)."""
    values: dict[str, object] = {}
    for spec in imp.FIELDS:
        key = spec.key
        if key == "topic":
            values[key] = entry.get_topic_display()
        elif key == "category":
            values[key] = entry.category.name if entry.category_id else ""
        elif key == "partner":
            values[key] = entry.partner.name if entry.partner_id else ""
        elif key == "target_groups":
            values[key] = _labels(km.TargetGroup, entry.target_group_codes)
        elif key == "languages":
            values[key] = _labels(km.Language, entry.language_codes)
        elif key == "responsible":
            values[key] = entry.responsible.email if entry.responsible_id else ""
        elif spec.kind == imp.BOOL:
            values[key] = "ja" if getattr(entry, key) else "nein"
        else:
            value = getattr(entry, key)
            values[key] = value if value not in (None, "") else ""
    return values


def export_workbook(entries: Iterable[Any]) -> bytes:
    rows: list[Sequence[object]] = [imp.export_headings()]
    rows += [imp.export_row(export_values(entry)) for entry in entries]
    widths = {"A": 40, "B": 30, "C": 24, "D": 30, "E": 40, "F": 60}
    return to_xlsx([Sheet(_("Knowledge base"), rows, widths=widths)])


def export_queryset(organisation: Organisation) -> Any:
    return (km.Entry.objects.filter(organisation=organisation)
            .select_related("category", "partner", "responsible").order_by("title", "pk"))
