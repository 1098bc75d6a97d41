"""Questionnaire method: the question set becomes a survey; the aggregated answers become scores."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kosmos.assessments import selectors, services
from kosmos.assessments.models import ConsensusScore, Method, Phase
from kosmos.surveys import services as surveys
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.models import Question
from tests.assessments import builders


@pytest.fixture
def questionnaire(world):  # noqa: ANN001, ANN201
    assessment = builders.create(world.freiburg, world.qm, Method.QUESTIONNAIRE, title="Fragebogen 2026")
    return builders.prepare(assessment, world.qm, [world.assessor])


def _wave(world, survey):  # noqa: ANN001, ANN202
    today = dt.date.today()
    wave = surveys.do_create_wave(acting_user=world.qm, survey=survey, starts_on=today, ends_on=today + dt.timedelta(days=14))
    return surveys.do_start_wave(acting_user=world.qm, wave=wave)


def _answer(wave, level_by_criterion: dict[str, str], times: int) -> None:  # noqa: ANN001
    questionnaire = load_questionnaire(wave.survey)
    for _ in range(times):
        answers = {item.key: level_by_criterion[item.criterion] for item in questionnaire.answer_units()}
        surveys.do_submit_response(wave=wave, questionnaire=questionnaire, answers=answers, language="de",
                                   nonce=surveys.new_nonce())


def test_the_question_set_becomes_a_survey_on_the_maturity_scale(world, questionnaire, client_for):
    url = reverse("org:assessment_survey_create", kwargs={"org_slug": "freiburg",
                                                          "assessment_id": questionnaire.public_id})

    assert client_for(world.qm).post(url).status_code == 302

    questionnaire.refresh_from_db()
    survey = questionnaire.survey
    questions = list(Question.objects.filter(survey=survey, parent=None).order_by("position"))
    assert len(questions) == questionnaire.items.count() == 14
    assert {q.scale_key for q in questions} == {"maturity6"}
    assert sorted(q.criterion for q in questions) == sorted("11223344556677")
    assert all(item.survey_question_id for item in questionnaire.items.all())
    with pytest.raises(ValidationError):
        services.do_create_questionnaire_survey(acting_user=world.qm, assessment=questionnaire)


def test_aggregated_answers_become_scores_per_criterion(world, questionnaire):
    survey = services.do_create_questionnaire_survey(acting_user=world.qm, assessment=questionnaire)
    wave = _wave(world, survey)
    _answer(wave, {"1": "2", "2": "2", "3": "3", "4": "1", "5": "2", "6": "1", "7": "2"}, 5)
    _answer(wave, {"1": "3", "2": "2", "3": "3", "4": "2", "5": "2", "6": "2", "7": "na"}, 2)
    wave = surveys.do_close_wave(acting_user=world.qm, wave=wave)  # only an ended wave is taken over
    assessment = builders.open_consensus(builders.open_rating(questionnaire, world.qm), world.qm)

    counts = services.do_import_survey_results(acting_user=world.qm, assessment=assessment, wave=wave)

    assert counts == {"taken": 14, "hidden": 0}
    scores = dict(ConsensusScore.objects.filter(item__assessment=assessment)
                  .values_list("item__unit__criterion__code", "score").distinct())
    assert scores["3"] == 60 and scores["4"] == 25 and scores["7"] == 40  # "na" does not count
    assert "n = 7" in ConsensusScore.objects.filter(item__unit__criterion__code="1").first().reason
    done = services.do_change_phase(acting_user=world.qm, assessment=assessment, phase=Phase.COMPLETED)
    summary = selectors.results(done)
    assert summary.points is not None and summary.complete
    assert "Stufe × 20" in summary.conversion_note


def test_questions_with_too_few_answers_keep_no_score(world, questionnaire):
    survey = services.do_create_questionnaire_survey(acting_user=world.qm, assessment=questionnaire)
    wave = _wave(world, survey)
    _answer(wave, {**dict.fromkeys("123456", "3"), "7": "2"}, 3)
    _answer(wave, {**dict.fromkeys("123456", "3"), "7": "na"}, 3)  # criterion 7: 3 answers < 5
    wave = surveys.do_close_wave(acting_user=world.qm, wave=wave)  # only an ended wave is taken over
    assessment = builders.open_consensus(builders.open_rating(questionnaire, world.qm), world.qm)

    counts = services.do_import_survey_results(acting_user=world.qm, assessment=assessment, wave=wave)

    assert counts == {"taken": 12, "hidden": 2}
    assert not ConsensusScore.objects.filter(item__unit__criterion__code="7").exists()


def test_too_few_responses_are_not_taken_over(world, questionnaire):
    survey = services.do_create_questionnaire_survey(acting_user=world.qm, assessment=questionnaire)
    wave = _wave(world, survey)
    _answer(wave, dict.fromkeys("1234567", "3"), 2)
    wave = surveys.do_close_wave(acting_user=world.qm, wave=wave)  # only an ended wave is taken over
    assessment = builders.open_consensus(builders.open_rating(questionnaire, world.qm), world.qm)

    with pytest.raises(ValidationError):
        services.do_import_survey_results(acting_user=world.qm, assessment=assessment, wave=wave)
    assert not ConsensusScore.objects.filter(item__assessment=assessment).exists()


def test_the_overview_links_the_survey_and_its_waves(world, questionnaire, client_for):
    survey = services.do_create_questionnaire_survey(acting_user=world.qm, assessment=questionnaire)
    _wave(world, survey)

    html = client_for(world.staff).get(reverse("org:assessment_detail", kwargs={
        "org_slug": "freiburg", "assessment_id": questionnaire.public_id})).content.decode()

    assert reverse("org:survey_detail", kwargs={"org_slug": "freiburg", "survey_id": survey.public_id}) in html
    assert "t0" in html
