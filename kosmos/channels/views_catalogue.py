"""Pages of the channel catalogue: read it, export it, make an own copy, import a changed one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.channels import catalogue_io, selectors_check, services_check
from kosmos.channels.forms_check import CatalogueImportForm, DimensionForm
from kosmos.channels.models import Catalogue, Dimension
from kosmos.core.access import org_permission_required, platform_permission_required
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
        done, errors = _import_into(request, form, None)
        if done:
            messages.success(request, _("The catalogue has been imported."))
            return redirect("org:channel_catalogue", org_slug=org_slug)
    return render(request, "channels/catalogue_import.html", {"form": form, "errors": errors})


def _import_into(request: HttpRequest, form: CatalogueImportForm, target: Catalogue | None) -> tuple[bool, list[str]]:
    """Read the upload and import it into ``target`` (None: the organisation's own copy, made first)."""
    upload = form.cleaned_data["file"]
    try:
        parsed, row_errors = catalogue_io.read_catalogue(upload.read(), upload.name)
    except ValidationError as exc:
        add_service_error(form, exc)
        return False, []
    if row_errors:
        form.add_error(None, ngettext("%(count)s problem in the file; nothing was imported.",
                                      "%(count)s problems in the file; nothing was imported.",
                                      len(row_errors)) % {"count": len(row_errors)})
        return False, [catalogue_io.error_text(e) for e in row_errors[:200]]
    try:
        with transaction.atomic():
            if target is None:
                target = services_check.do_copy_catalogue(acting_user=request.user, organisation=request.organisation)
            services_check.do_import_catalogue(acting_user=request.user, catalogue=target, parsed=parsed)
    except ValidationError as exc:
        add_service_error(form, exc)
        return False, []
    return True, []


@platform_permission_required("platform.channels_catalogue")
def platform_catalogue(request: HttpRequest) -> HttpResponse:
    """The programme office's page for the platform default: read, export, re-import."""
    default = services_check.ensure_default_catalogue()
    form = CatalogueImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        done, errors = _import_into(request, form, default)
        if done:
            messages.success(request, _("The catalogue has been imported."))
            return redirect("channel_platform_catalogue")
    if request.GET.get("export") == "xlsx":
        return download(catalogue_io.export_xlsx(default), "kanal-katalog-standard.xlsx")
    return render(request, "channels/catalogue_platform.html", {
        "view": selectors_check.catalogue_view(default), "form": form, "errors": errors,
        "copies": Catalogue.objects.filter(organisation__isnull=False).count(),
    })


@org_permission_required("channels.manage")
def dimension_edit(request: HttpRequest, org_slug: str, dimension_id: str) -> HttpResponse:
    """Edit a dimension of the organisation's own copy (the default is not edited here: 404)."""
    dimension = (Dimension.objects.filter(public_id=dimension_id, catalogue__organisation=request.organisation)
                 .select_related("catalogue").first())
    if dimension is None:
        raise Http404(_("This dimension is not in your organisation's catalogue."))
    initial = {"name": dimension.name, "question": dimension.question}
    for level in dimension.levels.all():
        initial[f"level_{level.level}"] = level.text
        initial[f"evidence_{level.level}"] = level.evidence
    recos: dict[int, list[str]] = {}
    for reco in dimension.recommendations.order_by("level", "pk"):
        recos.setdefault(reco.level, []).append(reco.text)
    initial.update({f"recommendations_{level}": "\n".join(texts) for level, texts in recos.items()})
    form = DimensionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services_check.do_update_dimension(acting_user=request.user, dimension=dimension,
                                           name=form.cleaned_data["name"], question=form.cleaned_data["question"],
                                           levels=form.levels(), recommendations=form.recommendations())
        messages.success(request, _("The dimension has been saved."))
        return redirect("org:channel_catalogue", org_slug=org_slug)
    return render(request, "channels/catalogue_dimension.html", {"form": form, "dimension": dimension})
