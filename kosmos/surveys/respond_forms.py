"""The form of one page of a questionnaire, as respondents see it, in their language."""

from __future__ import annotations

from typing import Any

from django import forms

from kosmos.core.forms_base import KernForm
from kosmos.surveys.content import Answers, AnswerValue, Item, Page, Questionnaire
from kosmos.surveys.models import QuestionKind


def field_name(key: str) -> str:
    return f"q_{key}"


class PageForm(KernForm):
    """One field per answer unit of the page (a matrix has one field per statement).

    Errors are worded in the respondent's language.

    A follow-up question (its condition refers to a question on the same page) is rendered in a
    container that ``surveys/respond.js`` shows and hides as the answer changes; the script sets
    the hidden field ``js``. Without the script the container stays hidden when the condition did
    not hold as the page was drawn: the form then leaves the follow-up out (``deferred``), and the
    flow asks it on a page of its own right after this one (``followup=True``).
    """

    def __init__(
        self,
        data: Any = None,
        *,
        questionnaire: Questionnaire,
        page: Page,
        language: str,
        ui: dict[str, str],
        answers: Answers,
        followup: bool = False,
    ) -> None:
        self.questionnaire = questionnaire
        self.followup = followup
        self.script = bool(data) and data.get("js") == "1"
        self.page = page
        self.language = language
        self.ui = ui
        self.answers = answers
        self.blocks: list[dict[str, Any]] = []
        super().__init__(data, initial=self._initial())
        earlier = {k: v for k, v in answers.items() if k in questionnaire.by_key
                   and questionnaire.by_key[k].section_index < page.index}
        current = self._current_answers(data)
        for item in page.items:
            source = questionnaire.by_key.get(item.condition_key or "")
            same_page = source is not None and source.section_index == page.index
            if item.condition_key and not same_page and not questionnaire.is_visible(item, earlier):
                continue
            if followup and not (same_page and questionnaire.is_visible(item, answers)):
                continue  # the follow-up page asks only the follow-up questions that apply
            block = {"item": item, "fields": [], "text": item.text(language), "help": item.help(language),
                     "inline": item.kind in {QuestionKind.LIKERT, QuestionKind.MATRIX},
                     "conditional": same_page and not followup, "shown_before": True, "hidden": False}
            if block["conditional"] and source is not None:
                block["shown_before"] = questionnaire.is_visible(item, answers)
                block["hidden"] = not questionnaire.is_visible(item, current)
                block["source"] = field_name(source.key)
                block["values"] = " ".join(item.condition_values)
                block["announce"] = ui["followup"].format(question=item.text(language))
            units = item.statements if item.kind == QuestionKind.MATRIX else [item]
            for unit in units:
                name = field_name(unit.key)
                self.fields[name] = self._field(unit, item, required=item.required and not block["conditional"])
                block["fields"].append(name)
            self.blocks.append(block)
        self._decorate_widgets()
        for block in self.blocks:
            block["bound"] = [self[name] for name in block["fields"]]

    def _current_answers(self, data: Any) -> Answers:
        """The answers as the page shows them: the posted choices of this page over the earlier ones."""
        answers = dict(self.answers)
        if not data:
            return answers
        for item in self.page.items:
            for unit in item.statements if item.kind == QuestionKind.MATRIX else [item]:
                name = field_name(unit.key)
                if unit.kind == QuestionKind.MULTIPLE:
                    answers[unit.key] = list(data.getlist(name)) if hasattr(data, "getlist") else data.get(name, [])
                elif data.get(name):
                    answers[unit.key] = str(data.get(name))
                else:
                    answers.pop(unit.key, None)
        return answers

    def _asked(self, block: dict[str, Any]) -> bool:
        """Whether the respondent could answer a follow-up on this page: always with the script;
        without it only when it was visible as the page was drawn."""
        return self.script or block["shown_before"]

    def deferred(self, answers: Answers) -> list[Item]:
        """Follow-up questions that now apply but were hidden on this page (no script): the
        flow asks them on the next page."""
        return [b["item"] for b in self.blocks if b["conditional"] and not self._asked(b)
                and self.questionnaire.is_visible(b["item"], answers)]

    def _initial(self) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for key, value in self.answers.items():
            initial[field_name(key)] = value
        return initial

    def _messages(self, item: Item) -> dict[str, str]:
        ui = self.ui
        messages = {"required": ui["required"], "invalid_choice": ui["choice"], "invalid": ui["number"],
                    "invalid_list": ui["choice"]}
        if item.number_min is not None:
            messages["min_value"] = ui["min"].format(limit=item.number_min)
        if item.number_max is not None:
            messages["max_value"] = ui["max"].format(limit=item.number_max)
        messages["max_length"] = ui["length"].format(limit=item.max_length)
        return messages

    def _field(self, unit: Item, owner: Item, *, required: bool) -> forms.Field:
        language = self.language
        label = unit.text(language)
        help_text = unit.help(language) if unit is owner else ""
        messages = self._messages(owner)
        choices = [(o.key, o.text(language)) for o in unit.options]
        if unit.kind in {QuestionKind.SINGLE, QuestionKind.LIKERT, QuestionKind.STATEMENT}:
            return forms.ChoiceField(label=label, help_text=help_text, required=required, choices=choices,
                                     widget=forms.RadioSelect, error_messages=messages)
        if unit.kind == QuestionKind.MULTIPLE:
            hint = help_text if self.ui["multiple"] in help_text else " ".join(
                t for t in (help_text, self.ui["multiple"]) if t)
            return forms.MultipleChoiceField(label=label, help_text=hint, required=required, choices=choices,
                                             widget=forms.CheckboxSelectMultiple, error_messages=messages)
        if unit.kind == QuestionKind.NUMBER:
            unit_text = unit.unit(language)
            hint = " ".join(t for t in (help_text, f"({unit_text})" if unit_text else "") if t)
            low = unit.number_min if unit.number_min is not None else -2_000_000_000
            high = unit.number_max if unit.number_max is not None else 2_000_000_000
            return forms.IntegerField(label=label, help_text=hint, required=required, min_value=low, max_value=high,
                                      error_messages=messages,
                                      widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
        return forms.CharField(label=label, help_text=help_text, required=required, max_length=unit.max_length,
                               error_messages=messages, widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        answers = {**self.answers, **self.page_answers(cleaned)}
        for block in self.blocks:
            item: Item = block["item"]
            if not block["conditional"]:
                continue
            if not self._asked(block):
                for name in block["fields"]:
                    cleaned.pop(name, None)
                continue
            if item.required and self.questionnaire.is_visible(item, answers):
                for name in block["fields"]:
                    if cleaned.get(name) in (None, "", []) and name not in self.errors:
                        self.add_error(name, self.ui["required"])
            for name in block["fields"]:
                if not self.questionnaire.is_visible(item, answers):
                    cleaned.pop(name, None)
        for block in self.blocks:
            item = block["item"]
            if item.kind != QuestionKind.MULTIPLE:
                continue
            name = block["fields"][0]
            chosen = cleaned.get(name) or []
            exclusive = {o.key for o in item.options if o.exclusive}
            if len(chosen) > 1 and exclusive & set(chosen) or item.max_choices and len(chosen) > item.max_choices:
                self.add_error(name, self.ui["choice"])
        return cleaned

    def page_answers(self, cleaned: dict[str, Any] | None = None) -> Answers:
        """The answers of this page from cleaned data (only fields that are valid)."""
        cleaned = self.cleaned_data if cleaned is None else cleaned
        result: dict[str, AnswerValue] = {}
        for block in self.blocks:
            for name in block["fields"]:
                key = name[2:]
                value = cleaned.get(name)
                if value in (None, "", []):
                    result[key] = None  # type: ignore[assignment] - marks "answered nothing"
                elif isinstance(value, list):
                    result[key] = [str(v) for v in value]
                elif isinstance(value, int):
                    result[key] = value
                else:
                    result[key] = str(value).strip()
        return result

    def page_keys(self) -> list[str]:
        return [name[2:] for block in self.blocks for name in block["fields"]]
