"""Rows for the URL permission walk. Every URL pattern of the project needs exactly one row.

An organisation row (``OrgRow``) names how to build the URL's extra arguments for the test
world; the permission comes from the view itself (``@org_permission_required``), so the walk
derives the "member without" and "member with" actors from the role map.
Other rows (``PublicRow``, ``LoginRow``, ``PlatformRow``) describe pages outside organisations.
Modules add their rows in ``tests/<module>/permission_rows.py`` as ``ROWS = {...}``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Kwargs = Callable[[Any], dict[str, Any]]


def no_kwargs(world: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class OrgRow:
    """A page under /o/<org_slug>/. ``kwargs`` builds the extra URL arguments in Freiburg."""

    kwargs: Kwargs = no_kwargs
    method: str = "get"
    data: Callable[[Any], dict[str, Any]] | None = None
    ok_status: int = 200
    # The member actor used for "with permission"; default: the least privileged role that has it.
    with_role: str | None = None


@dataclass(frozen=True)
class PublicRow:
    """Open to everybody, logged in or not."""

    kwargs: Kwargs = no_kwargs
    method: str = "get"
    ok_status: int = 200
    anonymous_only: bool = False  # e.g. the login page redirects users who are logged in


@dataclass(frozen=True)
class LoginRow:
    """Any logged-in user; anonymous users are sent to the login."""

    kwargs: Kwargs = no_kwargs
    method: str = "get"
    ok_status: int = 200
    data: Callable[[Any], dict[str, Any]] | None = None


@dataclass(frozen=True)
class PlatformRow:
    """Needs a platform permission (e.g. the programme office)."""

    kwargs: Kwargs = no_kwargs
    method: str = "get"
    ok_status: int = 200
    extra: dict[str, Any] = field(default_factory=dict)


Row = OrgRow | PublicRow | LoginRow | PlatformRow
