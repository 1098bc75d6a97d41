"""Organisation pages of good practice: the gallery, own profiles, shared profiles.

Own profiles live at ``/o/<org>/praxis/<uuid>/`` (filtered by ``organisation``); other
organisations' published profiles are read at ``/o/<reader>/praxis/geteilt/<uuid>/`` through
``kosmos.core.sharing``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kosmos.core import sharing
from kosmos.core.access import org_permission_required
from kosmos.core.documents.downloads import file_download
from kosmos.core.forms_base import add_service_error
from kosmos.core.models.sharing import Visibility
from kosmos.practice import presentation, registry, selectors, services
from kosmos.practice.forms import GalleryFilterForm, LinkForm, MaterialForm, ProfileForm
from kosmos.practice.models import Material, Profile, ProfileStatus


def _own(request: HttpRequest, profile_id: object) -> Profile:
    return get_object_or_404(Profile.objects.select_related("organisation"), organisation=request.organisation,
                             public_id=profile_id)


def _profile_url(request: HttpRequest, profile: Profile) -> str:
    return presentation.profile_href(profile, request.organisation)


@org_permission_required("practice.view")
def gallery(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = GalleryFilterForm(request.GET or None)
    filters = selectors.GalleryFilter()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.GalleryFilter(query=data["q"], topic_field=data["topic"], form=data["form"],
                                          state=data["land"], size_band=data["size"])
    found = list(selectors.gallery(user=request.user, organisation=request.organisation, filters=filters))
    own = list(selectors.own_profiles(request.organisation).order_by("title"))
    return render(request, "practice/gallery.html", {
        "form": form,
        "found": [(p, _profile_url(request, p)) for p in found],
        "own": own,
        "can_edit": request.org_access.has("practice.edit") and request.organisation.is_jobcenter,
    })


@org_permission_required("practice.edit")
@require_http_methods(["GET", "POST"])
def profile_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = ProfileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.do_create_profile(
                acting_user=request.user, organisation=request.organisation, values=form.cleaned_data,
                milestones=form.cleaned_data["milestones"], topic_keys=form.cleaned_data["topic_keys"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The profile has been saved as a draft."))
            return redirect(_profile_url(request, profile))
    return render(request, "practice/profile_form.html", {"form": form, "profile": None})


@org_permission_required("practice.edit")
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, org_slug: str, profile_id: object) -> HttpResponse:
    profile = _own(request, profile_id)
    if not profile.is_editable:
        messages.error(request, _("This profile is in review or published and cannot be changed now."))
        return redirect(_profile_url(request, profile))
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_profile(acting_user=request.user, profile=profile, values=form.cleaned_data,
                                       milestones=form.cleaned_data["milestones"],
                                       topic_keys=form.cleaned_data["topic_keys"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The profile has been saved."))
            return redirect(_profile_url(request, profile))
    return render(request, "practice/profile_form.html", {"form": form, "profile": profile})


@org_permission_required("practice.view")
def profile_detail(request: HttpRequest, org_slug: str, profile_id: object) -> HttpResponse:
    profile = _own(request, profile_id)
    context = presentation.profile_context(profile, user=request.user, organisation=request.organisation)
    return render(request, "practice/profile_own.html", {
        **context,
        "reviews": selectors.latest_reviews(profile),
        "can_edit": request.org_access.has("practice.edit") and profile.is_editable,
        "status": ProfileStatus,
    })


@require_POST
@org_permission_required("practice.edit")
def profile_submit(request: HttpRequest, org_slug: str, profile_id: object) -> HttpResponse:
    profile = _own(request, profile_id)
    try:
        services.do_submit_profile(acting_user=request.user, profile=profile)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The profile has been submitted to the programme office for review."))
    return redirect(_profile_url(request, profile))


@org_permission_required("practice.edit")
@require_http_methods(["GET", "POST"])
def material_add(request: HttpRequest, org_slug: str, profile_id: object) -> HttpResponse:
    profile = _own(request, profile_id)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_add_material(acting_user=request.user, profile=profile, title=form.cleaned_data["title"],
                                     url=form.cleaned_data["url"], document=form.cleaned_data["document"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The material has been added."))
            return redirect(_profile_url(request, profile))
    return render(request, "practice/material_form.html", {"form": form, "profile": profile})


def _material_file(profile: Profile, material_id: object) -> HttpResponse:
    material = get_object_or_404(Material, profile=profile, public_id=material_id)
    if not material.document:
        raise Http404
    suffix = material.document.name.rsplit(".", 1)[-1] if "." in material.document.name else "bin"
    return file_download(material.document.open("rb"), f"{material.title[:80]}.{suffix}")


@org_permission_required("practice.view")
def material_download(request: HttpRequest, org_slug: str, profile_id: object, material_id: object) -> HttpResponse:
    return _material_file(_own(request, profile_id), material_id)


def _linkable(request: HttpRequest) -> list:
    """The organisation's own objects shared platform-wide or publicly, across modules."""
    found = []
    for model in registry.shareable_models():
        qs = model._default_manager.filter(organisation=request.organisation,
                                           visibility__in=(Visibility.PLATFORM, Visibility.PUBLIC))
        found.extend(qs[:100])
    return found


@org_permission_required("practice.edit")
@require_http_methods(["GET", "POST"])
def link_add(request: HttpRequest, org_slug: str, profile_id: object) -> HttpResponse:
    profile = _own(request, profile_id)
    candidates = {f"{o._meta.label_lower}:{o.pk}": o for o in _linkable(request)}
    choices = [(key, f"{o._meta.verbose_name}: {o}") for key, o in candidates.items()]
    form = LinkForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_link_platform_object(acting_user=request.user, profile=profile,
                                             obj=candidates[form.cleaned_data["target"]])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The link has been added."))
            return redirect(_profile_url(request, profile))
    return render(request, "practice/link_form.html", {"form": form, "profile": profile, "has_choices": bool(choices)})


def _shared(request: HttpRequest, profile_id: object) -> Profile | HttpResponse:
    profile = sharing.shared_object_or_404(selectors.published_profiles(), request.organisation, public_id=profile_id)
    if profile.organisation_id == request.organisation.pk:
        return redirect(_profile_url(request, profile))
    return profile


@org_permission_required("practice.view")
def shared_profile(request: HttpRequest, org_slug: str, profile_id: object) -> HttpResponse:
    profile = _shared(request, profile_id)
    if isinstance(profile, HttpResponse):
        return profile
    context = presentation.profile_context(profile, user=request.user, organisation=request.organisation)
    return render(request, "practice/profile_shared.html", context)


@org_permission_required("practice.view")
def shared_material(request: HttpRequest, org_slug: str, profile_id: object, material_id: object) -> HttpResponse:
    profile = _shared(request, profile_id)
    if isinstance(profile, HttpResponse):
        return profile
    return _material_file(profile, material_id)

