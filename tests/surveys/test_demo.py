"""The survey demo: published results in Rostock (two waves) and Anhalt-Bitterfeld, loaded twice."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.core.models import User
from kosmos.core.modules import get_module
from kosmos.core.roles import Role
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.demo import load_survey_demo
from kosmos.surveys.models import Answer, Response, Survey, Wave
from kosmos.surveys.results import wave_results
from tests.factories import make_member, make_organisation

pytestmark = pytest.mark.django_db


def test_the_survey_demo_is_registered():
    assert get_module("surveys").demo_loader is load_survey_demo


def test_the_demo_is_loaded_once_and_its_results_are_shown(client_for):
    for slug in ("hanse-rostock", "anhalt-bitterfeld", "freiburg"):
        make_member(make_organisation(slug), f"qm@{slug}.example", "Qualität", Role.QUALITY_MANAGER)
    load_survey_demo()
    counts = (Survey.objects.count(), Wave.objects.count(), Response.objects.count(), Answer.objects.count())
    load_survey_demo()

    assert (Survey.objects.count(), Wave.objects.count(), Response.objects.count(), Answer.objects.count()) == counts
    rostock = Survey.objects.get(organisation__slug="hanse-rostock")
    t0, t1 = rostock.waves.order_by("number")
    assert t0.is_closed and t1.is_closed and t0.results_published
    assert t0.responses.count() + t1.responses.count() > 2000
    questionnaire = load_questionnaire(rostock)
    first, second = wave_results(t0, questionnaire), wave_results(t1, questionnaire)
    known = {r.item.key: r for r in first.items}["termin_bekannt"], {r.item.key: r for r in second.items}["termin_bekannt"]
    assert known[1].shares["ja"] > known[0].shares["ja"]  # more customers know the offer at t1

    anhalt = Survey.objects.get(organisation__slug="anhalt-bitterfeld")
    wave = anhalt.waves.get()
    results = wave_results(wave, load_questionnaire(anhalt))
    bereich = results.group_tables[0][1]
    assert bereich["fuehrung"] is None  # the management team is a small group: hidden
    assert all(n is None or n >= anhalt.min_group_size for n in bereich.values())

    freiburg = Survey.objects.get(organisation__slug="freiburg")
    ended, running = freiburg.waves.order_by("number")
    assert ended.is_closed and ended.results_published and running.is_open and running.responses.count() > 0
    qm = User.objects.get(email="qm@hanse-rostock.example")
    page = client_for(qm).get(reverse("org:survey_wave_results", kwargs={
        "org_slug": "hanse-rostock", "survey_id": rostock.public_id, "wave_id": t1.public_id}))
    assert page.status_code == 200 and "<svg" in page.content.decode()
