"""Survey fixtures: a small survey in Freiburg with a group question, every question type and a
condition, and helpers to open waves and store responses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone

from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.models import Question, Survey, Wave, WaveMode, WaveStatus


def build_survey(world, *, title: str = "Zufriedenheit mit dem Jobcenter", k: int = 5, groups: int = 1) -> Survey:  # noqa: ANN001
    """Page 1: Bereich (group), satisfaction (scale), channels (multiple choice).
    Page 2: why unsatisfied (only if satisfaction is 1 or 2), age (number), matrix of two statements.
    Page 3: comment (free text)."""
    qm = world.qm
    survey = services.do_create_survey(acting_user=qm, organisation=world.freiburg, title=title, audience="staff",
                                       min_group_size=k)
    first = survey.sections.get()
    services.do_update_section(acting_user=qm, section=first, data={"title": "Allgemein"})
    services.do_add_question(acting_user=qm, section=first, kind="single", text="In welchem Bereich arbeiten Sie?",
                             options=["Leistung", "Markt und Integration", "Service"], is_group=True)
    if groups >= 2:
        services.do_add_question(acting_user=qm, section=first, kind="single", text="Wie alt sind Sie?",
                                 options=["unter 40", "40 und älter"], is_group=True)
    services.do_add_question(acting_user=qm, section=first, kind="likert", text="Wie zufrieden sind Sie insgesamt?",
                             scale_key="satisfaction5", no_answer=True, required=True)
    services.do_add_question(acting_user=qm, section=first, kind="multiple", text="Wie erreichen Sie uns?",
                             options=["Telefon", "E-Mail", "Vor Ort"])
    second = services.do_add_section(acting_user=qm, survey=survey, title="Details")
    satisfaction = Question.objects.get(survey=survey, kind="likert")
    services.do_add_question(acting_user=qm, section=second, kind="text", text="Was stört Sie?",
                             condition=(satisfaction, ["1", "2"]))
    services.do_add_question(acting_user=qm, section=second, kind="number", text="Seit wie vielen Jahren?",
                             number_min=0, number_max=50, unit="Jahre")
    services.do_add_question(acting_user=qm, section=second, kind="matrix", text="Wie sehr stimmen Sie zu?",
                             statements=["Ich fühle mich gut informiert.", "Ich werde wertschätzend behandelt."],
                             scale_key="agree5", no_answer=True)
    third = services.do_add_section(acting_user=qm, survey=survey, title="Zum Schluss")
    services.do_add_question(acting_user=qm, section=third, kind="text", text="Was möchten Sie uns noch sagen?")
    return Survey.objects.get(pk=survey.pk)


def open_wave(survey: Survey, user, *, mode: str = WaveMode.LINK, start: dt.date | None = None) -> Wave:  # noqa: ANN001
    today = timezone.localdate()
    wave = services.do_create_wave(acting_user=user, survey=survey, starts_on=start or today,
                                   ends_on=today + dt.timedelta(days=14), mode=mode)
    return services.do_start_wave(acting_user=user, wave=wave)


def close_wave(wave: Wave) -> Wave:
    Wave.objects.filter(pk=wave.pk).update(status=WaveStatus.CLOSED)
    wave.refresh_from_db()
    return wave


def keys(survey: Survey) -> dict[str, str]:
    """Question texts → keys, for readable tests."""
    return {q.text: q.key for q in Question.objects.filter(survey=survey)}


def answers_for(survey: Survey, *, bereich: str | None = "leistung", zufrieden: str = "4", jahre: int | None = 3,
                kommentar: str = "", warum: str = "", kanaele: list[str] | None = None) -> dict:
    questionnaire = load_questionnaire(survey)
    by_text = {item.text_de: item for item in questionnaire.answer_units()}
    result: dict = {by_text["Wie zufrieden sind Sie insgesamt?"].key: zufrieden}
    if bereich:
        result[by_text["In welchem Bereich arbeiten Sie?"].key] = bereich
    if jahre is not None:
        result[by_text["Seit wie vielen Jahren?"].key] = jahre
    if kommentar:
        result[by_text["Was möchten Sie uns noch sagen?"].key] = kommentar
    if warum:
        result[by_text["Was stört Sie?"].key] = warum
    if kanaele:
        result[by_text["Wie erreichen Sie uns?"].key] = kanaele
    matrix = next(i for i in questionnaire.items if i.kind == "matrix")
    for statement in matrix.statements:
        result[statement.key] = "4"
    return result


def submit(wave: Wave, answers: dict, *, nonce: str | None = None, token: str | None = None) -> str:
    return services.do_submit_response(
        wave=wave, questionnaire=load_questionnaire(wave.survey), answers=answers, language="de",
        nonce=nonce or services.new_nonce(), token_code=token,
    )


@pytest.fixture
def survey(world) -> Survey:  # noqa: ANN001
    return build_survey(world)


@pytest.fixture
def wave(survey, world) -> Wave:  # noqa: ANN001
    return open_wave(survey, world.qm)


@pytest.fixture
def fill() -> Callable[..., None]:
    """Store n responses with the given answers (through the real service)."""

    def make(wave: Wave, n: int, **kwargs: object) -> None:
        for _ in range(n):
            submit(wave, answers_for(wave.survey, **kwargs))

    return make
