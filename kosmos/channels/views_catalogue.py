"""Pages of the channel catalogue: read it, export it, make an own copy, import a changed one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.channels import catalogue_io, selectors_check, services_check
from kosmos.channels.forms_check import CatalogueImportForm
from kosmos.channels.models import Catalogue
from kosmos.core.access import org_permission_required
from kosmos.core.documents.downloads import download
from kosmos.core.forms_base import add_service_error


def _catalogue(request: HttpRequest) -> Catalogue:
    return selectors_check.effective_catalogue(request.organisation) or services_check.ensure_default_catalogue()


@org_permission_required("channels.view")
def catalogue(request: HttpRequest, org_slug: str) -> HttpResponse:
    current = _catalogue(request)
    return render(request, "channels/catalogue.html", {
        "view": selectors_check.catalogue_view(current), "own": current.organisation_id is not None,
        "can_manage": request.org_access.has("channels.manage"),
    })


@org_permission_required("channels.view")
def catalogue_export(request: HttpRequest, org_slug: str) -> HttpResponse:
    return download(catalogue_io.export_xlsx(_catalogue(request)), f"kanal-katalog-{request.organisation.slug}.xlsx")


@require_POST
@org_permission_required("channels.manage")
def catalogue_copy(request: HttpRequest, org_slug: str) -> HttpResponse:
    services_check.do_copy_catalogue(acting_user=request.user, organisation=request.organisation)
    messages.success(request, _("Your organisation now has its own copy of the catalogue."))
    return redirect("org:channel_catalogue", org_slug=org_slug)


@org_permission_required("channels.manage")
def catalogue_import(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = CatalogueImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed, row_errors = catalogue_io.read_catalogue(upload.read(), upload.name)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            if row_errors:
                errors = [catalogue_io.error_text(e) for e in row_errors[:200]]
                form.add_error(None, ngettext("%(count)s problem in the file; nothing was imported.",
                                              "%(count)s problems in the file; nothing was imported.",
                                              len(row_errors)) % {"count": len(row_errors)})
            else:
                own = services_check.do_copy_catalogue(acting_user=request.user, organisation=request.organisation)
                try:
                    services_check.do_import_catalogue(acting_user=request.user, catalogue=own, parsed=parsed)
                except ValidationError as exc:
                    add_service_error(form, exc)
                else:
                    messages.success(request, _("The catalogue has been imported."))
                    return redirect("org:channel_catalogue", org_slug=org_slug)
    return render(request, "channels/catalogue_import.html", {"form": form, "errors": errors})
