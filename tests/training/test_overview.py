"""The compliance overview: SQL and Python agree, bounded queries, the small-group rule on the page."""

from __future__ import annotations

import datetime as dt
import random

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kosmos.training import selectors, services
from kosmos.training.domain.compass import valid_until
from kosmos.training.models import Completion, Exemption, StaffProfile
from tests.training import builders

TODAY = timezone.localdate()


def _staff(world, count: int, rng: random.Random, *, dep_name: str = "Eingangszone", lead=None):  # noqa: ANN001, ANN202
    dep = builders.department(world, dep_name)
    start_key = StaffProfile.objects.count()
    people = []
    for i in range(count):
        start = TODAY - dt.timedelta(days=rng.randrange(0, 2000))
        people.append(StaffProfile(organisation=world.freiburg, full_name=f"P{i}", personnel_key=f"K{start_key + i}",
                                   department=dep, team_lead=lead, start_date=start,
                                   required_by=start + dt.timedelta(days=dep.deadline_days)))
    return StaffProfile.objects.bulk_create(people)


def _world_with_data(world, people: int, trainings: int, seed: int = 1):  # noqa: ANN001, ANN202
    rng = random.Random(seed)
    items = [builders.training(world, f"Schulung {i}", code=f"C{i}", validity_months=rng.choice([None, 12, 24]))
             for i in range(trainings)]
    profiles = _staff(world, people, rng) + _staff(world, max(people // 2, 1), rng, dep_name="Leistung")
    services.do_set_requirements(acting_user=world.qm, organisation=world.freiburg,
                                 department=builders.department(world, "Leistung"), trainings=items[:2],
                                 deadline_days=60)
    rows = []
    for profile in profiles:
        for training in items:
            for _ in range(rng.choice([0, 0, 1, 2])):
                day = TODAY - dt.timedelta(days=rng.randrange(1, 3 * 365))
                rows.append(Completion(organisation=world.freiburg, profile=profile, training=training,
                                       completed_on=day, valid_until=valid_until(day, training.validity_months),
                                       source="import"))
    Completion.objects.bulk_create(rows, ignore_conflicts=True)
    Exemption.objects.bulk_create([Exemption(organisation=world.freiburg, profile=p, training=items[0], reason="x")
                                   for p in rng.sample(profiles, k=3)])
    return profiles


def test_sql_and_python_count_the_same(world):
    _world_with_data(world, people=30, trainings=4)
    for by in ("department", "training"):
        assert selectors.compliance(world.freiburg, today=TODAY, by=by) == \
            selectors.compliance_from_rows(world.freiburg, today=TODAY, by=by)


def _queries(client, url: str) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_overview_runs_the_same_number_of_queries_whatever_the_size(world, client_for):
    url = reverse("org:training_overview", kwargs={"org_slug": "freiburg"})
    client = client_for(world.qm)
    _world_with_data(world, people=6, trainings=2)
    small = _queries(client, url)
    _world_with_data(world, people=60, trainings=8, seed=2)
    assert _queries(client, url) == small


def test_the_compass_runs_the_same_number_of_queries_whatever_the_size(world, client_for):
    url = reverse("org:training_compass", kwargs={"org_slug": "freiburg"})
    client = client_for(world.staff)
    builders.training(world)
    builders.profile(world, world.staff)
    small = _queries(client, url)
    _world_with_data(world, people=20, trainings=6)
    assert _queries(client, url) == small


def test_a_small_department_shows_no_figures(world, client_for):
    rng = random.Random(3)
    builders.training(world)
    _staff(world, 12, rng)
    small = _staff(world, 3, rng, dep_name="Fallmanagement")
    services.do_set_requirements(acting_user=world.qm, organisation=world.freiburg, department=small[0].department,
                                 trainings=[builders.training(world)], deadline_days=90)

    html = client_for(world.management).get(reverse("org:training_overview", kwargs={"org_slug": "freiburg"})
                                            ).content.decode()

    assert html.count("weniger als 5 Personen") >= 2  # the small one and, complementary, one more


def test_a_team_of_four_shows_no_per_person_detail(world, client_for):
    builders.training(world)
    lead = builders.profile(world, world.assessor)
    _staff(world, 4, random.Random(4), lead=lead)

    html = client_for(world.assessor).get(reverse("org:training_team", kwargs={"org_slug": "freiburg"})
                                          ).content.decode()

    assert "P0" not in html.split("<form")[0]
    assert "Teammitglied" in html  # the confirmation form is still there


def test_the_team_page_runs_the_same_number_of_queries_whatever_the_team_size(world, client_for):
    url = reverse("org:training_team", kwargs={"org_slug": "freiburg"})
    client = client_for(world.assessor)
    builders.training(world)
    lead = builders.profile(world, world.assessor)
    _staff(world, 5, random.Random(5), lead=lead)
    small = _queries(client, url)
    _staff(world, 25, random.Random(6), lead=lead)
    html = client.get(url).content.decode()
    assert _queries(client, url) == small
    assert "Offene Schulungen je Person" in html and "P24" in html
