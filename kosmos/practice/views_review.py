"""The programme office reviews submitted profiles (platform pages, outside organisations)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kosmos.core.access import platform_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.practice import presentation, selectors, services
from kosmos.practice.forms import ReviewForm
from kosmos.practice.models import Criterion, Profile, ProfileStatus


@platform_permission_required("practice.review")
def review_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "practice/review_queue.html", {
        "waiting": list(selectors.profiles_in_review()),
        "published": list(selectors.published_profiles().order_by("-published_at")[:50]),
    })


@platform_permission_required("practice.review")
@require_http_methods(["GET", "POST"])
def review_profile(request: HttpRequest, profile_id: object) -> HttpResponse:
    profile = get_object_or_404(Profile.objects.select_related("organisation"), public_id=profile_id)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_review_profile(acting_user=request.user, profile=profile, criteria=form.criteria(),
                                       decision=form.cleaned_data["decision"], comment=form.cleaned_data["comment"],
                                       visibility=form.cleaned_data["visibility"] or "platform")
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The review has been saved."))
            return redirect("practice_review_queue")
    context = presentation.profile_context(profile, user=None, organisation=None)
    # The office reads before publication: files have no public address yet, links do.
    context["materials"] = [(m, m.url) for m, _href in context["materials"]]
    criteria_rows = [(form[f"{key}_met"], form[f"{key}_comment"]) for key in Criterion.values]
    return render(request, "practice/review.html", {
        **context, "form": form, "criteria_rows": criteria_rows,
        "reviewable": profile.status == ProfileStatus.SUBMITTED,
        "reviews": selectors.latest_reviews(profile),
    })
