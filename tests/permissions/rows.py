"""Rows for the URL permission walk. Every URL pattern of the project needs exactly one row.

An organisation row (``OrgRow``) names how to build the URL's extra arguments for the test
world; the permission comes from the view itself (``@org_permission_required``), so the walk
derives the "member without" and "member with" actors from the role map.
Other rows (``PublicRow``, ``LoginRow``, ``PlatformRow``) describe pages outside organisations.
``SharedRow`` is a page where another organisation reads a shared object; ``PublishedRow`` a
published object's page without login. The actors and what each gets are listed in
``tests/permissions/test_url_permissions.py``.
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
    # What the platform actors get when it differs from what their permissions say
    # (default: ``ok_status`` with the permission, 403 without).
    adviser_status: int | None = None
    programme_status: int | None = None


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


@dataclass(frozen=True)
class SharedRow:
    """A page where an organisation reads another organisation's shared object, under the
    *reader's* address (``/o/<reader>/…/geteilt/<uuid>/``).

    ``obj`` builds Freiburg's object; the walk shares it by name with Lörrach (the partner),
    later with every organisation. ``kwargs`` builds the URL arguments from the object.
    The partner gets ``ok_status``; Ulm (another platform organisation) and the programme
    office get 404 until the object is shared platform-wide, then ``ok_status``; Freiburg's own
    members reading their object at this address get ``owner_status`` (a redirect to the
    owner's page).
    """

    obj: Callable[[Any], Any]
    kwargs: Callable[[Any], dict[str, Any]]
    method: str = "get"
    data: Callable[[Any], dict[str, Any]] | None = None
    ok_status: int = 200
    owner_status: int = 302


@dataclass(frozen=True)
class PublishedRow:
    """A published object's page, read without login (``/oeffentlich/…``).

    ``obj`` builds Freiburg's object. Shared platform-wide only, it answers 404 to an anonymous
    visitor; once published, ``ok_status`` to everybody.
    """

    obj: Callable[[Any], Any]
    kwargs: Callable[[Any], dict[str, Any]]
    ok_status: int = 200


@dataclass(frozen=True)
class CommitteeRow:
    """A committee page of one call (``programme``): ``build(world)`` returns the URL arguments,
    a committee member without and one with a conflict of interest for the page's application.
    Anonymous → login; logged-in accounts without a seat (another organisation, the programme
    office) → 404; the member → ``ok_status``; the conflicted member → ``conflict_status``.
    """

    build: Callable[[Any], tuple[dict[str, Any], Any, Any]]
    method: str = "get"
    data: Callable[[Any], dict[str, Any]] | None = None
    ok_status: int = 200
    conflict_status: int = 403


Row = OrgRow | PublicRow | LoginRow | PlatformRow | SharedRow | PublishedRow | CommitteeRow
