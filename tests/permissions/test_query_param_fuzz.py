"""Garbage in every query parameter a view reads never gives 500 (issue 17, item 9).

The parameters are found in the source: every ``request.GET.get("…")`` / ``request.POST.get("…")``
/ ``uuid_param(request, "…")`` in ``kosmos/``. Every organisation page of the URL walk that is
read with GET is requested by the member with the permission, once per parameter its view's
module reads, with a malformed value; the answer may be anything but a server error.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import resolve, reverse

import kosmos
from tests.permissions.rows import OrgRow
from tests.permissions.test_url_permissions import LEAST_PRIVILEGED_FIRST, PATTERNS, ROWS, _roles_with

PARAM = re.compile(r"""(?:request\.(?:GET|POST)\.get\(|uuid_param\(request,\s*)["']([A-Za-z0-9_]+)["']""")
GARBAGE = ["kein-uuid", "' OR 1=1 --", "0" * 300, "%00", "-1"]


def _parameters() -> dict[str, set[str]]:
    """Source file → names of the request parameters it reads."""
    found: dict[str, set[str]] = {}
    for path in Path(kosmos.__file__).parent.rglob("*.py"):
        names = set(PARAM.findall(path.read_text(encoding="utf-8")))
        if names:
            found[str(path.resolve())] = names
    return found


PARAMETERS = _parameters()
GET_PAGES = sorted(name for name, row in ROWS.items() if isinstance(row, OrgRow) and row.method == "get")


def test_the_parameters_of_issue_17_are_found() -> None:
    everything = set().union(*PARAMETERS.values())
    assert {"basis", "handlungsfeld"} <= everything


@pytest.mark.parametrize("url_name", GET_PAGES)
def test_garbage_in_query_parameters_is_never_a_server_error(url_name: str, world, client_for) -> None:  # noqa: ANN001
    row = ROWS[url_name]
    url = reverse(url_name, kwargs={**row.kwargs(world), "org_slug": world.freiburg.slug})
    view = resolve(url).func
    source = inspect.getsourcefile(inspect.unwrap(view)) or ""
    names = sorted(PARAMETERS.get(str(Path(source).resolve()), set()))
    permission = getattr(PATTERNS[url_name], "required_permission", None)
    role = row.with_role or (_roles_with(permission)[0] if permission else LEAST_PRIVILEGED_FIRST[-1])
    client = client_for(world.by_role(role))
    failures = []
    for name in names:
        for value in GARBAGE:
            with transaction.atomic():
                response = client.get(url, {name: value})
                transaction.set_rollback(True)
            if response.status_code >= 500:
                failures.append(f"{url}?{name}={value[:20]}: {response.status_code}")
    assert not failures, "\n".join(failures)
