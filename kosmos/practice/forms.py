"""Forms of the good-practice pages."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm, KernModelForm
from kosmos.core.models.organisations import FederalState, OrganisationForm
from kosmos.core.models.sharing import Visibility
from kosmos.practice.domain import similarity
from kosmos.practice.models import Criterion, Profile, ReviewDecision, TopicField
from kosmos.practice.services import PROFILE_FIELDS
from kosmos.practice.topics import TOPIC_KEYS

_PERIOD = re.compile(r"^(\d{4}-\d{2}|–|-)\s+(.+)$")  # "–": a milestone without a month
SIZE_CHOICES = [
    (similarity.SMALL, _("small (fewer than 100 staff)")),
    (similarity.MEDIUM, _("medium (100 to 299 staff)")),
    (similarity.LARGE, _("large (300 staff or more)")),
]


def parse_milestones(text: str) -> list[tuple[str, str]]:
    """Lines "2022-03 Workshop …" → [(period, title)]; German errors name the line."""
    milestones, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        match = _PERIOD.match(line)
        period = match.group(1) if match else ""
        if match is None or (len(period) == 7 and not 1 <= int(period[5:]) <= 12):
            errors.append(_("Line %(line)s: please start with year and month, e.g. “2022-03 Kick-off workshop”.")
                          % {"line": number})
            continue
        milestones.append(("" if len(period) == 1 else period, match.group(2)[:300]))
    if errors:
        raise ValidationError(errors)
    return milestones


class ProfileForm(KernModelForm):
    milestones = forms.CharField(
        label=_("Timeline"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One milestone per line: year and month, then what happened, e.g. “2022-03 Kick-off workshop”; "
                    "“–” instead of year and month for a milestone without a date."),
    )
    topic_keys = forms.MultipleChoiceField(
        label=_("Also show on these pages"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=list(TOPIC_KEYS.items()),
        help_text=_("The profile appears under “Who else worked on this” on these module pages."),
    )

    class Meta:
        model = Profile
        fields = PROFILE_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 4})
                   for name in ("starting_situation", "goals", "results", "lessons_learned")}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["milestones"] = "\n".join(f"{m.period or '–'} {m.title}"
                                                for m in self.instance.milestones.all())
            self.initial["topic_keys"] = list(self.instance.topics.values_list("key", flat=True))

    def clean_milestones(self) -> list[tuple[str, str]]:
        return parse_milestones(self.cleaned_data.get("milestones", ""))


class MaterialForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    document = forms.FileField(label=_("File"), required=False,
                               help_text=_("PDF, Word, Excel or OpenDocument, at most 10 MB."))

    MAX_BYTES = 10 * 1024 * 1024
    ALLOWED = (".pdf", ".docx", ".xlsx", ".odt", ".ods", ".pptx", ".odp")

    def clean_document(self):  # noqa: ANN201
        document = self.cleaned_data.get("document")
        if document:
            if document.size > self.MAX_BYTES:
                raise ValidationError(_("The file is larger than 10 MB."))
            if not document.name.lower().endswith(self.ALLOWED):
                raise ValidationError(_("Please choose a PDF, Word, Excel or OpenDocument file."))
        return document

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("url") and not data.get("document") and not self.errors:
            raise ValidationError(_("Please give a link or choose a file."))
        return data


class GalleryFilterForm(KernForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    topic = forms.ChoiceField(label=_("Topic field"), required=False,
                              choices=[("", _("All topic fields")), *TopicField.choices])
    form = forms.ChoiceField(label=_("Form of organisation"), required=False,
                             choices=[("", _("gE and zkT")), *OrganisationForm.choices])
    land = forms.ChoiceField(label=_("Federal state"), required=False,
                             choices=[("", _("All federal states")), *FederalState.choices])
    size = forms.ChoiceField(label=_("Size"), required=False, choices=[("", _("All sizes")), *SIZE_CHOICES])


class ReviewForm(KernForm):
    """One met/not met choice and a comment per criterion, then the decision."""

    decision = forms.ChoiceField(label=_("Outcome of the review"), choices=ReviewDecision.choices, widget=forms.RadioSelect)
    visibility = forms.ChoiceField(
        label=_("Publish to"), required=False, widget=forms.RadioSelect,
        choices=[(Visibility.PLATFORM, _("All members of the platform")),
                 (Visibility.PUBLIC, _("Everybody (public, without login)"))],
        initial=Visibility.PLATFORM,
    )
    comment = forms.CharField(label=_("Comment for the Jobcenter"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        criteria_fields = {}
        for key, label in Criterion.choices:
            criteria_fields[f"{key}_met"] = forms.TypedChoiceField(
                label=label, choices=[("1", _("met")), ("0", _("not met"))], coerce=lambda v: v == "1",
                widget=forms.RadioSelect,
            )
            criteria_fields[f"{key}_comment"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": label}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields = {**criteria_fields, **self.fields}
        self._decorate_widgets()

    def criteria(self) -> dict[str, tuple[bool, str]]:
        return {key: (self.cleaned_data[f"{key}_met"], self.cleaned_data.get(f"{key}_comment", ""))
                for key in Criterion.values}


class LinkForm(KernForm):
    target = forms.ChoiceField(label=_("Shared object"))

    def __init__(self, *args, choices=(), **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", _("Please choose")), *choices]


class ConsentForm(KernForm):
    granted = forms.TypedChoiceField(
        label=_("Contribute our figures"), choices=[("1", _("yes")), ("0", _("no"))], coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
