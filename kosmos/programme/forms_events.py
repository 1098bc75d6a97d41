"""Forms of the programme's workshops."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kosmos.assessments.uploads import FILE_TYPES, max_bytes, validate_evidence_file
from kosmos.core.documents import guard_archive
from kosmos.core.forms_base import KernForm
from kosmos.core.models import Organisation, User
from kosmos.programme.models import Call, Event, EventFormat, EventKind, EventRoom

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"]


class EventForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    call = forms.ModelChoiceField(label=_("Call"), required=False, queryset=Call.objects.none(),
                                  empty_label=_("No call (standalone exchange)"))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text=_("Programme of the day, who it is for, what to prepare."))
    starts_at = forms.DateTimeField(label=_("Start"), widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS)
    ends_at = forms.DateTimeField(label=_("End"), widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS)
    format = forms.ChoiceField(label=_("Format"), choices=EventFormat.choices)
    place = forms.CharField(label=_("Place"), required=False, max_length=300)
    link = forms.URLField(label=_("Link to the online meeting"), required=False, assume_scheme="https",
                          help_text=_("Shown to registered participants only."))
    capacity = forms.IntegerField(label=_("Seats"), required=False, min_value=1, max_value=5000,
                                  help_text=_("Leave empty for no limit. When all seats are taken, "
                                              "further registrations join the waiting list."))
    registration_open = forms.BooleanField(label=_("Registration open"), required=False, initial=True)

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = Call.objects.order_by("-id")


def event_initial(event: Event) -> dict:
    return {name: getattr(event, name) for name in (
        "title", "kind", "call", "description", "starts_at", "ends_at", "format", "place", "link", "capacity",
        "registration_open")}


class RoomForm(KernForm):
    title = forms.CharField(label=_("Topic room"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    capacity = forms.IntegerField(label=_("Seats"), required=False, min_value=1, max_value=5000,
                                  help_text=_("Leave empty for no limit."))


class RegistrationForm(KernForm):
    """Register oneself or — for quality management — a colleague of the own Jobcenter."""

    participant = forms.ModelChoiceField(label=_("Participant"), queryset=User.objects.none(), required=False)
    room = forms.ModelChoiceField(label=_("Topic room"), queryset=EventRoom.objects.none(), required=False)
    share_contact = forms.BooleanField(
        label=_("Show my name and e-mail address to the other participants"), required=False,
        help_text=_("Without this, the other participants see only your organisation's name."))

    def __init__(self, *args, organisation: Organisation, user: User, event: Event, others: bool,
                 **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        if others:
            self.fields["participant"].queryset = (
                User.objects.filter(memberships__organisation=organisation, is_active=True).order_by("full_name"))
            self.fields["participant"].initial = user.pk
            self.fields["participant"].required = True
            self.fields["participant"].help_text = _("You may register colleagues of your Jobcenter. "
                                                     "Only the person themselves can agree to show their contact data.")
        else:
            del self.fields["participant"]
        rooms = event.rooms.all()
        if rooms:
            self.fields["room"].queryset = rooms
            self.fields["room"].required = True
            self.fields["room"].empty_label = None
            self.fields["room"].widget = forms.RadioSelect()
            self.fields["room"].widget.choices = self.fields["room"].choices
        else:
            del self.fields["room"]


class MaterialForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    file = forms.FileField(label=_("File"), required=False)

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        types = ", ".join(t.label for t in FILE_TYPES.values())
        self.fields["file"].help_text = _("%(types)s, at most %(mb)s MB. No personal data.") % {
            "types": types, "mb": max_bytes() // (1024 * 1024)}
        self.fields["file"].widget.attrs["accept"] = ",".join(e for t in FILE_TYPES.values() for e in t.extensions)

    def clean_file(self) -> object:
        upload = self.cleaned_data.get("file")
        if upload:
            file_type = validate_evidence_file(upload)
            if file_type.code in {"docx", "xlsx"}:
                upload.seek(0)
                guard_archive(upload.read(), name=upload.name)
                upload.seek(0)
            self.file_type = file_type.code
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("url") and not data.get("file") and not self.errors.get("file"):
            raise ValidationError(_("Please add a link or upload a file."))
        return data
