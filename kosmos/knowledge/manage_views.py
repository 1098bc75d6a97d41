"""Managing the knowledge base: categories and sharing (entries and whole categories)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kosmos.core import sharing
from kosmos.core.access import org_permission_required
from kosmos.core.sharing_forms import ShareForm
from kosmos.knowledge import selectors, services, services_copy
from kosmos.knowledge.forms import CategoryForm
from kosmos.knowledge.models import Category, Entry
from kosmos.knowledge.view_helpers import save_posted_form


def _categories_url(org_slug: str) -> str:
    return reverse("org:knowledge_categories", kwargs={"org_slug": org_slug})


@org_permission_required("knowledge.manage")
@require_http_methods(["GET", "POST"])
def categories(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The category tree with a form for a new category."""
    form = CategoryForm(request.POST or None, organisation=request.organisation)
    done = save_posted_form(
        request, form, lambda: services.do_save_category(
            acting_user=request.user, organisation=request.organisation, data=form.cleaned_data),
        message=_("The category has been saved."), to=_categories_url(org_slug))
    if done:
        return done
    return render(request, "knowledge/categories.html", {
        "form": form, "categories": selectors.categories(request.organisation),
        "shared": selectors.shared_categories(request.organisation)})


@org_permission_required("knowledge.manage")
@require_http_methods(["GET", "POST"])
def category_edit(request: HttpRequest, org_slug: str, category_id: str) -> HttpResponse:
    category = selectors.own_category_or_404(request.organisation, category_id)
    initial = {"name": category.name, "topic": category.topic, "parent": category.parent,
               "description": category.description}
    form = CategoryForm(request.POST or None, organisation=request.organisation, category=category,
                        initial=initial)
    done = save_posted_form(
        request, form, lambda: services.do_save_category(
            acting_user=request.user, organisation=request.organisation, data=form.cleaned_data,
            category=category),
        message=_("The category has been saved."), to=_categories_url(org_slug))
    if done:
        return done
    return render(request, "knowledge/form.html", {
        "form": form, "title": _("Change the category"), "kicker": category.name,
        "cancel_url": _categories_url(org_slug)})


@org_permission_required("knowledge.manage")
@require_http_methods(["GET", "POST"])
def category_delete(request: HttpRequest, org_slug: str, category_id: str) -> HttpResponse:
    category = selectors.own_category_or_404(request.organisation, category_id)
    if request.method == "POST":
        services.do_delete_category(acting_user=request.user, category=category)
        messages.success(request, _("The category has been deleted."))
        return redirect(_categories_url(org_slug))
    return render(request, "knowledge/confirm.html", {
        "title": _("Delete the category"), "kicker": category.name,
        "text": _("The category and its sub-categories will be deleted. Their entries stay, without a category."),
        "button": _("Delete"), "cancel_url": _categories_url(org_slug)})


def _share(request: HttpRequest, obj: object, *, heading: str, text: str, back: str,
           save: object) -> HttpResponse:
    query = request.GET.get("suche", "")
    form = ShareForm(request.POST if request.method == "POST" else None, obj=obj, query=query)
    done = save_posted_form(
        request, form, lambda: save(form.cleaned_data["visibility"], form.cleaned_data["partners"]),  # type: ignore[operator]
        message=_("Who may see this has been saved."), to=back)
    if done:
        return done
    return render(request, "knowledge/share.html", {
        "obj": obj, "form": form, "query": query, "heading": heading, "text": text, "cancel_url": back,
        "partners": obj.shared_with.all()})  # type: ignore[attr-defined]


@org_permission_required("knowledge.manage")
@require_http_methods(["GET", "POST"])
def entry_share(request: HttpRequest, org_slug: str, entry_id: str) -> HttpResponse:
    entry = selectors.own_entry_or_404(request.organisation, entry_id)

    def save(visibility: str, partners: object) -> None:
        sharing.do_share(acting_user=request.user, obj=entry, visibility=visibility, partners=partners)

    return _share(request, entry, heading=_("Share “%(title)s”") % {"title": entry.title},
                  text=_("Neighbouring Jobcenters can then read the entry and copy it. Only your organisation "
                         "can change it."),
                  back=reverse("org:knowledge_entry", kwargs={"org_slug": org_slug, "code": entry.short_code}),
                  save=save)


@org_permission_required("knowledge.manage")
@require_http_methods(["GET", "POST"])
def category_share(request: HttpRequest, org_slug: str, category_id: str) -> HttpResponse:
    category = selectors.own_category_or_404(request.organisation, category_id)

    def save(visibility: str, partners: object) -> None:
        services.do_share_category(acting_user=request.user, category=category, visibility=visibility,
                                   partners=partners)

    return _share(request, category, heading=_("Share the category “%(name)s”") % {"name": category.name},
                  text=_("Every entry of the category and its sub-categories is shared with the same "
                         "organisations, also entries added later."),
                  back=_categories_url(org_slug), save=save)


@org_permission_required("knowledge.view")
def shared_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    """Entries and categories other organisations share with this one."""
    entries = (sharing.shared_with(Entry.objects.all(), request.organisation)
               .select_related("organisation", "category").order_by("organisation__name", "title")[:300])
    return render(request, "knowledge/shared.html", {
        "entries": list(entries), "categories": list(selectors.shared_categories(request.organisation))})


@org_permission_required("knowledge.manage")
@require_POST
def category_copy(request: HttpRequest, org_slug: str, category_id: str) -> HttpResponse:
    """"Struktur übernehmen": copy a shared category with its sub-categories and entries."""
    category = sharing.shared_object_or_404(Category.objects.select_related("organisation"), request.organisation,
                                            public_id=category_id)
    if category.organisation_id == request.organisation.pk:
        return redirect(_categories_url(org_slug))
    try:
        copy = services_copy.do_copy_category(acting_user=request.user, category=category,
                                              target_organisation=request.organisation)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("org:knowledge_shared", org_slug=org_slug)
    messages.success(request, _("The category “%(name)s” has been copied with its structure into your knowledge "
                                "base.") % {"name": copy.name})
    return redirect(f"{_categories_url(org_slug)}#kategorie-{copy.public_id}")
