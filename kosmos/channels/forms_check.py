"""Forms of the maturity check."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.channels.selectors_check import CatalogueView
from kosmos.core.forms_base import KernForm

MAX_UPLOAD = 5 * 1024 * 1024


def _level_choices(catalogue: CatalogueView, dimension) -> list[tuple[str, str]]:  # noqa: ANN001
    return [
        (str(level), _("Level %(level)s: %(text)s") % {"level": level, "text": catalogue.level_text(dimension, level)})
        for level in range(5)
    ]


class AnswerForm(KernForm):
    """One channel of a check: a radio group per dimension with the level texts, an evidence note each."""

    def __init__(self, *args, catalogue: CatalogueView, levels: dict, evidence: dict, target: int | None, **kwargs):  # noqa: ANN002, ANN003
        initial = {"target_level": "" if target is None else str(target)}
        for dimension in catalogue.dimensions:
            if dimension.key in levels:
                initial[f"{dimension.key}-level"] = str(levels[dimension.key])
            initial[f"{dimension.key}-evidence"] = evidence.get(dimension.key, "")
        super().__init__(*args, initial=initial, **kwargs)
        self.catalogue = catalogue
        for dimension in catalogue.dimensions:
            self.fields[f"{dimension.key}-level"] = forms.TypedChoiceField(
                label=dimension.name, help_text=dimension.question, choices=_level_choices(catalogue, dimension),
                coerce=int, empty_value=None, required=False, widget=forms.RadioSelect,
            )
            self.fields[f"{dimension.key}-evidence"] = forms.CharField(
                label=_("Evidence for “%(dimension)s”") % {"dimension": dimension.name}, required=False,
                max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("A short note: which document, figure or observation supports the level?"),
            )
        self.fields["target_level"] = forms.TypedChoiceField(
            label=_("Target level in two years"), coerce=int, empty_value=None, required=False,
            choices=[("", _("no target yet"))] + [(str(level), str(level)) for level in range(5)],
            help_text=_("The overall level this channel should reach within two years."),
        )

    def answers(self) -> dict[str, tuple[int | None, str]]:
        data = self.cleaned_data
        return {d.key: (data.get(f"{d.key}-level"), data.get(f"{d.key}-evidence", "")) for d in self.catalogue.dimensions}


class OfferedChannelsForm(KernForm):
    channels = forms.MultipleChoiceField(
        label=_("Channels your organisation offers"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Only these channels are part of a check."),
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["channels"].choices = choices


class StartCheckForm(KernForm):
    check_date = forms.DateField(label=_("Check date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(label=_("Remark"), max_length=300, required=False,
                           help_text=_("For example who answered: the quality manager, a team, a workshop."))
    copy_answers = forms.BooleanField(label=_("Start from the answers of the previous check"), required=False,
                                      initial=True)


class CatalogueImportForm(KernForm):
    file = forms.FileField(label=_("Catalogue file (XLSX)"),
                           help_text=_("The layout of the export: sheets Kanäle, Dimensionen, Stufen, Empfehlungen."))

    def clean_file(self):  # noqa: ANN201
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Please upload an XLSX file."))
        return upload


class DimensionForm(KernForm):
    """One dimension of the own catalogue copy: name, guiding question, five level texts, recommendations."""

    name = forms.CharField(label=_("Name"), max_length=120)
    question = forms.CharField(label=_("Guiding question"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for level in range(5):
            self.fields[f"level_{level}"] = forms.CharField(
                label=_("Level %(level)s: description") % {"level": level}, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"evidence_{level}"] = forms.CharField(
                label=_("Level %(level)s: typical evidence") % {"level": level}, max_length=2000, required=False)
            if level:
                self.fields[f"recommendations_{level}"] = forms.CharField(
                    label=_("Recommendations to reach level %(level)s") % {"level": level}, required=False,
                    widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One recommendation per line."))

    def levels(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {level: (data[f"level_{level}"].strip(), data.get(f"evidence_{level}", "").strip()) for level in range(5)}

    def recommendations(self) -> dict[int, list[str]]:
        return {level: self.cleaned_data.get(f"recommendations_{level}", "").splitlines() for level in range(1, 5)}
