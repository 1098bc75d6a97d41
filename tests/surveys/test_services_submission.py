"""Storing a response: what is stored, what is not, exactly once, all or nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from unittest import mock

import pytest
from django.db import IntegrityError, connection, models, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kosmos.core.models import AuditEvent
from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.models import (
    Answer,
    Response,
    ResumeDraft,
    SubmissionNonce,
    TextAnswer,
    Token,
    Wave,
    WaveMode,
)
from tests.surveys.conftest import answers_for, close_wave, open_wave, submit

pytestmark = pytest.mark.django_db


def _nothing_stored() -> bool:
    return not (Response.objects.exists() or Answer.objects.exists() or TextAnswer.objects.exists()
                or SubmissionNonce.objects.exists())


def test_a_response_stores_the_day_the_language_and_the_group_codes_only(survey, wave):
    submit(wave, answers_for(survey, bereich="service", kommentar="Mehr Termine bitte", kanaele=["telefon", "vor_ort"]))

    response = Response.objects.get()
    fields = {f.name for f in Response._meta.get_fields() if f.concrete}
    assert fields == {"id", "wave", "submitted_on", "language", "g1", "g2", "g3"}
    assert isinstance(response.id, uuid.UUID) and response.id.version == 4
    assert response.submitted_on == timezone.localdate()
    assert (response.g1, response.g2, response.g3) == (3, 0, 0)  # Service is the third option
    assert TextAnswer.objects.get().text == "Mehr Termine bitte"


def test_no_column_of_the_response_tables_holds_a_time_an_address_or_a_token():
    for model in (Response, Answer, TextAnswer):
        for field in model._meta.concrete_fields:
            assert not isinstance(field, models.DateTimeField), f"{model.__name__}.{field.name}"
            assert not getattr(field, "auto_now", False) and not getattr(field, "auto_now_add", False)
            assert not isinstance(field, models.GenericIPAddressField)
            assert field.name not in {"token", "token_id", "nonce", "ip", "user_agent", "created_at"}
            if field.is_relation:
                assert field.related_model.__name__ in {"Response", "Wave", "Question"}


def test_every_answer_row_repeats_the_group_codes_of_its_response(survey, wave):
    submit(wave, answers_for(survey, bereich="markt_und_integration", kanaele=["e_mail"]))

    rows = set(Answer.objects.values_list("g1", "g2", "g3"))
    assert rows == {(2, 0, 0)}
    # multiple choice: the chosen option and the "answered" marker (value 0)
    multiple = Answer.objects.filter(question__text="Wie erreichen Sie uns?")
    assert sorted(multiple.values_list("value", flat=True)) == [0, 2]
    # the group question itself has no answer row: its answer is the column g1
    assert not Answer.objects.filter(question__group_slot__isnull=False).exists()


def test_the_same_form_sent_twice_is_stored_once(survey, wave):
    answers = answers_for(survey)

    first = submit(wave, answers, nonce="nonce-1")
    second = submit(wave, answers, nonce="nonce-1")

    assert (first, second) == ("stored", "duplicate")
    assert Response.objects.count() == 1


def test_a_late_submission_is_refused_and_nothing_is_stored(survey, wave):
    Wave.objects.filter(pk=wave.pk).update(ends_on=timezone.localdate() - dt.timedelta(days=1),
                                           starts_on=timezone.localdate() - dt.timedelta(days=10))
    wave.refresh_from_db()

    with pytest.raises(services.SubmissionRefused) as refused:
        submit(wave, answers_for(survey))
    assert refused.value.reason == "closed"
    assert _nothing_stored()


def test_a_wave_closed_by_hand_refuses_answers_too(survey, wave):
    services.do_close_wave(acting_user=survey.created_by, wave=wave)

    with pytest.raises(services.SubmissionRefused):
        submit(wave, answers_for(survey))
    assert _nothing_stored()


@pytest.mark.parametrize(
    "tampered",
    [
        {"wie_zufrieden_sind_sie_insgesamt": "7"},  # unknown option
        {"wie_erreichen_sie_uns": ["telefon", "fax"]},
        {"seit_wie_vielen_jahren": 51},  # above the maximum
        {"seit_wie_vielen_jahren": "drei"},
        {"was_moechten_sie_uns_noch_sagen": "x" * 2001},
        {"in_welchem_bereich_arbeiten_sie": "vorstand"},
        {"wie_zufrieden_sind_sie_insgesamt": ""},  # a required question left out
    ],
)
def test_tampered_answers_are_refused_and_nothing_is_stored(survey, wave, tampered):
    answers = {**answers_for(survey), **tampered}

    with pytest.raises(services.SubmissionRefused) as refused:
        submit(wave, answers)
    assert refused.value.reason == "invalid"
    assert _nothing_stored()


def test_answers_to_hidden_and_unknown_questions_are_dropped(survey, wave):
    answers = {**answers_for(survey, zufrieden="5", warum="sollte nicht gespeichert werden"), "erfunden": "x"}

    submit(wave, answers)

    assert not TextAnswer.objects.exists()  # "Was stört Sie?" is only for the unsatisfied


def test_an_exception_in_the_middle_of_the_transaction_leaves_nothing_behind(survey, world):
    token_wave = open_wave(survey, world.qm, mode=WaveMode.TOKENS)
    code = services.batch_codes(services.do_generate_token_cards(acting_user=world.qm, wave=token_wave, count=1))[0]
    with (
        mock.patch.object(Answer.objects, "bulk_create", side_effect=RuntimeError("server killed")),
        pytest.raises(RuntimeError),
    ):
        submit(token_wave, answers_for(survey), nonce="interrupted", token=code)

    assert _nothing_stored() and not Token.objects.get().used
    # the same form can be sent again afterwards and is stored completely
    assert submit(token_wave, answers_for(survey), nonce="interrupted", token=code) == "stored"
    assert Answer.objects.count() > 0


@pytest.mark.parametrize("mode", [WaveMode.LINK, WaveMode.TOKENS])
def test_a_database_error_in_the_middle_leaves_nothing_behind(survey, world, mode):
    """An answer row the database refuses (here: the same answer twice, against the primary key)
    after the nonce and the response were written: the whole submission is rolled back."""
    from kosmos.surveys.services import submission

    target = open_wave(survey, world.qm, mode=mode)
    code = None
    if mode == WaveMode.TOKENS:
        code = services.batch_codes(services.do_generate_token_cards(acting_user=world.qm, wave=target, count=1))[0]
    real = submission.answer_rows

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        rows = real(*args, **kwargs)
        return submission.StoredRows(rows.g, [*rows.answers, rows.answers[-1]], rows.texts)

    with mock.patch.object(submission, "answer_rows", broken), pytest.raises(IntegrityError), transaction.atomic():
        submit(target, answers_for(survey), nonce="broken", token=code)

    assert _nothing_stored()
    assert not Token.objects.filter(used=True).exists()


def test_submissions_are_not_in_the_audit_log(survey, wave):
    before = AuditEvent.objects.count()

    submit(wave, answers_for(survey))

    assert AuditEvent.objects.count() == before


# --- tokens ------------------------------------------------------------------------------------


@pytest.fixture
def token_wave(survey, world) -> Wave:  # noqa: ANN001
    return open_wave(survey, world.qm, mode=WaveMode.TOKENS)


def test_a_token_is_used_once_and_has_no_key_to_the_response(survey, token_wave, world):
    batch = services.do_generate_token_cards(acting_user=world.qm, wave=token_wave, count=3)
    code = services.batch_codes(batch)[0]

    assert submit(token_wave, answers_for(survey), token=code) == "stored"
    with pytest.raises(services.SubmissionRefused) as refused:
        submit(token_wave, answers_for(survey), token=code)

    assert refused.value.reason == "token_used"
    assert Response.objects.count() == 1
    assert Token.objects.filter(used=True).count() == 1
    token_fields = {f.name for f in Token._meta.concrete_fields}
    assert token_fields == {"id", "wave", "batch", "seed", "code_hash", "used"}  # no date, no response


def test_an_unknown_token_is_refused(survey, token_wave):
    with pytest.raises(services.SubmissionRefused) as refused:
        submit(token_wave, answers_for(survey), token="aaaaaaaaaaaaaaaa")
    assert refused.value.reason == "token_invalid"
    with pytest.raises(services.SubmissionRefused):
        submit(token_wave, answers_for(survey), token=None)
    assert _nothing_stored()


def test_a_token_of_another_wave_is_refused(survey, token_wave, world):
    other = open_wave(survey, world.qm, mode=WaveMode.TOKENS)
    code = services.batch_codes(services.do_generate_token_cards(acting_user=world.qm, wave=other, count=1))[0]

    with pytest.raises(services.SubmissionRefused):
        submit(token_wave, answers_for(survey), token=code)


def test_the_token_code_is_not_stored(token_wave, world):
    batch = services.do_generate_token_cards(acting_user=world.qm, wave=token_wave, count=2)
    codes = services.batch_codes(batch)

    stored = list(Token.objects.values_list("code_hash", flat=True))
    assert all(code not in stored for code in codes)
    assert sorted(stored) == sorted(services.hash_code(c) for c in codes)
    assert all(len(c) == 16 for c in codes) and len(set(codes)) == 2


def test_every_used_token_is_rewritten_with_each_token_submission(survey, token_wave, world):
    """In PostgreSQL a row version carries the id of the transaction that wrote it (xmin): the used
    token would share it with its response. Rewriting all used tokens leaves one id for all."""
    codes = services.batch_codes(services.do_generate_token_cards(acting_user=world.qm, wave=token_wave, count=3))
    submit(token_wave, answers_for(survey), token=codes[0])

    with CaptureQueriesContext(connection) as queries:
        submit(token_wave, answers_for(survey), token=codes[1])

    rewrites = [q["sql"] for q in queries.captured_queries
                if q["sql"].startswith("UPDATE") and "surveys_token" in q["sql"] and "used" in q["sql"]]
    assert len(rewrites) == 2  # this token, then all used tokens of the wave
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(DISTINCT xmin::text) FROM surveys_token WHERE used")
            assert cursor.fetchone()[0] == 1


# --- drafts ----------------------------------------------------------------------------------------


def test_a_draft_is_found_by_its_code_and_deleted_when_the_response_is_stored(survey, wave):
    code, until = services.do_save_draft(wave=wave, state={"l": "de", "a": {}, "p": 0, "n": "x", "r": ""})

    draft = services.find_draft(wave, code.lower())
    assert draft is not None and until == wave.ends_on
    assert services.find_draft(wave, "ABCD-EFGH-JKLM") is None

    services.do_submit_response(wave=wave, questionnaire=load_questionnaire(survey), answers=answers_for(survey),
                                language="de", nonce="n1", resume_code_hash=draft.code_hash)
    assert not ResumeDraft.objects.exists()


def test_closing_a_wave_deletes_its_drafts(survey, wave, world):
    services.do_save_draft(wave=wave, state={})

    services.do_close_wave(acting_user=world.qm, wave=wave)

    assert not ResumeDraft.objects.exists()


def test_a_closed_wave_refuses_drafts(survey, wave):
    close_wave(wave)

    with pytest.raises(services.SubmissionRefused):
        services.do_save_draft(wave=wave, state={})
