"""Survey templates: load and validate the JSON files in ``kosmos/surveys/template_data/``.

The format is described in ``template_data/README.md``. :func:`parse_template`
checks everything a survey needs before it can run and raises one
:class:`TemplateError` listing every problem with its place in the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "template_data"
SCALES_FILE = TEMPLATE_DIR / "scales.json"

BASE_LANGUAGE = "de"
EASY_LANGUAGE = "de-x-ls"
"""Leichte Sprache (a private-use BCP 47 subtag of German)."""

FORMAT_VERSION = 1
AUDIENCES = frozenset({"customers", "staff", "partners"})
QUESTION_TYPES = frozenset({"likert", "single", "multiple", "number", "text", "matrix"})
SCALE_TYPES = frozenset({"likert", "matrix"})
CHOICE_TYPES = frozenset({"single", "multiple"})
CONDITION_SOURCES = frozenset({"single", "multiple", "likert", "statement"})
CRITERIA = frozenset(str(i) for i in range(1, 8))
MAX_GROUP_QUESTIONS = 3
DEFAULT_TEXT_LENGTH = 2000
NO_ANSWER_KEY = "na"
"""Key of the "Keine Angabe" option of scales and of single-choice questions that offer it."""

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_CHOICE_KEY = re.compile(r"^[a-z0-9][a-z0-9_]{0,39}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$")

_TEMPLATE_FIELDS = {
    "format", "slug", "title", "description", "thanks", "audience", "languages", "scales", "sections", "note",
}  # fmt: skip
_LANGUAGE_FIELDS = {"label", "complete"}
_SECTION_FIELDS = {"key", "title", "intro", "questions"}
_QUESTION_FIELDS = {
    "key", "type", "text", "help", "required", "is_group", "choices", "statements", "scale", "no_answer",
    "condition", "min", "max", "unit", "max_choices", "max_length", "criterion", "removable",
    "choices_editable", "note", "fill_from",
}  # fmt: skip
_CHOICE_FIELDS = {"key", "label", "exclusive", "placeholder"}
FILL_SOURCES = frozenset({"offices"})
"""Where placeholder choices can be filled from when a survey is created: the organisation's offices."""
_STATEMENT_FIELDS = {"key", "text", "criterion"}
_SCALE_FIELDS = {"title", "levels", "no_answer"}
_LEVEL_FIELDS = {"key", "value", "label"}

# Survey content, not platform text: a label in the survey's own languages (German and Leichte Sprache),
# stored with the survey like the question texts of ``template_data/``, so it is data here, not a message.
NO_ANSWER_LABEL: dict[str, str] = {"de": "Keine Angabe", EASY_LANGUAGE: "Das möchte ich nicht sagen."}


class TemplateError(ValueError):
    """A template is not valid; ``problems`` lists every finding as ``"place: message"``."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Survey template {source} has {len(problems)} problem(s):\n{listing}")


# --- model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A user-facing text in German and, optionally, further languages."""

    values: Mapping[str, str]

    @property
    def de(self) -> str:
        return self.values[BASE_LANGUAGE]

    def get(self, language: str = BASE_LANGUAGE) -> str:
        """The text in ``language``, falling back to German."""
        return self.values.get(language) or self.values[BASE_LANGUAGE]

    def __str__(self) -> str:
        return self.de


@dataclass(frozen=True)
class Choice:
    key: str
    label: Text
    exclusive: bool = False
    placeholder: bool = False
    """An example the organisation must replace (e.g. "Geschäftsstelle 1"); a wave cannot start with it."""


@dataclass(frozen=True)
class Level:
    key: str
    value: int | float | None
    """``None`` for "Keine Angabe": counted, but left out of means."""
    label: Text


