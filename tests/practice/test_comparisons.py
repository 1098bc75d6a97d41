"""Cross-Jobcenter comparisons: consent per topic, distributions only from consenting
organisations and only from the minimum number on, the page's queries independent of the number
of organisations."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kosmos.core.comparisons import do_set_benchmark_consent
from kosmos.core.models import AuditEvent, BenchmarkConsent
from kosmos.training.comparisons import KEY, compliance_figures
from kosmos.training.models import Completion, Department, Requirement, StaffProfile, Training
from tests.factories import make_organisation

TODAY = dt.date.today()


def _training_data(org, *, people: int, done: int) -> None:  # noqa: ANN001
    """``people`` staff in one department with one required training, ``done`` of them completed it."""
    department = Department.objects.create(organisation=org, name="Eingangszone")
    training = Training.objects.create(organisation=org, title="Datenschutz")
    Requirement.objects.create(organisation=org, department=department, training=training)
    profiles = StaffProfile.objects.bulk_create(
        StaffProfile(organisation=org, full_name=f"P{i}", personnel_key=f"{org.slug}-{i}", department=department,
                     start_date=TODAY - dt.timedelta(days=400), required_by=TODAY - dt.timedelta(days=300))
        for i in range(people))
    Completion.objects.bulk_create(
        Completion(organisation=org, profile=p, training=training, completed_on=TODAY, source="import")
        for p in profiles[:done])


def _consenting(world, count: int, *, start: int = 0) -> list:  # noqa: ANN001
    orgs = []
    for index in range(start, start + count):
        org = make_organisation(f"vergleich-{index}", f"Jobcenter Vergleich {index}")
        _training_data(org, people=10, done=index % 10)
        BenchmarkConsent.objects.create(organisation=org, topic=KEY)
        orgs.append(org)
    return orgs


def test_the_distribution_counts_only_consenting_organisations_from_five_on(world) -> None:  # noqa: ANN001
    _training_data(world.freiburg, people=10, done=8)
    _training_data(world.ulm, people=10, done=0)  # does not consent: never counted
    _consenting(world, 4, start=1)  # 10 %, 20 %, 30 %, 40 %
    [figure] = compliance_figures(world.freiburg)
    assert figure.own == 80.0 and figure.distribution is None  # four are too few
    small = make_organisation("klein", "Jobcenter Klein")
    _training_data(small, people=3, done=3)  # fewer than 5 people: contributes nothing
    BenchmarkConsent.objects.create(organisation=small, topic=KEY)
    assert compliance_figures(world.freiburg)[0].distribution is None
    _consenting(world, 1, start=5)
    [figure] = compliance_figures(world.freiburg)
    assert figure.distribution is not None
    assert (figure.distribution.n, figure.distribution.median) == (5, 30.0)
    assert figure.distribution.minimum is None  # no extremes


def test_the_page_shows_own_value_and_distribution_with_the_same_queries_for_more_organisations(
        world, client_for) -> None:  # noqa: ANN001
    _training_data(world.freiburg, people=10, done=5)
    client = client_for(world.qm)
    url = reverse("org:practice_comparisons", kwargs={"org_slug": world.freiburg.slug})
    _consenting(world, 3)
    page = client.get(url).content.decode()
    assert "Erfüllung der Pflichtschulungen" in page
    assert "50,0\u00a0%" in page and "zu wenige Organisationen" in page  # own value; three contributors: too few
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _consenting(world, 8, start=3)
    with CaptureQueriesContext(connection) as more:
        page = client.get(url).content.decode()
    assert len(more) == len(few)
    assert "<svg" in page and "<caption" in page


def test_quality_management_grants_and_withdraws_consent_with_an_audit_entry(world, client_for) -> None:  # noqa: ANN001
    client = client_for(world.qm)
    url = reverse("org:practice_consent", kwargs={"org_slug": world.freiburg.slug, "topic_key": KEY})
    assert client.get(url).status_code == 200
    assert client.post(url, {"granted": "1"}).status_code == 302
    assert BenchmarkConsent.objects.filter(organisation=world.freiburg, topic=KEY).exists()
    assert client.post(url, {"granted": "0"}).status_code == 302
    assert not BenchmarkConsent.objects.filter(organisation=world.freiburg).exists()
    assert list(AuditEvent.objects.filter(action__startswith="comparisons.").values_list("action", flat=True)
                .order_by("pk")) == ["comparisons.consent_granted", "comparisons.consent_withdrawn"]
    unknown = reverse("org:practice_consent", kwargs={"org_slug": world.freiburg.slug, "topic_key": "gibt.es.nicht"})
    assert client.get(unknown).status_code == 404
    do_set_benchmark_consent(acting_user=world.qm, organisation=world.freiburg, topic_key=KEY, granted=True)
    assert client_for(world.staff).post(url, {"granted": "0"}).status_code == 403
