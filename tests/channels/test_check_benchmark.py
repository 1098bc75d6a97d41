"""The maturity comparison: own level per channel against the distribution of sharing Jobcenters,
hidden below the minimum, optionally within the same form, in a bounded number of queries."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kosmos.channels.benchmark_check import TOPIC_KEY, maturity_figures
from kosmos.channels.synthetic_checks import create_synthetic_checks
from kosmos.core.comparisons import do_set_benchmark_consent, topic
from kosmos.core.domain.benchmark import Distribution
from tests.channels import check_builders
from tests.channels.check_builders import uniform
from tests.factories import make_organisation


def _peers(count: int, start: int = 0, **fields):  # noqa: ANN003, ANN202
    return [make_organisation(f"synthetisch-{i:03d}", **fields) for i in range(start, start + count)]


def test_the_topic_is_declared_for_the_comparisons_page():
    assert topic(TOPIC_KEY).permission == "channels.view"


def test_below_five_sharing_jobcenters_only_the_own_level_is_shown(world):
    check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    create_synthetic_checks(_peers(4), seed=3)
    figures = {f.label: f for f in maturity_figures(world.freiburg)}
    assert figures["Videoberatung"].own == 2
    assert all(f.distribution is None and f.contributors == 0 for f in figures.values())


def test_with_enough_sharing_jobcenters_median_and_quartiles_appear_and_nothing_else(world, client_for):
    check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    create_synthetic_checks(_peers(5), seed=3)
    figures = {f.label: f for f in maturity_figures(world.freiburg)}
    video = figures["Videoberatung"]
    assert isinstance(video.distribution, Distribution) and video.distribution.n == 5
    assert video.distribution.minimum is None and video.distribution.maximum is None  # no single value leaks
    page = client_for(world.staff).get(reverse("org:channel_benchmark", kwargs={"org_slug": "freiburg"}))
    assert page.status_code == 200 and "Median" in page.content.decode()


def test_a_jobcenter_counts_only_after_it_consented(world):
    check_builders.check(world.ulm, world.outsider, levels={"video": uniform(4)})
    create_synthetic_checks(_peers(4), seed=3)
    assert maturity_figures(world.freiburg) == [] or all(f.distribution is None for f in maturity_figures(world.freiburg))
    do_set_benchmark_consent(acting_user=world.outsider, organisation=world.ulm, topic_key=TOPIC_KEY, granted=True)
    video = {f.label: f for f in maturity_figures(world.freiburg)}["Videoberatung"]
    assert video.distribution is not None and video.distribution.n == 5


def test_same_form_restricts_the_distribution_to_jobcenters_of_the_form(world):
    check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    create_synthetic_checks(_peers(5, form="ge") + _peers(3, start=10, form="zkt"), seed=3)
    video_all = {f.label: f for f in maturity_figures(world.freiburg)}["Videoberatung"]
    video_form = {f.label: f for f in maturity_figures(world.freiburg, same_form=True)}["Videoberatung"]
    assert video_all.distribution.n == 8 and video_form.distribution.n == 5


def test_the_benchmark_page_runs_the_same_queries_for_six_or_thirty_jobcenters(world, client_for):
    check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    create_synthetic_checks(_peers(6), seed=3)
    client = client_for(world.staff)
    url = reverse("org:channel_benchmark", kwargs={"org_slug": "freiburg"})
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    create_synthetic_checks(_peers(24, start=100), seed=4)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