@dataclass(frozen=True)
class Scale:
    key: str
    title: Text | None
    levels: tuple[Level, ...]
    no_answer: Level | None

    def options(self, with_no_answer: bool = True) -> tuple[Level, ...]:
        return self.levels + ((self.no_answer,) if with_no_answer and self.no_answer else ())

    def values(self) -> dict[str, int | float | None]:
        """Answer key -> value, as :func:`kosmos.surveys.domain.stats.summarize_scale` expects."""
        return {level.key: level.value for level in self.options()}

    def ascending(self) -> tuple[Level, ...]:
        """Levels from the lowest to the highest value (the order of charts)."""
        return tuple(sorted(self.levels, key=lambda level: level.value))  # type: ignore[arg-type, return-value]


@dataclass(frozen=True)
class Statement:
    key: str
    text: Text
    criterion: str | None = None


@dataclass(frozen=True)
class Condition:
    """Show a question only if an earlier answer is one of ``values`` (for multiple choice: contains one)."""

    question: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    key: str
    type: str
    text: Text
    help: Text | None = None
    required: bool = False
    is_group: bool = False
    choices: tuple[Choice, ...] = ()
    statements: tuple[Statement, ...] = ()
    scale: Scale | None = None
    no_answer: bool = True
    condition: Condition | None = None
    min: int | None = None
    max: int | None = None
    unit: Text | None = None
    max_choices: int | None = None
    max_length: int = DEFAULT_TEXT_LENGTH
    criterion: str | None = None
    removable: bool = False
    choices_editable: bool = False
    fill_from: str | None = None
    note: str = ""

    def options(self) -> tuple[Choice | Level, ...]:
        """The answer options in display order, "Keine Angabe" included where offered."""
        if self.scale is not None:
            return self.scale.options(self.no_answer)
        if self.type == "single" and self.no_answer:
            return (*self.choices, Choice(NO_ANSWER_KEY, Text(NO_ANSWER_LABEL)))
        return self.choices

    def option_keys(self) -> tuple[str, ...]:
        return tuple(option.key for option in self.options())


@dataclass(frozen=True)
class Section:
    key: str
    title: Text
    intro: Text | None
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class LanguageVariant:
    code: str
    label: str
    complete: bool


