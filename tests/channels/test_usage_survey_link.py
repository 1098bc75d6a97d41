"""The customer survey on digital offers shows its results on the usage page of the channel it asks about."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from kosmos.channels.survey_links import SURVEY_LINKS, questions_for, survey_results_for
from kosmos.surveys import services as survey_services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.demo import _closed_wave, _fill, _rostock_choice
from tests.channels import usage_builders

pytestmark = pytest.mark.django_db


def test_every_linked_question_exists_in_its_template():
    import json
    from pathlib import Path

    from kosmos import surveys

    for template, questions in SURVEY_LINKS.items():
        data = json.loads((Path(surveys.__file__).parent / "template_data" / f"{template}.json").read_text("utf-8"))
        keys = {q["key"] for section in data["sections"] for q in section["questions"]}
        assert set(questions) <= keys
    assert questions_for("video") == {"digitale-angebote": {"video_bekannt": "known", "video_genutzt": "used"}}


def test_the_offer_page_shows_the_latest_ended_wave_for_its_channel(world, client_for):  # noqa: ANN001
    survey = survey_services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                            slug="digitale-angebote")
    wave = _closed_wave(survey, world.qm, "t0", dt.date(2025, 2, 3), dt.date(2025, 3, 14))
    _fill(wave, load_questionnaire(survey), 60, 2025, _rostock_choice, 0)
    link = survey_results_for(world.freiburg, "online-termine")
    assert link is not None and link.wave_name == "t0"
    assert [f.measure for f in link.figures] == ["known", "used"]
    known = link.figures[0]
    assert known.n == 60 and 0 < known.share < 100
    assert survey_results_for(world.freiburg, "brief") is None  # the survey does not ask about letters
    offer = usage_builders.offer(world.freiburg)
    url = reverse("org:channel_usage_offer", kwargs={"org_slug": world.freiburg.slug, "offer_id": offer.public_id})
    assert "Was Kund:innen sagen" in client_for(world.qm).get(url).content.decode()
    assert "Was Kund:innen sagen" not in client_for(world.staff).get(url).content.decode()  # no survey results
