"""The survey list, the results page and the answer pages run the same number of queries
whatever the number of responses, waves or surveys."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.surveys.conftest import build_survey, close_wave, open_wave
from tests.surveys.respondent import Respondent

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_results_page_queries_do_not_grow_with_responses(survey, world, fill, client_for):
    client = client_for(world.qm)
    small = open_wave(survey, world.qm)
    big = open_wave(survey, world.qm)
    fill(small, 5, bereich="leistung", kommentar="a")
    close_wave(small)
    fill(big, 30, bereich="leistung", kommentar="b")
    fill(big, 12, bereich="service", kommentar="c", kanaele=["telefon"])
    close_wave(big)

    def url(wave, query=""):  # noqa: ANN001, ANN202
        return reverse("org:survey_wave_results", kwargs={"org_slug": "freiburg", "survey_id": survey.public_id,
                                                   "wave_id": wave.public_id}) + query

    # The first visit of an ended wave rewrites its rows in random order (services/storage.py; the
    # inserts come in batches, on SQLite about 140 answer rows per statement) and builds its cube.
    first_visits = {count_queries(client, url(small)), count_queries(client, url(big))}
    counts = {count_queries(client, url(small)), count_queries(client, url(big)),
              count_queries(client, url(big, "?gruppe1=leistung"))}
    assert len(counts) == 1, (first_visits, counts)
    assert counts.pop() <= 20 and max(first_visits) <= 42 and max(first_visits) - min(first_visits) <= 2


def test_survey_list_queries_do_not_grow_with_surveys_and_waves(world, fill, client_for):
    client = client_for(world.staff)
    url = reverse("org:survey_list", kwargs={"org_slug": "freiburg"})
    first = build_survey(world, title="Eins")
    fill(open_wave(first, world.qm), 3)
    one = count_queries(client, url)

    for title in ("Zwei", "Drei", "Vier"):
        survey = build_survey(world, title=title)
        wave = open_wave(survey, world.qm)
        fill(wave, 4)
        close_wave(wave)
        open_wave(survey, world.qm)

    assert count_queries(client, url) == one


def test_the_dashboard_panel_does_not_grow_with_running_waves(world, fill, client_for):
    client = client_for(world.qm)
    url = reverse("org:dashboard", kwargs={"org_slug": "freiburg"})
    fill(open_wave(build_survey(world, title="Eins"), world.qm), 2)
    one = count_queries(client, url)
    fill(open_wave(build_survey(world, title="Zwei"), world.qm), 3)

    page = client.get(url).content.decode()
    assert count_queries(client, url) == one
    assert "Laufende Befragungen" in page and "3 Antworten bisher" in page


def test_an_answer_page_and_a_submission_run_a_fixed_number_of_queries(wave, fill):
    fill(wave, 20)
    url = reverse("survey_respond", kwargs={"wave_id": wave.public_id})
    respondent = Respondent(url)

    with CaptureQueriesContext(connection) as first_page:
        respondent.open()
    respondent.send({"in_welchem_bereich_arbeiten_sie": "service", "wie_zufrieden_sind_sie_insgesamt": "4"})
    respondent.send({"seit_wie_vielen_jahren": "3"})
    with CaptureQueriesContext(connection) as submission:
        respondent.send({"was_moechten_sie_uns_noch_sagen": "Danke"}, action="submit")

    assert respondent.status == 302
    assert len(first_page.captured_queries) <= 6
    assert len(submission.captured_queries) <= 12
