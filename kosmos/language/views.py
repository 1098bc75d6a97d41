"""Pages of the language checker ("Verständliche Sprache") under /o/<org_slug>/sprache/.

Checks of pasted or uploaded texts are computed and shown in the same response and never stored;
their text is hidden from error reports and the answer is not cached by the browser.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from kosmos.core.access import org_permission_required
from kosmos.language import selectors, services
from kosmos.language.analysis import Analysis
from kosmos.language.analysis import compare as compare_analyses
from kosmos.language.forms import (
    CheckForm,
    CompareForm,
    GlossaryEntryForm,
    TemplateEditForm,
    TemplateForm,
    VersionChoiceForm,
    VersionForm,
)
from kosmos.language.models import (
    GlossaryEntry,
    GlossaryKind,
    LetterTemplate,
    LetterVersion,
    TemplateCategory,
)
from kosmos.language.presentation import (
    comparison_rows,
    fmt,
    result_context,
    score_reading,
    sparkline,
    text_diff,
    traffic_light_text,
    trend_text,
)

GET_POST = require_http_methods(["GET", "POST"])


def _bound(request: HttpRequest) -> tuple[object, object]:
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _private(response: HttpResponse) -> HttpResponse:
    """Answers that contain a checked text are neither cached nor kept by the browser."""
    response["Cache-Control"] = "no-store"
    return response


# --------------------------------------------------------------------------- ad-hoc check and compare


@sensitive_post_parameters("text")
@org_permission_required("language.use")
@GET_POST
def check(request: HttpRequest, org_slug: str) -> HttpResponse:
    data, files = _bound(request)
    form = CheckForm(data, files)
    result = None
    if request.method == "POST" and form.is_valid():
        state = services.glossary_state(request.organisation)
        text = form.cleaned_data["checked_text"]
        upload = form.cleaned_data.get("file")
        try:
            analysis = services.check_text(text, form.cleaned_data["text_type"], state.glossary)
        except ValidationError as exc:
            form.add_error("file" if upload else "text", exc)
        else:
            result = result_context(analysis.to_dict(), text)
            result["from_file"] = upload.name if upload else ""
            result["glossary_size"] = state.size
    response = render(request, "language/check.html", {"form": form, "result": result})
    return _private(response) if request.method == "POST" else response


@sensitive_post_parameters("before", "after")
@org_permission_required("language.use")
@GET_POST
def compare(request: HttpRequest, org_slug: str) -> HttpResponse:
    data, files = _bound(request)
    form = CompareForm(data, files)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        state = services.glossary_state(request.organisation)
        text_type = form.cleaned_data["text_type"]
        analyses = {}
        for side in ("before", "after"):
            try:
                analyses[side] = services.check_text(form.cleaned_data[f"{side}_text"], text_type, state.glossary)
            except ValidationError as exc:
                form.add_error(f"{side}_file" if form.cleaned_data.get(f"{side}_file") else side, exc)
        if len(analyses) == 2:
            context.update(
                _comparison_context(
                    analyses["before"], form.cleaned_data["before_text"],
                    analyses["after"], form.cleaned_data["after_text"],
                )
            )
    response = render(request, "language/compare.html", context)
    return _private(response) if request.method == "POST" else response


def _comparison_context(before: Analysis, before_text: str, after: Analysis, after_text: str) -> dict[str, object]:
    rows = comparison_rows(compare_analyses(before, after))
    return {
        "comparison": rows,
        "before_result": result_context(before.to_dict(), before_text, prefix="vorher-"),
        "after_result": result_context(after.to_dict(), after_text, prefix="nachher-"),
        "text_diff": text_diff(before_text, after_text),
    }


# --------------------------------------------------------------------------- letter library


def _template(request: HttpRequest, template_id: str) -> LetterTemplate:
    return get_object_or_404(LetterTemplate, organisation=request.organisation, public_id=template_id)


def _decorate_history(history: list[LetterVersion]) -> None:
    for version in history:
        version.score_text = fmt(version.score)
        version.reading = score_reading(version.score) if version.score is not None else ""
        version.light_text = traffic_light_text(version.traffic_light)


@org_permission_required("language.use")
def library(request: HttpRequest, org_slug: str) -> HttpResponse:
    category = request.GET.get("kategorie", "")
    if category not in TemplateCategory.values:
        category = ""
    state = services.glossary_state(request.organisation)
    rows = selectors.library(request.organisation, category)
    # A deliberate write on GET: cached analyses that are stale (the engine or the glossary
    # changed since) are recomputed and stored, so the library never shows outdated scores.
    if services.refresh_analyses([v for row in rows for v in row.history],
                                 {row.template.pk: row.template.text_type for row in rows}, state):
        selectors.resort(rows)
    for row in rows:
        _decorate_history(row.history)
        row.spark = sparkline(row.scores)
        row.trend = trend_text(row.scores)
    return render(
        request,
        "language/library.html",
        {
            "rows": rows,
            "counts": selectors.traffic_light_counts(rows),
            "categories": TemplateCategory.choices,
            "category": category,
            "can_manage": request.org_access.has("language.manage"),
        },
    )


@org_permission_required("language.manage")
@GET_POST
def template_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    data, files = _bound(request)
    form = TemplateForm(data, files)
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        try:
            template = services.do_create_template(
                acting_user=request.user,
                organisation=request.organisation,
                name=cleaned["name"],
                category=cleaned["category"],
                text_type=cleaned["text_type"],
                description=cleaned["description"],
                text=cleaned["checked_text"],
                note=cleaned["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The template “%(name)s” has been saved.") % {"name": template.name})
            return redirect("org:language_template", org_slug=org_slug, template_id=template.public_id)
    return render(request, "language/template_form.html", {"form": form})


@org_permission_required("language.use")
def template_detail(request: HttpRequest, org_slug: str, template_id: str) -> HttpResponse:
    template = _template(request, template_id)
    state = services.glossary_state(request.organisation)
    history = selectors.template_history(template)
    # A deliberate write on GET, as in the library: stale cached analyses are recomputed.
    services.refresh_analyses(history, {template.pk: template.text_type}, state)
    current = LetterVersion.objects.get(pk=history[-1].pk) if history else None
    _decorate_history(history)
    scores = [v.score for v in history]
    return render(
        request,
        "language/template_detail.html",
        {
            "template": template,
            "history": list(reversed(history)),
            "current": current,
            "result": result_context(current.analysis, current.text) if current and current.analysis else None,
            "spark": sparkline(scores, width=240, height=60),
            "trend": trend_text(scores),
            "can_manage": request.org_access.has("language.manage"),
        },
    )


@org_permission_required("language.manage")
@GET_POST
def template_edit(request: HttpRequest, org_slug: str, template_id: str) -> HttpResponse:
    template = _template(request, template_id)
    form = TemplateEditForm(request.POST if request.method == "POST" else None, instance=template)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_template(acting_user=request.user, template=template, data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The template has been saved."))
            return redirect("org:language_template", org_slug=org_slug, template_id=template.public_id)
    # The form's instance carries the typed values now; the heading keeps the stored name.
    stored = LetterTemplate.objects.only("name").get(pk=template.pk)
    return render(request, "language/template_edit.html", {"form": form, "template": stored})


@org_permission_required("language.manage")
@GET_POST
def template_delete(request: HttpRequest, org_slug: str, template_id: str) -> HttpResponse:
    template = _template(request, template_id)
    if request.method == "POST":
        name = template.name
        services.do_delete_template(acting_user=request.user, template=template)
        messages.success(request, _("The template “%(name)s” has been deleted.") % {"name": name})
        return redirect("org:language_library", org_slug=org_slug)
    return render(
        request, "language/template_delete.html", {"template": template, "versions": template.versions.count()}
    )


@sensitive_post_parameters("text")
@org_permission_required("language.manage")
@GET_POST
def version_create(request: HttpRequest, org_slug: str, template_id: str) -> HttpResponse:
    template = _template(request, template_id)
    current = template.current_version
    data, files = _bound(request)
    form = VersionForm(data, files, initial={"text": current.text if current else ""})
    if request.method == "POST" and form.is_valid():
        try:
            version = services.do_add_version(
                acting_user=request.user,
                template=template,
                text=form.cleaned_data["checked_text"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Version %(number)s has been saved. Comprehensibility: %(score)s of 20.")
                % {"number": version.number, "score": fmt(version.score)},
            )
            return redirect("org:language_template", org_slug=org_slug, template_id=template.public_id)
    return render(request, "language/version_form.html", {"form": form, "template": template, "current": current})


@org_permission_required("language.use")
def version_detail(request: HttpRequest, org_slug: str, template_id: str, version_id: str) -> HttpResponse:
    template = _template(request, template_id)
    version = get_object_or_404(LetterVersion, template=template, public_id=version_id)
    state = services.glossary_state(request.organisation)
    services.refresh_analyses([version], {template.pk: template.text_type}, state)
    previous = template.versions.filter(number__lt=version.number).order_by("-number").only("public_id").first()
    return render(
        request,
        "language/version_detail.html",
        {
            "template": template,
            "version": version,
            "previous": previous,
            "is_current": template.current_version_id == version.pk,
            "result": result_context(version.analysis, version.text) if version.analysis else None,
        },
    )


@org_permission_required("language.use")
def template_compare(request: HttpRequest, org_slug: str, template_id: str) -> HttpResponse:
    template = _template(request, template_id)
    # Texts are read only for the two chosen versions (deferred field, loaded on access).
    versions = list(template.versions.only("public_id", "number", "created_at").order_by("number"))
    if len(versions) < 2:
        raise Http404
    choices = [
        (str(v.public_id), _("Version %(number)s of %(date)s") % {"number": v.number,
                                                                   "date": v.created_at.strftime("%d.%m.%Y")})
        for v in versions
    ]
    by_id = {str(v.public_id): v for v in versions}
    if "vorher" in request.GET or "nachher" in request.GET:
        form = VersionChoiceForm({"before": request.GET.get("vorher"), "after": request.GET.get("nachher")},
                                 versions=choices)
    else:
        form = VersionChoiceForm(
            {"before": str(versions[-2].public_id), "after": str(versions[-1].public_id)}, versions=choices
        )
    context: dict[str, object] = {"template": template, "form": form}
    if form.is_valid():
        before, after = by_id[form.cleaned_data["before"]], by_id[form.cleaned_data["after"]]
        state = services.glossary_state(request.organisation)
        try:
            analyses = [services.check_text(v.text, template.text_type, state.glossary) for v in (before, after)]
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            context.update(_comparison_context(analyses[0], before.text, analyses[1], after.text))
            context.update({"before": before, "after": after})
    return render(request, "language/template_compare.html", context)


# --------------------------------------------------------------------------- glossary


def _entry(request: HttpRequest, entry_id: str) -> GlossaryEntry:
    return get_object_or_404(GlossaryEntry, organisation=request.organisation, public_id=entry_id)


@org_permission_required("language.use")
def glossary(request: HttpRequest, org_slug: str) -> HttpResponse:
    entries = list(GlossaryEntry.objects.filter(organisation=request.organisation).order_by("term"))
    groups = [
        {"kind": kind, "label": label, "entries": [e for e in entries if e.kind == kind]}
        for kind, label in GlossaryKind.choices
    ]
    return render(
        request,
        "language/glossary.html",
        {"groups": groups, "total": len(entries), "can_manage": request.org_access.has("language.manage")},
    )


@org_permission_required("language.manage")
@GET_POST
def glossary_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = GlossaryEntryForm(request.POST if request.method == "POST" else None,
                             initial={"kind": GlossaryKind.AVOID})
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.do_create_glossary_entry(
                acting_user=request.user,
                organisation=request.organisation,
                **{k: form.cleaned_data[k] for k in services.GLOSSARY_FIELDS},
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("“%(term)s” has been added to the glossary.") % {"term": entry.term})
            return redirect("org:language_glossary", org_slug=org_slug)
    return render(request, "language/glossary_form.html", {"form": form, "entry": None})


@org_permission_required("language.manage")
@GET_POST
def glossary_edit(request: HttpRequest, org_slug: str, entry_id: str) -> HttpResponse:
    entry = _entry(request, entry_id)
    stored_term = entry.term
    form = GlossaryEntryForm(request.POST if request.method == "POST" else None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_glossary_entry(
                acting_user=request.user,
                entry=entry,
                data={k: form.cleaned_data[k] for k in services.GLOSSARY_FIELDS},
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The glossary entry has been saved."))
            return redirect("org:language_glossary", org_slug=org_slug)
    return render(request, "language/glossary_form.html", {"form": form, "entry": entry, "stored_term": stored_term})


@org_permission_required("language.manage")
@GET_POST
def glossary_delete(request: HttpRequest, org_slug: str, entry_id: str) -> HttpResponse:
    entry = _entry(request, entry_id)
    if request.method == "POST":
        term = entry.term
        services.do_delete_glossary_entry(acting_user=request.user, entry=entry)
        messages.success(request, _("“%(term)s” has been removed from the glossary.") % {"term": term})
        return redirect("org:language_glossary", org_slug=org_slug)
    return render(request, "language/glossary_delete.html", {"entry": entry})
