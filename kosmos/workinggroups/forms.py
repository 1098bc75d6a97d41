"""Forms of the working groups."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.core.models import Organisation, User
from kosmos.workinggroups.models import AgendaItem, MemberRole, Topic

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = {"required": False, "widget": forms.Textarea(attrs={"rows": 3})}


def org_users(organisation: Organisation):  # noqa: ANN201
    return User.objects.filter(memberships__organisation=organisation).order_by("full_name")


class GroupForm(KernForm):
    name = forms.CharField(label=_("Name"), max_length=150)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    purpose = forms.CharField(label=_("Purpose"), **TEXT,
                              help_text=_("Why the working group exists and what it wants to achieve."))
    mandate = forms.CharField(label=_("Mandate"), **TEXT, help_text=_("Who commissioned it, and what it may decide."))
    responsibilities = forms.CharField(label=_("Responsibilities"), **TEXT)
    decision_rules = forms.CharField(label=_("Decision rules"), **TEXT,
                                     help_text=_("E.g. “Beschlüsse mit einfacher Mehrheit der Anwesenden”."))
    meeting_rhythm = forms.CharField(label=_("Meeting rhythm"), required=False, max_length=120)
    results = forms.CharField(label=_("Overall results"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("What the working group achieved, presented to all staff."))


class MemberForm(KernForm):
    user = forms.ModelChoiceField(label=_("Person"), required=False, queryset=User.objects.none())
    guest_name = forms.CharField(label=_("or a guest without an account"), required=False, max_length=150,
                                 help_text=_("A role or a name, e.g. “Vertretung des Personalrats”."))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.MEMBER)

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = org_users(organisation)


class InterestForm(KernForm):
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=300,
                           help_text=_("What you would like to contribute."))


class MeetingForm(KernForm):
    starts_at = forms.DateTimeField(label=_("Date and time"),
                                    widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                                    input_formats=["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"])
    duration_minutes = forms.IntegerField(label=_("Duration in minutes"), min_value=15, max_value=600, initial=90)
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")


class AgendaItemForm(KernForm):
    title = forms.CharField(label=_("Agenda item"), max_length=200)
    owner = forms.ModelChoiceField(label=_("Owner"), required=False, queryset=User.objects.none())
    duration_minutes = forms.IntegerField(label=_("Time in minutes"), required=False, min_value=1, max_value=600)

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = org_users(organisation)


class MinutesForm(KernForm):
    """The draft: attendance and one text per agenda item, with the lock counter it was loaded with."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    attendees = forms.ModelMultipleChoiceField(label=_("Present"), required=False, queryset=User.objects.none(),
                                               widget=forms.CheckboxSelectMultiple)
    guests_present = forms.CharField(label=_("Guests present"), required=False, max_length=300)

    def __init__(self, *args, items: list[AgendaItem], members: list[User], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = User.objects.filter(pk__in=[u.pk for u in members]).order_by("full_name")
        self.items = items
        for number, item in enumerate(items, start=1):
            self.fields[f"item_{item.public_id}"] = forms.CharField(
                label=_("Minutes of item %(number)s: %(title)s") % {"number": number, "title": item.title},
                required=False, widget=forms.Textarea(attrs={"rows": 5}), initial=item.minutes)

    def texts(self) -> dict[str, str]:
        return {str(item.public_id): self.cleaned_data.get(f"item_{item.public_id}", "") for item in self.items}


class DecisionForm(KernForm):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 2}))


class ActionItemForm(KernForm):
    title = forms.CharField(label=_("Action item"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none())
    due_date = forms.DateField(label=_("Due date"), widget=DATE_WIDGET)

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = org_users(organisation)


class CommentForm(KernForm):
    text = forms.CharField(label=_("Your comment on the minutes"), widget=forms.Textarea(attrs={"rows": 3}))


class TaskFilterForm(KernForm):
    owner = forms.ModelChoiceField(label=_("Person"), required=False, queryset=User.objects.none(),
                                   empty_label=_("everybody"))
    due_by = forms.DateField(label=_("Due by"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = org_users(organisation)


class VersionedMixin(forms.Form):
    """The lock counter of the minutes the page was loaded with (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class AgendaItemEditForm(VersionedMixin, AgendaItemForm):
    pass


class DecisionEditForm(VersionedMixin, DecisionForm):
    pass


class ActionItemEditForm(VersionedMixin, ActionItemForm):
    pass


class MeetingChoiceForm(KernForm):
    meeting = forms.ChoiceField(label=_("Meeting"), choices=())

    def __init__(self, *args, meetings: list, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [
            (str(m.public_id), f"{m.group.name}, {m.starts_at:%d.%m.%Y %H:%M}") for m in meetings]
