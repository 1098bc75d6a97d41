"""The builder pages: create from a template or empty, add questions with conditions, translate,
settings, copy, delete; errors are German and keep what was typed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.surveys.models import Question, Survey
from tests.surveys.conftest import open_wave

pytestmark = pytest.mark.django_db


def org_url(name: str, **kwargs: object) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


def test_a_survey_is_created_from_a_template(world, client_for):
    client = client_for(world.qm)
    page = client.get(org_url("survey_create")).content.decode()
    assert "Bewertungsbogen" in page and "Einer leeren Befragung" in page

    response = client.post(org_url("survey_create"), {"template": "bewertungsbogen-20", "title": "",
                                                      "audience": "staff", "min_group_size": "10"})

    survey = Survey.objects.get()
    assert response.status_code == 302 and str(survey.public_id) in response["Location"]
    assert survey.min_group_size == 10 and survey.template_key == "bewertungsbogen-20"
    detail = client.get(response["Location"]).content.decode()
    assert "Gruppenfrage" in detail and "Seite 1:" in detail


def test_an_empty_survey_needs_a_title(world, client_for):
    response = client_for(world.qm).post(org_url("survey_create"), {"template": "", "title": "", "audience":
                                                                     "customers", "min_group_size": "5"})

    assert response.status_code == 200
    assert "Bitte geben Sie einen Titel für die leere Befragung ein." in response.content.decode()
    assert not Survey.objects.exists()


def test_the_minimum_group_size_below_three_is_refused_in_the_form(world, client_for):
    response = client_for(world.qm).post(org_url("survey_create"), {"template": "", "title": "X",
                                                                     "audience": "staff", "min_group_size": "2"})

    assert response.status_code == 200 and not Survey.objects.exists()
    assert "größer oder gleich 3" in response.content.decode()


def test_a_question_with_a_condition_is_added_through_the_pages(survey, world, client_for):
    client = client_for(world.qm)
    section = survey.sections.last()
    source = Question.objects.get(survey=survey, kind="likert")
    url = org_url("survey_question_create", survey_id=survey.public_id) + f"?abschnitt={section.public_id}&art=single"
    form = client.get(url).content.decode()
    assert f'value="{source.public_id}=1"' in form  # earlier answers are offered as conditions

    response = client.post(url, {"text": "Möchten Sie zurückgerufen werden?", "options": "Ja\nNein",
                                 "condition": f"{source.public_id}=1"})

    assert response.status_code == 302
    question = Question.objects.get(survey=survey, text="Möchten Sie zurückgerufen werden?")
    assert question.condition_question == source and question.condition_values == ["1"]
    assert list(question.choices.values_list("label", flat=True)) == ["Ja", "Nein"]


def test_a_choice_question_needs_two_options_and_keeps_the_text(survey, world, client_for):
    url = org_url("survey_question_create", survey_id=survey.public_id) + f"?abschnitt={survey.sections.first().public_id}&art=single"

    response = client_for(world.qm).post(url, {"text": "Nur eine Antwort?", "options": "Ja"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie mindestens zwei Antwortmöglichkeiten ein" in page
    assert "Nur eine Antwort?" in page


def test_without_a_type_the_question_page_asks_for_it(survey, world, client_for):
    page = client_for(world.qm).get(org_url("survey_question_create", survey_id=survey.public_id)).content.decode()

    assert "Art der Frage" in page or "Bewertungsskala" in page


def test_editing_a_question_and_moving_it(survey, world, client_for):
    client = client_for(world.qm)
    question = Question.objects.get(survey=survey, kind="number")
    url = org_url("survey_question_edit", survey_id=survey.public_id, question_id=question.public_id)
    assert 'value="50"' in client.get(url).content.decode()

    client.post(url, {"text": "Seit wie vielen Monaten?", "number_min": "0", "number_max": "600", "unit": "Monate"})
    client.post(org_url("survey_question_move", survey_id=survey.public_id, question_id=question.public_id),
                {"richtung": "hoch"})

    question.refresh_from_db()
    assert (question.text, question.number_max, question.unit) == ("Seit wie vielen Monaten?", 600, "Monate")
    assert question.position == 1


def test_a_started_survey_cannot_be_edited_but_copied(survey, world, client_for):
    open_wave(survey, world.qm)
    client = client_for(world.qm)
    question = Question.objects.filter(survey=survey, parent__isnull=True).first()

    response = client.get(org_url("survey_question_edit", survey_id=survey.public_id, question_id=question.public_id))
    assert response.status_code == 302
    detail = client.get(org_url("survey_detail", survey_id=survey.public_id)).content.decode()
    assert "Die Fragen sind gesperrt" in detail and "Frage hinzufügen" not in detail

    copied = client.post(org_url("survey_copy", survey_id=survey.public_id))
    copy = Survey.objects.exclude(pk=survey.pk).get()
    assert copied.status_code == 302 and not copy.structure_locked
    assert copy.title == f"Kopie von {survey.title}"


def test_translations_are_entered_and_missing_ones_listed(survey, world, client_for):
    client = client_for(world.qm)
    client.post(org_url("survey_edit", survey_id=survey.public_id), {
        "title": survey.title, "intro": "", "thanks": "", "audience": "staff", "min_group_size": "5",
        "languages": ["en"]})
    detail = client.get(org_url("survey_detail", survey_id=survey.public_id)).content.decode()
    assert "Fehlende Übersetzungen" in detail and "English" in detail

    url = org_url("survey_translation", survey_id=survey.public_id, language="en")
    page = client.get(url).content.decode()
    assert "Frage: Wie zufrieden sind Sie insgesamt?" in page
    response = client.post(url, {"t0": "Satisfaction with the Jobcenter"})

    assert response.status_code == 302
    assert Survey.objects.get(pk=survey.pk).translations["en"]["title"] == "Satisfaction with the Jobcenter"
    assert client.get(org_url("survey_translation", survey_id=survey.public_id, language="tr")).status_code == 404


def test_deleting_a_survey_asks_first(survey, world, client_for):
    client = client_for(world.qm)
    url = org_url("survey_delete", survey_id=survey.public_id)

    assert "Endgültig löschen" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Survey.objects.exists()


def test_staff_see_the_survey_but_no_builder_controls(survey, world, client_for):
    page = client_for(world.staff).get(org_url("survey_detail", survey_id=survey.public_id)).content.decode()

    assert survey.title in page
    assert "Frage hinzufügen" not in page and "Bearbeiten" not in page
    assert client_for(world.staff).get(org_url("survey_create")).status_code == 403


def test_a_foreign_survey_is_not_found(survey, world, client_for):
    response = client_for(world.outsider).get(
        reverse("org:survey_detail", kwargs={"org_slug": "ulm", "survey_id": survey.public_id}))

    assert response.status_code == 404


def test_the_preview_shows_the_pages_and_stores_nothing(survey, world, client_for):
    from kosmos.surveys.models import Response
    from tests.surveys.respondent import Respondent

    url = org_url("survey_preview", survey_id=survey.public_id)
    preview = Respondent(url, client_for(world.staff)).open()
    assert "Vorschau" in preview.text() and "Teil 1 von 3" in preview.text()
    assert "Speichern und später fortsetzen" not in preview.text()

    preview.send({"wie_zufrieden_sind_sie_insgesamt": "1"}).send({}).send({}, action="submit")
    assert "Ende der Vorschau" in preview.text()
    assert not Response.objects.exists()
