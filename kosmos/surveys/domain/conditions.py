"""Show-if conditions and the cleaning of a submission (pure).

Answers travel as ``{key: value}``: a choice or scale key for single choice,
likert questions and each statement of a matrix (statements are answered under
their own key), a list of choice keys for multiple choice, an ``int`` for
numbers and a ``str`` for free text.

A question whose condition is not met is hidden. Its answer is dropped — also
when the browser sent one, e.g. because the respondent changed an earlier
answer — and it is never required. A condition on a hidden question is never
met, so hiding cascades.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kosmos.core.domain.i18n import Message, gettext_noop, message
from kosmos.surveys.domain.templates import (
    BASE_LANGUAGE,
    EASY_LANGUAGE,
    Condition,
    Question,
    SurveyTemplate,
)

AnswerValue = str | int | list[str]
Answers = Mapping[str, object]


def condition_met(condition: Condition, answers: Answers) -> bool:
    """Whether the earlier answer is one of the condition's values (multiple choice: contains one)."""
    given = answers.get(condition.question)
    if isinstance(given, str):
        return given in condition.values
    if isinstance(given, list | tuple):
        return any(value in condition.values for value in given)
    return False


def _statement_owner(template: SurveyTemplate) -> dict[str, Question]:
    return {s.key: q for q in template.questions() for s in q.statements}


def visible_questions(template: SurveyTemplate, answers: Answers) -> list[Question]:
    """The questions to show for the answers given so far, in order."""
    visible: list[Question] = []
    shown: set[str] = set()
    owners = _statement_owner(template)
    for question in template.questions():
        condition = question.condition
        if condition is not None:
            source = owners.get(condition.question)
            source_key = source.key if source is not None else condition.question
            if source_key not in shown or not condition_met(condition, answers):
                continue
        visible.append(question)
        shown.add(question.key)
    return visible


def is_visible(template: SurveyTemplate, key: str, answers: Answers) -> bool:
    """Whether a question (or the matrix of a statement) is shown for these answers."""
    owner = _statement_owner(template).get(key)
    target = owner.key if owner is not None else key
    return any(q.key == target for q in visible_questions(template, answers))


@dataclass
class Submission:
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    """Valid answers of visible questions only."""
    errors: dict[str, Message] = field(default_factory=dict)
    """Message per key (a matrix reports under the matrix key); the respondent pages show their own
    texts from ``kosmos.surveys.languages``, so these serve services and tests."""

    @property
    def is_valid(self) -> bool:
        return not self.errors


MESSAGES = {
    "required": gettext_noop("Please answer this question."),
    "required_matrix": gettext_noop("Please answer all statements."),
    "choice": gettext_noop("Please choose one of the answers offered."),
    "too_many": gettext_noop("Please choose at most %(n)s answers."),
    "exclusive": gettext_noop("You cannot choose “%(label)s” together with other answers."),
    "number": gettext_noop("Please enter a whole number."),
    "min": gettext_noop("Please enter a number from %(min)s."),
    "max": gettext_noop("Please enter a number up to %(max)s."),
    "range": gettext_noop("Please enter a number from %(min)s to %(max)s."),
    "text": gettext_noop("Please enter a text."),
    "too_long": gettext_noop("Please write at most %(n)s characters."),
}


def _error(kind: str, **params: object) -> Message:
    return message(MESSAGES[kind], **params)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _check_number(question: Question, value: object) -> tuple[int | None, Message | None]:
    if isinstance(value, bool) or not isinstance(value, int):
        return None, _error("number")
    low, high = question.min, question.max
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            return None, _error("range", min=low, max=high)
        return None, _error("min", min=low) if low is not None else _error("max", max=high)
    return value, None


def _check_multiple(question: Question, value: object) -> tuple[list[str] | None, Message | None]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return None, _error("choice")
    chosen = list(dict.fromkeys(value))
    by_key = {c.key: c for c in question.choices}
    if any(v not in by_key for v in chosen):
        return None, _error("choice")
    if question.max_choices is not None and len(chosen) > question.max_choices:
        return None, _error("too_many", n=question.max_choices)
    exclusive = [by_key[v] for v in chosen if by_key[v].exclusive]
    if exclusive and len(chosen) > 1:
        return None, _error("exclusive", label=exclusive[0].label.de)
    order = [c.key for c in question.choices]
    return sorted(chosen, key=order.index), None


