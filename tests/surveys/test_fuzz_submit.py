"""Fuzzing the answer pages and the submission with hypothesis: whatever arrives, the answer is a
page with a clear message (never a server error), and only valid answers are ever stored."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.models import Answer, Choice, Response, TextAnswer
from tests.surveys.respondent import Respondent

FIELDS = ["q_in_welchem_bereich_arbeiten_sie", "q_wie_zufrieden_sind_sie_insgesamt", "q_wie_erreichen_sie_uns",
          "q_seit_wie_vielen_jahren", "q_was_stoert_sie", "q_wie_sehr_stimmen_sie_zu_1",
          "q_was_moechten_sie_uns_noch_sagen", "state", "action", "nonce", "csrfmiddlewaretoken"]
KEYS = [f[2:] for f in FIELDS if f.startswith("q_")]

text = st.text(max_size=40) | st.sampled_from(["", "1", "5", "na", "service", "telefon", "-1", "51", "1e9",
                                               "x" * 2500, "<script>alert(1)</script>", "\x00", "é🙂"])
values = text | st.lists(text, max_size=4)
post_data = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), values, max_size=10)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _stored_rows_are_valid() -> None:
    codes = {(c.question_id, c.code) for c in Choice.objects.all()}
    for question_id, value, kind, low, high in Answer.objects.values_list(
        "question_id", "value", "question__kind", "question__number_min", "question__number_max"
    ):
        if kind == "number":
            assert low <= value <= high
        elif kind == "multiple" and value == Answer.ANSWERED or kind == "statement":
            continue
        else:
            assert (question_id, value) in codes
    assert all(len(t) <= 2000 for t in TextAnswer.objects.values_list("text", flat=True))


@SETTINGS
@given(data=post_data, use_real_state=st.booleans(), action=st.sampled_from(["next", "back", "submit", "save", "x"]))
def test_posting_anything_to_the_answer_page_never_fails(data, use_real_state, action, wave):  # noqa: ANN001
    url = reverse("survey_respond", kwargs={"wave_id": wave.public_id})
    client = Client()
    payload = {k: v for k, v in data.items()}
    if use_real_state:
        page = Respondent(url, client).open().page
        from tests.surveys.respondent import state_of

        payload["state"] = state_of(page)
        payload["action"] = action
    before = Response.objects.count()

    response = client.post(url, payload)

    assert response.status_code in {200, 302, 400}, response.status_code
    assert not response.cookies
    body = response.content.decode() if response.status_code != 302 else ""
    if response.status_code == 400:
        assert "Diese Seite ist abgelaufen" in body
    assert "<script>alert(1)</script>" not in body
    assert Response.objects.count() - before <= 1
    _stored_rows_are_valid()


answer_values = st.one_of(st.none(), st.integers(-10, 100), text, st.lists(text, max_size=3), st.booleans(),
                          st.floats(allow_nan=True), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@SETTINGS
@given(answers=st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), answer_values, max_size=8))
def test_the_submission_service_stores_only_valid_answers(answers, wave):  # noqa: ANN001
    questionnaire = load_questionnaire(wave.survey)
    before = Response.objects.count()
    try:
        outcome = services.do_submit_response(wave=wave, questionnaire=questionnaire, answers=answers,
                                              language="de", nonce=services.new_nonce())
    except services.SubmissionRefused as refused:
        assert refused.reason == "invalid"
        assert Response.objects.count() == before
    else:
        assert outcome == "stored"
        assert Response.objects.count() == before + 1
    _stored_rows_are_valid()
