"""The results report pages of the programme office: read, write the narrative sections, download."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kosmos.core import documents
from kosmos.core.access import platform_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.core.models import AuditEvent
from kosmos.programme import report
from kosmos.programme.domain.report_outline import is_slot_key
from kosmos.programme.forms_report import ReportSectionForm
from kosmos.programme.models import Call, ReportSection
from kosmos.programme.report_docx import render_docx
from kosmos.programme.services_report import do_save_report_section
from kosmos.programme.views_calls import OFFICE, call_or_404


@platform_permission_required(OFFICE)
def report_page(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    return render(request, "programme/report.html", report.report_context(call))


@platform_permission_required(OFFICE)
def report_pdf(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    return documents.download(report.render_pdf(call), report.filename(call, "pdf"))


@platform_permission_required(OFFICE)
def report_docx(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    return documents.download(render_docx(report.report_data(call)), report.filename(call, "docx"))


def _history(section: ReportSection | None) -> list[AuditEvent]:
    if section is None:
        return []
    return list(AuditEvent.objects.filter(object_type="programme.reportsection", object_id=str(section.public_id))
                .order_by("-created_at", "-id")[:20])


@platform_permission_required(OFFICE)
def report_section(request: HttpRequest, call_id: str, key: str) -> HttpResponse:
    call = call_or_404(call_id)
    if not is_slot_key(key):
        raise Http404
    data = report.report_data(call)
    heading = next((h for h in data.headings if h.entry.slot == key), None)
    if heading is None:
        raise Http404
    section = ReportSection.objects.filter(call=call, key=key).first()
    version = section.version if section else 0
    form = ReportSectionForm(request.POST or None, initial={"body": section.body if section else "", "version": version})
    if request.method == "POST" and form.is_valid():
        try:
            do_save_report_section(acting_user=request.user, call=call, key=key, body=form.cleaned_data["body"],
                                   version=form.cleaned_data["version"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The section has been saved."))
            return redirect(f"{_report_url(call)}#{heading.entry.anchor}")
    return render(request, "programme/report_section_form.html", {
        "call": call, "heading": heading, "form": form, "section": section, "history": _history(section),
        "current": section.body if section else "",
    }, status=400 if form.errors else 200)


def _report_url(call: Call) -> str:
    from django.urls import reverse

    return reverse("programme_report", kwargs={"call_id": call.public_id})
