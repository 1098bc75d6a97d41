"""Login, second factor, invitations, profile."""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kosmos.core import services
from kosmos.core.forms import (
    AcceptInvitationForm,
    KernPasswordChangeForm,
    KernPasswordResetForm,
    KernSetPasswordForm,
    LoginForm,
    ProfileForm,
    TokenForm,
)
from kosmos.core.otp import confirmed_device, second_factor_mandatory


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


class PasswordResetView(auth_views.PasswordResetView):
    form_class = KernPasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = KernSetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    device = confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(_safe_next(request, reverse("home")))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_safe_next(request, reverse("home")))
        form.add_error("token", _("The code is not correct or has expired. Please enter the current code."))
    return render(request, "registration/otp_verify.html", {"form": form, "next": _safe_next(request, "")})


@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Enrol a TOTP device: show the QR code and secret, confirm with a first code."""
    user = request.user
    if confirmed_device(user) is not None:
        return redirect("profile")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            services.log_security_event(user=user, action="user.second_factor_enabled")
            messages.success(request, _("The second factor is set up. From now on you log in with a code."))
            return redirect("profile")
        form.add_error("token", _("The code is not correct. Check the time on your phone and try again."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")
    secret_b32 = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return render(
        request,
        "registration/otp_setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret": " ".join(secret_b32[i : i + 4] for i in range(0, len(secret_b32), 4)),
            "mandatory": second_factor_mandatory(user),
        },
    )


@login_required
@require_POST
def otp_remove(request: HttpRequest) -> HttpResponse:
    if second_factor_mandatory(request.user):
        messages.error(request, _("Your role requires a second factor; it cannot be removed."))
        return redirect("profile")
    TOTPDevice.objects.filter(user=request.user).delete()
    services.log_security_event(user=request.user, action="user.second_factor_removed")
    messages.success(request, _("The second factor has been removed."))
    return redirect("profile")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, initial={"full_name": request.user.full_name})
    if request.method == "POST" and form.is_valid():
        services.do_update_profile(acting_user=request.user, full_name=form.cleaned_data["full_name"])
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile")
    memberships = request.user.memberships.select_related("organisation")
    return render(
        request,
        "core/profile.html",
        {
            "form": form,
            "memberships": memberships,
            "has_device": confirmed_device(request.user) is not None,
            "otp_mandatory": second_factor_mandatory(request.user),
        },
    )


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    form = KernPasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        services.log_security_event(user=user, action="user.password_changed")
        messages.success(request, _("Your password has been changed."))
        return redirect("profile")
    return render(request, "core/password_change.html", {"form": form})


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.find_open_invitation(token)
    if invitation is None:
        return render(request, "core/invitation_invalid.html", status=410)
    organisation = invitation.organisation
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                services.do_accept_invitation(invitation=invitation, user=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return redirect("home")
            messages.success(request, _("Welcome to %(org)s.") % {"org": organisation.name})
            return redirect("org:dashboard", org_slug=organisation.slug)
        return render(
            request, "core/invitation_accept.html", {"invitation": invitation, "organisation": organisation}
        )
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.do_accept_invitation(
                invitation=invitation,
                user=None,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            login(request, user, backend="kosmos.core.auth_backends.EmailBackend")
            messages.success(request, _("Welcome to %(org)s.") % {"org": organisation.name})
            return redirect("org:dashboard", org_slug=organisation.slug)
    return render(
        request,
        "core/invitation_accept.html",
        {"invitation": invitation, "organisation": organisation, "form": form},
    )
