"""The tenancy choke point and the second-factor gate."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from kosmos.core.access import resolve_access
from kosmos.core.models import Organisation
from kosmos.core.otp import needs_second_factor


class OrganisationMiddleware:
    """Resolve ``/o/<org_slug>/…``: organisation and the user's access.

    Anonymous users are sent to the login; an organisation the user does not belong to
    answers 404 exactly like one that does not exist, so nothing leaks.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.organisation = None  # type: ignore[attr-defined]
        request.org_access = None  # type: ignore[attr-defined]
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: tuple, view_kwargs: dict
    ) -> HttpResponse | None:
        slug = view_kwargs.get("org_slug")
        if slug is None:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise Http404
        access = resolve_access(request.user, organisation)
        if access is None:
            raise Http404
        request.organisation = organisation  # type: ignore[attr-defined]
        request.org_access = access  # type: ignore[attr-defined]
        return None


_SECOND_FACTOR_EXEMPT = ("otp_verify", "otp_setup", "logout", "healthz", "javascript-catalog")


class SecondFactorMiddleware:
    """Ask for the TOTP code of users with a device; make enrolment mandatory where configured."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: tuple, view_kwargs: dict
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or request.path.startswith(settings.STATIC_URL):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in _SECOND_FACTOR_EXEMPT:
            return None
        step = needs_second_factor(user)
        if step == "verify":
            return redirect(f"{reverse('otp_verify')}?next={request.get_full_path()}")
        if step == "setup":
            return redirect(reverse("otp_setup"))
        return None
