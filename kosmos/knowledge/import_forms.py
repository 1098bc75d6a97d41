"""Forms of the Excel import: the upload and the column mapping of the preview."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.knowledge.domain import importing as imp
from kosmos.knowledge.imports import field_label


class UploadForm(KernForm):
    file = forms.FileField(
        label=_("Excel workbook (.xlsx)"),
        help_text=_("The first row of the first sheet holds the column headings, every further row one entry. "
                    "At most 10,000 rows."),
    )


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class MappingForm(KernForm):
    """One select per entry field: which column of the file holds it."""

    def __init__(self, *args: object, header: Sequence[str], initial_mapping: Mapping[str, int],
                 **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        columns = [("", _("— not imported —"))] + [
            (str(i), f"{column_letter(i)}: {heading or '–'}") for i, heading in enumerate(header)
        ]
        for spec in imp.FIELDS:
            self.fields[f"map_{spec.key}"] = forms.ChoiceField(
                label=field_label(spec.key), choices=columns, required=spec.key in imp.REQUIRED,
                initial=str(initial_mapping[spec.key]) if spec.key in initial_mapping else "",
            )

    def mapping(self) -> dict[str, int]:
        return {spec.key: int(value) for spec in imp.FIELDS
                if (value := self.cleaned_data.get(f"map_{spec.key}")) not in (None, "")}


class ConfirmForm(KernForm):
    only_valid = forms.BooleanField(
        label=_("Yes, import only the valid rows and leave out the rows with errors."), required=False,
    )
