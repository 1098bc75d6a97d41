"""Template placeholders ("Geschäftsstelle 1"): filled from the organisation's offices, marked in the
builder, and a wave cannot start while one is left (issue 15, item 3)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kosmos.core.models import Office
from kosmos.surveys import services
from kosmos.surveys.domain.templates import TemplateError, load_builtin_templates, parse_template
from kosmos.surveys.models import Choice, Question

pytestmark = pytest.mark.django_db


def _draft_wave(survey, user):  # noqa: ANN001, ANN202
    today = timezone.localdate()
    return services.do_create_wave(acting_user=user, survey=survey, starts_on=today,
                                   ends_on=today + dt.timedelta(days=14))


def test_the_office_examples_of_the_templates_are_marked_as_placeholders():
    question = load_builtin_templates()["t0-kundinnen"].question("geschaeftsstelle")
    assert question.fill_from == "offices"
    assert [c.key for c in question.choices if c.placeholder] == ["geschaeftsstelle_1", "geschaeftsstelle_2"]
    assert not any(c.placeholder for c in question.choices if c.key == "weiss_nicht")


def test_a_placeholder_needs_editable_choices():
    template = {
        "format": 1, "slug": "x", "title": "X", "audience": "staff",
        "sections": [{"key": "s", "title": "S", "questions": [
            {"key": "q", "type": "single", "text": "Q?", "fill_from": "offices",
             "choices": [{"key": "a", "label": "A", "placeholder": True}, {"key": "b", "label": "B"}]},
        ]}],
    }
    with pytest.raises(TemplateError) as caught:
        parse_template(template, source="test")
    assert any("choices_editable" in p for p in caught.value.problems)


def test_the_offices_of_the_organisation_replace_the_placeholders(world):
    Office.objects.bulk_create([Office(organisation=world.freiburg, name=n) for n in ("Nord", "Süd", "Mitte")])

    survey = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                     slug="t0-kundinnen")

    choices = Choice.objects.filter(question__survey=survey, question__key="geschaeftsstelle").order_by("position")
    assert [c.label for c in choices] == ["Mitte", "Nord", "Süd", "Weiß ich nicht"]
    assert not any(c.placeholder for c in choices)
    assert [c.code for c in choices] == [1, 2, 3, 4]
    # An office name is the same in Leichte Sprache: nothing is reported missing for it.
    assert all(c.translations.get("de-x-ls") == c.label for c in choices[:3])
    assert services.unresolved_placeholders(survey) == []
    wave = services.do_start_wave(acting_user=world.qm, wave=_draft_wave(survey, world.qm))
    assert wave.status == "running"


def test_a_wave_with_an_unresolved_placeholder_cannot_start_and_the_message_names_the_question(world):
    assert not world.freiburg.offices.exists()
    survey = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                     slug="t0-kundinnen")
    wave = _draft_wave(survey, world.qm)

    with pytest.raises(ValidationError) as caught:
        services.do_start_wave(acting_user=world.qm, wave=wave)

    message = " ".join(caught.value.messages)
    assert "Welche Geschäftsstelle besuchen Sie meistens?" in message and "Geschäftsstelle 1" in message
    wave.refresh_from_db()
    survey.refresh_from_db()
    assert wave.status == "draft" and not survey.structure_locked


def test_replacing_the_examples_in_the_builder_resolves_the_placeholder(world):
    survey = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                     slug="t0-kundinnen")
    question = Question.objects.get(survey=survey, key="geschaeftsstelle")

    # Keeping one example keeps it a placeholder.
    services.do_update_question(acting_user=world.qm, question=question,
                                text=question.text, is_group=True,
                                options=["Haus am Markt", "Geschäftsstelle 2", "Weiß ich nicht"])
    assert [q.key for q in services.unresolved_placeholders(survey)] == ["geschaeftsstelle"]

    services.do_update_question(acting_user=world.qm, question=question,
                                text=question.text, is_group=True,
                                options=["Haus am Markt", "Haus am Bahnhof", "Weiß ich nicht"])
    assert services.unresolved_placeholders(survey) == []
    services.do_start_wave(acting_user=world.qm, wave=_draft_wave(survey, world.qm))


def test_the_builder_shows_the_unresolved_placeholders(world, client):
    survey = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                     slug="t0-kundinnen")
    client.force_login(world.qm)

    page = client.get(reverse("org:survey_detail", kwargs={"org_slug": world.freiburg.slug,
                                                           "survey_id": survey.public_id})).content.decode()

    assert "Beispielantworten" in page
    assert page.count("Beispiel, ersetzen") == 2


def test_a_complete_translation_shows_no_missing_translations_box(world, client):
    # Issue 15: the builder showed "Fehlende Übersetzungen" although nothing was missing.
    Office.objects.create(organisation=world.freiburg, name="Mitte")
    survey = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                     slug="t0-kundinnen")
    assert set(services.missing_translations(survey).values()) == {0}
    client.force_login(world.qm)

    page = client.get(reverse("org:survey_detail", kwargs={"org_slug": world.freiburg.slug,
                                                           "survey_id": survey.public_id})).content.decode()

    assert "Fehlende Übersetzungen" not in page
    assert "Beispielantworten" not in page
