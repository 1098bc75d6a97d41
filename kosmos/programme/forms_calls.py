"""Forms of calls, applications, the committee and scoring."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.core.models.organisations import FederalState
from kosmos.programme.domain.scoring import SCALE_MAX, SCALE_MIN
from kosmos.programme.models import Call, CallTopic, Institution
from kosmos.programme.services_calls import CALL_FIELDS

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


def _weight(label: str) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=10, initial=1,
                              help_text=_("0 to 10; the criteria count in proportion to their weights."))


class CallForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("What the call is about"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    eligibility = forms.CharField(label=_("Who may apply"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text=_("E.g. all gE and zkT; one application per Jobcenter."))
    topics = forms.CharField(label=_("Topics"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("One topic per line."))
    deadline = forms.DateTimeField(label=_("Deadline for applications"), widget=DATETIME_WIDGET,
                                   input_formats=DATETIME_FORMATS)
    period_start = forms.DateField(label=_("Project period from"), required=False, widget=DATE_WIDGET,
                                   input_formats=DATE_FORMATS)
    period_end = forms.DateField(label=_("Project period until"), required=False, widget=DATE_WIDGET,
                                 input_formats=DATE_FORMATS)
    weight_situation = _weight(_("Weight: clear starting situation and goals"))
    weight_transferability = _weight(_("Weight: transferability"))
    weight_relevance = _weight(_("Weight: strategic relevance"))
    weight_evidence = _weight(_("Weight: evidence of results"))
    blind_review = forms.BooleanField(label=_("Blind review: hide the applicants' names from the committee"),
                                      required=False)
    rank_by = forms.ChoiceField(label=_("Rank by"), choices=Call._meta.get_field("rank_by").choices,
                                help_text=_("The median keeps one outlier from sinking an application."))
    disagreement_threshold = forms.DecimalField(
        label=_("Disagreement from a spread of"), min_value=0, max_value=4, decimal_places=1, initial=2,
        help_text=_("Applications whose members' totals lie this far apart (0–4 scale) are marked for discussion."))
    select_count = forms.IntegerField(label=_("Number of projects to select"), min_value=1, max_value=200)
    min_ge = forms.IntegerField(label=_("At least this many gE"), min_value=0, max_value=200, initial=0)
    min_zkt = forms.IntegerField(label=_("At least this many zkT"), min_value=0, max_value=200, initial=0)
    max_per_state = forms.IntegerField(label=_("At most this many per Land"), min_value=1, max_value=200,
                                       required=False, help_text=_("Empty: no limit."))
    cover_topics = forms.BooleanField(label=_("Every topic at least once"), required=False, initial=True)

    def clean_topics(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["topics"].splitlines() if line.strip()]


def call_initial(call: Call) -> dict[str, Any]:
    initial = {name: getattr(call, name) for name in CALL_FIELDS}
    initial["topics"] = "\n".join(call.topics.values_list("name", flat=True))
    return initial


class CallDocumentForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File (PDF, at most 10 MB)"))


class ApplicationForm(KernForm):
    """The fixed application form (documented in docs/programm.md)."""

    project_title = forms.CharField(label=_("Project title"), max_length=200)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=CallTopic.objects.none(), required=False,
                                   empty_label=_("Please choose"))
    starting_situation = forms.CharField(
        label=_("Starting situation and challenge"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What is the situation in your Jobcenter today, and what is the challenge?"))
    goals = forms.CharField(label=_("Goals"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                            help_text=_("What should be different at the end of the project?"))
    approach = forms.CharField(label=_("Approach and timeline"), required=False,
                               widget=forms.Textarea(attrs={"rows": 4}))
    transferability = forms.CharField(
        label=_("Transfer to other Jobcenters"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("How can other Jobcenters use your results?"))
    strategic_relevance = forms.CharField(
        label=_("Strategic relevance"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How does the project fit your Jobcenter's goals and strategy?"))
    evidence = forms.CharField(label=_("How results will be shown"), required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))
    contact_role = forms.CharField(label=_("Contact (role, no name needed)"), max_length=150, required=False)

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = call.topics.all()


class CommitteeMemberForm(KernForm):
    email = forms.EmailField(label=_("E-mail address of the account"),
                             help_text=_("The person needs an account on the platform."))
    institution = forms.ChoiceField(label=_("Institution"), choices=Institution.choices)
    state = forms.ChoiceField(label=_("Land"), required=False,
                              choices=[("", _("no Land")), *FederalState.choices],
                              help_text=_("For members from a Land: applications from this Land are a conflict."))


_SCALE_ERROR = _("Please give a whole number from 0 to 4.")


def _criterion(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, min_value=SCALE_MIN, max_value=SCALE_MAX,
        help_text=_("0 = not met, 4 = fully met"),
        error_messages={"min_value": _SCALE_ERROR, "max_value": _SCALE_ERROR, "invalid": _SCALE_ERROR,
                        "required": _SCALE_ERROR},
        widget=forms.NumberInput(attrs={"min": SCALE_MIN, "max": SCALE_MAX, "step": 1}),
    )


class ScoreForm(KernForm):
    situation = _criterion(_("Clear starting situation and goals"))
    transferability = _criterion(_("Transferability"))
    relevance = _criterion(_("Strategic relevance"))
    evidence = _criterion(_("Evidence of results"))
    comment = forms.CharField(label=_("Comment on the scores"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ConflictForm(KernForm):
    reason = forms.CharField(label=_("Reason (optional)"), max_length=300, required=False)
