"""Forms of the improvement module."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.core.hub import FindingCollection
from kosmos.core.models import Organisation, User
from kosmos.improvement.models import ActionFieldStatus, ImprovementProject, Level, ProjectStatus

DATE_WIDGET = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
LEVEL_CHOICES = [("", _("not placed yet"))] + [(str(v), label) for v, label in Level.choices]


def _org_users(organisation: Organisation):  # noqa: ANN202
    return User.objects.filter(memberships__organisation=organisation).order_by("full_name")


class ActionFieldForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    topic_key = forms.ChoiceField(label=_("Topic"), required=False, choices=())
    topic = forms.CharField(label=_("Topic"), required=False, max_length=200,
                            help_text=_("What the action field is about, e.g. a criterion or a channel."))
    goal = forms.CharField(label=_("Goal"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("S.m.a.r.t.: what should change for whom, by how much, and what for?"))
    indicator = forms.CharField(label=_("Indicator"), required=False, max_length=300,
                                help_text=_("How you recognise success, e.g. “Anteil der Online-Termine von 20 % auf 35 %”."))
    owner = forms.CharField(label=_("Responsible"), required=False, max_length=150,
                            help_text=_("A person or a role."))
    due_date = forms.DateField(label=_("Due date"), required=False, **DATE_WIDGET)
    status = forms.ChoiceField(label=_("Status"), choices=ActionFieldStatus.choices, initial=ActionFieldStatus.OPEN)

    def __init__(self, *args, collection: FindingCollection | None = None, with_findings: bool = True,  # noqa: ANN002
                 **kwargs) -> None:  # noqa: ANN003
        super().__init__(*args, **kwargs)
        # A source with topics (e.g. the criteria of a self-assessment) offers them as choices;
        # otherwise the topic is free text.
        if collection is not None and collection.topics:
            self.fields["topic_key"].choices = [("", _("no topic")), *collection.topics]
            del self.fields["topic"]
        else:
            del self.fields["topic_key"]
        if collection is not None and with_findings:
            self.fields["findings"] = forms.MultipleChoiceField(
                label=_("Findings from “%(source)s”") % {"source": collection.title},
                choices=[(f.id, f"{f.topic_key}: {f.text}" if f.topic_key else f.text) for f in collection.findings],
                required=False, widget=forms.CheckboxSelectMultiple,
                help_text=_("Choose the findings that this action field takes up."),
            )
            self.order_fields(["findings", "title", "description", "topic_key", "topic", "goal", "indicator",
                               "owner", "due_date", "status"])
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
    working_group = forms.ModelChoiceField(label=_("Working group"), required=False, queryset=ImprovementProject.objects.none())

    def __init__(self, *args, organisation: Organisation, with_milestones: bool = False, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _org_users(organisation)
        # The working groups module owns the model; reach it through the foreign key, not an import.
        group_model = ImprovementProject._meta.get_field("working_group").related_model
        self.fields["working_group"].queryset = group_model.objects.filter(organisation=organisation)
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
