"""Issue 17, items 5 and 7: no storage order or transaction id follows the submissions.

SQLite's rowid (and PostgreSQL's ctid) returned the responses in submission order; on PostgreSQL
the used token's old row version carried the submitting transaction's id, equal to the
response's xmin. Once a wave has ended (its results are read) or the periodic command ran, the
rows are rewritten in random order in one transaction.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.models import Answer, Response
from kosmos.surveys.results import ensure_cube
from tests.surveys.conftest import answers_for, close_wave, open_wave, submit

pytestmark = pytest.mark.django_db(transaction=True)

N = 12  # a random order equals the submission order with probability 1/12! (about 2e-9)


def _years_in_storage_order(wave) -> list[int]:  # noqa: ANN001
    """The answers to "Seit wie vielen Jahren?" in the order the database stores the responses."""
    question = next(u for u in load_questionnaire(wave.survey).answer_units() if u.kind == "number")
    order = "rowid" if connection.vendor == "sqlite" else "ctid"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.value FROM {Response._meta.db_table} r JOIN {Answer._meta.db_table} a "  # noqa: S608
            f"ON a.response_id = r.id WHERE r.wave_id = %s AND a.question_id = %s ORDER BY r.{order}",
            [wave.pk, question.id])
        return [value for (value,) in cursor.fetchall()]


def _fill_in_order(wave) -> None:  # noqa: ANN001
    for years in range(N):
        submit(wave, answers_for(wave.survey, jahre=years))


def test_an_ended_wave_keeps_no_submission_order(survey, world):
    wave = open_wave(survey, world.qm)
    _fill_in_order(wave)
    close_wave(wave)

    assert ensure_cube(wave)

    stored = _years_in_storage_order(wave)
    assert sorted(stored) == list(range(N))
    assert stored != list(range(N))


def test_the_periodic_command_shuffles_running_waves_and_keeps_every_answer(survey, world):
    wave = open_wave(survey, world.qm)
    _fill_in_order(wave)
    before = sorted(Answer.objects.filter(wave=wave).values_list("question_id", "value"))

    call_command("surveys_shuffle", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123

    assert sorted(Answer.objects.filter(wave=wave).values_list("question_id", "value")) == before
    assert _years_in_storage_order(wave) != list(range(N))
