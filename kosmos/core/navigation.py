"""The organisation navigation, built from the module declarations (``kosmos.core.modules``).
Only modules that exist and that the user may open are listed."""

from __future__ import annotations

from django.urls import reverse

from kosmos.core.modules import Module, Navigation, modules, org_url_names


def _entries() -> list[tuple[Module, Navigation]]:
    head = [(m, n) for m in modules() for n in m.navigation if not n.tail]
    tail = [(m, n) for m in modules() for n in m.navigation if n.tail]
    return head + tail


def _is_current(module: Module, entry: Navigation, current_view: str) -> bool:
    names = entry.current if entry.current is not None else (org_url_names(module) or (entry.url_name,))
    return current_view in names


def build_org_nav(access, current_view: str) -> list[dict[str, object]]:  # noqa: ANN001
    slug = access.organisation.slug
    return [
        {
            "label": entry.label,
            "url": reverse(entry.url_name, kwargs={"org_slug": slug}),
            "current": _is_current(module, entry, current_view),
        }
        for module, entry in _entries()
        if access.has(entry.permission)
    ]
