"""Pages of one organisation under /o/<org_slug>/."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.core import services
from kosmos.core.access import org_permission_required
from kosmos.core.audit_labels import action_label, object_type_choices, object_type_label
from kosmos.core.dashboard import dashboard_panels
from kosmos.core.forms import AuditFilterForm, InviteForm, OrganisationForm, RoleForm
from kosmos.core.models import AuditEvent, Invitation, Membership
from kosmos.core.roles import Role


@org_permission_required("org.view")
def dashboard(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    role_counts = dict(
        Membership.objects.filter(organisation=organisation).values_list("role").annotate(n=Count("id"))
    )
    members_by_role = [(Role(r).label, role_counts.get(r, 0)) for r in Role.values]
    recent = []
    if request.org_access.has("audit.view"):
        recent = [
            _decorate(e) for e in AuditEvent.objects.filter(organisation=organisation)[:8]
        ]
    return render(
        request,
        "core/dashboard.html",
        {
            "organisation": organisation,
            "offices": list(organisation.offices.values_list("name", flat=True)),
            "members_by_role": members_by_role,
            "member_total": sum(role_counts.values()),
            "recent_events": recent,
            "panels": dashboard_panels(request),
        },
    )


@org_permission_required("org.edit")
def organisation_edit(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.cleaned_data if name != "offices"}
        try:
            services.do_update_organisation(
                acting_user=request.user, organisation=organisation, data=data, office_names=form.office_names()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The organisation's facts have been saved."))
            return redirect("org:dashboard", org_slug=organisation.slug)
    return render(request, "core/organisation_edit.html", {"form": form, "organisation": organisation})


@org_permission_required("members.view")
def members(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("role", "user__full_name")
    )
    can_manage = request.org_access.has("members.manage")
    invitations = []
    if can_manage:
        invitations = list(
            Invitation.objects.filter(
                organisation=organisation,
                accepted_at__isnull=True,
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
            )
        )
    return render(
        request,
        "core/members.html",
        {"memberships": memberships, "invitations": invitations, "can_manage": can_manage},
    )


@org_permission_required("members.manage")
def member_invite(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_invite_member(
                acting_user=request.user,
                organisation=request.organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                full_name=form.cleaned_data["full_name"],
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The invitation has been sent to %(email)s. The link is valid for 7 days.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("org:members", org_slug=org_slug)
    return render(request, "core/member_invite.html", {"form": form})


def _membership(request: HttpRequest, user_id: str) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user", "organisation"),
        organisation=request.organisation,
        user__public_id=user_id,
    )


@org_permission_required("members.manage")
def member_role(request: HttpRequest, org_slug: str, user_id: str) -> HttpResponse:
    membership = _membership(request, user_id)
    form = RoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            services.do_change_role(acting_user=request.user, membership=membership, role=form.cleaned_data["role"])
        except ValidationError as exc:
            form.add_error("role", exc)
        else:
            messages.success(request, _("The role of %(name)s has been changed.") % {"name": membership.user})
            return redirect("org:members", org_slug=org_slug)
    return render(request, "core/member_role.html", {"form": form, "membership": membership})


@org_permission_required("members.manage")
def member_remove(request: HttpRequest, org_slug: str, user_id: str) -> HttpResponse:
    membership = _membership(request, user_id)
    error = ""
    if request.method == "POST":
        try:
            services.do_remove_member(acting_user=request.user, membership=membership)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("%(name)s has been removed from the organisation.") % {"name": membership.user})
            if membership.user_id == request.user.id:
                return redirect("home")
            return redirect("org:members", org_slug=org_slug)
    return render(request, "core/member_remove.html", {"membership": membership, "error": error})


@org_permission_required("members.manage")
@require_POST
def invitation_revoke(request: HttpRequest, org_slug: str, invitation_id: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation, organisation=request.organisation, public_id=invitation_id)
    try:
        services.do_revoke_invitation(acting_user=request.user, invitation=invitation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email})
    return redirect("org:members", org_slug=org_slug)


def _decorate(event: AuditEvent) -> AuditEvent:
    event.action_label = action_label(event.action)
    event.object_type_label = object_type_label(event.object_type)
    return event


@org_permission_required("audit.view")
def audit_log(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    events = AuditEvent.objects.filter(organisation=organisation)
    actors = list(
        events.exclude(actor=None)
        .values_list("actor__public_id", "actor_name")
        .distinct()
        .order_by("actor_name")
    )
    object_types = list(events.values_list("object_type", flat=True).distinct().order_by("object_type"))
    form = AuditFilterForm(
        request.GET or None,
        actors=[(str(pid), name) for pid, name in actors],
        object_types=object_types,
    )
    form.fields["object_type"].choices = [form.fields["object_type"].choices[0]] + object_type_choices(object_types)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["actor"]:
            events = events.filter(actor__public_id=data["actor"])
        if data["object_type"]:
            events = events.filter(object_type=data["object_type"])
        tz = timezone.get_current_timezone()
        if data["date_from"]:
            events = events.filter(created_at__gte=dt.datetime.combine(data["date_from"], dt.time.min, tz))
        if data["date_to"]:
            events = events.filter(created_at__lt=dt.datetime.combine(data["date_to"] + dt.timedelta(days=1), dt.time.min, tz))
    paginator = Paginator(events, 25)
    try:
        page = paginator.page(request.GET.get("seite") or 1)
    except Exception as exc:  # EmptyPage or PageNotAnInteger
        raise Http404 from exc
    for event in page.object_list:
        _decorate(event)
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "core/audit_log.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