def _check(question: Question, value: object) -> tuple[AnswerValue | None, Message | None]:
    if question.type in {"single", "likert"}:
        if not isinstance(value, str) or value not in question.option_keys():
            return None, _error("choice")
        return value, None
    if question.type == "multiple":
        return _check_multiple(question, value)
    if question.type == "number":
        return _check_number(question, value)
    if question.type == "text":
        if not isinstance(value, str):
            return None, _error("text")
        text = value.strip()
        if len(text) > question.max_length:
            return None, _error("too_long", n=question.max_length)
        return text, None
    raise ValueError(f"Unexpected question type {question.type!r}.")  # pragma: no cover - validated templates


def clean_submission(template: SurveyTemplate, raw: Answers) -> Submission:
    """Validate answers in question order; drop unknown keys and answers to hidden questions.

    Conditions are evaluated on the cleaned answers, so an invalid or hidden
    answer never makes a later question visible.
    """
    result = Submission()
    for question in template.questions():
        condition = question.condition
        if condition is not None and not condition_met(condition, result.answers):
            continue
        if question.type == "matrix":
            options = question.option_keys()
            missing = False
            for statement in question.statements:
                value = raw.get(statement.key)
                if _empty(value):
                    missing = True
                elif isinstance(value, str) and value in options:
                    result.answers[statement.key] = value
                else:
                    result.errors[question.key] = _error("choice")
            if missing and question.required and question.key not in result.errors:
                result.errors[question.key] = _error("required_matrix")
            continue
        value = raw.get(question.key)
        if isinstance(value, str) and question.type != "text":
            value = value.strip()
        if _empty(value) or (question.type == "text" and isinstance(value, str) and not value.strip()):
            if question.required:
                result.errors[question.key] = _error("required")
            continue
        cleaned, error = _check(question, value)
        if error:
            result.errors[question.key] = error
        elif cleaned is not None:
            result.answers[question.key] = cleaned
    return result


_FRAMES = {
    "one": gettext_noop("Only answer if you chose the answer “%(value)s” for “%(question)s”."),
    "many": gettext_noop("Only answer if you chose one of these answers for “%(question)s”: %(values)s."),
}
# Leichte Sprache is a language of the survey content, not of the platform: like the tables in
# ``kosmos.surveys.languages`` its texts are data here, while German goes through the catalogue.
_EASY_FRAMES = {
    "one": "Diese Frage ist nur für Sie, wenn Sie vorher »{value}« gewählt haben.",
    "many": "Diese Frage ist nur für Sie, wenn Sie vorher eine von diesen Antworten gewählt haben: {values}.",
}


def describe_condition(
    template: SurveyTemplate, question: Question, language: str = BASE_LANGUAGE
) -> Message | str:
    """A hint for pages without JavaScript and for paper versions: when to answer this question.

    German (and any language without its own frames) is a :class:`Message` for the Django layer to translate;
    Leichte Sprache is the final text. Empty when the question has no condition."""
    condition = question.condition
    if condition is None:
        return ""
    owners = _statement_owner(template)
    source = owners.get(condition.question) or template.question(condition.question)
    statement = next((s for s in source.statements if s.key == condition.question), None)
    source_text = (statement.text if statement else source.text).get(language)
    labels = {option.key: option.label.get(language) for option in source.options()}
    values: Sequence[str] = [labels.get(v, v) for v in condition.values]
    if language == EASY_LANGUAGE:
        if len(values) == 1:
            return _EASY_FRAMES["one"].format(value=values[0])
        return _EASY_FRAMES["many"].format(values=", ".join(f"»{v}«" for v in values))
    if len(values) == 1:
        return message(_FRAMES["one"], question=source_text, value=values[0])
    answers = [message(gettext_noop("“%(answer)s”"), answer=value) for value in values]
    return message(_FRAMES["many"], question=source_text, values=answers)
