"""Issue 17, item 4: the self-assessment's "take over survey results" reads only ended waves.

A running wave's means with n, read again after one more response, give that response on every
question. The take-over therefore refuses a running wave, and the button is offered only for
ended ones; an ended wave goes through the same plan as every results page.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kosmos.assessments import services
from kosmos.assessments.models import ConsensusScore, Method
from kosmos.surveys import services as surveys
from kosmos.surveys.content import load_questionnaire
from tests.assessments import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def consensus_with_wave(world):  # noqa: ANN001, ANN201
    assessment = builders.prepare(builders.create(world.freiburg, world.qm, Method.QUESTIONNAIRE, title="Fragebogen"),
                                  world.qm, [world.assessor])
    survey = services.do_create_questionnaire_survey(acting_user=world.qm, assessment=assessment)
    today = dt.date.today()
    wave = surveys.do_start_wave(acting_user=world.qm, wave=surveys.do_create_wave(
        acting_user=world.qm, survey=survey, starts_on=today, ends_on=today + dt.timedelta(days=14)))
    questionnaire = load_questionnaire(survey)
    for _ in range(6):
        surveys.do_submit_response(wave=wave, questionnaire=questionnaire, language="de", nonce=surveys.new_nonce(),
                                   answers={u.key: "3" for u in questionnaire.answer_units()})
    assessment = builders.open_consensus(builders.open_rating(assessment, world.qm), world.qm)
    return assessment, wave


def test_a_running_wave_is_not_taken_over(world, consensus_with_wave):
    assessment, wave = consensus_with_wave

    with pytest.raises(ValidationError):
        services.do_import_survey_results(acting_user=world.qm, assessment=assessment, wave=wave)
    assert not ConsensusScore.objects.filter(item__assessment=assessment).exists()


def test_the_take_over_button_is_offered_for_ended_waves_only(world, consensus_with_wave, client_for):
    assessment, wave = consensus_with_wave
    detail = reverse("org:assessment_detail", kwargs={"org_slug": "freiburg", "assessment_id": assessment.public_id})
    target = reverse("org:assessment_survey_import", kwargs={
        "org_slug": "freiburg", "assessment_id": assessment.public_id, "wave_id": wave.public_id})

    assert target not in client_for(world.qm).get(detail).content.decode()
    assert client_for(world.qm).post(target).status_code == 302
    assert not ConsensusScore.objects.filter(item__assessment=assessment).exists()

    wave = surveys.do_close_wave(acting_user=world.qm, wave=wave)
    assert target in client_for(world.qm).get(detail).content.decode()
    assert services.do_import_survey_results(acting_user=world.qm, assessment=assessment, wave=wave)["taken"] == 14
