"""The dashboard's running surveys: staff take part from there; the wave page with QR code and poster
is only linked for those who run surveys (issue 15)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.surveys.models import WaveMode
from tests.surveys.conftest import build_survey, open_wave

pytestmark = pytest.mark.django_db


def _dashboard(client) -> str:  # noqa: ANN001
    return client.get(reverse("org:dashboard", kwargs={"org_slug": "freiburg"})).content.decode()


def test_staff_take_part_in_a_running_staff_survey_from_the_dashboard(world, client_for):
    wave = open_wave(build_survey(world), world.qm)
    respond = reverse("survey_respond", kwargs={"wave_id": wave.public_id})
    admin = reverse("org:survey_wave_detail", kwargs={"org_slug": "freiburg", "survey_id": wave.survey.public_id,
                                                      "wave_id": wave.public_id})

    staff_page = _dashboard(client_for(world.staff))
    assert "Jetzt teilnehmen" in staff_page and respond in staff_page
    assert admin not in staff_page

    qm_page = _dashboard(client_for(world.qm))
    assert admin in qm_page and "Jetzt teilnehmen" in qm_page


def test_a_token_wave_says_that_a_code_comes_instead_of_offering_a_link(world, client_for):
    wave = open_wave(build_survey(world), world.qm, mode=WaveMode.TOKENS)

    page = _dashboard(client_for(world.staff))

    assert "Zugangscode" in page
    assert reverse("survey_respond", kwargs={"wave_id": wave.public_id}) not in page
    assert "Jetzt teilnehmen" not in page
