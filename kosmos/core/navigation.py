"""The organisation navigation. Each app registers its entries in ``AppConfig.ready``;
only modules that exist and that the user may open are listed."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    permission: str
    order: int
    # URL names (or name prefixes ending in ":") that mark this entry as current.
    active_prefixes: tuple[str, ...] = ()


_ORG_NAV: list[NavItem] = []


def register_org_nav(item: NavItem) -> None:
    if any(existing.url_name == item.url_name for existing in _ORG_NAV):
        return
    _ORG_NAV.append(item)
    _ORG_NAV.sort(key=lambda i: i.order)


def org_nav_items() -> list[NavItem]:
    return list(_ORG_NAV)


def build_org_nav(access, current_view: str) -> list[dict[str, object]]:  # noqa: ANN001
    entries = []
    slug = access.organisation.slug
    for item in _ORG_NAV:
        if not access.has(item.permission):
            continue
        prefixes = item.active_prefixes or (item.url_name,)
        current = any(
            current_view == p or (p.endswith(":") and current_view.startswith(p)) for p in prefixes
        )
        entries.append(
            {"label": item.label, "url": reverse(item.url_name, kwargs={"org_slug": slug}), "current": current}
        )
    return entries
