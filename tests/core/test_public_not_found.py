"""A respondent's bad link shows the German "page not found" in every mode, also with DEBUG on
(``make run``), never Django's English technical page."""

from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize("path", [f"/b/{uuid.UUID(int=1)}/", "/b/1234abcd-kaputt/", f"/b/{uuid.UUID(int=2)}/danke/"])  # fixed ids: xdist workers must collect the same tests
def test_a_bad_respondent_link_shows_the_german_page(client, settings, debug, path):
    settings.DEBUG = debug

    response = client.get(path)

    body = response.content.decode()
    assert response.status_code == 404
    assert "Seite nicht gefunden" in body
    assert "Page not found" not in body and "URLconf" not in body and "Raised by" not in body
    assert response["Cache-Control"] == "no-store"


def test_staff_pages_keep_djangos_page_in_development(client, settings):
    settings.DEBUG = True

    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert "URLconf" in response.content.decode()
