"""Pages outside an organisation: start page and the programme office's organisation list."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kosmos.core import services
from kosmos.core.access import platform_permission_required, user_organisations
from kosmos.core.forms import BarrierReportForm, InviteForm, OrganisationCreateForm
from kosmos.core.models import Organisation
from kosmos.core.roles import platform_permissions_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if "programme.office" in platform_permissions_for(request.user.platform_role):
        return redirect("programme_home")  # the programme office lands on its own home page
    organisations = user_organisations(request.user)
    can_manage_platform = "platform.organisations" in platform_permissions_for(request.user.platform_role)
    if len(organisations) == 1 and not can_manage_platform:
        return redirect("org:dashboard", org_slug=organisations[0].slug)
    return render(
        request,
        "core/home.html",
        {"organisations": organisations, "can_manage_platform": can_manage_platform},
    )


@platform_permission_required("platform.organisations")
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.annotate(member_count=Count("memberships")).order_by("kind", "name")
    return render(request, "core/organisation_list.html", {"organisations": organisations})


@platform_permission_required("platform.organisations")
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.do_create_organisation(acting_user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("%(name)s has been set up. Invite its first quality manager now.") % {"name": organisation.name},
        )
        return redirect("organisation_invite_first", slug=organisation.slug)
    return render(request, "core/organisation_create.html", {"form": form})


@platform_permission_required("platform.organisations")
def organisation_invite_first(request: HttpRequest, slug: str) -> HttpResponse:
    """The programme office invites the first quality manager of a new organisation."""
    organisation = get_object_or_404(Organisation, slug=slug)
    form = InviteForm(request.POST or None, initial={"role": "quality_manager"})
    if request.method == "POST" and form.is_valid():
        try:
            services.do_invite_member(
                acting_user=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                full_name=form.cleaned_data["full_name"],
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The invitation has been sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("organisation_list")
    return render(request, "core/organisation_invite_first.html", {"form": form, "organisation": organisation})


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement with its feedback mechanism (BITV 2.0 § 7): a report of a
    barrier goes by e-mail to the operator's contact; nothing is stored."""
    form = BarrierReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.send_barrier_report(**form.cleaned_data)
        messages.success(request, _("Thank you. Your report has been sent to the operator of this installation."))
        return redirect("accessibility")
    return render(request, "core/accessibility.html", {
        "form": form, "contact": settings.ACCESSIBILITY_CONTACT})
