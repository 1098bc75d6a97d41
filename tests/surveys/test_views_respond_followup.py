"""Follow-up questions (a condition on the same page): shown only when they apply.

With JavaScript the page shows and hides them (browser test); without it the follow-up comes on
a page of its own right after the answer that calls for it. Also: the multiple-choice hint
once, and the Leichte-Sprache version with the survey's own title."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.core.models import Office
from kosmos.surveys import services
from kosmos.surveys.models import Question, Survey, TextAnswer, Wave
from tests.surveys.conftest import open_wave
from tests.surveys.respondent import Respondent, state_of

pytestmark = pytest.mark.django_db


def build_followup_survey(world) -> Survey:  # noqa: ANN001
    """Page 1: contact (ja/nein, required) and, only after "ja", how it was (required).
    Page 2: a comment."""
    qm = world.qm
    survey = services.do_create_survey(acting_user=qm, organisation=world.freiburg, title="Kontakt", audience="customers")
    first = survey.sections.get()
    contact = services.do_add_question(acting_user=qm, section=first, kind="single", required=True,
                                       text="Hatten Sie Kontakt mit uns?", options=["Ja", "Nein"])
    services.do_add_question(acting_user=qm, section=first, kind="text", required=True,
                             text="Wie war der Kontakt?", condition=(contact, ["ja"]))
    second = services.do_add_section(acting_user=qm, survey=survey, title="Zum Schluss")
    services.do_add_question(acting_user=qm, section=second, kind="text", text="Noch etwas?")
    return Survey.objects.get(pk=survey.pk)


@pytest.fixture
def followup_wave(world) -> Wave:  # noqa: ANN001
    return open_wave(build_followup_survey(world), world.qm)


def _url(wave: Wave) -> str:
    return reverse("survey_respond", kwargs={"wave_id": wave.public_id})


def _keys(wave: Wave) -> dict[str, str]:
    return {q.text: q.key for q in Question.objects.filter(survey=wave.survey)}


def test_the_follow_up_is_hidden_at_first_and_carries_no_condition_sentence(followup_wave):
    page = Respondent(_url(followup_wave)).open()

    assert 'data-condition-field="q_hatten_sie_kontakt_mit_uns"' in page.page
    assert "Nur beantworten" not in page.text() and "Nur wenn" not in page.text()
    block = page.page[page.page.find('class="kosmos-followup"'):]
    assert block[:block.find(">")].rstrip().endswith("hidden")


def test_without_javascript_the_follow_up_comes_on_the_next_page_when_it_applies(followup_wave):
    keys = _keys(followup_wave)
    respondent = Respondent(_url(followup_wave)).open()

    respondent.send({keys["Hatten Sie Kontakt mit uns?"]: "ja"})
    assert respondent.status == 200
    assert "Wie war der Kontakt?" in respondent.text()
    assert "Hatten Sie Kontakt mit uns?" not in respondent.text()
    assert "Noch etwas?" not in respondent.text()

    respondent.send({keys["Wie war der Kontakt?"]: ""})
    assert "Bitte beantworten Sie diese Frage." in respondent.text()  # required where it applies
    respondent.send({keys["Wie war der Kontakt?"]: "Freundlich"})
    assert "Noch etwas?" in respondent.text()
    respondent.send({}, action="submit")

    assert respondent.status == 302
    assert TextAnswer.objects.get(wave=followup_wave).text == "Freundlich"


def test_without_javascript_no_follow_up_page_when_it_does_not_apply(followup_wave):
    keys = _keys(followup_wave)
    respondent = Respondent(_url(followup_wave)).open()

    respondent.send({keys["Hatten Sie Kontakt mit uns?"]: "nein"})

    assert "Noch etwas?" in respondent.text()
    assert "Wie war der Kontakt?" not in respondent.text()


def test_back_from_the_follow_up_page_returns_to_its_question(followup_wave):
    keys = _keys(followup_wave)
    respondent = Respondent(_url(followup_wave)).open()
    respondent.send({keys["Hatten Sie Kontakt mit uns?"]: "ja"})

    respondent.send({}, action="back")

    assert "Hatten Sie Kontakt mit uns?" in respondent.text()


def test_with_javascript_the_follow_up_is_answered_on_the_same_page(followup_wave, client):
    keys = _keys(followup_wave)
    first = client.get(_url(followup_wave)).content.decode()

    missing = client.post(_url(followup_wave), {"state": state_of(first), "js": "1", "action": "next",
                                               f"q_{keys['Hatten Sie Kontakt mit uns?']}": "ja"}).content.decode()
    assert "Bitte beantworten Sie diese Frage." in missing
    block = missing[missing.find('class="kosmos-followup"'):]
    assert "hidden" not in block[:block.find(">")]  # shown again with the error

    second = client.post(_url(followup_wave), {
        "state": state_of(missing), "js": "1", "action": "next",
        f"q_{keys['Hatten Sie Kontakt mit uns?']}": "ja", f"q_{keys['Wie war der Kontakt?']}": "Gut",
    }).content.decode()
    assert "Noch etwas?" in second


def test_the_multiple_choice_hint_appears_once(world):
    Office.objects.create(organisation=world.freiburg, name="Mitte")  # no example offices left to replace
    survey = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                     slug="t0-kundinnen")
    wave = open_wave(survey, world.qm)

    page = Respondent(_url(wave)).open()

    assert page.text().count("Sie können mehrere Antworten wählen.") == 1


def test_leichte_sprache_shows_the_surveys_own_title_or_reports_it_missing(world, client_for):
    Office.objects.create(organisation=world.freiburg, name="Mitte")  # no example offices left to replace
    survey = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                     slug="t0-kundinnen", title="Kundenbefragung Freiburg 2025")
    wave = open_wave(survey, world.qm)

    page = Respondent(_url(wave)).open("?sprache=de-x-ls")

    assert "Kundenbefragung Freiburg 2025" in page.text()
    services.do_update_survey(acting_user=world.qm, survey=survey, data={"title": "Befragung 2026"})
    survey.refresh_from_db()
    assert services.missing_translations(survey)["de-x-ls"] >= 1
