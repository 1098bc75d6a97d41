"""Writes that build a survey: settings, sections, questions, choices, translations, copies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kosmos.core.audit import apply_changes, log_created, log_deleted, log_event, update_fields
from kosmos.core.models import Organisation, User
from kosmos.surveys.domain.templates import (
    BASE_LANGUAGE,
    NO_ANSWER_KEY,
    SurveyTemplate,
    Text,
    load_builtin_templates,
    load_scales,
)
from kosmos.surveys.languages import EXTRA_LANGUAGES, LANGUAGES
from kosmos.surveys.models import (
    Answer,
    Choice,
    Question,
    QuestionKind,
    Response,
    Section,
    Survey,
    TextAnswer,
)
from kosmos.surveys.models.structure import MAX_GROUP_QUESTIONS, SCALE_KINDS

CONDITION_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.LIKERT, QuestionKind.STATEMENT}

SURVEY_FIELDS = ["title", "intro", "thanks", "audience", "min_group_size", "languages"]
SECTION_FIELDS = ["title", "intro"]
QUESTION_FIELDS = ["text", "help_text", "required", "number_min", "number_max", "unit", "scale_key", "group_slot"]

NOT_APPLICABLE_LABEL = gettext_lazy("No answer")


def touch(survey: Survey | int) -> None:
    """Raise the survey's version: answer pages cache the questionnaire by it (``content``)."""
    Survey.objects.filter(pk=getattr(survey, "pk", survey)).update(version=F("version") + 1)


def _ensure_unlocked(survey: Survey) -> None:
    if survey.structure_locked:
        raise ValidationError(
            _(
                "The questions can no longer be changed because a wave of this survey has started. "
                "Copy the survey to change them."
            )
        )


