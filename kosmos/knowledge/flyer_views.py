"""The flyer page: choose topic, category, paper size and offers; download the PDF."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kosmos.core import sharing
from kosmos.core.access import org_permission_required
from kosmos.core.documents import download
from kosmos.knowledge import flyer
from kosmos.knowledge.models import Category, Topic


@org_permission_required("knowledge.view")
def flyer_page(request: HttpRequest, org_slug: str) -> HttpResponse:
    """A GET form (nothing is saved): the first submit lists the offers, the second makes the PDF."""
    organisation = request.organisation
    categories = sharing.visible_to(Category.objects.all(), user=request.user,
                                    organisation=organisation).order_by("topic", "name")
    bound = "topic" in request.GET
    topic = request.GET.get("topic") if request.GET.get("topic") in Topic.values else Topic.OFFERS
    category = None
    try:
        category = categories.filter(public_id=uuid.UUID(request.GET.get("category", ""))).first()
    except ValueError:  # empty or not a UUID: the form reports a bad one
        category = None
    candidates = flyer.candidates(organisation, request.user, topic, category)
    form = flyer.FlyerForm(request.GET if bound else None, categories=categories, entries=candidates)
    if bound and form.is_valid():
        chosen = list(form.cleaned_data["entries"]) or list(candidates[: flyer.MAX_ENTRIES])
        if "download" in request.GET:
            if not chosen:
                form.add_error(None, _("There is no offer in this topic or category yet."))
            else:
                paper = form.cleaned_data["paper"]
                pdf = flyer.render(organisation=organisation, topic=topic,
                                   category=form.cleaned_data["category"], entries=chosen, paper=paper)
                return download(pdf, f"flyer-{topic}-{paper}.pdf")
    return render(request, "knowledge/flyer.html", {
        "form": form, "bound": bound and not form.errors.get("topic"),
        "count": candidates.count() if bound else None, "max_entries": flyer.MAX_ENTRIES,
    })
