"""The consensus page runs a fixed number of queries, whatever the size of the group."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kosmos.assessments import services
from kosmos.core.roles import Role
from tests.assessments import builders
from tests.factories import make_member

MAX_QUERIES = 25


def _circle(world, members: int):  # noqa: ANN001, ANN202
    raters = [make_member(world.freiburg, f"m{members}-{i}@test.example", f"Mitglied {i}", Role.ASSESSOR)
              for i in range(members)]
    assessment = builders.prepare(builders.create(world.freiburg, world.qm, title=f"Zirkel {members}"), world.qm,
                                  raters)
    assessment = builders.open_rating(assessment, world.qm)
    builders.bulk_ratings(assessment, raters)
    return services.do_change_phase(acting_user=world.qm, assessment=assessment, phase="consensus")


def _count(client, assessment) -> tuple[int, str]:  # noqa: ANN001
    url = reverse("org:assessment_consensus", kwargs={"org_slug": "freiburg", "assessment_id": assessment.public_id})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_twelve_members_thirty_five_questions_seven_attributes_in_a_bounded_number_of_queries(world, client_for):
    large = _circle(world, 12)
    small = _circle(world, 3)
    client = client_for(world.qm)

    large_count, html = _count(client, large)
    small_count, _html = _count(client, small)

    assert large.items.count() == 35
    assert large_count <= MAX_QUERIES
    assert large_count == small_count
    assert html.count("kern-table__row") > 35 * 7  # every question with its seven attributes


def test_the_results_page_does_not_grow_with_the_group_either(world, client_for):
    large = _circle(world, 12)
    small = _circle(world, 3)
    client = client_for(world.management)

    counts = []
    for assessment in (large, small):
        url = reverse("org:assessment_results", kwargs={"org_slug": "freiburg", "assessment_id": assessment.public_id})
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1] <= MAX_QUERIES