def unique_key(text: str, taken: set[str], fallback: str = "frage", max_length: int = 40, choice: bool = False) -> str:
    """A short name from a text, as templates use them: lower case, digits and ``_``."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    words = slugify(text).split("-")
    base = ""
    for word in words:
        if len(base) + len(word) + 1 > max_length - 4:
            break
        base = f"{base}_{word}" if base else word
    if not base or (not choice and not base[0].isalpha()):
        base = f"{fallback}_{base}" if base else fallback
    key, n = base, 2
    while key in taken:
        key = f"{base}_{n}"
        n += 1
    taken.add(key)
    return key


# --- survey ------------------------------------------------------------------------------


@transaction.atomic
def do_create_survey(
    *,
    acting_user: User,
    organisation: Organisation,
    title: str,
    audience: str,
    min_group_size: int = 5,
    intro: str = "",
    thanks: str = "",
) -> Survey:
    survey = Survey(
        organisation=organisation,
        title=title,
        audience=audience,
        min_group_size=min_group_size,
        intro=intro,
        thanks=thanks,
        created_by=acting_user,
    )
    survey.full_clean()
    survey.save()
    Section.objects.create(survey=survey, position=1, title=_("Questions"))
    log_created(survey, actor=acting_user, organisation=organisation, action="survey.created",
                fields=["title", "audience", "min_group_size"])
    return survey


@transaction.atomic
def do_update_survey(*, acting_user: User, survey: Survey, data: dict[str, Any]) -> Survey:
    fields = [f for f in SURVEY_FIELDS if f in data]
    if "languages" in data:
        unknown = set(data["languages"]) - set(EXTRA_LANGUAGES)
        if unknown:
            raise ValidationError({"languages": _("Unknown language.")})
        data = {**data, "languages": [code for code in EXTRA_LANGUAGES if code in data["languages"]]}
    # A translation belongs to the wording it translates: a changed German text drops it, so the
    # translation page lists it as missing instead of showing the old text in other languages.
    stale = [name for name in ("title", "intro", "thanks") if name in data and data[name] != getattr(survey, name)]
    if stale:
        data = {**data, "translations": _without(survey.translations, stale)}
        fields.append("translations")
    changes = update_fields(survey, {f: data[f] for f in fields}, actor=acting_user,
                            organisation=survey.organisation, action="survey.updated",
                            clean=lambda s: s.full_clean())
    if changes:
        touch(survey)
    return survey


@transaction.atomic
def do_delete_survey(*, acting_user: User, survey: Survey) -> None:
    """Delete a survey with all its waves, responses and access codes."""
    responses = Response.objects.filter(wave__survey=survey).count()
    # Answers first, in one statement each, instead of Django collecting a million rows.
    Answer.objects.filter(wave__survey=survey).delete()
    TextAnswer.objects.filter(wave__survey=survey).delete()
    Response.objects.filter(wave__survey=survey).delete()
    log_deleted(survey, actor=acting_user, organisation=survey.organisation, action="survey.deleted",
                fields={"title": survey.title, "responses": responses})
    Question.objects.filter(survey=survey).update(condition_question=None)
    survey.delete()


def copy_structure(source: Survey, target: Survey) -> None:
    """Copy sections, questions, choices and translations (no waves, no responses)."""
    section_map: dict[int, Section] = {}
    for section in source.sections.order_by("position", "id"):
        section_map[section.id] = Section.objects.create(
            survey=target, position=section.position, title=section.title, intro=section.intro,
            translations=section.translations,
        )
    question_map: dict[int, Question] = {}
    questions = list(source.questions.order_by("parent_id", "position", "id").prefetch_related("choices"))
    # Parents before their statements: a matrix's statements need the new matrix.
    for question in sorted(questions, key=lambda q: (q.parent_id is not None, q.position, q.id)):
        copy = Question.objects.create(
            survey=target,
            section=section_map[question.section_id],
            parent=question_map[question.parent_id] if question.parent_id else None,
            position=question.position,
            key=question.key,
            kind=question.kind,
            text=question.text,
            help_text=question.help_text,
            required=question.required,
            group_slot=question.group_slot,
            condition_values=question.condition_values,
            number_min=question.number_min,
            number_max=question.number_max,
            translations=question.translations,
        )
        question_map[question.id] = copy
        Choice.objects.bulk_create(
            [
                Choice(question=copy, position=c.position, key=c.key, code=c.code, label=c.label,
                       not_applicable=c.not_applicable, exclusive=c.exclusive, placeholder=c.placeholder,
                       translations=c.translations)
                for c in question.choices.all()
            ]
        )
    for question in questions:
        if question.condition_question_id:
            copy = question_map[question.id]
            copy.condition_question = question_map[question.condition_question_id]
            copy.save(update_fields=["condition_question"])


@transaction.atomic
def do_copy_survey(*, acting_user: User, survey: Survey, title: str | None = None) -> Survey:
    copy = Survey.objects.create(
        organisation=survey.organisation,
        title=title or _("Copy of %(title)s") % {"title": survey.title},
        intro=survey.intro,
        thanks=survey.thanks,
        audience=survey.audience,
        min_group_size=survey.min_group_size,
        languages=survey.languages,
        translations=survey.translations,
        template_key=survey.template_key,
        created_by=acting_user,
    )
    copy_structure(survey, copy)
    log_event(actor=acting_user, organisation=survey.organisation, action="survey.copied", obj=copy,
              changes={"source": [None, survey.title]})
    return copy


# --- sections ------------------------------------------------------------------------------


@transaction.atomic
def do_add_section(*, acting_user: User, survey: Survey, title: str, intro: str = "") -> Section:
    _ensure_unlocked(survey)
    position = (survey.sections.aggregate(m=Max("position"))["m"] or 0) + 1
    section = Section.objects.create(survey=survey, position=position, title=title, intro=intro)
    touch(survey)
    log_created(section, actor=acting_user, organisation=survey.organisation, action="survey.section_added",
                fields=["title"])
    return section


@transaction.atomic
def do_update_section(*, acting_user: User, section: Section, data: dict[str, Any]) -> Section:
    changes = update_fields(section, {f: data[f] for f in SECTION_FIELDS if f in data}, actor=acting_user,
                            organisation=section.survey.organisation, action="survey.section_updated",
                            clean=lambda s: s.full_clean())
    if changes:
        touch(section.survey_id)
    return section


@transaction.atomic
def do_delete_section(*, acting_user: User, section: Section) -> None:
    survey = section.survey
    _ensure_unlocked(survey)
    if survey.sections.count() <= 1:
        raise ValidationError(_("A survey needs at least one section."))
    if Question.objects.filter(condition_question__section=section).exclude(section=section).exists():
        raise ValidationError(_("Questions in other sections depend on questions of this section. Remove those conditions first."))
    touch(survey)
    log_deleted(section, actor=acting_user, organisation=survey.organisation, action="survey.section_deleted",
                fields=["title"])
    section.questions.update(condition_question=None)
    section.delete()
    _renumber(survey.sections.order_by("position", "id"))


def _renumber(items: Iterable[Section | Question]) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def do_move_section(*, acting_user: User, section: Section, direction: int) -> None:
    survey = section.survey
    _ensure_unlocked(survey)
    sections = list(survey.sections.order_by("position", "id"))
    index = sections.index(section)
    target = index + (1 if direction > 0 else -1)
    if not 0 <= target < len(sections):
        return
    sections[index], sections[target] = sections[target], sections[index]
    _renumber(sections)
    _check_condition_order(survey)
    touch(survey)
    log_event(actor=acting_user, organisation=survey.organisation, action="survey.section_moved", obj=section)


# --- questions -------------------------------------------------------------------------------


def _check_condition_order(survey: Survey) -> None:
    """A condition must refer to a question asked earlier."""
    order = {}
    for i, q in enumerate(
        Question.objects.filter(survey=survey, parent__isnull=True).order_by("section__position", "section_id", "position", "id")
    ):
        order[q.id] = i
    for q in Question.objects.filter(survey=survey, condition_question__isnull=False):
        if order.get(q.condition_question_id, -1) >= order.get(q.id, -1):
            raise ValidationError(
                _("“%(question)s” depends on a question that would come after it. Change the order or the condition.")
                % {"question": q.text[:80]}
            )


def _free_group_slot(survey: Survey, exclude: Question | None = None) -> int:
    taken = set(
        Question.objects.filter(survey=survey, group_slot__isnull=False)
        .exclude(pk=exclude.pk if exclude else None)
        .values_list("group_slot", flat=True)
    )
    for slot in range(1, MAX_GROUP_QUESTIONS + 1):
        if slot not in taken:
            return slot
    raise ValidationError(
        {"is_group": _("A survey can have at most %(n)d group questions.") % {"n": MAX_GROUP_QUESTIONS}}
    )


@dataclass(frozen=True)
class ChoiceSpec:
    label: str
    key: str = ""
    value: float | None = None
    not_applicable: bool = False
    exclusive: bool = False
    translations: dict[str, str] = field(default_factory=dict)
    placeholder: bool = False


def _set_choices(question: Question, specs: Sequence[ChoiceSpec]) -> None:
    """Replace the options (codes 1, 2, … in display order). Options that stay in place keep
    their key, so that conditions on them still hold."""
    existing = list(question.choices.order_by("position", "id"))
    keep = existing[: len(specs)]
    question.choices.exclude(pk__in=[c.pk for c in keep]).delete()
    taken: set[str] = set()
    for choice, spec in zip(keep, specs, strict=False):
        choice.key = spec.key or choice.key
        taken.add(choice.key)
    # Two passes so that the unique (question, code) and (question, key) constraints hold in between.
    for i, choice in enumerate(keep):
        choice.code, choice.key = 1000 + i, f"tmp_{i}_{choice.pk}"
        choice.save(update_fields=["code", "key"])
    for position, (choice, spec) in enumerate(zip(keep, specs, strict=False), start=1):
        choice.key = spec.key or existing[position - 1].key
        choice.code = choice.position = position
        choice.label, choice.value = spec.label, spec.value
        choice.not_applicable, choice.exclusive = spec.not_applicable, spec.exclusive
        choice.placeholder = spec.placeholder
        if spec.translations:
            choice.translations = spec.translations
        choice.save()
    Choice.objects.bulk_create(
        [
            Choice(
                question=question, position=position, code=position, label=spec.label, value=spec.value,
                not_applicable=spec.not_applicable, exclusive=spec.exclusive, translations=spec.translations,
                placeholder=spec.placeholder, key=spec.key or unique_key(spec.label, taken, fallback="antwort", choice=True),
            )
            for position, spec in enumerate(specs, start=1)
            if position > len(keep)
        ]
    )


def scale_choices(scale_key: str, no_answer: bool) -> list[ChoiceSpec]:
    scales = load_scales()
    if scale_key not in scales:
        raise ValidationError({"scale": _("Unknown scale.")})
    return [
        ChoiceSpec(
            label=level.label.de, key=level.key, value=level.value, not_applicable=level.value is None,
            translations={lang: text for lang, text in level.label.values.items() if lang != BASE_LANGUAGE},
        )
        for level in scales[scale_key].options(no_answer)
    ]


def _option_specs(question_kind: str, options: Sequence[str], no_answer: bool, existing: Question | None) -> list[ChoiceSpec]:
    labels = [o.strip() for o in options if o.strip()]
    old = {c.label: c for c in existing.choices.all()} if existing else {}
    # An unchanged placeholder ("Geschäftsstelle 1") stays one; a new or changed label is the organisation's own.
    specs = [ChoiceSpec(label=label, key=old[label].key if label in old else "",
                        translations=old[label].translations if label in old else {},
                        placeholder=old[label].placeholder if label in old else False)
             for label in labels]
    if no_answer and question_kind == QuestionKind.SINGLE:
        specs.append(ChoiceSpec(label=str(NOT_APPLICABLE_LABEL), key="na", not_applicable=True))
    return specs


def _set_statements(matrix: Question, statements: Sequence[str]) -> None:
    statements = [s.strip() for s in statements if s.strip()]
    existing = list(matrix.statements.order_by("position", "id"))
    taken = set(Question.objects.filter(survey=matrix.survey).values_list("key", flat=True))
    for position, text in enumerate(statements, start=1):
        if position <= len(existing):
            statement = existing[position - 1]
            if statement.text != text or statement.position != position:
                statement.text, statement.position = text, position
                statement.save(update_fields=["text", "position"])
        else:
            Question.objects.create(
                survey=matrix.survey, section=matrix.section, parent=matrix, position=position,
                key=unique_key(f"{matrix.key}_{position}", taken), kind=QuestionKind.STATEMENT, text=text,
            )
    for statement in existing[len(statements):]:
        if statement.dependants.exists():
            raise ValidationError({"statements": _("Another question depends on a statement you removed.")})
        statement.delete()


def _validate_question_data(kind: str, data: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if kind in {QuestionKind.SINGLE, QuestionKind.MULTIPLE}:
        options = [o.strip() for o in data.get("options", []) if o.strip()]
        if len(options) < 2:
            errors["options"] = _("Enter at least two answer options, one per line.")
        elif len(set(options)) != len(options):
            errors["options"] = _("Every answer option may appear only once.")
    if kind in SCALE_KINDS and data.get("scale_key") not in load_scales():
        errors["scale_key"] = _("Choose a scale.")
    if kind == QuestionKind.MATRIX and not [s for s in data.get("statements", []) if s.strip()]:
        errors["statements"] = _("Enter at least one statement, one per line.")
    if kind == QuestionKind.NUMBER:
        low, high = data.get("number_min"), data.get("number_max")
        if low is not None and high is not None and low > high:
            errors["number_max"] = _("The highest number must not be smaller than the lowest.")
    if data.get("is_group"):
        if kind != QuestionKind.SINGLE:
            errors["is_group"] = _("Only a single-choice question can be a group question.")
        elif data.get("condition") is not None:
            errors["is_group"] = _("A group question cannot have a condition.")
    if errors:
        raise ValidationError(errors)


def _apply_condition(question: Question, condition: tuple[Question, list[str]] | None) -> None:
    if condition is None:
        question.condition_question, question.condition_values = None, []
        return
    source, values = condition
    if source.survey_id != question.survey_id or source.kind not in CONDITION_KINDS or source.pk == question.pk:
        raise ValidationError({"condition": _("A condition can only refer to an earlier choice question of this survey.")})
    owner = source.parent if source.kind == QuestionKind.STATEMENT else source
    keys = set(owner.choices.values_list("key", flat=True))
    if not values or not set(values) <= keys:
        raise ValidationError({"condition": _("Choose an answer of the earlier question.")})
    question.condition_question, question.condition_values = source, list(values)


def _write_question(question: Question, kind: str, data: dict[str, Any]) -> None:
    if kind in {QuestionKind.SINGLE, QuestionKind.MULTIPLE}:
        _set_choices(question, _option_specs(kind, data["options"], data["no_answer"], question if question.pk else None))
    elif kind in SCALE_KINDS:
        _set_choices(question, scale_choices(data["scale_key"], data["no_answer"]))
    if kind == QuestionKind.MATRIX:
        _set_statements(question, data["statements"])


@transaction.atomic
def do_add_question(
    *,
    acting_user: User,
    section: Section,
    kind: str,
    text: str,
    help_text: str = "",
    required: bool = False,
    options: Sequence[str] = (),
    scale_key: str = "agree5",
    no_answer: bool = False,
    statements: Sequence[str] = (),
    number_min: int | None = None,
    number_max: int | None = None,
    unit: str = "",
    is_group: bool = False,
    condition: tuple[Question, list[str]] | None = None,
) -> Question:
    survey = section.survey
    _ensure_unlocked(survey)
    if kind not in QuestionKind.values or kind == QuestionKind.STATEMENT:
        raise ValidationError({"kind": _("Unknown question type.")})
    data = {"options": list(options), "scale_key": scale_key, "no_answer": no_answer and not is_group,
            "statements": list(statements), "number_min": number_min, "number_max": number_max,
            "is_group": is_group, "condition": condition}
    _validate_question_data(kind, data)
    taken = set(Question.objects.filter(survey=survey).values_list("key", flat=True))
    position = (section.questions.filter(parent__isnull=True).aggregate(m=Max("position"))["m"] or 0) + 1
    question = Question(
        survey=survey, section=section, position=position, key=unique_key(text, taken), kind=kind, text=text,
        help_text=help_text, required=required and not is_group,
        number_min=number_min if kind == QuestionKind.NUMBER else None,
        number_max=number_max if kind == QuestionKind.NUMBER else None,
        unit=unit if kind == QuestionKind.NUMBER else "",
        scale_key=scale_key if kind in SCALE_KINDS else "",
        group_slot=_free_group_slot(survey) if is_group else None,
    )
    _apply_condition(question, condition)
    question.full_clean(exclude=["survey", "section"])
    question.save()
    _write_question(question, kind, data)
    _check_condition_order(survey)
    touch(survey)
    log_created(question, actor=acting_user, organisation=survey.organisation, action="survey.question_added",
                fields=["text", "kind"])
    return question


@transaction.atomic
def do_update_question(
    *,
    acting_user: User,
    question: Question,
    text: str,
    help_text: str = "",
    required: bool = False,
    options: Sequence[str] = (),
    scale_key: str = "agree5",
    no_answer: bool = False,
    statements: Sequence[str] = (),
    number_min: int | None = None,
    number_max: int | None = None,
    unit: str = "",
    is_group: bool = False,
    condition: tuple[Question, list[str]] | None = None,
) -> Question:
    survey = question.survey
    _ensure_unlocked(survey)
    kind = question.kind
    data = {"options": list(options), "scale_key": scale_key, "no_answer": no_answer and not is_group,
            "statements": list(statements), "number_min": number_min, "number_max": number_max,
            "is_group": is_group, "condition": condition}
    _validate_question_data(kind, data)
    before_options = list(question.choices.values_list("label", flat=True))
    before_statements = list(question.statements.values_list("text", flat=True))
    before_condition = (question.condition_question_id, list(question.condition_values))
    values: dict[str, Any] = {"text": text, "help_text": help_text, "required": required and not is_group}
    if kind == QuestionKind.NUMBER:
        values.update(number_min=number_min, number_max=number_max, unit=unit)
    if kind in SCALE_KINDS:
        values["scale_key"] = scale_key
    if is_group and question.group_slot is None:
        values["group_slot"] = _free_group_slot(survey, exclude=question)
    elif not is_group:
        values["group_slot"] = None

    def apply_condition_and_clean(q: Question) -> None:
        _apply_condition(q, condition)
        q.full_clean(exclude=["survey", "section"])

    changes = apply_changes(question, values, clean=apply_condition_and_clean)
    if (question.condition_question_id, list(question.condition_values)) != before_condition:
        question.save(update_fields=["condition_question", "condition_values"])
        changes["condition"] = [before_condition[1], list(question.condition_values)]
    _write_question(question, kind, data)
    # Conditions of later questions must still name existing options.
    keys = set(question.choices.values_list("key", flat=True))
    for dependant in question.dependants.all():
        if not set(dependant.condition_values) <= keys:
            raise ValidationError(
                {"options": _("“%(question)s” depends on an option you removed. Change that condition first.")
                 % {"question": dependant.text[:80]}}
            )
    _check_condition_order(survey)
    after_options = list(question.choices.values_list("label", flat=True))
    if after_options != before_options:
        changes["options"] = [before_options, after_options]
    after_statements = list(question.statements.values_list("text", flat=True))
    if after_statements != before_statements:
        changes["statements"] = [before_statements, after_statements]
    if changes:
        touch(survey)
        log_event(actor=acting_user, organisation=survey.organisation, action="survey.question_updated",
                  obj=question, changes=changes)
    return question


@transaction.atomic
def do_delete_question(*, acting_user: User, question: Question) -> None:
    survey = question.survey
    _ensure_unlocked(survey)
    if question.dependants.exists():
        raise ValidationError(_("Other questions depend on this question. Remove those conditions first."))
    touch(survey)
    log_deleted(question, actor=acting_user, organisation=survey.organisation, action="survey.question_deleted",
                fields=["text"])
    section = question.section
    question.delete()
    _renumber(section.questions.filter(parent__isnull=True).order_by("position", "id"))


@transaction.atomic
def do_move_question(*, acting_user: User, question: Question, direction: int) -> None:
    """Move a question up or down; past the first or last position it moves to the neighbouring section."""
    survey = question.survey
    _ensure_unlocked(survey)
    siblings = list(question.section.questions.filter(parent__isnull=True).order_by("position", "id"))
    index = siblings.index(question)
    target = index + (1 if direction > 0 else -1)
    if 0 <= target < len(siblings):
        siblings[index], siblings[target] = siblings[target], siblings[index]
        _renumber(siblings)
    else:
        sections = list(survey.sections.order_by("position", "id"))
        s_index = sections.index(question.section) + (1 if direction > 0 else -1)
        if not 0 <= s_index < len(sections):
            return
        old_section, new_section = question.section, sections[s_index]
        others = list(new_section.questions.filter(parent__isnull=True).order_by("position", "id"))
        ordered = [question, *others] if direction > 0 else [*others, question]
        question.section = new_section
        question.save(update_fields=["section"])
        question.statements.update(section=new_section)
        _renumber(ordered)
        _renumber(old_section.questions.filter(parent__isnull=True).order_by("position", "id"))
    _check_condition_order(survey)
    touch(survey)
    log_event(actor=acting_user, organisation=survey.organisation, action="survey.question_moved", obj=question)


# --- translations ------------------------------------------------------------------------------


def translation_slots(survey: Survey) -> list[tuple[str, str, str]]:
    """Every text of a survey that can be translated: (slot, German text, kind of text).

    Slots are ``survey:title``, ``section:<public id>:title``, ``question:<public id>:text``,
    ``choice:<question public id>:<choice key>`` and so on; the translation form has one field
    per slot.
    """
    slots: list[tuple[str, str, str]] = [("survey:title", survey.title, "title")]
    if survey.intro:
        slots.append(("survey:intro", survey.intro, "intro"))
    if survey.thanks:
        slots.append(("survey:thanks", survey.thanks, "thanks"))
    sections = list(survey.sections.order_by("position", "id"))
    questions = list(
        survey.questions.order_by("position", "id").prefetch_related("choices").select_related("parent")
    )
    for section in sections:
        slots.append((f"section:{section.public_id}:title", section.title, "section"))
        if section.intro:
            slots.append((f"section:{section.public_id}:intro", section.intro, "intro"))
        tops = [q for q in questions if q.section_id == section.id and q.parent_id is None]
        for q in tops:
            slots.append((f"question:{q.public_id}:text", q.text, "question"))
            if q.help_text:
                slots.append((f"question:{q.public_id}:help", q.help_text, "help"))
            for statement in [s for s in questions if s.parent_id == q.id]:
                slots.append((f"question:{statement.public_id}:text", statement.text, "statement"))
            for choice in q.choices.all():
                slots.append((f"choice:{q.public_id}:{choice.key}", choice.label, "choice"))
    return slots


def current_translations(survey: Survey, language: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for name in ("title", "intro", "thanks"):
        text = (survey.translations.get(language) or {}).get(name)
        if text:
            values[f"survey:{name}"] = text
    for section in survey.sections.all():
        for name in ("title", "intro"):
            text = (section.translations.get(language) or {}).get(name)
            if text:
                values[f"section:{section.public_id}:{name}"] = text
    for q in survey.questions.prefetch_related("choices"):
        for name in ("text", "help"):
            text = (q.translations.get(language) or {}).get(name)
            if text:
                values[f"question:{q.public_id}:{name}"] = text
        for choice in q.choices.all():
            text = choice.translations.get(language)
            if text:
                values[f"choice:{q.public_id}:{choice.key}"] = text
    return values


def missing_translations(survey: Survey) -> dict[str, int]:
    """Number of texts without a translation, per further language of the survey."""
    slots = translation_slots(survey)
    result = {}
    for language in survey.languages:
        done = current_translations(survey, language)
        result[language] = sum(1 for slot, _text, _kind in slots if not done.get(slot))
    return result


def _set_nested(translations: dict[str, Any], language: str, name: str, text: str) -> dict[str, Any]:
    result = {lang: dict(values) if isinstance(values, dict) else values for lang, values in translations.items()}
    entry = dict(result.get(language) or {})
    if text:
        entry[name] = text
    else:
        entry.pop(name, None)
    if entry:
        result[language] = entry
    else:
        result.pop(language, None)
    return result


@transaction.atomic
def do_update_translations(*, acting_user: User, survey: Survey, language: str, texts: dict[str, str]) -> int:
    """Store the texts of one language; an empty field removes the translation (German is shown)."""
    if language not in survey.languages:
        raise ValidationError(_("This language has not been added to the survey."))
    texts = {slot: (text or "").strip() for slot, text in texts.items()}
    before = current_translations(survey, language)
    changed = [slot for slot in texts if texts[slot] != before.get(slot, "")]
    if not changed:
        return 0
    for name in ("title", "intro", "thanks"):
        slot = f"survey:{name}"
        if slot in texts:
            survey.translations = _set_nested(survey.translations, language, name, texts[slot])
    survey.save(update_fields=["translations"])
    for section in survey.sections.all():
        for name in ("title", "intro"):
            slot = f"section:{section.public_id}:{name}"
            if slot in texts:
                section.translations = _set_nested(section.translations, language, name, texts[slot])
        section.save(update_fields=["translations"])
    for q in survey.questions.prefetch_related("choices"):
        for name in ("text", "help"):
            slot = f"question:{q.public_id}:{name}"
            if slot in texts:
                q.translations = _set_nested(q.translations, language, name, texts[slot])
        q.save(update_fields=["translations"])
        for choice in q.choices.all():
            slot = f"choice:{q.public_id}:{choice.key}"
            if slot in texts:
                translations = dict(choice.translations)
                if texts[slot]:
                    translations[language] = texts[slot]
                else:
                    translations.pop(language, None)
                choice.translations = translations
                choice.save(update_fields=["translations"])
    touch(survey)
    log_event(actor=acting_user, organisation=survey.organisation, action="survey.translations_updated", obj=survey,
              changes={"language": [None, language], "texts": [None, len(changed)]})
    return len(changed)


# --- templates -------------------------------------------------------------------------------


def _without(translations: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """The translations without the given fields (in every language)."""
    result = {}
    for language, entry in (translations or {}).items():
        kept = {k: v for k, v in entry.items() if k not in names} if isinstance(entry, dict) else entry
        if kept:
            result[language] = kept
    return result


def _extra(text: Text | None, name: str | None = None) -> dict[str, Any]:
    """Translations of a template text, in the shape stored on the models."""
    if text is None:
        return {}
    values = {lang: value for lang, value in text.values.items() if lang != BASE_LANGUAGE and lang in LANGUAGES}
    return values if name is None else {lang: {name: value} for lang, value in values.items()}


def _merge(*parts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    for part in parts:
        for lang, values in part.items():
            result.setdefault(lang, {}).update(values)
    return result


def _fill_placeholders(specs: list[ChoiceSpec], offices: list[str], languages: list[str]) -> list[ChoiceSpec]:
    """Put the organisation's offices where the template's placeholder choices stand (a name is
    the same in every language)."""
    taken: set[str] = {spec.key for spec in specs if not spec.placeholder}
    filled = [
        ChoiceSpec(label=name, key=unique_key(name, taken, fallback="stelle", choice=True),
                   translations={lang: name for lang in languages})
        for name in offices
    ]
    first = next(i for i, spec in enumerate(specs) if spec.placeholder)
    rest = [spec for spec in specs if not spec.placeholder]
    return rest[:first] + filled + rest[first:]


def unresolved_placeholders(survey: Survey) -> list[Question]:
    """Questions that still offer a template's example answer ("Geschäftsstelle 1"), in survey order."""
    return list(
        Question.objects.filter(survey=survey, choices__placeholder=True)
        .distinct().select_related("section").order_by("section__position", "position", "id")
    )


