"""Permission rows of the survey module (walked by tests/permissions/test_url_permissions.py)."""

from __future__ import annotations

from kosmos.surveys import services
from kosmos.surveys.models import Question, Survey, TokenBatch, Wave, WaveMode
from tests.permissions.rows import OrgRow, PublicRow
from tests.surveys.conftest import build_survey, close_wave, open_wave


def _survey(world) -> Survey:  # noqa: ANN001
    return Survey.objects.filter(organisation=world.freiburg).first() or build_survey(world)


def survey_kw(world) -> dict:  # noqa: ANN001
    return {"survey_id": _survey(world).public_id}


def _draft_survey(world) -> Survey:  # noqa: ANN001
    """A survey without a started wave: its questions can still be changed."""
    return _survey(world)


def translation_kw(world) -> dict:  # noqa: ANN001
    survey = _survey(world)
    Survey.objects.filter(pk=survey.pk).update(languages=["en"])
    return {"survey_id": survey.public_id, "language": "en"}


def section_kw(world) -> dict:  # noqa: ANN001
    survey = _draft_survey(world)
    return {"survey_id": survey.public_id, "section_id": survey.sections.first().public_id}


def question_kw(world) -> dict:  # noqa: ANN001
    survey = _draft_survey(world)
    question = Question.objects.filter(survey=survey, parent__isnull=True, dependants__isnull=True).last()
    return {"survey_id": survey.public_id, "question_id": question.public_id}


def _wave(world, *, mode: str = WaveMode.LINK, closed: bool = False, published: bool = False, draft: bool = False) -> Wave:  # noqa: ANN001
    survey = _survey(world)
    if draft:
        wave = services.do_create_wave(acting_user=world.qm, survey=survey, starts_on=_today(),
                                       ends_on=_today(), mode=mode)
        return wave
    wave = open_wave(survey, world.qm, mode=mode)
    if closed:
        wave = close_wave(wave)
    if published:
        Wave.objects.filter(pk=wave.pk).update(results_published=True)
    return wave


def _today():  # noqa: ANN202
    from django.utils import timezone

    return timezone.localdate()


def wave_kw(**options: object):  # noqa: ANN201
    def make(world) -> dict:  # noqa: ANN001
        wave = _wave(world, **options)  # type: ignore[arg-type]
        return {"survey_id": wave.survey.public_id, "wave_id": wave.public_id}

    return make


def cards_kw(world) -> dict:  # noqa: ANN001
    wave = _wave(world, mode=WaveMode.TOKENS)
    batch = services.do_generate_token_cards(acting_user=world.qm, wave=wave, count=2)
    return {"survey_id": wave.survey.public_id, "wave_id": wave.public_id,
            "batch_id": TokenBatch.objects.get(pk=batch.pk).public_id}


def public_wave_kw(world) -> dict:  # noqa: ANN001
    return {"wave_id": _wave(world).public_id}


def token_wave_kw(world) -> dict:  # noqa: ANN001
    return {"wave_id": _wave(world, mode=WaveMode.TOKENS).public_id}


def released_wave_kw(world) -> dict:  # noqa: ANN001
    """An ended wave with one free-text answer (to release)."""
    from tests.surveys.conftest import answers_for, submit

    survey = _survey(world)
    wave = open_wave(survey, world.qm)
    submit(wave, answers_for(survey, kommentar="Danke"))
    close_wave(wave)
    return {"survey_id": survey.public_id, "wave_id": wave.public_id}


def release_data(world) -> dict:  # noqa: ANN001
    from kosmos.surveys.models import TextAnswer

    answer = TextAnswer.objects.filter(wave__survey=_survey(world)).select_related("question").order_by("-wave__number").first()
    return {"frage": str(answer.question.public_id), "antwort": str(answer.response_id), "text": "Danke"}


ROWS = {
    "org:survey_list": OrgRow(),
    "org:survey_create": OrgRow(),
    "org:survey_detail": OrgRow(kwargs=survey_kw),
    "org:survey_edit": OrgRow(kwargs=survey_kw),
    "org:survey_delete": OrgRow(kwargs=survey_kw),
    "org:survey_copy": OrgRow(kwargs=survey_kw, method="post", ok_status=302),
    "org:survey_preview": OrgRow(kwargs=survey_kw),
    "org:survey_translation": OrgRow(kwargs=translation_kw),
    "org:survey_compare": OrgRow(kwargs=survey_kw),
    "org:survey_section_create": OrgRow(kwargs=survey_kw),
    "org:survey_section_edit": OrgRow(kwargs=section_kw),
    "org:survey_section_delete": OrgRow(kwargs=section_kw),
    "org:survey_section_move": OrgRow(kwargs=section_kw, method="post", ok_status=302),
    "org:survey_question_create": OrgRow(kwargs=survey_kw),  # without ?art= it asks for the type
    "org:survey_question_edit": OrgRow(kwargs=question_kw),
    "org:survey_question_delete": OrgRow(kwargs=question_kw),
    "org:survey_question_move": OrgRow(kwargs=question_kw, method="post", ok_status=302),
    "org:survey_wave_create": OrgRow(kwargs=survey_kw),
    "org:survey_wave_detail": OrgRow(kwargs=wave_kw()),
    "org:survey_wave_edit": OrgRow(kwargs=wave_kw()),
    "org:survey_wave_start": OrgRow(kwargs=wave_kw(draft=True), method="post", ok_status=302),
    "org:survey_wave_close": OrgRow(kwargs=wave_kw()),
    "org:survey_wave_delete": OrgRow(kwargs=wave_kw(draft=True)),
    "org:survey_wave_qr": OrgRow(kwargs=lambda w: {**wave_kw()(w), "fmt": "svg"}),
    "org:survey_wave_poster": OrgRow(kwargs=wave_kw()),
    "org:survey_wave_tokens": OrgRow(kwargs=wave_kw(mode=WaveMode.TOKENS)),
    "org:survey_wave_cards": OrgRow(kwargs=cards_kw),
    "org:survey_wave_results": OrgRow(kwargs=wave_kw(closed=True)),
    "org:survey_wave_results_published": OrgRow(kwargs=wave_kw(closed=True, published=True)),
    "org:survey_wave_publish": OrgRow(kwargs=wave_kw(closed=True), method="post", ok_status=302),
    "org:survey_wave_report": OrgRow(kwargs=wave_kw(closed=True)),
    "org:survey_wave_texts": OrgRow(kwargs=wave_kw(closed=True)),
    "org:survey_wave_text_release": OrgRow(kwargs=released_wave_kw, method="post", data=release_data, ok_status=302),
    "org:survey_wave_export": OrgRow(kwargs=lambda w: {**wave_kw(closed=True)(w), "kind": "zusammenfassung", "fmt": "csv"}),
    "survey_respond": PublicRow(kwargs=public_wave_kw),
    "survey_resume": PublicRow(kwargs=public_wave_kw),
    "survey_thanks": PublicRow(kwargs=public_wave_kw),
    "survey_token_answer": PublicRow(kwargs=token_wave_kw, ok_status=302),  # GET: back to the entry page
    "survey_token_resume": PublicRow(kwargs=token_wave_kw),
    "survey_token_entry": PublicRow(),
}
