from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from kosmos.core.access import user_organisations
from kosmos.core.navigation import build_org_nav
from kosmos.core.roles import platform_permissions_for


def platform(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"debug_mode": settings.DEBUG}
    access = getattr(request, "org_access", None)
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    return {
        "debug_mode": settings.DEBUG,
        "switch_organisations": user_organisations(user),
        "current_organisation": access.organisation if access else None,
        "org_access": access,
        "org_nav": build_org_nav(access, view_name) if access else [],
        "platform_perms": platform_permissions_for(user.platform_role),
    }
