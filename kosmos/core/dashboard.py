"""Panels that modules add to the organisation dashboard (real content only)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict[str, object]


PanelProvider = Callable[[HttpRequest], Panel | None]
_PROVIDERS: list[PanelProvider] = []


def register_dashboard_panel(provider: PanelProvider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    panels = []
    for provider in _PROVIDERS:
        panel = provider(request)
        if panel is not None:
            panels.append(panel)
    return panels