def available_templates() -> dict[str, SurveyTemplate]:
    return load_builtin_templates()


@transaction.atomic
def do_create_survey_from_template(
    *, acting_user: User, organisation: Organisation, slug: str, title: str = "", min_group_size: int = 5
) -> Survey:
    """Copy a template into the organisation; from then on it is the organisation's own survey."""
    templates = available_templates()
    if slug not in templates:
        raise ValidationError({"template": _("Unknown template.")})
    template = templates[slug]
    languages = [code for code in template.languages if code in EXTRA_LANGUAGES]
    survey = Survey(
        organisation=organisation,
        title=title or template.title.de,
        intro=template.description.de,
        thanks=template.thanks.de if template.thanks else "",
        audience=template.audience,
        min_group_size=min_group_size,
        languages=languages,
        # An own title has no translation yet: the template's would show the template's title.
        translations=_merge(_extra(template.title, "title") if title in {"", template.title.de} else {},
                            _extra(template.description, "intro"), _extra(template.thanks, "thanks")),
        template_key=slug,
        created_by=acting_user,
    )
    survey.full_clean()
    survey.save()
    offices = list(organisation.offices.order_by("name").values_list("name", flat=True))
    created: dict[str, Question] = {}
    conditions: list[tuple[Question, str, list[str]]] = []
    group_slot = 0
    for s_pos, t_section in enumerate(template.sections, start=1):
        section = Section.objects.create(
            survey=survey, position=s_pos, title=t_section.title.de,
            intro=t_section.intro.de if t_section.intro else "",
            translations=_merge(_extra(t_section.title, "title"), _extra(t_section.intro, "intro")),
        )
        for q_pos, tq in enumerate(t_section.questions, start=1):
            if tq.is_group:
                group_slot += 1
            question = Question.objects.create(
                survey=survey, section=section, position=q_pos, key=tq.key, kind=tq.type, text=tq.text.de,
                help_text=tq.help.de if tq.help else "", required=tq.required,
                group_slot=group_slot if tq.is_group else None,
                number_min=tq.min, number_max=tq.max, unit=tq.unit.de if tq.unit else "",
                max_choices=tq.max_choices, max_length=tq.max_length,
                scale_key=tq.scale.key if tq.scale else "", criterion=tq.criterion or "",
                translations=_merge(_extra(tq.text, "text"), _extra(tq.help, "help"), _extra(tq.unit, "unit")),
            )
            created[tq.key] = question
            specs = [
                ChoiceSpec(
                    label=option.label.de, key=option.key,
                    value=getattr(option, "value", None),
                    not_applicable=option.key == NO_ANSWER_KEY,
                    exclusive=getattr(option, "exclusive", False),
                    translations=_extra(option.label),
                    placeholder=getattr(option, "placeholder", False),
                )
                for option in tq.options()
            ]
            if tq.fill_from == "offices" and offices:
                specs = _fill_placeholders(specs, offices, languages)
            _set_choices(question, specs)
            for st_pos, statement in enumerate(tq.statements, start=1):
                created[statement.key] = Question.objects.create(
                    survey=survey, section=section, parent=question, position=st_pos, key=statement.key,
                    kind=QuestionKind.STATEMENT, text=statement.text.de, criterion=statement.criterion or "",
                    translations=_extra(statement.text, "text"),
                )
            if tq.condition:
                conditions.append((question, tq.condition.question, list(tq.condition.values)))
    for question, source_key, values in conditions:
        question.condition_question = created[source_key]
        question.condition_values = values
        question.save(update_fields=["condition_question", "condition_values"])
    log_created(survey, actor=acting_user, organisation=organisation, action="survey.created",
                fields={"title": survey.title, "template": slug, "min_group_size": min_group_size})
    return survey
