"""Building surveys: templates, questions, conditions, group questions, locking, translations, audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kosmos.core.models import AuditEvent
from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.domain.templates import load_builtin_templates
from kosmos.surveys.models import Choice, Question, Survey
from tests.surveys.conftest import open_wave

pytestmark = pytest.mark.django_db

SLUGS = sorted(load_builtin_templates())


@pytest.mark.parametrize("slug", SLUGS)
def test_every_template_is_copied_into_the_organisation(slug, world):
    template = load_builtin_templates()[slug]

    survey = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg, slug=slug)

    questionnaire = load_questionnaire(survey)
    assert survey.organisation == world.freiburg and survey.template_key == slug
    assert [u.key for u in questionnaire.answer_units()] == list(template.answer_keys())
    assert [i.key for i in questionnaire.group_items] == [q.key for q in template.group_questions()]
    for tq in template.questions():
        item = questionnaire.by_key[tq.key]
        assert [o.key for o in item.options] == list(tq.option_keys())
        if tq.condition:
            assert (item.condition_key, tuple(item.condition_values)) == (tq.condition.question, tq.condition.values)
    assert AuditEvent.objects.filter(action="survey.created", object_id=str(survey.public_id)).exists()


def test_a_copied_template_keeps_its_leichte_sprache_texts(world):
    survey = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                     slug="digitale-angebote")

    questionnaire = load_questionnaire(survey)
    assert "de-x-ls" in survey.languages
    item = questionnaire.items[0]
    assert item.text("de-x-ls") != item.text("de")
    assert services.missing_translations(survey)["de-x-ls"] == 0


def test_the_copy_belongs_to_the_organisation_and_changing_it_leaves_the_template_alone(world):
    first = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                    slug="bewertungsbogen-20")
    question = Question.objects.filter(survey=first, parent__isnull=True, kind="matrix").first()
    services.do_update_question(acting_user=world.qm, question=question, text="Geänderter Text",
                                statements=["Nur eine Aussage"], scale_key="agree5", no_answer=True)

    second = services.do_create_survey_from_template(acting_user=world.qm, organisation=world.freiburg,
                                                     slug="bewertungsbogen-20")

    assert Question.objects.filter(survey=second, kind="statement").count() == 20
    assert Question.objects.filter(survey=first, kind="statement").count() < 20


def test_a_scale_question_gets_the_levels_of_its_scale(survey):
    question = Question.objects.get(survey=survey, kind="likert")

    choices = list(question.choices.values_list("key", "code", "value", "not_applicable"))

    assert choices == [("5", 1, 5.0, False), ("4", 2, 4.0, False), ("3", 3, 3.0, False), ("2", 4, 2.0, False),
                       ("1", 5, 1.0, False), ("na", 6, None, True)]


def test_a_condition_must_refer_to_an_earlier_question(survey, world):
    later = Question.objects.get(survey=survey, text="Was möchten Sie uns noch sagen?")
    first_section = survey.sections.first()

    with pytest.raises(ValidationError):
        services.do_add_question(acting_user=world.qm, section=first_section, kind="text", text="Zu früh",
                                 condition=(later, ["x"]))


def test_a_condition_needs_an_answer_of_the_earlier_question(survey, world):
    likert = Question.objects.get(survey=survey, kind="likert")
    section = survey.sections.last()

    with pytest.raises(ValidationError) as error:
        services.do_add_question(acting_user=world.qm, section=section, kind="text", text="Warum?",
                                 condition=(likert, ["7"]))
    assert "condition" in error.value.message_dict


def test_only_three_group_questions_and_only_single_choice(survey, world):
    section = survey.sections.first()
    services.do_add_question(acting_user=world.qm, section=section, kind="single", text="Alter", options=["a", "b"],
                             is_group=True)
    services.do_add_question(acting_user=world.qm, section=section, kind="single", text="Art", options=["a", "b"],
                             is_group=True)

    with pytest.raises(ValidationError):
        services.do_add_question(acting_user=world.qm, section=section, kind="single", text="Vierte",
                                 options=["a", "b"], is_group=True)
    with pytest.raises(ValidationError):
        services.do_add_question(acting_user=world.qm, section=section, kind="multiple", text="Mehrfach",
                                 options=["a", "b"], is_group=True)
    assert sorted(Question.objects.filter(survey=survey, group_slot__isnull=False).values_list("group_slot", flat=True)) == [1, 2, 3]


def test_a_group_question_is_always_optional(survey, world):
    question = services.do_add_question(acting_user=world.qm, section=survey.sections.first(), kind="single",
                                        text="Standort", options=["Nord", "Süd"], is_group=True, required=True)

    assert question.required is False


def test_editing_options_keeps_the_keys_that_conditions_use(survey, world):
    question = Question.objects.get(survey=survey, text="Wie erreichen Sie uns?")
    section = survey.sections.last()
    dependant = services.do_add_question(acting_user=world.qm, section=section, kind="text", text="Welche Mail?",
                                         condition=(question, ["e_mail"]))

    services.do_update_question(acting_user=world.qm, question=question, text=question.text,
                                options=["Telefon", "E-Mail", "Vor Ort", "Brief"])

    assert "e_mail" in set(question.choices.values_list("key", flat=True))
    assert Question.objects.get(pk=dependant.pk).condition_values == ["e_mail"]
    with pytest.raises(ValidationError):
        services.do_update_question(acting_user=world.qm, question=question, text=question.text,
                                    options=["Telefon"] + ["Brief"])


def test_moving_a_question_past_the_end_of_its_section_moves_it_to_the_next(survey, world):
    question = Question.objects.get(survey=survey, text="Wie erreichen Sie uns?")

    services.do_move_question(acting_user=world.qm, question=question, direction=1)

    question.refresh_from_db()
    assert question.section == survey.sections.order_by("position")[1]
    assert question.position == 1


def test_moving_a_question_before_its_condition_is_refused(survey, world):
    conditional = Question.objects.get(survey=survey, text="Was stört Sie?")
    services.do_move_question(acting_user=world.qm, question=conditional, direction=-1)  # end of page 1
    services.do_move_question(acting_user=world.qm,
                              question=Question.objects.get(pk=conditional.pk), direction=-1)  # still after it

    with pytest.raises(ValidationError):  # before the satisfaction question it depends on
        services.do_move_question(acting_user=world.qm, question=Question.objects.get(pk=conditional.pk), direction=-1)


def test_the_questions_are_locked_once_a_wave_has_started(survey, world):
    open_wave(survey, world.qm)
    question = Question.objects.filter(survey=survey, parent__isnull=True).first()

    with pytest.raises(ValidationError):
        services.do_update_question(acting_user=world.qm, question=question, text="Neu")
    with pytest.raises(ValidationError):
        services.do_add_section(acting_user=world.qm, survey=Survey.objects.get(pk=survey.pk), title="Neu")
    copy = services.do_copy_survey(acting_user=world.qm, survey=survey)
    assert not copy.structure_locked
    assert Question.objects.filter(survey=copy).count() == Question.objects.filter(survey=survey).count()
    conditional = Question.objects.get(survey=copy, text="Was stört Sie?")
    assert conditional.condition_question.survey == copy


def test_the_minimum_group_size_is_never_below_three(survey, world):
    with pytest.raises(ValidationError):
        services.do_update_survey(acting_user=world.qm, survey=survey, data={"min_group_size": 2})

    services.do_update_survey(acting_user=world.qm, survey=survey, data={"min_group_size": 10})
    assert Survey.objects.get(pk=survey.pk).min_group_size == 10


def test_translations_are_stored_and_missing_ones_are_counted(survey, world):
    services.do_update_survey(acting_user=world.qm, survey=survey, data={"languages": ["en", "de-x-ls"]})
    slots = services.translation_slots(survey)
    before = services.missing_translations(survey)

    question = Question.objects.get(survey=survey, kind="likert")
    choice = question.choices.get(key="5")
    changed = services.do_update_translations(acting_user=world.qm, survey=survey, language="en", texts={
        "survey:title": "Satisfaction", f"question:{question.public_id}:text": "How satisfied are you?",
        f"choice:{question.public_id}:{choice.key}": "Very satisfied",
    })

    after = services.missing_translations(survey)
    assert changed == 3
    assert before["en"] == len(slots) and after["en"] == len(slots) - 3
    item = load_questionnaire(Survey.objects.get(pk=survey.pk)).by_key[question.key]
    assert item.text("en") == "How satisfied are you?"
    assert item.text("tr") == question.text  # not offered: German
    assert item.option("5").text("en") == "Very satisfied"
    assert item.option("4").text("en") == "Eher zufrieden"  # missing: falls back to German
    assert AuditEvent.objects.filter(action="survey.translations_updated").count() == 1


def test_a_translation_for_a_language_not_offered_is_refused(survey, world):
    with pytest.raises(ValidationError):
        services.do_update_translations(acting_user=world.qm, survey=survey, language="tr", texts={})


def test_every_change_is_in_the_audit_log(survey, world):
    question = Question.objects.get(survey=survey, kind="number")
    services.do_update_question(acting_user=world.qm, question=question, text="Seit wann?", number_min=0,
                                number_max=60, unit="Jahre")
    services.do_delete_question(acting_user=world.qm, question=question)

    actions = list(AuditEvent.objects.filter(organisation=world.freiburg).values_list("action", flat=True))
    assert {"survey.created", "survey.question_added", "survey.section_added", "survey.question_updated",
            "survey.question_deleted"} <= set(actions)
    update = AuditEvent.objects.get(action="survey.question_updated")
    assert update.changes["text"] == ["Seit wie vielen Jahren?", "Seit wann?"]
    assert update.actor == world.qm


def test_deleting_a_survey_deletes_its_responses(survey, wave, fill, world):
    fill(wave, 3)

    services.do_delete_survey(acting_user=world.qm, survey=survey)

    from kosmos.surveys.models import Answer, Response

    assert not Survey.objects.filter(pk=survey.pk).exists()
    assert Response.objects.count() == 0 and Answer.objects.count() == 0 and Choice.objects.count() == 0
    assert AuditEvent.objects.filter(action="survey.deleted").get().changes["responses"] == [3, None]
