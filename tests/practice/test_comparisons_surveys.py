"""Survey questions of platform templates in the comparisons: only ended waves, only where at
least the survey's minimum group size answered, only consenting organisations."""

from __future__ import annotations

from kosmos.core.models import BenchmarkConsent
from kosmos.surveys.comparisons import KEY, question_figures, template_question_text, template_title
from kosmos.surveys.models import Survey
from tests.factories import make_organisation
from tests.surveys.conftest import answers_for, build_survey, close_wave, open_wave, submit

QUESTION = "Wie zufrieden sind Sie insgesamt?"


def _run(world, organisation, *, responses: int, satisfaction: str, ended: bool = True) -> None:  # noqa: ANN001
    survey = build_survey(world, title=f"Befragung {organisation.slug}")
    Survey.objects.filter(pk=survey.pk).update(organisation=organisation, template_key="t0-mitarbeitende")
    survey.refresh_from_db()
    wave = open_wave(survey, world.qm)
    for _ in range(responses):
        submit(wave, answers_for(survey, zufrieden=satisfaction))
    if ended:
        close_wave(wave)
    if organisation != world.freiburg:
        BenchmarkConsent.objects.get_or_create(organisation=organisation, topic=KEY)


def _satisfaction(world):  # noqa: ANN001, ANN202
    return next(f for f in question_figures(world.freiburg) if f.label == QUESTION)


def test_only_ended_waves_above_the_survey_minimum_of_consenting_organisations_count(world, settings) -> None:  # noqa: ANN001
    settings.KOSMOS_BENCHMARK_MIN_ORGANISATIONS = 3
    _run(world, world.freiburg, responses=5, satisfaction="4")
    _run(world, world.ulm, responses=5, satisfaction="2")
    _run(world, world.loerrach, responses=5, satisfaction="5")
    _run(world, make_organisation("wenige", "Jobcenter Wenige"), responses=4, satisfaction="1")  # below k = 5
    _run(world, make_organisation("laufend", "Jobcenter Laufend"), responses=5, satisfaction="1", ended=False)
    figure = _satisfaction(world)
    assert figure.own is not None and figure.distribution is None  # two organisations count: too few
    _run(world, make_organisation("dritte", "Jobcenter Dritte"), responses=5, satisfaction="3")
    figure = _satisfaction(world)
    assert figure.distribution is not None and figure.distribution.n == 3
    assert figure.distribution.median == figure.own - 1  # 2, 3, 5 → 3; own 4
    BenchmarkConsent.objects.filter(organisation=world.ulm).delete()
    assert _satisfaction(world).distribution is None


def test_labels_of_other_organisations_questions_come_from_the_built_in_template() -> None:
    assert template_title("t0-mitarbeitende") == "Wie erleben Sie unser Jobcenter?"
    # a matrix statement is found inside its question
    assert template_question_text("t0-mitarbeitende", "ziele_bekannt") == "Ich kenne die wichtigsten Ziele unseres Jobcenters."
    assert template_question_text("t0-mitarbeitende", "gibt_es_nicht") == "gibt_es_nicht"
    assert template_title("gibt-es-nicht") == "gibt-es-nicht"
