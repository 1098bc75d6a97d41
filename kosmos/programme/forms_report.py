"""Forms of the results report."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.programme.services_report import MAX_SECTION_CHARS


class ReportSectionForm(KernForm):
    body = forms.CharField(
        label=_("Text"), required=False, max_length=MAX_SECTION_CHARS,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Plain text; an empty line starts a new paragraph. Write for all Jobcenters: what others can "
                    "learn and take over. No names of persons."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
