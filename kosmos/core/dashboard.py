"""Panels that modules add to the organisation dashboard (real content only).

Modules declare their panels in their ``Module`` declaration (``kosmos.core.modules``); a
panel is asked for content only when the member has the panel's permission.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from kosmos.core.modules import modules


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict[str, object]


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    access = getattr(request, "org_access", None)
    if access is None:
        return []
    panels = []
    for module in modules():
        for declared in module.panels:
            if not access.has(declared.permission):
                continue
            panel = declared.provider(request)
            if panel is not None:
                panels.append(panel)
    return panels
