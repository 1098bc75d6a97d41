"""Pages of the shared letter library.

- the owner shares a template (``language_template_share``, owner organisation only);
- a reader organisation lists what is shared with it and reads a shared template read-only under
  its *own* address (``/o/<reader>/sprache/geteilt/<uuid>/``) and may copy it;
- a published template is read without login under ``/oeffentlich/sprache/vorlagen/<uuid>/``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kosmos.core import sharing
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.core.sharing_forms import ShareForm
from kosmos.language import sharing as language_sharing
from kosmos.language.models import LetterTemplate, LetterVersion
from kosmos.language.presentation import fmt, result_context, score_reading, traffic_light_text


def _decorate(history: list[LetterVersion]) -> None:
    for version in history:
        version.score_text = fmt(version.score)
        version.reading = score_reading(version.score) if version.score is not None else ""
        version.light_text = traffic_light_text(version.traffic_light)


def _read_context(template: LetterTemplate) -> dict[str, object]:
    current = template.current_version
    history = language_sharing.history(template)
    _decorate(history)
    return {
        "template": template,
        "current": current,
        "history": history,
        "result": result_context(current.analysis, current.text) if current and current.analysis else None,
    }


@org_permission_required("language.manage")
@require_http_methods(["GET", "POST"])
def template_share(request: HttpRequest, org_slug: str, template_id: str) -> HttpResponse:
    template = get_object_or_404(LetterTemplate, organisation=request.organisation, public_id=template_id)
    query = request.GET.get("suche", "")
    form = ShareForm(request.POST if request.method == "POST" else None, obj=template, query=query)
    if request.method == "POST" and form.is_valid():
        try:
            sharing.do_share(
                acting_user=request.user,
                obj=template,
                visibility=form.cleaned_data["visibility"],
                partners=form.cleaned_data["partners"],
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Who may see the template has been saved."))
            return redirect("org:language_template", org_slug=org_slug, template_id=template.public_id)
    return render(
        request,
        "language/sharing/share.html",
        {"template": template, "form": form, "query": query, "partners": template.shared_with.all()},
    )


@org_permission_required("language.use")
def shared_library(request: HttpRequest, org_slug: str) -> HttpResponse:
    templates = list(language_sharing.shared_templates(request.organisation))
    for template in templates:
        if template.current_version is not None:
            _decorate([template.current_version])
    return render(
        request,
        "language/sharing/library.html",
        {"templates": templates, "can_manage": request.org_access.has("language.manage")},
    )


@org_permission_required("language.use")
def shared_template(request: HttpRequest, org_slug: str, template_id: str) -> HttpResponse:
    template = language_sharing.shared_template_or_404(request.organisation, template_id)
    if template.organisation_id == request.organisation.pk:
        return redirect("org:language_template", org_slug=org_slug, template_id=template.public_id)
    context = _read_context(template)
    context["can_copy"] = request.org_access.has("language.manage")
    return render(request, "language/sharing/template.html", context)


@org_permission_required("language.manage")
@require_POST
def shared_template_copy(request: HttpRequest, org_slug: str, template_id: str) -> HttpResponse:
    template = language_sharing.shared_template_or_404(request.organisation, template_id)
    try:
        copy = language_sharing.do_copy_template(
            acting_user=request.user, template=template, target=request.organisation
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("org:language_template", org_slug=org_slug, template_id=template.public_id)
    messages.success(
        request,
        _("“%(name)s” has been copied into your letter library with its %(count)s versions.")
        % {"name": copy.name, "count": copy.versions.count()},
    )
    return redirect("org:language_template", org_slug=org_slug, template_id=copy.public_id)


def public_library(request: HttpRequest) -> HttpResponse:
    templates = list(language_sharing.public_templates())
    for template in templates:
        if template.current_version is not None:
            _decorate([template.current_version])
    return render(request, "language/sharing/public_library.html", {"templates": templates})


def public_template(request: HttpRequest, template_id: str) -> HttpResponse:
    template = language_sharing.public_template_or_404(template_id)
    return render(request, "language/sharing/public_template.html", _read_context(template))
