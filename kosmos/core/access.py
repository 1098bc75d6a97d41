"""Resolving who may see an organisation, and the permission decorator for views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from kosmos.core.models import AdviserAssignment, Membership, Organisation, User
from kosmos.core.roles import PERMISSIONS, PlatformRole, permissions_for


@dataclass(frozen=True)
class OrganisationAccess:
    """What the current user may do in the current organisation."""

    organisation: Organisation
    membership: Membership | None
    via: str  # the role or platform role that grants access
    permissions: frozenset[str] = field(default_factory=frozenset)

    def has(self, permission: str) -> bool:
        return permission in self.permissions


def resolve_access(user: User, organisation: Organisation) -> OrganisationAccess | None:
    """Return the user's access to the organisation, or None when it is none of theirs."""
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    perms: set[str] = set()
    via = ""
    if membership is not None:
        perms |= permissions_for(membership.role)
        via = membership.role
    if user.platform_role == PlatformRole.ADVISER and (
        AdviserAssignment.objects.filter(adviser=user, organisation=organisation).exists()
    ):
        perms |= permissions_for(PlatformRole.ADVISER)
        via = via or PlatformRole.ADVISER
    if user.platform_role == PlatformRole.PROGRAMME_OFFICE:
        perms |= permissions_for(PlatformRole.PROGRAMME_OFFICE)
        via = via or PlatformRole.PROGRAMME_OFFICE
    if not via:
        return None
    return OrganisationAccess(organisation, membership, via, frozenset(perms))


def org_permission_required(permission: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Declare the permission an organisation page needs; members without it get 403.

    The tenancy middleware has already answered anonymous users (login) and outsiders (404).
    """
    if permission not in PERMISSIONS:
        raise ValueError(f"Unknown permission {permission!r}")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            access: OrganisationAccess | None = getattr(request, "org_access", None)
            if access is None:
                raise RuntimeError("org_permission_required used on a view outside /o/<org_slug>/")
            if not access.has(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def platform_permission_required(
    permission: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Declare a platform-wide permission (e.g. the programme office's)."""
    from kosmos.core.roles import platform_permissions_for

    if permission not in PERMISSIONS:
        raise ValueError(f"Unknown permission {permission!r}")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            from django.contrib.auth.views import redirect_to_login

            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if permission not in platform_permissions_for(request.user.platform_role):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_platform_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def user_organisations(user: User) -> list[Organisation]:
    """Organisations the user can switch to (memberships and adviser assignments)."""
    if not user.is_authenticated:
        return []
    ids = set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
    if user.platform_role == PlatformRole.ADVISER:
        ids |= set(AdviserAssignment.objects.filter(adviser=user).values_list("organisation_id", flat=True))
    return list(Organisation.objects.filter(id__in=ids).order_by("name"))
