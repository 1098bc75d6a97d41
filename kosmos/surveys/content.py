"""A survey's questionnaire in memory: loaded in a fixed number of queries, used to render the
answer pages, to validate answers, to store them and to label results and exports.

Answers travel as ``{question key: value}``: a choice key (single choice, scale, statement),
a list of choice keys (multiple choice), an int (number) or a string (free text).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import Prefetch

from kosmos.core.domain.i18n import Message
from kosmos.core.i18n import translate
from kosmos.surveys.domain import conditions
from kosmos.surveys.domain import templates as t
from kosmos.surveys.domain.templates import SurveyTemplate, Text
from kosmos.surveys.languages import BASE_LANGUAGE
from kosmos.surveys.models import Choice, Question, QuestionKind, Section, Survey

AnswerValue = str | int | list[str]
Answers = dict[str, AnswerValue]


def translated(base: str, translations: Mapping[str, Any], language: str, field_name: str | None = None) -> str:
    """The text in ``language``, falling back to German when no translation was entered."""
    if language == BASE_LANGUAGE:
        return base
    entry = translations.get(language)
    if field_name is None:
        value = entry if isinstance(entry, str) else None
    else:
        value = entry.get(field_name) if isinstance(entry, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else base


@dataclass
class Option:
    key: str
    code: int
    label: str
    value: float | None
    not_applicable: bool
    exclusive: bool
    translations: dict[str, str]

    def text(self, language: str) -> str:
        return translated(self.label, self.translations, language)


@dataclass
class Item:
    """A question as respondents see it; a matrix holds its statements."""

    id: int
    public_id: str
    key: str
    kind: str
    text_de: str
    help_de: str
    required: bool
    group_slot: int | None
    condition_key: str | None
    condition_values: list[str]
    number_min: int | None
    number_max: int | None
    unit_de: str
    max_choices: int | None
    max_length: int
    criterion: str
    translations: dict[str, Any]
    section_index: int
    options: list[Option] = field(default_factory=list)
    statements: list[Item] = field(default_factory=list)
    parent_key: str | None = None

    def text(self, language: str) -> str:
        return translated(self.text_de, self.translations, language, "text")

    def help(self, language: str) -> str:
        return translated(self.help_de, self.translations, language, "help")

    def unit(self, language: str) -> str:
        return translated(self.unit_de, self.translations, language, "unit")

    @property
    def is_group(self) -> bool:
        return self.group_slot is not None

    @property
    def kind_label(self) -> str:
        return str(QuestionKind(self.kind).label)

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)

    def option_by_code(self, code: int) -> Option | None:
        return next((o for o in self.options if o.code == code), None)

    @property
    def scale_values(self) -> dict[str, float | None]:
        """Choice key → value on the scale (None for "Keine Angabe")."""
        return {o.key: (None if o.not_applicable else o.value) for o in self.options}

    @property
    def levels(self) -> list[Option]:
        """Scale levels from the lowest to the highest value (the order of charts)."""
        return sorted((o for o in self.options if not o.not_applicable and o.value is not None),
                      key=lambda o: o.value or 0)


@dataclass
class Page:
    index: int
    public_id: str
    title_de: str
    intro_de: str
    translations: dict[str, Any]
    items: list[Item] = field(default_factory=list)

    def title(self, language: str) -> str:
        return translated(self.title_de, self.translations, language, "title")

    def intro(self, language: str) -> str:
        return translated(self.intro_de, self.translations, language, "intro")


@dataclass
class Questionnaire:
    survey: Survey
    pages: list[Page]

    def __post_init__(self) -> None:
        self.items: list[Item] = [item for page in self.pages for item in page.items]
        self.by_key: dict[str, Item] = {}
        for item in self.items:
            self.by_key[item.key] = item
            for statement in item.statements:
                self.by_key[statement.key] = statement
        self.group_items: list[Item] = sorted((i for i in self.items if i.is_group), key=lambda i: i.group_slot or 0)

    # --- what is answered ----------------------------------------------------------------

    def answer_units(self) -> list[Item]:
        """Everything that holds an answer: questions, with each matrix replaced by its statements."""
        units = []
        for item in self.items:
            units += item.statements if item.kind == QuestionKind.MATRIX else [item]
        return units

    @cached_property
    def domain(self) -> SurveyTemplate:
        """The questionnaire in the terms of the pure modules (conditions, cleaning, hints)."""
        return to_domain(self)

    def visible_keys(self, answers: Mapping[str, AnswerValue]) -> set[str]:
        return {q.key for q in conditions.visible_questions(self.domain, answers)}

    def is_visible(self, item: Item, answers: Mapping[str, AnswerValue]) -> bool:
        """A question with a condition is shown only when the earlier answer matches it
        (``kosmos.surveys.domain.conditions``: hiding cascades)."""
        key = item.parent_key or item.key
        return key in self.visible_keys(answers)

    def visible_pages(self, answers: Mapping[str, AnswerValue], reached: int | None = None) -> list[Page]:
        """Pages with at least one question to show; a condition on an earlier page can skip one.

        ``reached`` is the first page the respondent has not answered yet: a page whose
        condition depends on a question there or later may still come, so it is counted (the
        progress shows "part 1 of 2", and answering "no" then skips part 2). Without
        ``reached`` every condition is evaluated on the answers given.

        A condition on a question of the same page is shown as a hint (no JavaScript needed) and
        only checked when the page is sent.
        """
        result = []
        for page in self.pages:
            earlier = {k: v for k, v in answers.items() if k in self.by_key and self.by_key[k].section_index < page.index}
            visible = self.visible_keys(earlier)
            for item in page.items:
                source = self.by_key.get(item.condition_key or "")
                if (
                    not item.condition_key
                    or source is None
                    or source.section_index >= page.index
                    or (reached is not None and source.section_index >= reached)
                    or item.key in visible
                ):
                    result.append(page)
                    break
        return result

    def clean_answers(self, answers: Mapping[str, AnswerValue]) -> Answers:
        """Drop answers to unknown or hidden questions and invalid values
        (``conditions.clean_submission``); errors of required questions are left to the pages."""
        return dict(conditions.clean_submission(self.domain, answers).answers)

    def validate(self, answers: Mapping[str, AnswerValue]) -> conditions.Submission:
        return conditions.clean_submission(self.domain, answers)

    def missing_required(self, answers: Mapping[str, AnswerValue]) -> list[Item]:
        errors = conditions.clean_submission(self.domain, answers).errors
        return [self.by_key[key] for key in errors if key in self.by_key]

    def condition_hint(self, item: Item, language: str) -> str:
        """When to answer a question whose condition is on the same page (German and Leichte Sprache)."""
        hint = conditions.describe_condition(self.domain, self.domain.question(item.key), language)
        return translate(hint) if isinstance(hint, Message) else hint  # Leichte Sprache comes final


def _text(base: str, translations: Mapping[str, Any], name: str | None = None) -> Text:
    values = {BASE_LANGUAGE: base or "–"}
    for language, entry in translations.items():
        value = entry if name is None else (entry.get(name) if isinstance(entry, dict) else None)
        if isinstance(value, str) and value.strip():
            values[language] = value.strip()
    return Text(values)


def to_domain(questionnaire: Questionnaire) -> SurveyTemplate:
    survey = questionnaire.survey
    sections = []
    for page in questionnaire.pages:
        questions = []
        for item in page.items:
            real = [o for o in item.options if not o.not_applicable]
            na = next((o for o in item.options if o.not_applicable), None)
            fields: dict[str, Any] = {}
            if item.kind in {QuestionKind.LIKERT, QuestionKind.MATRIX}:
                levels = tuple(t.Level(o.key, o.value if o.value is not None else o.code, _text(o.label, o.translations))
                               for o in real)
                no_answer = t.Level(na.key, None, _text(na.label, na.translations)) if na else None
                fields["scale"] = t.Scale(f"s_{item.key}", None, levels, no_answer)
                fields["no_answer"] = na is not None
            elif item.kind in {QuestionKind.SINGLE, QuestionKind.MULTIPLE}:
                fields["choices"] = tuple(t.Choice(o.key, _text(o.label, o.translations), o.exclusive) for o in real)
                fields["no_answer"] = na is not None and item.kind == QuestionKind.SINGLE
                if item.kind == QuestionKind.MULTIPLE and na is not None:
                    fields["choices"] += (t.Choice(na.key, _text(na.label, na.translations), na.exclusive),)
                if item.max_choices:
                    fields["max_choices"] = item.max_choices
            else:
                fields["no_answer"] = False
            if item.kind == QuestionKind.MATRIX:
                fields["statements"] = tuple(
                    t.Statement(s.key, _text(s.text_de, s.translations, "text"), s.criterion or None)
                    for s in item.statements
                )
            condition = (
                t.Condition(item.condition_key, tuple(item.condition_values))
                if item.condition_key and item.condition_values else None
            )
            questions.append(
                t.Question(
                    key=item.key, type=item.kind, text=_text(item.text_de, item.translations, "text"),
                    help=_text(item.help_de, item.translations, "help") if item.help_de else None,
                    required=item.required, is_group=item.is_group, condition=condition,
                    min=item.number_min, max=item.number_max, max_length=item.max_length, **fields,
                )
            )
        sections.append(t.Section(f"s{page.index}", _text(page.title_de, page.translations, "title"), None,
                                  tuple(questions)))
    return SurveyTemplate(
        slug="survey", title=_text(survey.title, survey.translations, "title"),
        description=_text(survey.intro, survey.translations, "intro"), thanks=None, audience=survey.audience,
        languages={}, sections=tuple(sections), scales={},
    )


_CACHE: OrderedDict[tuple[str, int], Questionnaire] = OrderedDict()
_CACHE_SIZE = 64
_CACHE_LOCK = threading.Lock()


def load_questionnaire(survey: Survey, *, cached: bool = False) -> Questionnaire:
    """Sections, questions and choices of a survey in three queries.

    The answer pages pass ``cached=True``: the questionnaire is then kept in the process, keyed
    by the survey's public id and ``version`` (raised by every change through the services), so
    a busy survey costs no queries for its questions. Pages for authors and results always load.
    """
    if not cached:
        return _load(survey)
    key = (str(survey.public_id), survey.version)
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return found
    questionnaire = _load(survey)
    with _CACHE_LOCK:
        _CACHE[key] = questionnaire
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return questionnaire


def _load(survey: Survey) -> Questionnaire:
    sections = list(Section.objects.filter(survey=survey).order_by("position", "id"))
    questions = list(
        Question.objects.filter(survey=survey)
        .select_related("condition_question")
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position", "id")))
        .order_by("position", "id")
    )
    index_of = {section.id: i for i, section in enumerate(sections)}
    pages = [
        Page(i, str(s.public_id), s.title, s.intro, s.translations or {}) for i, s in enumerate(sections)
    ]
    items: dict[int, Item] = {}
    for q in questions:
        items[q.id] = Item(
            id=q.id,
            public_id=str(q.public_id),
            key=q.key,
            kind=q.kind,
            text_de=q.text,
            help_de=q.help_text,
            required=q.required,
            group_slot=q.group_slot,
            condition_key=q.condition_question.key if q.condition_question_id else None,
            condition_values=list(q.condition_values or []),
            number_min=q.number_min,
            number_max=q.number_max,
            unit_de=q.unit,
            max_choices=q.max_choices,
            max_length=q.max_length,
            criterion=q.criterion,
            translations=q.translations or {},
            section_index=index_of[q.section_id],
            options=[
                Option(c.key, c.code, c.label, c.value, c.not_applicable, c.exclusive, c.translations or {})
                for c in q.choices.all()
            ],
        )
    for q in questions:
        item = items[q.id]
        if q.parent_id:
            parent = items[q.parent_id]
            item.parent_key = parent.key
            item.options = parent.options
            parent.statements.append(item)
        else:
            pages[item.section_index].items.append(item)
    return Questionnaire(survey, pages)
