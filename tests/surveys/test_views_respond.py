"""The answer pages: a respondent without an account goes through the pages, without cookies."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from kosmos.surveys import services
from kosmos.surveys.models import Answer, Response, ResumeDraft, TextAnswer, Token, Wave, WaveMode
from tests.surveys.conftest import close_wave, open_wave
from tests.surveys.respondent import Respondent, state_of

pytestmark = pytest.mark.django_db


def url(wave: Wave) -> str:
    return reverse("survey_respond", kwargs={"wave_id": wave.public_id})


PAGE1 = {"in_welchem_bereich_arbeiten_sie": "service", "wie_zufrieden_sind_sie_insgesamt": "2",
         "wie_erreichen_sie_uns": ["telefon", "e_mail"]}
PAGE2 = {"was_stoert_sie": "Lange Wartezeiten", "seit_wie_vielen_jahren": "12",
         "wie_sehr_stimmen_sie_zu_1": "4", "wie_sehr_stimmen_sie_zu_2": "na"}


def test_a_respondent_answers_every_page_and_sees_the_thank_you_page(wave):
    respondent = Respondent(url(wave)).open()
    assert respondent.status == 200
    assert "Teil 1 von 3" in respondent.text()
    assert "Ihre Antworten sind anonym" in respondent.text()

    respondent.send(PAGE1)
    assert "Teil 2 von 3" in respondent.text() and "Was stört Sie?" in respondent.text()
    respondent.send(PAGE2)
    assert "Teil 3 von 3" in respondent.text() and "Antworten absenden" in respondent.text()
    respondent.send({"was_moechten_sie_uns_noch_sagen": "Danke!"}, action="submit")

    assert respondent.status == 302
    assert respondent.response["Location"] == reverse("survey_thanks", kwargs={"wave_id": wave.public_id})
    thanks = respondent.client.get(respondent.response["Location"])
    assert "Vielen Dank!" in thanks.content.decode()
    response = Response.objects.get()
    assert response.g1 == 3
    assert sorted(TextAnswer.objects.values_list("text", flat=True)) == ["Danke!", "Lange Wartezeiten"]
    assert Answer.objects.filter(response=response, question__key="seit_wie_vielen_jahren").get().value == 12


def test_the_answer_pages_set_no_cookie_and_are_not_cached(wave):
    respondent = Respondent(url(wave)).open()
    first = respondent.response
    respondent.send(PAGE1)

    for response in (first, respondent.response):
        assert not response.cookies, response.cookies
        assert "no-store" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "no-referrer"
    assert "csrfmiddlewaretoken" not in respondent.page


def test_the_pages_load_nothing_from_other_sites(wave):
    page = Respondent(url(wave)).open().page

    for marker in ('src="http', 'href="http', 'src="//', 'href="//', "googleapis", "matomo", "analytics"):
        assert marker not in page


def test_a_hidden_question_is_skipped(wave):
    respondent = Respondent(url(wave)).open()
    respondent.send({**PAGE1, "wie_zufrieden_sind_sie_insgesamt": "5"})

    assert "Was stört Sie?" not in respondent.text()
    assert "Seit wie vielen Jahren?" in respondent.text()


def test_a_missing_required_answer_keeps_the_page_with_a_german_error(wave):
    respondent = Respondent(url(wave)).open()
    respondent.send({"in_welchem_bereich_arbeiten_sie": "service"})

    assert respondent.status == 200
    assert "Bitte prüfen Sie Ihre Angaben" in respondent.text()
    assert "Bitte beantworten Sie diese Frage." in respondent.text()
    assert 'href="#id_q_wie_zufrieden_sind_sie_insgesamt"' in respondent.page
    assert 'aria-invalid="true"' not in respondent.page or "kern-fieldset--error" in respondent.page
    assert 'value="service" id="id_q_in_welchem_bereich_arbeiten_sie_2" checked' in respondent.page
    assert "Teil 1 von 3" in respondent.text()


def test_an_unknown_choice_and_an_oversized_text_get_clear_errors_and_store_nothing(wave):
    respondent = Respondent(url(wave)).open()
    respondent.send({**PAGE1, "wie_zufrieden_sind_sie_insgesamt": "9"})
    assert "Bitte wählen Sie eine der angezeigten Antworten." in respondent.text()

    respondent = Respondent(url(wave)).open().send(PAGE1).send(PAGE2)
    respondent.send({"was_moechten_sie_uns_noch_sagen": "x" * 2001}, action="submit")
    assert respondent.status == 200
    assert "Bitte schreiben Sie höchstens 2000 Zeichen." in respondent.text()
    assert not Response.objects.exists()


def test_going_back_keeps_the_answers(wave):
    respondent = Respondent(url(wave)).open().send(PAGE1)
    respondent.send({"seit_wie_vielen_jahren": "7"}, action="back")

    assert "Teil 1 von 3" in respondent.text()
    assert 'value="2" id="id_q_wie_zufrieden_sind_sie_insgesamt_3" checked' in respondent.page
    respondent.send(PAGE1)
    assert 'value="7"' in respondent.page


def test_a_double_submit_stores_one_response(wave):
    respondent = Respondent(url(wave)).open().send(PAGE1).send(PAGE2)
    last_page = respondent.page

    first = respondent.send({}, action="submit")
    assert first.status == 302
    respondent.page = last_page
    second = respondent.send({}, action="submit")

    assert second.status == 302
    assert Response.objects.count() == 1


def test_a_forged_or_tampered_state_is_refused(wave):
    respondent = Respondent(url(wave)).open()
    forged = signing.dumps({"l": "de", "a": {}, "p": 0, "n": "x", "r": ""}, salt="wrong")

    response = respondent.client.post(url(wave), {"state": forged, "action": "submit"})

    assert response.status_code == 400
    assert "Diese Seite ist abgelaufen" in response.content.decode()
    state = state_of(respondent.page)
    other = open_wave(wave.survey, wave.survey.created_by)
    assert respondent.client.post(url(other), {"state": state}).status_code == 400  # state of another wave
    assert not Response.objects.exists()


def test_a_late_submission_gets_a_clear_message_and_is_not_stored(wave):
    respondent = Respondent(url(wave)).open().send(PAGE1).send(PAGE2)
    close_wave(wave)

    respondent.send({}, action="submit")

    assert respondent.status == 410
    assert "Ihre Antworten wurden nicht gespeichert" in respondent.text()
    assert not Response.objects.exists()


def test_an_ended_and_a_scheduled_wave_say_so(survey, world):
    ended = close_wave(open_wave(survey, world.qm))
    assert Respondent(url(ended)).open().status == 410

    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    scheduled = open_wave(survey, world.qm, start=tomorrow)
    page = Respondent(url(scheduled)).open()
    assert page.status == 200 and "noch nicht begonnen" in page.text()
    assert "form" not in page.page.split("<main", 1)[1].split("</main>")[0]


def test_a_wave_in_preparation_is_not_found(survey, world):
    draft = services.do_create_wave(acting_user=world.qm, survey=survey, starts_on=timezone.localdate(),
                                    ends_on=timezone.localdate())
    assert Respondent(url(draft)).open().status == 404


def test_save_and_continue_later_with_a_resume_code(wave):
    respondent = Respondent(url(wave)).open().send(PAGE1)
    respondent.send({"seit_wie_vielen_jahren": "4"}, action="save")
    assert respondent.status == 200
    code = respondent.page.split('kosmos-resume-code" dir="ltr">')[1].split("<")[0]
    assert len(code.replace("-", "")) == 12
    assert ResumeDraft.objects.count() == 1

    resume_url = reverse("survey_resume", kwargs={"wave_id": wave.public_id})
    later = Respondent(resume_url)
    later.open()
    later.response = later.client.post(resume_url, {"code": code.lower()})
    later.page = later.response.content.decode()
    assert "Teil 2 von 3" in later.text() and 'value="4"' in later.page
    later.url = url(wave)
    later.send(PAGE2).send({}, action="submit")

    assert later.status == 302
    assert Response.objects.count() == 1
    assert not ResumeDraft.objects.exists()


def test_a_wrong_resume_code_is_refused(wave):
    resume_url = reverse("survey_resume", kwargs={"wave_id": wave.public_id})
    response = Respondent(resume_url).open().client.post(resume_url, {"code": "AAAA-BBBB-CCCC"})

    assert response.status_code == 400
    assert "Dieser Code ist nicht gültig" in response.content.decode()


def test_respondents_choose_their_language_and_see_german_where_nothing_is_translated(survey, world):
    services.do_update_survey(acting_user=world.qm, survey=survey, data={"languages": ["en", "de-x-ls"]})
    question = survey.questions.get(kind="likert")
    services.do_update_translations(acting_user=world.qm, survey=survey, language="en", texts={
        f"question:{question.public_id}:text": "How satisfied are you overall?"})
    wave = open_wave(survey, world.qm)

    german = Respondent(url(wave)).open()
    assert 'href="/b/' in german.page and "?sprache=en" in german.page and "Leichte Sprache" in german.text()
    english = Respondent(url(wave)).open("?sprache=en")

    assert "How satisfied are you overall?" in english.text()
    assert "In welchem Bereich arbeiten Sie?" in english.text()  # not translated: German
    assert "Part 1 of 3" in english.text() and 'lang="en"' in english.page
    english.send(PAGE1).send(PAGE2).send({}, action="submit")
    assert Response.objects.get().language == "en"
    assert "?sprache=en" in english.response["Location"]


def test_arabic_pages_run_right_to_left(survey, world):
    services.do_update_survey(acting_user=world.qm, survey=survey, data={"languages": ["ar"]})
    wave = open_wave(survey, world.qm)

    page = Respondent(url(wave)).open("?sprache=ar").page

    assert 'lang="ar" dir="rtl"' in page


def test_a_language_not_offered_falls_back_to_german(wave):
    assert "Teil 1 von 3" in Respondent(url(wave)).open("?sprache=tr").text()


# --- one-time tokens ---------------------------------------------------------------------------


@pytest.fixture
def token_code(survey, world) -> str:  # noqa: ANN001
    token_wave = open_wave(survey, world.qm, mode=WaveMode.TOKENS)
    return services.batch_codes(services.do_generate_token_cards(acting_user=world.qm, wave=token_wave, count=2))[0]


def _entry() -> Respondent:
    return Respondent(reverse("survey_token_entry"))


def test_a_token_is_answered_once_and_its_code_is_in_no_address(token_code):
    respondent = _entry().open().enter(token_code)
    assert respondent.status == 200 and "Teil 1 von 3" in respondent.text()
    visited = [respondent.response.request["PATH_INFO"]]
    for fields in (PAGE1, PAGE2):
        respondent.send(fields)
        visited.append(respondent.response.request["PATH_INFO"])
    respondent.send({}, action="submit")
    visited.append(respondent.response.request["PATH_INFO"])

    assert respondent.status == 302
    visited.append(respondent.response["Location"])
    assert all(token_code not in address for address in visited), visited
    thanks = respondent.client.get(respondent.response["Location"]).content.decode()
    assert token_code not in thanks
    again = _entry().open().enter(token_code)
    assert again.status == 409 and "bereits verwendet" in again.text()
    assert Token.objects.filter(used=True).count() == 1


def test_links_on_cards_and_in_invitations_carry_the_code_only_after_the_hash(token_code):
    link = services.token_link(token_code)
    address, _hash, fragment = link.partition("#")

    assert fragment == token_code and token_code not in address
    assert address.endswith(reverse("survey_token_entry"))
    page = _entry().open().page
    assert 'method="post"' in page and "token-entry.js" in page


def test_a_token_used_in_between_refuses_the_second_device(token_code):
    phone = _entry().open().enter(token_code).send(PAGE1).send(PAGE2)
    laptop = _entry().open().enter(token_code).send(PAGE1).send(PAGE2)

    phone.send({}, action="submit")
    laptop.send({}, action="submit")

    assert laptop.status == 409
    assert Response.objects.count() == 1


def test_an_unknown_token_is_not_found_and_the_code_can_be_typed_with_dashes(token_code):
    typed = _entry().open().enter(f"{token_code[:4].upper()}-{token_code[4:8]} {token_code[8:]}")
    assert typed.status == 200 and "Teil 1 von 3" in typed.text()
    wrong = _entry().open().enter("falsch")
    assert wrong.status == 404 and "nicht gültig" in wrong.text()
    assert Respondent(reverse("survey_token_entry")).open("?code=" + token_code).text().count("Teil 1") == 0


def test_a_token_wave_resumes_with_the_access_code_and_the_resume_code_posted(token_code):
    respondent = _entry().open().enter(token_code).send(PAGE1).send({}, action="save")
    resume_code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", respondent.text()).group(0)
    from kosmos.surveys.models import ResumeDraft

    assert all("t" not in draft.data for draft in ResumeDraft.objects.all())  # no token beside the answers
    wave = Token.objects.get(code_hash=services.hash_code(token_code)).wave
    resume_url = reverse("survey_token_resume", kwargs={"wave_id": wave.public_id})
    assert token_code not in resume_url
    refused = Respondent(resume_url)
    refused.response = refused.client.post(resume_url, {"zugang": "falsch", "code": resume_code})
    assert refused.response.status_code == 400

    back = Respondent(resume_url)
    back.response = back.client.post(resume_url, {"zugang": token_code, "code": resume_code})
    back.page = back.response.content.decode()
    assert back.response.status_code == 200
    back.send(PAGE2).send({}, action="submit")
    assert back.status == 302 and Response.objects.count() == 1
    assert Token.objects.get(code_hash=services.hash_code(token_code)).used


def test_the_open_link_of_a_token_wave_does_not_let_anyone_in(survey, world):
    token_wave = open_wave(survey, world.qm, mode=WaveMode.TOKENS)

    assert Respondent(url(token_wave)).open().status == 403


def test_a_change_of_the_questionnaire_reaches_the_answer_pages_at_once(survey, world):
    services.do_update_survey(acting_user=world.qm, survey=survey, data={"languages": ["en"]})
    wave = open_wave(survey, world.qm)
    assert "How satisfied" not in Respondent(url(wave)).open("?sprache=en").text()  # cached now
    question = survey.questions.get(kind="likert")

    services.do_update_translations(acting_user=world.qm, survey=survey, language="en", texts={
        f"question:{question.public_id}:text": "How satisfied are you?"})

    assert "How satisfied are you?" in Respondent(url(wave)).open("?sprache=en").text()


def test_refused_token_pages_are_not_written_to_the_log(token_code, caplog):
    _entry().open().enter(token_code).send(PAGE1).send(PAGE2).send({}, action="submit")

    with caplog.at_level("INFO", logger="django.request"):
        again = _entry().open().enter(token_code)

    assert again.status == 409
    assert token_code not in caplog.text
