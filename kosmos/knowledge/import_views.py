"""Pages of the Excel import (upload → preview with column mapping → import) and the XLSX export."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from kosmos.core.access import org_permission_required
from kosmos.core.documents import download
from kosmos.core.forms_base import add_service_error
from kosmos.knowledge import imports
from kosmos.knowledge import models as km
from kosmos.knowledge.domain import importing as imp
from kosmos.knowledge.import_forms import ConfirmForm, MappingForm, UploadForm

MAX_SHOWN_ERRORS = 200
SAMPLE_ROWS = 5


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > imports.MAX_BYTES:
                raise ValidationError(_("The file is larger than 10 MB."))
            header, rows = imports.read_workbook(upload.read(), upload.name)
            staged = imports.do_stage_import(acting_user=request.user, organisation=request.organisation,
                                             file_name=upload.name, header=header, rows=rows)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            return redirect("org:knowledge_import_preview", org_slug=org_slug, import_id=staged.public_id)
    return render(request, "knowledge/import.html", {"form": form})


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _sample(result: imp.CheckResult, keys: list[str]) -> list[tuple[int, list[str]]]:
    return [(e.row, [_shown(e.values.get(key)) for key in keys]) for e in result.entries[:SAMPLE_ROWS]]


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, org_slug: str, import_id: object) -> HttpResponse:
    """The preview: map columns, see every bad row, then import all rows or — explicitly — the good ones."""
    staged = get_object_or_404(km.EntryImport, organisation=request.organisation, public_id=import_id)
    if staged.applied_at:
        messages.info(request, _("This file has already been imported."))
        return redirect("org:knowledge_finder", org_slug=org_slug)
    data = request.POST if request.method == "POST" else None
    mapping_form = MappingForm(data, header=staged.header, initial_mapping=staged.mapping)
    confirm_form = ConfirmForm(data)
    action = request.POST.get("action", "check")
    if request.method == "POST" and mapping_form.is_valid() and confirm_form.is_valid():
        mapping = mapping_form.mapping()
        try:
            if action in ("import", "import_valid"):
                only_valid = action == "import_valid"
                if only_valid and not confirm_form.cleaned_data["only_valid"]:
                    raise ValidationError({"only_valid": _("Please confirm that the rows with errors are left out.")})
                created, skipped = imports.do_import_entries(acting_user=request.user,
                                                             organisation=request.organisation, staged=staged,
                                                             mapping=mapping, only_valid=only_valid)
                text = ngettext("%(count)s entry imported.", "%(count)s entries imported.", created) % {
                    "count": created}
                if skipped:
                    text += " " + ngettext("%(count)s row with errors was left out.",
                                           "%(count)s rows with errors were left out.", skipped) % {"count": skipped}
                messages.success(request, text)
                return redirect("org:knowledge_finder", org_slug=org_slug)
            imports.do_save_mapping(acting_user=request.user, organisation=request.organisation, staged=staged,
                                    mapping=mapping)
            return redirect("org:knowledge_import_preview", org_slug=org_slug, import_id=staged.public_id)
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "only_valid" in exc.error_dict:
                confirm_form.add_error("only_valid", exc.error_dict["only_valid"])
            add_service_error(mapping_form, ValidationError(exc.messages))  # one error summary at the top
    mapping = mapping_form.mapping() if mapping_form.is_bound and mapping_form.is_valid() else staged.mapping
    result = imports.check_staged(staged, mapping)
    errors = [(e.row, imports.field_label(e.field), imports.message(e)) for e in result.errors[:MAX_SHOWN_ERRORS]]
    mapped = [(spec.key, imports.field_label(spec.key)) for spec in imp.FIELDS if spec.key in mapping][:6]
    return render(request, "knowledge/import_preview.html", {
        "staged": staged, "mapping_form": mapping_form, "confirm_form": confirm_form, "result": result,
        "errors": errors, "more_errors": max(0, len(result.errors) - MAX_SHOWN_ERRORS),
        "bad_rows": len(result.bad_rows), "file_errors": bool(result.file_errors),
        "sample": _sample(result, [key for key, _label in mapped]), "mapped": mapped,
    })


@org_permission_required("knowledge.view")
def export(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The organisation's own entries as XLSX in the import layout (imports again unchanged)."""
    content = imports.export_workbook(imports.export_queryset(request.organisation).iterator(chunk_size=1000))
    name = f"wissensdatenbank-{request.organisation.slug}-{timezone.localdate():%Y-%m-%d}.xlsx"
    return download(content, name)
