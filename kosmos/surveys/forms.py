"""Forms of the survey builder and of running a survey (the respondent's form is in respond_forms)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm, KernModelForm
from kosmos.surveys.content import Questionnaire
from kosmos.surveys.domain.anonymity import LOWEST_MIN_GROUP_SIZE
from kosmos.surveys.domain.templates import load_scales
from kosmos.surveys.languages import language_choices
from kosmos.surveys.models import Audience, Question, QuestionKind, Survey, Wave, WaveMode
from kosmos.surveys.models.structure import MAX_GROUP_QUESTIONS
from kosmos.surveys.services.running import MAX_TOKENS_PER_BATCH


def shorten_at_word(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with "…" where it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"

MIN_GROUP_HELP = _(
    "Results of a group (e.g. a department) are shown only if at least this many people of the group "
    "answered. Never below 3; 5 is common, some works agreements ask for 10."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value: object) -> str | None:
        if isinstance(value, dt.date):
            return value.isoformat()
        return super().format_value(value)  # type: ignore[return-value]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SurveyCreateForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            help_text=_("Respondents see it. Leave it empty to use the template's title."))
    template = forms.ChoiceField(label=_("Start from"), widget=forms.RadioSelect)
    audience = forms.ChoiceField(label=_("Who answers"), choices=Audience.choices, initial=Audience.CUSTOMERS,
                                 help_text=_("Only for an empty survey; a template brings its own."))
    min_group_size = forms.IntegerField(label=_("Minimum group size"), initial=5, min_value=LOWEST_MIN_GROUP_SIZE,
                                        max_value=100, help_text=MIN_GROUP_HELP)

    def __init__(self, *args, templates: dict | None = None, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        choices = [("", _("An empty survey"))]
        for slug, template in (templates or {}).items():
            # Cut at a word with "…", never in the middle of a word.
            description = shorten_at_word(template.description.de, 240)
            choices.append((slug, f"{template.title.de} – {description}"))
        self.fields["template"].choices = choices
        self.fields["template"].required = False
        self.fields["template"].initial = ""

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if not cleaned.get("template") and not cleaned.get("title"):
            self.add_error("title", _("Enter a title for the empty survey."))
        return cleaned


class SurveySettingsForm(KernModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Further languages"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Respondents choose their language; texts you have not translated are shown in German."),
    )

    class Meta:
        model = Survey
        fields = ["title", "intro", "thanks", "audience", "min_group_size", "languages"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 4}), "thanks": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "intro": _("Shown on the first page: what the survey is about and how long it takes."),
            "thanks": _("Shown after sending. Empty: a short standard text."),
            "min_group_size": MIN_GROUP_HELP,
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = language_choices()
        self.fields["min_group_size"].min_value = LOWEST_MIN_GROUP_SIZE


class SectionForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    intro = forms.CharField(label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("Optional: a sentence above the questions of this section."))


def condition_choices(questionnaire: Questionnaire, before: Question | None, section_position: int | None) -> list:
    """Choices "question → answer" of every earlier choice question, grouped by question."""
    groups: list = [("", _("Always show the question"))]
    for item in questionnaire.items:
        if before is not None and item.public_id == str(before.public_id):
            break
        if section_position is not None and item.section_index > section_position:
            break
        sources = item.statements if item.kind == QuestionKind.MATRIX else [item]
        for source in sources:
            if source.kind not in {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.LIKERT,
                                   QuestionKind.STATEMENT}:
                continue
            label = source.text_de if source.parent_key is None else f"{item.text_de} – {source.text_de}"
            options = [(f"{source.public_id}={o.key}", o.label) for o in source.options]
            groups.append((label[:120], options))
    return groups


class QuestionForm(KernForm):
    """The fields shown depend on the question type."""

    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 2}))
    help_text = forms.CharField(label=_("Help text"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                help_text=_("Optional: explains the question, shown below it."))
    options = forms.CharField(label=_("Answer options"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("One option per line."))
    scale_key = forms.ChoiceField(label=_("Scale"), required=False)
    statements = forms.CharField(label=_("Statements"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
                                 help_text=_("One statement per line; all are rated on the same scale."))
    no_answer = forms.BooleanField(label=_("Offer “No answer”"), required=False,
                                   help_text=_("Counted, but left out of means."))
    number_min = forms.IntegerField(label=_("Lowest number"), required=False)
    number_max = forms.IntegerField(label=_("Highest number"), required=False)
    unit = forms.CharField(label=_("Unit"), required=False, max_length=40, help_text=_("E.g. “years” or “minutes”."))
    required = forms.BooleanField(label=_("Answer required"), required=False)
    is_group = forms.BooleanField(
        label=_("Group question (e.g. department, age band, customer type)"), required=False,
        help_text=_("Results can be filtered and broken down by it; groups with fewer answers than the minimum "
                    "group size are hidden. At most %(n)d per survey; always optional for respondents.")
        % {"n": MAX_GROUP_QUESTIONS},
    )
    condition = forms.ChoiceField(label=_("Show only if"), required=False,
                                  help_text=_("The question is shown only to respondents who gave this answer earlier."))

    FIELDS_BY_KIND = {
        QuestionKind.LIKERT: ["scale_key", "no_answer"],
        QuestionKind.SINGLE: ["options", "no_answer", "is_group"],
        QuestionKind.MULTIPLE: ["options"],
        QuestionKind.NUMBER: ["number_min", "number_max", "unit"],
        QuestionKind.TEXT: [],
        QuestionKind.MATRIX: ["statements", "scale_key", "no_answer"],
    }
    COMMON = ["text", "help_text", "required", "condition"]

    def __init__(self, *args, kind: str, condition_options: list, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.kind = kind
        wanted = set(self.COMMON) | set(self.FIELDS_BY_KIND.get(kind, []))
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        if "scale_key" in self.fields:
            scales = load_scales()
            self.fields["scale_key"].choices = [
                (key, f"{scale.title.de if scale.title else key}: "
                      + " · ".join(level.label.de for level in scale.levels))
                for key, scale in scales.items()
            ]
            self.fields["scale_key"].initial = "agree5"
        if kind == QuestionKind.MATRIX:
            self.fields["text"].label = _("Introduction to the statements")
        self.fields["condition"].choices = condition_options
        self.order_fields(["text", "help_text", "options", "statements", "scale_key", "no_answer", "number_min",
                           "number_max", "unit", "required", "is_group", "condition"])

    def clean_options(self) -> list[str]:
        return _lines(self.cleaned_data.get("options", ""))

    def clean_statements(self) -> list[str]:
        return _lines(self.cleaned_data.get("statements", ""))

    def service_kwargs(self, questionnaire_questions: dict[str, Question]) -> dict:
        data = self.cleaned_data
        condition = None
        if data.get("condition"):
            public_id, _sep, value = data["condition"].partition("=")
            source = questionnaire_questions.get(public_id)
            if source is not None:
                condition = (source, [value])
        kwargs = {
            "text": data["text"].strip(),
            "help_text": data.get("help_text", "").strip(),
            "required": data.get("required", False),
            "condition": condition,
        }
        for name in ("options", "statements", "number_min", "number_max", "unit", "no_answer", "is_group"):
            if name in self.fields:
                kwargs[name] = data.get(name)
        if "scale_key" in self.fields:
            kwargs["scale_key"] = data.get("scale_key") or "agree5"
        for name in ("options", "statements"):
            if kwargs.get(name) is None and name in kwargs:
                kwargs[name] = []
        if "unit" in kwargs and kwargs["unit"] is None:
            kwargs["unit"] = ""
        return kwargs

    @staticmethod
    def initial_for(question: Question) -> dict:
        condition = ""
        if question.condition_question_id and question.condition_values:
            condition = f"{question.condition_question.public_id}={question.condition_values[0]}"
        choices = list(question.choices.all())
        return {
            "text": question.text,
            "help_text": question.help_text,
            "options": "\n".join(c.label for c in choices if not c.not_applicable),
            "no_answer": any(c.not_applicable for c in choices),
            "scale_key": question.scale_key or "agree5",
            "statements": "\n".join(question.statements.order_by("position", "id").values_list("text", flat=True)),
            "number_min": question.number_min,
            "number_max": question.number_max,
            "unit": question.unit,
            "required": question.required,
            "is_group": question.group_slot is not None,
            "condition": condition,
        }


class TranslationForm(KernForm):
    """One field per text of the survey; the label shows the German original."""

    def __init__(self, *args, slots: list[tuple[str, str, str]], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        labels = {
            "title": _("Title"), "intro": _("Introduction"), "thanks": _("Thank-you text"), "section": _("Section"),
            "question": _("Question"), "help": _("Help text"), "statement": _("Statement"), "choice": _("Answer option"),
        }
        self.slot_names: dict[str, str] = {}
        for i, (slot, german, kind) in enumerate(slots):
            name = f"t{i}"
            self.slot_names[name] = slot
            long_text = len(german) > 80 or "\n" in german
            self.fields[name] = forms.CharField(
                label=f"{labels.get(kind, kind)}: {german[:300]}", required=False,
                widget=forms.Textarea(attrs={"rows": 3}) if long_text else forms.TextInput(),
            )

    def texts(self) -> dict[str, str]:
        return {self.slot_names[name]: value for name, value in self.cleaned_data.items()}


class WaveForm(KernModelForm):
    class Meta:
        model = Wave
        fields = ["name", "mode", "starts_on", "ends_on", "invited_count"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "mode": forms.RadioSelect}
        help_texts = {
            "name": _("E.g. “t0” for the first survey and “t1” for the repetition."),
            "ends_on": _("The survey ends by itself after this day; later answers are not stored."),
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            today = timezone.localdate()
            self.initial.setdefault("starts_on", today)
            self.initial.setdefault("ends_on", today + dt.timedelta(days=27))
        elif self.instance.status != "draft":
            del self.fields["mode"]
        if "mode" in self.fields:
            self.fields["mode"].choices = WaveMode.choices

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The last day must not be before the first day."))
        return cleaned

    def _post_clean(self) -> None:
        # The service validates; the model's constraints need the survey, which is set there.
        pass


class TokenCardsForm(KernForm):
    count = forms.IntegerField(label=_("Number of cards"), min_value=1, max_value=MAX_TOKENS_PER_BATCH,
                               help_text=_("Each card carries its own code and QR code; each can be used once."))


class InviteForm(KernForm):
    addresses = forms.CharField(
        label=_("E-mail addresses"), widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One address per line (or separated by commas). Everybody receives their own link; "
                    "the addresses are stored apart from the answers and can be deleted after sending."),
    )


class ResultFilterForm(forms.Form):
    """Filters by group question; a GET form with one select per group question."""

    def __init__(self, *args, questionnaire: Questionnaire, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for item in questionnaire.group_items:
            self.fields[f"gruppe{item.group_slot}"] = forms.ChoiceField(
                label=item.text_de, required=False,
                choices=[("", _("All"))] + [(o.key, o.label) for o in item.options],
                widget=forms.Select(attrs={"class": "kern-form-input__select"}),
            )

