"""Pages without login: published (public) profiles under /praxis/. Read-only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kosmos.core import sharing
from kosmos.practice import presentation, selectors
from kosmos.practice.views import _material_file


def public_list(request: HttpRequest) -> HttpResponse:
    profiles = list(selectors.public_profiles().order_by("topic_field", "organisation__name"))
    return render(request, "practice/public_list.html", {
        "profiles": [(p, presentation.profile_href(p, None)) for p in profiles]})


def public_profile(request: HttpRequest, slug: str) -> HttpResponse:
    profile = sharing.public_object_or_404(selectors.published_profiles(), slug=slug)
    # Read as anonymous even when logged in: the public page shows what everybody sees.
    context = presentation.profile_context(profile, user=None, organisation=None)
    return render(request, "practice/profile_public.html", context)


def public_material(request: HttpRequest, slug: str, material_id: object) -> HttpResponse:
    profile = sharing.public_object_or_404(selectors.published_profiles(), slug=slug)
    return _material_file(profile, material_id)
