"""Pages of the usage rates (Nutzungsquoten): overview with charts, offer pages, month grid, notes,
import with preview, XLSX export, comparison with sharing Jobcenters and the programme office's view."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.channels import imports_usage, selectors_usage, services_usage
from kosmos.channels.consent import set_consent
from kosmos.channels.forms_usage import ImportForm, MonthGridForm, NoteForm, OfferForm
from kosmos.channels.models import UsageImport, UsageNote
from kosmos.channels.survey_links import survey_results_for
from kosmos.core.access import org_permission_required, platform_permission_required
from kosmos.core.comparisons import consented_topics
from kosmos.core.documents import Sheet, download, to_xlsx
from kosmos.core.forms_base import add_service_error

TOPIC = selectors_usage.TOPIC


def _today() -> dt.date:
    return dt.date.today()


@org_permission_required("channels.usage")
def usage_overview(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    months = selectors_usage.history(_today())
    items = selectors_usage.series_for(organisation, months)
    can_edit = request.org_access.has("channels.usage_edit")
    return render(request, "channels/usage.html", {
        "items": items,
        "combined": selectors_usage.combined_chart(items),
        "can_edit": can_edit,
        "note_form": NoteForm(organisation=organisation) if can_edit and items else None,
        "current_year": months[-1].year,
    })


@org_permission_required("channels.usage_edit")
def usage_offer_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            offer = services_usage.do_create_offer(acting_user=request.user, organisation=request.organisation,
                                                   **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The offer “%(name)s” has been created.") % {"name": offer.name})
            return redirect("org:channel_usage_offer", org_slug=org_slug, offer_id=offer.public_id)
    return render(request, "channels/usage_offer_form.html", {"form": form, "offer": None})


@org_permission_required("channels.usage_edit")
def usage_offer_edit(request: HttpRequest, org_slug: str, offer_id: str) -> HttpResponse:
    offer = selectors_usage.offer_or_404(request.organisation, offer_id)
    form = OfferForm(request.POST or None, instance=None, initial={
        "name": offer.name, "kind": offer.kind, "key": offer.key, "base_label": offer.base_label,
        "channel_key": offer.channel_key})
    if request.method == "POST" and form.is_valid():
        try:
            services_usage.do_update_offer(acting_user=request.user, offer=offer, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The offer has been saved."))
            return redirect("org:channel_usage_offer", org_slug=org_slug, offer_id=offer.public_id)
    return render(request, "channels/usage_offer_form.html", {"form": form, "offer": offer})


@org_permission_required("channels.usage")
def usage_offer(request: HttpRequest, org_slug: str, offer_id: str) -> HttpResponse:
    offer = selectors_usage.offer_or_404(request.organisation, offer_id)
    months = selectors_usage.history(_today())
    item = selectors_usage.series_for(request.organisation, months, [offer])[0]
    years = sorted({m.year for m in months} | set(item.targets))
    return render(request, "channels/usage_offer.html", {
        "offer": offer, "item": item, "years": years,
        "can_edit": request.org_access.has("channels.usage_edit"),
        "survey": survey_results_for(request.organisation, offer.channel_key)
        if request.org_access.has("surveys.results") else None,
    })


@org_permission_required("channels.usage_edit")
def usage_grid(request: HttpRequest, org_slug: str, offer_id: str, year: int) -> HttpResponse:
    offer = selectors_usage.offer_or_404(request.organisation, offer_id)
    if not 2000 <= year <= 2100:
        raise Http404
    figures = {m.month.month: m for m in offer.months.filter(month__year=year)}
    target = offer.targets.filter(year=year).first()
    initial = {"target": target.share if target else None}
    for number, figure in figures.items():
        initial.update({f"uses_{number}": figure.uses, f"eligible_{number}": figure.eligible,
                        f"completion_{number}": figure.completion_rate})
    form = MonthGridForm(request.POST or None, year=year, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services_usage.do_save_usage_year(acting_user=request.user, offer=offer, year=year,
                                                        months=form.months(), target=form.cleaned_data["target"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, ngettext("%(count)s month saved.", "%(count)s months saved.", changed)
                             % {"count": changed})
            return redirect("org:channel_usage_offer", org_slug=org_slug, offer_id=offer.public_id)
    return render(request, "channels/usage_grid.html", {"offer": offer, "form": form, "year": year,
                                                        "previous": year - 1, "next": year + 1})


@require_POST
@org_permission_required("channels.usage_edit")
def usage_note_add(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = NoteForm(request.POST, organisation=request.organisation)
    if form.is_valid():
        services_usage.do_add_usage_note(acting_user=request.user, organisation=request.organisation,
                                         month=form.cleaned_data["month"], text=form.cleaned_data["text"],
                                         offer=form.cleaned_data["offer"])
        messages.success(request, _("The note has been added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("org:channel_usage", org_slug=org_slug)


@require_POST
@org_permission_required("channels.usage_edit")
def usage_note_delete(request: HttpRequest, org_slug: str, note_id: str) -> HttpResponse:
    note = get_object_or_404(UsageNote, organisation=request.organisation, public_id=note_id)
    services_usage.do_delete_usage_note(acting_user=request.user, note=note)
    messages.success(request, _("The note has been deleted."))
    return redirect("org:channel_usage", org_slug=org_slug)


@org_permission_required("channels.usage_edit")
def usage_import(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["upload"]
        try:
            result = imports_usage.check_file(request.organisation, upload.read(), upload.name)
        except ValidationError as exc:
            form.add_error("upload", exc)
        else:
            pending = services_usage.do_check_usage_import(
                acting_user=request.user, organisation=request.organisation, file_name=upload.name,
                result=result, messages=imports_usage.messages(result))
            return redirect("org:channel_usage_import_preview", org_slug=org_slug, import_id=pending.public_id)
    return render(request, "channels/usage_import.html", {"form": form})


@org_permission_required("channels.usage_edit")
def usage_import_preview(request: HttpRequest, org_slug: str, import_id: str) -> HttpResponse:
    pending = get_object_or_404(UsageImport, organisation=request.organisation, public_id=import_id)
    if request.method == "POST":
        mode = request.POST.get("mode")
        if mode not in ("all", "valid"):
            raise Http404
        try:
            count = services_usage.do_apply_usage_import(acting_user=request.user, pending=pending,
                                                         only_valid=mode == "valid")
        except ValidationError as exc:
            for text in exc.messages:
                messages.error(request, text)
        else:
            messages.success(request, ngettext("%(count)s month imported.", "%(count)s months imported.", count)
                             % {"count": count})
            return redirect("org:channel_usage", org_slug=org_slug)
    return render(request, "channels/usage_import_preview.html", {
        "pending": pending, "preview": pending.rows[:50], "more": max(0, len(pending.rows) - 50)})


@org_permission_required("channels.usage")
def usage_export(request: HttpRequest, org_slug: str) -> HttpResponse:
    months = selectors_usage.history(_today())
    items = selectors_usage.series_for(request.organisation, months)
    sheets = []
    for item in items:
        table = selectors_usage.offer_table(item)
        sheets.append(Sheet(item.offer.name[:31], [list(table.header), *[list(r) for r in table.rows]]))
    if not sheets:
        sheets.append(Sheet(_("Usage rates"), [[_("No offers yet.")]]))
    return download(to_xlsx(sheets), f"nutzungsquoten-{request.organisation.slug}.xlsx")


@org_permission_required("channels.usage")
def usage_comparison(request: HttpRequest, org_slug: str) -> HttpResponse:
    figures = selectors_usage.comparison_figures(request.organisation, _today())
    return render(request, "channels/usage_comparison.html", {
        "figures": figures,
        "chart": selectors_usage.comparison_chart(figures),
        "consented": TOPIC in consented_topics(request.organisation),
        "can_consent": request.org_access.has("channels.manage"),
        "window": selectors_usage.comparison_window_label(_today()),
    })


@require_POST
@org_permission_required("channels.manage")
def usage_consent(request: HttpRequest, org_slug: str) -> HttpResponse:
    return set_consent(request, org_slug, topic_key=TOPIC,
                       granted_text=_("Your usage rates now count in the comparison."),
                       revoked_text=_("Your usage rates no longer count in the comparison."),
                       back="org:channel_usage_comparison")


@platform_permission_required("platform.channels_usage")
def usage_platform(request: HttpRequest) -> HttpResponse:
    return render(request, "channels/usage_platform.html", {
        "rows": selectors_usage.platform_rows(_today()),
        "window": selectors_usage.comparison_window_label(_today()),
    })