@dataclass(frozen=True)
class SurveyTemplate:
    slug: str
    title: Text
    description: Text
    thanks: Text | None
    audience: str
    languages: Mapping[str, LanguageVariant]
    sections: tuple[Section, ...]
    scales: Mapping[str, Scale]
    missing_translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Per language that is not marked complete: the places that fall back to German."""
    note: str = ""

    def questions(self) -> Iterator[Question]:
        for section in self.sections:
            yield from section.questions

    def question(self, key: str) -> Question:
        for question in self.questions():
            if question.key == key:
                return question
        raise KeyError(key)

    def group_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions() if q.is_group)

    def answer_keys(self) -> tuple[str, ...]:
        """Every key that holds an answer: questions, with each matrix replaced by its statements."""
        keys: list[str] = []
        for question in self.questions():
            keys += [s.key for s in question.statements] if question.type == "matrix" else [question.key]
        return tuple(keys)


# --- parsing -----------------------------------------------------------------------------


class _Parser:
    def __init__(self, source: str, scales: Mapping[str, Scale]) -> None:
        self.source = source
        self.problems: list[str] = []
        self.builtin_scales = scales
        self.languages: dict[str, LanguageVariant] = {
            BASE_LANGUAGE: LanguageVariant(BASE_LANGUAGE, "Deutsch", True)
        }
        self.missing: dict[str, list[str]] = {}
        self.texts: list[tuple[str, Text]] = []

    def problem(self, place: str, message: str) -> None:
        self.problems.append(f"{place}: {message}")

    def fields(self, place: str, data: Any, allowed: set[str], required: set[str]) -> bool:
        if not isinstance(data, Mapping):
            self.problem(place, "must be an object")
            return False
        for name in sorted(set(data) - allowed):
            self.problem(place, f"unknown field {name!r} (allowed: {', '.join(sorted(allowed))})")
        for name in sorted(required - set(data)):
            self.problem(place, f"missing field {name!r}")
        return True

    def flag(self, place: str, data: Mapping[str, Any], name: str, default: bool) -> bool:
        value = data.get(name, default)
        if not isinstance(value, bool):
            self.problem(f"{place}.{name}", "must be true or false")
            return default
        return value

    def text(self, place: str, value: Any, *, required: bool = True, track: bool = True) -> Text | None:
        if value is None:
            if required:
                self.problem(place, "missing text")
            return None
        if isinstance(value, str):
            value = {BASE_LANGUAGE: value}
        if not isinstance(value, Mapping):
            self.problem(place, "must be a text or an object of texts per language")
            return None
        result: dict[str, str] = {}
        for language, text in value.items():
            if not isinstance(text, str) or not text.strip():
                self.problem(f"{place}.{language}", "must be a non-empty text")
            elif language not in self.languages and track:
                self.problem(f"{place}.{language}", f"language {language!r} is not declared in 'languages'")
            else:
                result[language] = text.strip()
        if BASE_LANGUAGE not in result:
            self.problem(place, "needs a German text ('de')")
            return None
        text_obj = Text(result)
        if track:
            self.texts.append((place, text_obj))
        return text_obj

    def key(self, place: str, value: Any, pattern: re.Pattern[str] = _KEY) -> str:
        if not isinstance(value, str) or not pattern.match(value):
            self.problem(place, f"key {value!r} must match {pattern.pattern}")
            return str(value)
        return value

    def criterion(self, place: str, value: Any) -> str | None:
        if value is None:
            return None
        if value not in CRITERIA:
            self.problem(place, f"criterion {value!r} must be one of '1' to '7' (EFQM criteria)")
            return None
        return str(value)

    # --- scales ---

    def scale(self, place: str, key: str, data: Any, *, track: bool) -> Scale | None:
        if not self.fields(place, data, _SCALE_FIELDS, {"levels"}):
            return None
        levels_data = data.get("levels")
        if not isinstance(levels_data, list) or len(levels_data) < 2:
            self.problem(f"{place}.levels", "needs at least two levels")
            return None
        levels: list[Level] = []
        seen: set[str] = set()
        values: set[float] = set()
        for i, level_data in enumerate(levels_data):
            level_place = f"{place}.levels[{i}]"
            if not self.fields(level_place, level_data, _LEVEL_FIELDS, {"key", "value", "label"}):
                continue
            level_key = self.key(f"{level_place}.key", level_data["key"], _CHOICE_KEY)
            value = level_data["value"]
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.problem(f"{level_place}.value", "must be a number")
                continue
            if level_key in seen or level_key == NO_ANSWER_KEY:
                self.problem(f"{level_place}.key", f"duplicate or reserved key {level_key!r}")
            if value in values:
                self.problem(f"{level_place}.value", f"duplicate value {value}")
            seen.add(level_key)
            values.add(value)
            label = self.text(f"{level_place}.label", level_data["label"], track=track)
            if label:
                levels.append(Level(level_key, value, label))
        no_answer = None
        if data.get("no_answer") is not None:
            na_place = f"{place}.no_answer"
            na = data["no_answer"]
            if self.fields(na_place, na, {"key", "label"}, {"key", "label"}):
                if na["key"] != NO_ANSWER_KEY:
                    self.problem(f"{na_place}.key", f"must be {NO_ANSWER_KEY!r}")
                label = self.text(f"{na_place}.label", na["label"], track=track)
                if label:
                    no_answer = Level(NO_ANSWER_KEY, None, label)
        title = self.text(f"{place}.title", data.get("title"), required=False, track=track)
        return Scale(key, title, tuple(levels), no_answer)

    # --- template ---

    def template(self, data: Any) -> SurveyTemplate | None:
        if not self.fields(
            "template", data, _TEMPLATE_FIELDS, {"format", "slug", "title", "audience", "sections"}
        ):
            return None
        if data.get("format") != FORMAT_VERSION:
            self.problem("format", f"must be {FORMAT_VERSION}")
        slug = data.get("slug")
        if not isinstance(slug, str) or not _SLUG.match(slug):
            self.problem("slug", f"{slug!r} must be lower-case words joined by hyphens")
        if data.get("audience") not in AUDIENCES:
            self.problem("audience", f"must be one of {', '.join(sorted(AUDIENCES))}")
        self.parse_languages(data.get("languages", {}))
        title = self.text("title", data.get("title"))
        description = self.text("description", data.get("description"), required=False)
        thanks = self.text("thanks", data.get("thanks"), required=False)
        scales = dict(self.builtin_scales)
        own = data.get("scales", {})
        if not isinstance(own, Mapping):
            self.problem("scales", "must be an object of scales")
            own = {}
        for key, scale_data in own.items():
            self.key(f"scales.{key}", key)
            if key in self.builtin_scales:
                self.problem(f"scales.{key}", "clashes with a built-in scale; choose another key")
                continue
            scale = self.scale(f"scales.{key}", key, scale_data, track=True)
            if scale:
                scales[key] = scale
        sections = self.parse_sections(data.get("sections"), scales)
        used = {q.scale.key for s in sections for q in s.questions if q.scale is not None}
        for key in sorted(used & set(self.builtin_scales)):
            scale = self.builtin_scales[key]
            for level in scale.options():
                self.texts.append((f"scale {key}: {level.key}", level.label))
            if scale.title:
                self.texts.append((f"scale {key}: title", scale.title))
        self.check_translations()
        note = data.get("note", "")
        if not isinstance(note, str):
            self.problem("note", "must be a text")
        if self.problems or title is None:
            return None
        return SurveyTemplate(
            slug=slug,
            title=title,
            description=description or Text({BASE_LANGUAGE: ""}),
            thanks=thanks,
            audience=data["audience"],
            languages=dict(self.languages),
            sections=tuple(sections),
            scales={k: v for k, v in scales.items() if k in used or k in own},
            missing_translations={lang: tuple(places) for lang, places in self.missing.items()},
            note=note if isinstance(note, str) else "",
        )

    def parse_languages(self, data: Any) -> None:
        if not isinstance(data, Mapping):
            self.problem("languages", "must be an object of language variants")
            return
        for code, info in data.items():
            place = f"languages.{code}"
            if not isinstance(code, str) or not _LANGUAGE.match(code):
                self.problem(place, "is not a language code such as 'de', 'en' or 'de-x-ls'")
                continue
            if not self.fields(place, info, _LANGUAGE_FIELDS, {"label"}):
                continue
            label = info.get("label")
            if not isinstance(label, str) or not label.strip():
                self.problem(f"{place}.label", "must be a non-empty text")
                label = code
            complete = self.flag(place, info, "complete", code == BASE_LANGUAGE)
            if code == BASE_LANGUAGE and not complete:
                self.problem(place, "German is the base language and always complete")
            self.languages[code] = LanguageVariant(code, label, complete or code == BASE_LANGUAGE)

    def parse_sections(self, data: Any, scales: Mapping[str, Scale]) -> list[Section]:
        if not isinstance(data, list) or not data:
            self.problem("sections", "needs at least one section")
            return []
        sections: list[Section] = []
        section_keys: set[str] = set()
        questions: dict[str, Question] = {}
        answer_keys: set[str] = set()
        for i, section_data in enumerate(data):
            place = f"sections[{i}]"
            if not self.fields(place, section_data, _SECTION_FIELDS, {"key", "title", "questions"}):
                continue
            key = self.key(f"{place}.key", section_data["key"])
            place = f"sections[{key}]"
            if key in section_keys:
                self.problem(place, f"duplicate section key {key!r}")
            section_keys.add(key)
            title = self.text(f"{place}.title", section_data["title"])
            intro = self.text(f"{place}.intro", section_data.get("intro"), required=False)
            question_list = section_data["questions"]
            if not isinstance(question_list, list) or not question_list:
                self.problem(f"{place}.questions", "needs at least one question")
                question_list = []
            parsed = []
            for j, question_data in enumerate(question_list):
                question = self.question(
                    f"{place}.questions[{j}]", question_data, scales, questions, answer_keys
                )
                if question:
                    parsed.append(question)
            if title:
                sections.append(Section(key, title, intro, tuple(parsed)))
        groups = [q.key for q in questions.values() if q.is_group]
        if len(groups) > MAX_GROUP_QUESTIONS:
            self.problem(
                "sections", f"at most {MAX_GROUP_QUESTIONS} group questions, found {len(groups)}: {groups}"
            )
        return sections

    def question(
        self,
        place: str,
        data: Any,
        scales: Mapping[str, Scale],
        earlier: dict[str, Question],
        answer_keys: set[str],
    ) -> Question | None:
        if not self.fields(place, data, _QUESTION_FIELDS, {"key", "type", "text"}):
            return None
        key = self.key(f"{place}.key", data["key"])
        place = f"{place.rsplit('.questions', 1)[0]}/{key}"
        if key in answer_keys:
            self.problem(
                place, f"duplicate key {key!r} (question and statement keys are unique in a template)"
            )
        answer_keys.add(key)
        kind = data["type"]
        if kind not in QUESTION_TYPES:
            self.problem(f"{place}.type", f"{kind!r} must be one of {', '.join(sorted(QUESTION_TYPES))}")
            return None
        text = self.text(f"{place}.text", data["text"])
        help_text = self.text(f"{place}.help", data.get("help"), required=False)
        required = self.flag(place, data, "required", False)
        is_group = self.flag(place, data, "is_group", False)
        no_answer = self.flag(place, data, "no_answer", kind in SCALE_TYPES)
        removable = self.flag(place, data, "removable", False)
        choices_editable = self.flag(place, data, "choices_editable", False)
        criterion = self.criterion(f"{place}.criterion", data.get("criterion"))
        note = data.get("note", "")
        if not isinstance(note, str):
            self.problem(f"{place}.note", "must be a text")
            note = ""
        fields: dict[str, Any] = {}

        def forbid(*names: str) -> None:
            for name in names:
                if name in data:
                    self.problem(f"{place}.{name}", f"not allowed for a question of type {kind!r}")

        if kind in CHOICE_TYPES:
            fields["choices"] = self.choices(place, data.get("choices"), kind)
            if kind == "multiple" and "max_choices" in data:
                max_choices = data["max_choices"]
                if isinstance(max_choices, bool) or not isinstance(max_choices, int):
                    self.problem(f"{place}.max_choices", "must be a whole number")
                elif not 1 <= max_choices <= len(fields["choices"]):
                    self.problem(f"{place}.max_choices", "must be between 1 and the number of choices")
                else:
                    fields["max_choices"] = max_choices
            elif "max_choices" in data:
                forbid("max_choices")
            forbid("statements", "scale", "min", "max", "unit", "max_length")
        else:
            forbid("choices", "max_choices", "choices_editable")
        if kind in SCALE_TYPES:
            scale_key = data.get("scale")
            if scale_key not in scales:
                self.problem(
                    f"{place}.scale", f"unknown scale {scale_key!r} (known: {', '.join(sorted(scales))})"
                )
            else:
                fields["scale"] = scales[scale_key]
                if no_answer and scales[scale_key].no_answer is None:
                    self.problem(f"{place}.no_answer", f"scale {scale_key!r} has no 'Keine Angabe' option")
            forbid("min", "max", "unit", "max_length")
        else:
            forbid("scale")
        if kind == "matrix":
            fields["statements"] = self.statements(place, data.get("statements"), answer_keys)
        else:
            forbid("statements")
        if kind == "number":
            fields.update(self.number(place, data))
            forbid("max_length")
        if kind == "text":
            length = data.get("max_length", DEFAULT_TEXT_LENGTH)
            if isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= 10000:
                self.problem(f"{place}.max_length", "must be a whole number from 1 to 10000")
            else:
                fields["max_length"] = length
            forbid("min", "max", "unit")
        if kind not in {"single", "likert", "matrix"} and "no_answer" in data:
            forbid("no_answer")
        if is_group:
            if kind != "single":
                self.problem(place, "a group question must be single choice")
            if required:
                self.problem(
                    place, "a group question must be optional: respondents may keep their group to themselves"
                )
            if "condition" in data:
                self.problem(place, "a group question cannot have a condition")
            if "no_answer" in data:
                self.problem(
                    f"{place}.no_answer",
                    "a group question is optional; leaving it open is its 'Keine Angabe'",
                )
        if choices_editable and kind not in CHOICE_TYPES:
            self.problem(f"{place}.choices_editable", "only for single or multiple choice")
        fill_from = data.get("fill_from")
        placeholders = any(c.placeholder for c in fields.get("choices", ()))
        if fill_from is not None:
            if fill_from not in FILL_SOURCES:
                self.problem(f"{place}.fill_from", f"unknown source {fill_from!r} (known: {', '.join(sorted(FILL_SOURCES))})")
            elif not placeholders:
                self.problem(f"{place}.fill_from", "needs placeholder choices to fill")
        if placeholders and not choices_editable:
            self.problem(place, "placeholder choices need 'choices_editable'")
        condition = self.condition(place, data.get("condition"), earlier)
        question = Question(
            key=key,
            type=kind,
            text=text or Text({BASE_LANGUAGE: key}),
            help=help_text,
            required=required,
            is_group=is_group,
            no_answer=no_answer and kind in {"single", "likert", "matrix"} and not is_group,
            condition=condition,
            criterion=criterion,
            removable=removable,
            choices_editable=choices_editable,
            fill_from=fill_from if fill_from in FILL_SOURCES else None,
            note=note,
            **fields,
        )
        earlier[key] = question
        return question

    def choices(self, place: str, data: Any, kind: str) -> tuple[Choice, ...]:
        if not isinstance(data, list) or len(data) < 2:
            self.problem(f"{place}.choices", "needs at least two choices")
            return ()
        result: list[Choice] = []
        seen: set[str] = set()
        for i, choice_data in enumerate(data):
            choice_place = f"{place}.choices[{i}]"
            if not self.fields(choice_place, choice_data, _CHOICE_FIELDS, {"key", "label"}):
                continue
            key = self.key(f"{choice_place}.key", choice_data["key"], _CHOICE_KEY)
            if key in seen or key == NO_ANSWER_KEY:
                self.problem(f"{choice_place}.key", f"duplicate or reserved key {key!r}")
            seen.add(key)
            exclusive = self.flag(choice_place, choice_data, "exclusive", False)
            if exclusive and kind != "multiple":
                self.problem(f"{choice_place}.exclusive", "only for multiple choice")
            placeholder = self.flag(choice_place, choice_data, "placeholder", False)
            label = self.text(f"{place}/{key}.label", choice_data["label"])
            if label:
                result.append(Choice(key, label, exclusive, placeholder))
        return tuple(result)

    def statements(self, place: str, data: Any, answer_keys: set[str]) -> tuple[Statement, ...]:
        if not isinstance(data, list) or not data:
            self.problem(f"{place}.statements", "a matrix needs at least one statement")
            return ()
        result: list[Statement] = []
        for i, statement_data in enumerate(data):
            statement_place = f"{place}.statements[{i}]"
            if not self.fields(statement_place, statement_data, _STATEMENT_FIELDS, {"key", "text"}):
                continue
            key = self.key(f"{statement_place}.key", statement_data["key"])
            if key in answer_keys:
                self.problem(
                    statement_place, f"duplicate key {key!r} (question and statement keys are unique)"
                )
            answer_keys.add(key)
            text = self.text(f"{place}/{key}.text", statement_data["text"])
            criterion = self.criterion(f"{statement_place}.criterion", statement_data.get("criterion"))
            if text:
                result.append(Statement(key, text, criterion))
        return tuple(result)

    def number(self, place: str, data: Mapping[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name in ("min", "max"):
            if name in data:
                value = data[name]
                if isinstance(value, bool) or not isinstance(value, int):
                    self.problem(f"{place}.{name}", "must be a whole number")
                else:
                    result[name] = value
        if "min" in result and "max" in result and result["min"] > result["max"]:
            self.problem(place, "min must not be greater than max")
        unit = self.text(f"{place}.unit", data.get("unit"), required=False)
        if unit:
            result["unit"] = unit
        return result

    def condition(self, place: str, data: Any, earlier: Mapping[str, Question]) -> Condition | None:
        if data is None:
            return None
        place = f"{place}.condition"
        if not self.fields(place, data, {"question", "equals", "in"}, {"question"}):
            return None
        operators = [op for op in ("equals", "in") if op in data]
        if len(operators) != 1:
            self.problem(place, "needs exactly one of 'equals' or 'in'")
            return None
        values = [data["equals"]] if operators[0] == "equals" else data["in"]
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            self.problem(place, "'in' needs a non-empty list of answer keys")
            return None
        source_key = data["question"]
        source, kind = self.find_source(source_key, earlier)
        if source is None:
            self.problem(place, f"refers to {source_key!r}, which is not an earlier question or statement")
            return None
        if kind not in CONDITION_SOURCES:
            self.problem(
                place, f"refers to {source_key!r} of type {kind!r}; only choices and scales can be conditions"
            )
            return None
        valid = set(source.option_keys())
        for value in values:
            if value not in valid:
                self.problem(
                    place,
                    f"{value!r} is not an answer of {source_key!r} (answers: {', '.join(sorted(valid))})",
                )
        return Condition(source_key, tuple(values))

    @staticmethod
    def find_source(key: str, earlier: Mapping[str, Question]) -> tuple[Question | None, str]:
        if key in earlier:
            return earlier[key], earlier[key].type
        for question in earlier.values():
            if any(s.key == key for s in question.statements):
                return question, "statement"
        return None, ""

    def check_translations(self) -> None:
        for code, variant in self.languages.items():
            if code == BASE_LANGUAGE:
                continue
            missing = [place for place, text in self.texts if code not in text.values]
            if variant.complete:
                for place in missing:
                    self.problem(place, f"has no {code!r} text, but that language is marked complete")
            elif missing:
                self.missing[code] = missing


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TemplateError(str(path), [f"cannot be read: {exc}"]) from exc


def load_scales(path: Path = SCALES_FILE) -> dict[str, Scale]:
    """The built-in answer scales (``agree5``, ``satisfaction5``, ``need4``, ``maturity6``)."""
    data = _load_json(path)
    parser = _Parser(str(path), {})
    parser.languages[EASY_LANGUAGE] = LanguageVariant(EASY_LANGUAGE, "Leichte Sprache", False)
    scales: dict[str, Scale] = {}
    if not parser.fields("scales file", data, {"format", "scales"}, {"format", "scales"}):
        raise TemplateError(str(path), parser.problems)
    for key, scale_data in data["scales"].items():
        parser.key(f"scales.{key}", key)
        scale = parser.scale(f"scales.{key}", key, scale_data, track=False)
        if scale:
            scales[key] = scale
    if parser.problems:
        raise TemplateError(str(path), parser.problems)
    return scales


def parse_template(
    data: Any, *, source: str = "<template>", scales: Mapping[str, Scale] | None = None
) -> SurveyTemplate:
    """Validate template data (already read from JSON) and build the template."""
    parser = _Parser(source, load_scales() if scales is None else scales)
    template = parser.template(data)
    if template is None:
        raise TemplateError(source, parser.problems or ["is not valid"])
    return template


def load_template(path: Path | str) -> SurveyTemplate:
    """Read and validate one template file; a bare slug means a built-in template."""
    path = Path(path)
    if not path.suffix:
        path = TEMPLATE_DIR / f"{path}.json"
    return parse_template(_load_json(path), source=path.name)


def builtin_template_paths() -> list[Path]:
    return sorted(p for p in TEMPLATE_DIR.glob("*.json") if p.name != SCALES_FILE.name)


def load_builtin_templates() -> dict[str, SurveyTemplate]:
    """All templates shipped with the platform, by slug; the file name must be the slug."""
    scales = load_scales()
    result: dict[str, SurveyTemplate] = {}
    for path in builtin_template_paths():
        template = parse_template(_load_json(path), source=path.name, scales=scales)
        if template.slug != path.stem:
            raise TemplateError(path.name, [f"slug: {template.slug!r} differs from the file name"])
        result[template.slug] = template
    return result
