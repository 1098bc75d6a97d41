"""One parametrised walk over every URL pattern, for every actor.

anonymous → login redirect; outsider (another Jobcenter) → 404; member without the
permission → 403; member with it → the page. A URL pattern without a row fails the walk.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from kosmos.core.roles import ROLE_PERMISSIONS, Role
from tests.permissions.rows import LoginRow, OrgRow, PlatformRow, PublicRow, Row

LEAST_PRIVILEGED_FIRST = [Role.STAFF, Role.ASSESSOR, Role.MANAGEMENT, Role.QUALITY_MANAGER]


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


def _walk(resolver: URLResolver, namespace: str = "") -> dict[str, object]:
    """URL name → view callback for every named pattern."""
    found: dict[str, object] = {}
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found.update(_walk(pattern, inner))
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"URL pattern {pattern.pattern} has no name"
            found[f"{namespace}{pattern.name}"] = pattern.callback
    return found


ROWS = _collect_rows()
PATTERNS = _walk(get_resolver())


def test_every_url_pattern_has_a_row() -> None:
    missing = sorted(set(PATTERNS) - set(ROWS))
    assert not missing, f"URL patterns without a permission row: {missing}"
    stale = sorted(set(ROWS) - set(PATTERNS))
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


def test_every_organisation_page_declares_its_permission() -> None:
    for name, row in ROWS.items():
        if isinstance(row, OrgRow):
            assert getattr(PATTERNS[name], "required_permission", None), f"{name} declares no permission"


def _roles_with(permission: str) -> list[str]:
    return [r for r in LEAST_PRIVILEGED_FIRST if permission in ROLE_PERMISSIONS[r]]


def _cases() -> list[tuple[str, str]]:
    cases = []
    for name, row in sorted(ROWS.items()):
        if isinstance(row, OrgRow):
            permission = PATTERNS[name].required_permission
            actors = ["anonymous", "outsider", "member_with"]
            if len(_roles_with(permission)) < len(LEAST_PRIVILEGED_FIRST):
                actors.append("member_without")
        elif isinstance(row, PlatformRow):
            actors = ["anonymous", "member_without", "member_with"]
        elif isinstance(row, LoginRow):
            actors = ["anonymous", "member_with"]
        else:
            actors = ["anonymous"] if row.anonymous_only else ["anonymous", "member_with"]
        cases += [(name, actor) for actor in actors]
    return cases


def _request(client, row: Row, url: str, world):  # noqa: ANN001
    data = row.data(world) if getattr(row, "data", None) else {}
    return client.post(url, data) if row.method == "post" else client.get(url)


@pytest.mark.parametrize(("url_name", "actor"), _cases())
def test_url_permission(url_name: str, actor: str, world, client_for) -> None:  # noqa: ANN001
    row = ROWS[url_name]
    kwargs = dict(row.kwargs(world))
    if isinstance(row, OrgRow):
        kwargs["org_slug"] = world.freiburg.slug
    url = reverse(url_name, kwargs=kwargs)

    if isinstance(row, OrgRow):
        permission = PATTERNS[url_name].required_permission
        user = {
            "anonymous": None,
            "outsider": world.outsider,
            "member_without": next(
                (world.by_role(r) for r in LEAST_PRIVILEGED_FIRST if r not in _roles_with(permission)), None
            ),
            "member_with": world.by_role(row.with_role or _roles_with(permission)[0]),
        }[actor]
        expected = {"anonymous": 302, "outsider": 404, "member_without": 403, "member_with": row.ok_status}[actor]
    elif isinstance(row, PlatformRow):
        user = {"anonymous": None, "member_without": world.qm, "member_with": world.programme}[actor]
        expected = {"anonymous": 302, "member_without": 403, "member_with": row.ok_status}[actor]
    elif isinstance(row, LoginRow):
        user = None if actor == "anonymous" else world.staff
        expected = 302 if actor == "anonymous" else row.ok_status
    else:
        assert isinstance(row, PublicRow)
        user = None if actor == "anonymous" else world.staff
        expected = row.ok_status

    response = _request(client_for(user), row, url, world)
    assert response.status_code == expected, f"{actor} on {url}: {response.status_code}, expected {expected}"
    if actor == "anonymous" and expected == 302 and not isinstance(row, PublicRow):
        assert response["Location"].startswith(reverse("login")), response["Location"]
