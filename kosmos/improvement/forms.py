"""Forms of the improvement module."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.core.models import Organisation, User
from kosmos.improvement.models import ActionFieldStatus, Level, ProjectStatus, WorkingGroup

DATE_WIDGET = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
LEVEL_CHOICES = [("", _("not placed yet"))] + [(str(v), label) for v, label in Level.choices]


def _org_users(organisation: Organisation):  # noqa: ANN202
    return User.objects.filter(memberships__organisation=organisation).order_by("full_name")


class ActionFieldForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    criterion = forms.ModelChoiceField(label=_("Criterion"), required=False, queryset=None)
    goal = forms.CharField(label=_("Goal"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("S.m.a.r.t.: what should change for whom, by how much, and what for?"))
    indicator = forms.CharField(label=_("Indicator"), required=False, max_length=300,
                                help_text=_("How you recognise success, e.g. “Anteil der Online-Termine von 20 % auf 35 %”."))
    owner = forms.CharField(label=_("Responsible"), required=False, max_length=150,
                            help_text=_("A person or a role."))
    due_date = forms.DateField(label=_("Due date"), required=False, **DATE_WIDGET)
    status = forms.ChoiceField(label=_("Status"), choices=ActionFieldStatus.choices, initial=ActionFieldStatus.OPEN)

    def __init__(self, *args, criteria, findings=None, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = criteria
        if findings is not None:
            self.fields["findings"] = forms.ModelMultipleChoiceField(
                label=_("Improvement potentials from the self-assessment"), queryset=findings, required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Choose the potentials that this action field takes up."),
            )
            self.fields["findings"].label_from_instance = lambda f: f"{f.criterion.code}: {f.text}"
            self.order_fields(["findings", "title", "description", "criterion", "goal", "indicator", "owner",
                               "due_date", "status"])
        self._decorate_widgets()


class ProjectForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    goal = forms.CharField(label=_("Goal"), widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("S.m.a.r.t.: specific, measurable, accepted, realistic and with a date."))
    indicator = forms.CharField(label=_("Indicator"), required=False, max_length=300)
    owner = forms.ModelChoiceField(label=_("Responsible"), required=False, queryset=User.objects.none())
    start_date = forms.DateField(label=_("Start"), required=False, **DATE_WIDGET)
    due_date = forms.DateField(label=_("Due date"), required=False, **DATE_WIDGET)
    status = forms.ChoiceField(label=_("Status"), choices=ProjectStatus.choices, initial=ProjectStatus.PLANNED)
    working_group = forms.ModelChoiceField(label=_("Working group"), required=False, queryset=WorkingGroup.objects.none())

    def __init__(self, *args, organisation: Organisation, with_milestones: bool = False, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _org_users(organisation)
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(organisation=organisation)
        if with_milestones:
            self.fields["milestones"] = forms.CharField(
                label=_("Milestones"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("One per line; a date may follow a semicolon, e.g. “Konzept abgestimmt; 2025-03-31”."),
            )
        self._decorate_widgets()

    def clean_milestones(self) -> list:
        import datetime as dt

        result = []
        for number, line in enumerate((self.cleaned_data.get("milestones") or "").splitlines(), start=1):
            if not line.strip():
                continue
            title, _sep, date_text = line.partition(";")
            due = None
            if date_text.strip():
                try:
                    due = dt.date.fromisoformat(date_text.strip())
                except ValueError:
                    raise forms.ValidationError(
                        _("Line %(n)s: please write the date as YYYY-MM-DD.") % {"n": number}) from None
            result.append((title.strip()[:200], due))
        return result


class MilestoneForm(KernForm):
    title = forms.CharField(label=_("New milestone"), max_length=200)
    due_date = forms.DateField(label=_("Due date"), required=False, **DATE_WIDGET)


class WorkingGroupForm(KernForm):
    name = forms.CharField(label=_("Name"), max_length=150)
    purpose = forms.CharField(label=_("Purpose and responsibilities"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    members = forms.ModelMultipleChoiceField(label=_("Members"), required=False, queryset=User.objects.none(),
                                             widget=forms.CheckboxSelectMultiple)
    external_members = forms.CharField(label=_("Further members"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                       help_text=_("People without an account, one per line (roles, not names of customers)."))
    meeting_rhythm = forms.CharField(label=_("Meeting rhythm"), required=False, max_length=120,
                                     help_text=_("E.g. “monthly, with an agenda for every meeting”."))

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = _org_users(organisation)
