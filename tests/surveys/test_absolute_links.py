"""Survey links, QR codes and posters point to the address the platform is reached under:
KOSMOS_BASE_URL where set, else the request's own address; a differing setting is warned about."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.core.urls_absolute import absolute_url

pytestmark = pytest.mark.django_db


def _detail(wave) -> str:  # noqa: ANN001
    return reverse("org:survey_wave_detail", kwargs={"org_slug": "freiburg", "survey_id": wave.survey.public_id,
                                                     "wave_id": wave.public_id})


def test_without_a_base_url_the_link_follows_the_request(wave, client_for, world, settings):
    settings.BASE_URL = ""
    settings.ALLOWED_HOSTS = ["umfrage.example"]

    page = client_for(world.qm).get(_detail(wave), HTTP_HOST="umfrage.example:8443").content.decode()

    assert f"http://umfrage.example:8443/b/{wave.public_id}/" in page
    assert "127.0.0.1:8000" not in page
    assert "KOSMOS_BASE_URL" not in page


def test_a_base_url_other_than_the_requests_address_is_warned_about(wave, client_for, world, settings):
    settings.BASE_URL = "https://qualitaet.example.de"

    page = client_for(world.qm).get(_detail(wave)).content.decode()

    assert f"https://qualitaet.example.de/b/{wave.public_id}/" in page
    assert "KOSMOS_BASE_URL" in page and "http://testserver" in page


def test_the_configured_base_url_wins_and_the_fallback_needs_neither(settings, rf):
    settings.BASE_URL = ""
    assert absolute_url(rf.get("/", HTTP_HOST="testserver"), "/b/x/") == "http://testserver/b/x/"
    assert absolute_url(None, "/b/x/") == "http://127.0.0.1:8000/b/x/"
    settings.BASE_URL = "https://q.example/"
    assert absolute_url(None, "/b/x/") == "https://q.example/b/x/"
