"""The meeting page, the task page and the dashboard run a fixed number of queries, whatever the history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kosmos.workinggroups import services
from tests.workinggroups import builders

pytestmark = pytest.mark.django_db


def _grow(world, meeting, times: int) -> None:  # noqa: ANN001
    """More agenda items, decisions, action items, comments and meetings."""
    for n in range(times):
        item = services.do_add_agenda_item(acting_user=world.management, meeting=meeting, title=f"Punkt {n}",
                                           owner=world.assessor if n % 2 else world.staff)
        services.do_add_decision(acting_user=world.assessor, item=item, text=f"Beschluss {n}")
        services.do_add_action_item(acting_user=world.assessor, item=item, title=f"Aufgabe {n}",
                                    owner=world.assessor if n % 2 else world.staff, due_date=dt.date(2026, 5, 1 + n))
        builders.meeting(world, of=meeting.group)


def _count(client, url: str, **params: str) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["meeting", "tasks", "tasks_filtered", "dashboard", "group"])
def test_query_count_does_not_grow_with_history(world, client_for, page):
    meeting = builders.meeting(world)
    client = client_for(world.management)
    url, params = {
        "meeting": (reverse("org:workinggroup_meeting", kwargs={"org_slug": "freiburg",
                                                                "meeting_id": meeting.public_id}), {}),
        "tasks": (reverse("org:workinggroup_tasks", kwargs={"org_slug": "freiburg"}), {}),
        "tasks_filtered": (reverse("org:workinggroup_tasks", kwargs={"org_slug": "freiburg"}),
                           {"owner": str(world.staff.pk), "due_by": "2026-12-31"}),
        "dashboard": (reverse("org:dashboard", kwargs={"org_slug": "freiburg"}), {}),
        "group": (reverse("org:workinggroup_detail", kwargs={"org_slug": "freiburg",
                                                             "group_id": meeting.group.public_id}), {}),
    }[page]
    client.get(url, params)  # warm caches (session, site settings)
    small = _count(client, url, **params)

    _grow(world, meeting, 6)
    large = _count(client, url, **params)

    assert large == small
    # The dashboard also holds other modules' panels; only its independence of this history is asserted.
    bound = {"meeting": 22, "tasks": 14, "tasks_filtered": 14, "group": 18}.get(page)
    assert bound is None or small <= bound
