"""Forms of the Quali-Kompass."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.core.models import Membership, Organisation
from kosmos.training.models import Department, Level, StaffProfile, Topic, Training, TrainingKind

DATE_WIDGET = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class TrainingForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    code = forms.CharField(label=_("Course number"), max_length=40, required=False,
                           help_text=_("The course number in the learning platform, used by the import."))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(label=_("Type"), choices=TrainingKind.choices)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.none(), required=False)
    departments = forms.ModelMultipleChoiceField(label=_("Departments"), queryset=Department.objects.none(),
                                                 required=False, widget=forms.CheckboxSelectMultiple)
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=1, max_value=10000, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    provider = forms.CharField(label=_("Provider"), max_length=150, required=False)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https",
                         help_text=_("Where the course lives, e.g. in the BA's learning platform."))
    document = forms.FileField(label=_("Own material (PDF)"), required=False,
                               help_text=_("For the organisation's own guides; at most 10 MB."))
    validity_months = forms.IntegerField(label=_("Repeat after (months)"), min_value=1, max_value=120, required=False,
                                         help_text=_("Empty: the training stays valid."))
    active = forms.BooleanField(label=_("On offer"), required=False, initial=True)

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(organisation=organisation).select_related("parent")
        self.fields["departments"].queryset = Department.objects.filter(organisation=organisation)

    @staticmethod
    def initial_for(training: Training) -> dict:
        return {
            "title": training.title, "code": training.code, "description": training.description,
            "kind": training.kind, "topic": training.topic, "departments": list(training.departments.all()),
            "duration_minutes": training.duration_minutes, "level": training.level, "provider": training.provider,
            "url": training.url, "validity_months": training.validity_months, "active": training.active,
        }


class CompletionForm(KernForm):
    completed_on = forms.DateField(label=_("Completed on"), **DATE_WIDGET)

    def clean_completed_on(self):  # noqa: ANN201
        value = self.cleaned_data["completed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date of completion lies in the future."))
        return value


class TeamCompletionForm(CompletionForm):
    profile = forms.ModelChoiceField(label=_("Team member"), queryset=StaffProfile.objects.none())
    training = forms.ModelChoiceField(label=_("Training"), queryset=Training.objects.none())

    field_order = ["profile", "training", "completed_on"]

    def __init__(self, *args, team, trainings, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = team
        self.fields["training"].queryset = trainings


class ProfileForm(KernForm):
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.none())
    start_date = forms.DateField(label=_("First working day in the department"), **DATE_WIDGET)
    topics = forms.ModelMultipleChoiceField(label=_("My topics"), queryset=Topic.objects.none(), required=False,
                                            widget=forms.CheckboxSelectMultiple,
                                            help_text=_("The compass recommends offers on these topics."))

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(organisation=organisation)
        self.fields["topics"].queryset = Topic.objects.filter(organisation=organisation).select_related("parent")


class RequirementForm(KernForm):
    deadline_days = forms.IntegerField(label=_("Deadline for new staff (days)"), min_value=1, max_value=730)
    trainings = forms.ModelMultipleChoiceField(label=_("Required trainings"), queryset=Training.objects.none(),
                                               required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["trainings"].queryset = Training.objects.filter(organisation=organisation, active=True)


class ExemptionForm(KernForm):
    profile = forms.ModelChoiceField(label=_("Staff member"), queryset=StaffProfile.objects.none())
    training = forms.ModelChoiceField(label=_("Training"), queryset=Training.objects.none())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Kept as a record, e.g. “equivalent qualification from the previous post”."))

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = StaffProfile.objects.filter(organisation=organisation, left_on__isnull=True)
        self.fields["training"].queryset = Training.objects.filter(organisation=organisation)


class ImportForm(KernForm):
    file = forms.FileField(label=_("Export of the learning platform (CSV or XLSX)"),
                           help_text=_("Columns: Person (personnel key or e-mail), Schulung (course number or title), "
                                       "Abschlussdatum (DD.MM.YYYY)."))


class NewsForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    published_on = forms.DateField(label=_("Date"), **DATE_WIDGET)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")


class DepartmentForm(KernForm):
    name = forms.CharField(label=_("Department"), max_length=120)
    deadline_days = forms.IntegerField(label=_("Deadline for new staff (days)"), min_value=1, max_value=730,
                                       initial=90)


class TopicForm(KernForm):
    name = forms.CharField(label=_("Topic"), max_length=120)
    parent = forms.ModelChoiceField(label=_("Part of"), queryset=Topic.objects.none(), required=False)
    need_keys = forms.CharField(label=_("Statements of the qualification-needs survey"), max_length=300,
                                required=False, help_text=_("Keys separated by commas, e.g. digital_video."))

    def __init__(self, *args, organisation: Organisation, topic: Topic | None = None,  # noqa: ANN002, ANN003
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        parents = Topic.objects.filter(organisation=organisation, parent__isnull=True)
        self.fields["parent"].queryset = parents.exclude(pk=topic.pk) if topic else parents


class ContactForm(KernForm):
    name = forms.CharField(label=_("Name"), max_length=150)
    role = forms.CharField(label=_("Role"), max_length=150, required=False,
                           help_text=_("e.g. Digitalisierungsbotschafter:in"))
    email = forms.EmailField(label=_("E-mail"), required=False)


class StaffProfileForm(KernForm):
    membership = forms.ModelChoiceField(label=_("Member with login"), queryset=Membership.objects.none(),
                                        required=False,
                                        help_text=_("Empty for staff known only from the learning platform."))
    full_name = forms.CharField(label=_("Name"), max_length=150)
    personnel_key = forms.CharField(label=_("Personnel key"), max_length=100,
                                    help_text=_("As in the learning platform's export (personnel number or e-mail)."))
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.none())
    team_lead = forms.ModelChoiceField(label=_("Team lead"), queryset=StaffProfile.objects.none(), required=False)
    start_date = forms.DateField(label=_("First working day in the department"), **DATE_WIDGET)

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = Membership.objects.filter(organisation=organisation).select_related(
            "user").order_by("user__full_name")
        self.fields["membership"].label_from_instance = lambda m: m.user.get_full_name() or m.user.email
        self.fields["department"].queryset = Department.objects.filter(organisation=organisation)
        self.fields["team_lead"].queryset = StaffProfile.objects.filter(organisation=organisation,
                                                                        left_on__isnull=True)
