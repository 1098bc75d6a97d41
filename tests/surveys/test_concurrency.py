"""Concurrent submissions with real transactions (no test transaction around them): nothing is
lost, nothing is stored twice, a token is used once."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection

from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.models import Answer, Response, SubmissionNonce, Token, WaveMode
from tests.factories import build_world
from tests.surveys.conftest import answers_for, build_survey, open_wave

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(count: int, work: Callable[[int], str]) -> list[str]:
    """Start ``count`` threads at the same moment; each returns an outcome or the refusal reason."""
    barrier = threading.Barrier(count)
    results: list[str] = []
    lock = threading.Lock()

    def target(i: int) -> None:
        try:
            barrier.wait()
            try:
                outcome = work(i)
            except services.SubmissionRefused as refused:
                outcome = refused.reason
            with lock:
                results.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def setup():  # noqa: ANN201
    world = build_world()
    survey = build_survey(world)
    return world, survey


def test_the_same_form_sent_by_eight_threads_is_stored_once(setup):  # noqa: ANN001
    world, survey = setup
    wave = open_wave(survey, world.qm)
    questionnaire = load_questionnaire(survey)
    answers = answers_for(survey)

    outcomes = run_together(8, lambda i: services.do_submit_response(
        wave=wave, questionnaire=questionnaire, answers=answers, language="de", nonce="same-form"))

    assert Counter(outcomes) == {"stored": 1, "duplicate": 7}
    assert Response.objects.count() == 1
    assert SubmissionNonce.objects.count() == 1
    response = Response.objects.get()
    assert Answer.objects.filter(response=response).count() == Answer.objects.count() > 0


def test_eight_different_forms_at_once_are_all_stored(setup):  # noqa: ANN001
    world, survey = setup
    wave = open_wave(survey, world.qm)
    questionnaire = load_questionnaire(survey)

    outcomes = run_together(8, lambda i: services.do_submit_response(
        wave=wave, questionnaire=questionnaire, answers=answers_for(survey, jahre=i), language="de",
        nonce=f"form-{i}"))

    assert outcomes == ["stored"] * 8
    assert Response.objects.count() == 8
    assert sorted(Answer.objects.filter(question__kind="number").values_list("value", flat=True)) == list(range(8))


def test_one_token_used_from_two_devices_at_once_stores_one_response(setup):  # noqa: ANN001
    world, survey = setup
    wave = open_wave(survey, world.qm, mode=WaveMode.TOKENS)
    code = services.batch_codes(services.do_generate_token_cards(acting_user=world.qm, wave=wave, count=1))[0]
    questionnaire = load_questionnaire(survey)

    outcomes = run_together(4, lambda i: services.do_submit_response(
        wave=wave, questionnaire=questionnaire, answers=answers_for(survey), language="de", nonce=f"device-{i}",
        token_code=code))

    assert Counter(outcomes) == {"stored": 1, "token_used": 3}
    assert Response.objects.count() == 1
    assert Token.objects.get().used


@pytest.mark.django_db  # one thread: the service's atomic block (a savepoint here) is what rolls back
def test_an_interrupted_submission_leaves_nothing_and_can_be_repeated(setup, monkeypatch):  # noqa: ANN001
    """A process killed in the middle of the transaction: the database rolls everything back."""
    world, survey = setup
    wave = open_wave(survey, world.qm, mode=WaveMode.TOKENS)
    code = services.batch_codes(services.do_generate_token_cards(acting_user=world.qm, wave=wave, count=1))[0]
    questionnaire = load_questionnaire(survey)
    from kosmos.surveys.models import TextAnswer

    def killed(*args: object, **kwargs: object) -> None:
        raise SystemExit("worker killed")

    monkeypatch.setattr(TextAnswer.objects, "bulk_create", killed)
    with pytest.raises(SystemExit):
        services.do_submit_response(wave=wave, questionnaire=questionnaire,
                                    answers=answers_for(survey, kommentar="halb"), language="de", nonce="n",
                                    token_code=code)

    assert Response.objects.count() == 0 and Answer.objects.count() == 0
    assert SubmissionNonce.objects.count() == 0
    assert not Token.objects.get().used
    monkeypatch.undo()
    assert services.do_submit_response(wave=wave, questionnaire=questionnaire,
                                       answers=answers_for(survey, kommentar="ganz"), language="de", nonce="n",
                                       token_code=code) == "stored"


KILLED_WORKER = r"""
import os, sys, time, django
os.environ["DJANGO_SETTINGS_MODULE"] = "kosmos.settings"
django.setup()
from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.models import Answer, Wave

wave = Wave.objects.get(public_id=sys.argv[1])
code = sys.argv[2]
original = Answer.objects.bulk_create

def slow(*args, **kwargs):
    result = original(*args, **kwargs)
    print("inside", flush=True)  # the response and its answers are written, not committed
    time.sleep(60)
    return result

Answer.objects.bulk_create = slow
answers = {"wie_zufrieden_sind_sie_insgesamt": "4", "was_moechten_sie_uns_noch_sagen": "nie gespeichert"}
services.do_submit_response(wave=wave, questionnaire=load_questionnaire(wave.survey), answers=answers,
                            language="de", nonce="killed", token_code=code)
"""


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return (f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}")


def test_a_worker_killed_in_the_middle_of_a_submission_stores_nothing(setup):  # noqa: ANN001
    """The token path runs several statements in one transaction: kill the worker between them.
    (On PostgreSQL the open link stores everything in one statement, atomic by itself.)"""
    import os
    import signal
    import subprocess
    import sys

    world, survey = setup
    wave = open_wave(survey, world.qm, mode=WaveMode.TOKENS)
    code = services.batch_codes(services.do_generate_token_cards(acting_user=world.qm, wave=wave, count=1))[0]
    env = {**os.environ, "KOSMOS_DATABASE_URL": _database_url(), "KOSMOS_DEBUG": "1"}
    worker = subprocess.Popen([sys.executable, "-c", KILLED_WORKER, str(wave.public_id), code], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = worker.stdout.readline()  # type: ignore[union-attr]
        assert line.strip() == "inside", worker.stderr.read()  # type: ignore[union-attr]
        worker.send_signal(signal.SIGKILL)
    finally:
        worker.wait(timeout=30)

    assert worker.returncode == -signal.SIGKILL
    assert Response.objects.count() == 0 and Answer.objects.count() == 0
    assert SubmissionNonce.objects.count() == 0 and not Token.objects.get().used
    # the respondent sends the same form again: it is stored completely
    questionnaire = load_questionnaire(survey)
    assert services.do_submit_response(wave=wave, questionnaire=questionnaire, answers=answers_for(survey),
                                       language="de", nonce="killed", token_code=code) == "stored"
