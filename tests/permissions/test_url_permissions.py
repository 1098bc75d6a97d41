"""One parametrised walk over every URL pattern, for every actor.

Each URL pattern has exactly one row (``tests/<module>/permission_rows.py``), and the row type
says what every actor gets:

``OrgRow`` — a Freiburg page under /o/freiburg/…
    anonymous → login redirect; Ulm (another platform organisation) → 404; Lörrach (a partner
    organisation Freiburg shares with) → 404; an adviser not assigned to Freiburg → 404;
    member without the permission → 403; member with it → the page; the adviser assigned to
    Freiburg and the programme office → what their permissions say (the page or 403).
``SharedRow`` — another organisation reads Freiburg's shared object under its own address
    shared by name with Lörrach: Lörrach's member with the permission → the page, without it →
    403; Ulm and the programme office → 404; anonymous → login; Freiburg's own members →
    ``owner_status``. Shared platform-wide: Ulm and the programme office → the page.
``PublishedRow`` — a published object's page: anonymous → 404 while it is only shared on the
    platform, the page once published (also for a logged-in member).
``PublicRow``, ``LoginRow``, ``PlatformRow`` — pages outside organisations.

One test per URL pattern: the world and the URL's objects are built once, and every actor's
request runs in a savepoint that is rolled back, so a successful POST of one actor cannot change
what the next one sees. All mismatches of a URL are reported together. A URL pattern without a
row, a row without a pattern, and two patterns with the same name fail the walk.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse
from django.urls.resolvers import RoutePattern

import tests
from kosmos.core import sharing
from kosmos.core.roles import ROLE_PERMISSIONS, PlatformRole, Role, platform_permissions_for
from tests.factories import share_with_partner
from tests.permissions.rows import (
    CommitteeRow,
    LoginRow,
    OrgRow,
    PlatformRow,
    PublicRow,
    PublishedRow,
    Row,
    SharedRow,
)

LEAST_PRIVILEGED_FIRST = [Role.STAFF, Role.ASSESSOR, Role.MANAGEMENT, Role.QUALITY_MANAGER]
PARTNER_ROLES = [Role.STAFF, Role.QUALITY_MANAGER]  # the partner organisation's members in the world


class DuplicateURLName(AssertionError):
    """Two URL patterns share one name: ``reverse()`` finds only one, and the walk would miss the other."""


def _collect_rows() -> dict[str, Row]:
    rows: dict[str, Row] = {}
    base = Path(tests.__file__).parent
    for module in pkgutil.iter_modules([str(base)]):
        if not module.ispkg or not (base / module.name / "permission_rows.py").exists():
            continue
        loaded = importlib.import_module(f"tests.{module.name}.permission_rows")
        for name, row in loaded.ROWS.items():
            assert name not in rows, f"URL {name} has two rows"
            rows[name] = row
    return rows


def walk_patterns(resolver: URLResolver, namespace: str = "") -> dict[str, object]:
    """URL name → view callback for every named pattern; a name used twice raises."""
    found: dict[str, object] = {}

    def add(name: str, callback: object, where: str) -> None:
        if name in found:
            raise DuplicateURLName(f"URL name {name!r} is used by two patterns (the second: {where})")
        found[name] = callback

    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            for name, callback in walk_patterns(pattern, inner).items():
                add(name, callback, f"{pattern.pattern}…")
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"URL pattern {pattern.pattern} has no name"
            add(f"{namespace}{pattern.name}", pattern.callback, str(pattern.pattern))
    return found


ROWS = _collect_rows()
PATTERNS = walk_patterns(get_resolver())


def test_every_url_pattern_has_a_row() -> None:
    missing = sorted(set(PATTERNS) - set(ROWS))
    assert not missing, f"URL patterns without a permission row: {missing}"
    stale = sorted(set(ROWS) - set(PATTERNS))
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


def test_every_organisation_page_declares_its_permission() -> None:
    for name, row in ROWS.items():
        if isinstance(row, OrgRow | SharedRow):
            assert getattr(PATTERNS[name], "required_permission", None), f"{name} declares no permission"


def _view(request: object) -> None:  # a stand-in view for the synthetic resolvers
    return None


@pytest.mark.parametrize(
    "patterns",
    [
        [path("a/", _view, name="same"), path("b/", _view, name="same")],
        [path("o/", include(([path("a/", _view, name="same")], "org"))),
         path("p/", include(([path("b/", _view, name="same")], "org")))],
        [path("a/", _view, name="same"), path("", include([path("b/", _view, name="same")]))],
    ],
    ids=["same-level", "same-namespace-twice", "included-without-namespace"],
)
def test_the_walk_fails_on_a_duplicate_url_name(patterns: list) -> None:
    with pytest.raises(DuplicateURLName, match="same"):
        walk_patterns(URLResolver(RoutePattern(""), patterns))


def test_the_walk_accepts_one_name_in_two_namespaces() -> None:
    patterns = [
        path("o/", include(([path("a/", _view, name="same")], "org"))),
        path("p/", include(([path("a/", _view, name="same")], "public"))),
    ]
    assert set(walk_patterns(URLResolver(RoutePattern(""), patterns))) == {"org:same", "public:same"}


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class Check:
    actor: str
    user: Any
    url: str
    expected: int


def _roles_with(permission: str, roles: list[str] = LEAST_PRIVILEGED_FIRST) -> list[str]:
    return [r for r in roles if permission in ROLE_PERMISSIONS[r]]


def _member_without(world: Any, permission: str) -> Any:
    return next((world.by_role(r) for r in LEAST_PRIVILEGED_FIRST if r not in _roles_with(permission)), None)


def _platform_status(platform_role: str, permission: str, ok: int, override: int | None) -> int:
    if override is not None:
        return override
    return ok if permission in ROLE_PERMISSIONS[platform_role] else 403


def _org_checks(name: str, row: OrgRow, world: Any) -> Iterator[Check]:
    permission = PATTERNS[name].required_permission
    url = reverse(name, kwargs={**row.kwargs(world), "org_slug": world.freiburg.slug})
    yield Check("anonymous", None, url, 302)
    yield Check("other platform organisation", world.outsider, url, 404)
    yield Check("partner organisation", world.partner, url, 404)
    yield Check("adviser not assigned", world.unassigned_adviser, url, 404)
    without = _member_without(world, permission)
    if without is not None:
        yield Check("member without", without, url, 403)
    yield Check(
        "adviser", world.adviser, url,
        _platform_status(PlatformRole.ADVISER, permission, row.ok_status, row.adviser_status),
    )
    yield Check(
        "programme office", world.programme, url,
        _platform_status(PlatformRole.PROGRAMME_OFFICE, permission, row.ok_status, row.programme_status),
    )
    yield Check("member with", world.by_role(row.with_role or _roles_with(permission)[0]), url, row.ok_status)


def _shared_checks(name: str, row: SharedRow, world: Any) -> Iterator[Check]:
    permission = PATTERNS[name].required_permission
    obj = share_with_partner(world, row.obj(world))
    kwargs = row.kwargs(obj)

    def at(organisation: Any) -> str:
        return reverse(name, kwargs={**kwargs, "org_slug": organisation.slug})

    partner_roles = _roles_with(permission, PARTNER_ROLES)
    partner_member = {Role.STAFF: world.partner_staff, Role.QUALITY_MANAGER: world.partner}
    yield Check("anonymous", None, at(world.loerrach), 302)
    yield Check("partner organisation", partner_member[partner_roles[0]], at(world.loerrach), row.ok_status)
    if len(partner_roles) < len(PARTNER_ROLES):
        yield Check("partner without", world.partner_staff, at(world.loerrach), 403)
    yield Check("other platform organisation", world.outsider, at(world.ulm), 404)
    yield Check("programme office", world.programme, at(world.programme_office), 404)
    yield Check("owner", world.by_role(_roles_with(permission)[0]), at(world.freiburg), row.owner_status)
    yield Check(
        "adviser", world.adviser, at(world.freiburg),
        row.owner_status if permission in ROLE_PERMISSIONS[PlatformRole.ADVISER] else 403,
    )
    sharing.do_share(acting_user=world.qm, obj=obj, visibility="platform")
    yield Check("other platform organisation (shared platform-wide)", world.outsider, at(world.ulm), row.ok_status)
    yield Check("programme office (shared platform-wide)", world.programme, at(world.programme_office), row.ok_status)


def _published_checks(name: str, row: PublishedRow, world: Any) -> Iterator[Check]:
    obj = sharing.do_share(acting_user=world.qm, obj=row.obj(world), visibility="platform")
    url = reverse(name, kwargs=row.kwargs(obj))
    yield Check("anonymous (only shared on the platform)", None, url, 404)
    sharing.do_share(acting_user=world.qm, obj=obj, visibility="public")
    yield Check("anonymous (published)", None, url, row.ok_status)
    yield Check("member of another organisation (published)", world.outsider, url, row.ok_status)


def _checks(name: str, row: Row, world: Any) -> Iterator[Check]:
    if isinstance(row, OrgRow):
        yield from _org_checks(name, row, world)
    elif isinstance(row, SharedRow):
        yield from _shared_checks(name, row, world)
    elif isinstance(row, PublishedRow):
        yield from _published_checks(name, row, world)
    elif isinstance(row, PlatformRow):
        url = reverse(name, kwargs=row.kwargs(world))
        permission = getattr(PATTERNS[name], "required_platform_permission", None)
        yield Check("anonymous", None, url, 302)
        yield Check("member without", world.qm, url, 403)
        yield Check("adviser", world.adviser, url,
                    row.ok_status if permission in platform_permissions_for(PlatformRole.ADVISER) else 403)
        yield Check("member with", world.programme, url, row.ok_status)
    elif isinstance(row, CommitteeRow):
        kwargs, member, conflicted = row.build(world)
        url = reverse(name, kwargs=kwargs)
        yield Check("anonymous", None, url, 302)
        yield Check("other platform organisation (no seat)", world.outsider, url, 404)
        yield Check("programme office (no seat)", world.programme, url, 404)
        yield Check("committee member with a conflict", conflicted, url, row.conflict_status)
        yield Check("committee member", member, url, row.ok_status)
    elif isinstance(row, LoginRow):
        url = reverse(name, kwargs=row.kwargs(world))
        yield Check("anonymous", None, url, 302)
        yield Check("member with", world.staff, url, row.ok_status)
    else:
        assert isinstance(row, PublicRow)
        url = reverse(name, kwargs=row.kwargs(world))
        yield Check("anonymous", None, url, row.ok_status)
        if not row.anonymous_only:
            yield Check("member with", world.staff, url, row.ok_status)


def _request(client, row: Row, url: str, world):  # noqa: ANN001, ANN202
    data = row.data(world) if getattr(row, "data", None) else {}
    return client.post(url, data) if getattr(row, "method", "get") == "post" else client.get(url)


@pytest.mark.parametrize("url_name", sorted(ROWS))
def test_url_permission(url_name: str, world, client_for) -> None:  # noqa: ANN001
    row = ROWS[url_name]
    failures = []
    for check in _checks(url_name, row, world):
        with transaction.atomic():  # a savepoint: this actor's request leaves nothing behind
            response = _request(client_for(check.user), row, check.url, world)
            transaction.set_rollback(True)
        if response.status_code != check.expected:
            failures.append(f"{check.actor} on {check.url}: {response.status_code}, expected {check.expected}")
        elif (
            check.user is None
            and check.expected == 302
            and not isinstance(row, PublicRow)
            and not response["Location"].startswith(reverse("login"))
        ):
            failures.append(f"{check.actor} on {check.url}: redirected to {response['Location']}, not the login")
    assert not failures, "\n".join(failures)
