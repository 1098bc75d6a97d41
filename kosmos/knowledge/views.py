"""Pages of the knowledge base: the finder, entries (short URL), editing and the review queue."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kosmos.core import sharing
from kosmos.core.access import org_permission_required
from kosmos.core.models.sharing import Visibility
from kosmos.knowledge import finder, selectors, services
from kosmos.knowledge.forms import EntryForm, FinderForm
from kosmos.knowledge.models import Category, Entry, Language, TargetGroup
from kosmos.knowledge.view_helpers import save_posted_form


def _finder_categories(request: HttpRequest):  # noqa: ANN202
    return sharing.visible_to(Category.objects.all(), user=request.user,
                              organisation=request.organisation).order_by("topic", "name")


@org_permission_required("knowledge.view")
def finder_page(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The offer finder: one search field plus filters; results say why they match."""
    form = FinderForm(request.GET or None, categories=_finder_categories(request))
    results = None
    if request.GET and form.is_valid():
        query = form.to_query()
        if not query.is_empty:
            results = finder.find(request.organisation, request.user, query)
            if results.postcode_error:
                form.add_error("postcode", results.postcode_error)
    return render(request, "knowledge/finder.html", {
        "form": form, "results": results,
        "can_edit": request.org_access.has("knowledge.edit"),
    })


def _labels(codes: list[str], choices: type) -> list[str]:
    labels = dict(choices.choices)
    return [str(labels[c]) for c in codes if c in labels]


@org_permission_required("knowledge.view")
def entry_page(request: HttpRequest, org_slug: str, code: str) -> HttpResponse:
    """An entry by its short code: the owner's page with actions and history, or a shared
    entry of another organisation, read-only with its owner and a copy button."""
    entry = selectors.entry_by_code_or_404(request.organisation, request.user, code)
    own = entry.organisation_id == request.organisation.pk
    return render(request, "knowledge/entry.html", {
        "entry": entry, "own": own,
        "target_groups": _labels(entry.target_group_codes, TargetGroup),
        "languages": _labels(entry.language_codes, Language),
        "history": selectors.entry_history(entry) if own else [],
        "can_edit": own and request.org_access.has("knowledge.edit"),
        "can_manage": own and request.org_access.has("knowledge.manage"),
        "can_copy": not own and request.org_access.has("knowledge.edit"),
        "partners": entry.shared_with.all() if own and entry.visibility == Visibility.PARTNERS else [],
        "short_url": request.build_absolute_uri(),
    })


def _entry_url(org_slug: str, entry: Entry) -> str:
    return reverse("org:knowledge_entry", kwargs={"org_slug": org_slug, "code": entry.short_code})


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def entry_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = EntryForm(request.POST or None, organisation=request.organisation)
    done = save_posted_form(
        request, form, lambda: services.do_save_entry(
            acting_user=request.user, organisation=request.organisation, data=form.cleaned_data),
        message=_("The entry has been saved."), to=lambda entry: _entry_url(org_slug, entry))
    if done:
        return done
    return render(request, "knowledge/form.html", {
        "form": form, "title": _("New entry"),
        "cancel_url": reverse("org:knowledge_finder", kwargs={"org_slug": org_slug})})


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, org_slug: str, entry_id: str) -> HttpResponse:
    entry = selectors.own_entry_or_404(request.organisation, entry_id)
    form = EntryForm(request.POST or None, organisation=request.organisation, entry=entry)
    done = save_posted_form(
        request, form, lambda: services.do_save_entry(
            acting_user=request.user, organisation=request.organisation, data=form.cleaned_data, entry=entry),
        message=_("The entry has been saved."), to=_entry_url(org_slug, entry))
    if done:
        return done
    return render(request, "knowledge/form.html", {
        "form": form, "title": _("Change the entry"), "kicker": entry.title,
        "cancel_url": _entry_url(org_slug, entry)})


@org_permission_required("knowledge.edit")
@require_http_methods(["GET", "POST"])
def entry_delete(request: HttpRequest, org_slug: str, entry_id: str) -> HttpResponse:
    entry = selectors.own_entry_or_404(request.organisation, entry_id)
    if request.method == "POST":
        services.do_delete_entry(acting_user=request.user, entry=entry)
        messages.success(request, _("The entry has been deleted."))
        return redirect("org:knowledge_finder", org_slug=org_slug)
    return render(request, "knowledge/confirm.html", {
        "title": _("Delete the entry"), "kicker": entry.title,
        "text": _("The entry will be deleted. Its history stays in the audit log."),
        "button": _("Delete"), "cancel_url": _entry_url(org_slug, entry)})


@org_permission_required("knowledge.edit")
@require_POST
def entry_checked(request: HttpRequest, org_slug: str, entry_id: str) -> HttpResponse:
    """"Checked now": the entry is current; the next review is due in twelve months."""
    entry = selectors.own_entry_or_404(request.organisation, entry_id)
    services.do_mark_checked(acting_user=request.user, entry=entry)
    messages.success(request, _("The entry has been marked as checked."))
    if request.POST.get("next") == "review":
        return redirect("org:knowledge_review", org_slug=org_slug)
    return redirect(_entry_url(org_slug, entry))


@org_permission_required("knowledge.edit")
@require_POST
def entry_copy(request: HttpRequest, org_slug: str, code: str) -> HttpResponse:
    """Copy another organisation's shared entry into this one, crediting its origin."""
    entry = selectors.entry_by_code_or_404(request.organisation, request.user, code)
    if entry.organisation_id == request.organisation.pk:
        return redirect(_entry_url(org_slug, entry))
    copy = services.do_copy_entry(acting_user=request.user, entry=entry, target_organisation=request.organisation)
    messages.success(request, _("The entry has been copied into your knowledge base."))
    return redirect(_entry_url(org_slug, copy))


@org_permission_required("knowledge.edit")
def review_queue(request: HttpRequest, org_slug: str) -> HttpResponse:
    """Entries past their review date, oldest first, with the person responsible."""
    entries = list(selectors.review_queue(request.organisation)[:200])
    return render(request, "knowledge/review.html", {
        "entries": entries, "freshness": selectors.freshness(request.organisation)})
