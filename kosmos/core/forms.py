from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm, KernFormMixin, KernModelForm
from kosmos.core.models import Organisation, User
from kosmos.core.models.organisations import OrganisationKind
from kosmos.core.roles import ASSIGNABLE_ROLES, Role


class LoginForm(KernFormMixin, AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    error_messages = {
        "invalid_login": _("The e-mail address or the password is not correct. Please check both."),
        "inactive": _("This account is deactivated."),
    }


class KernPasswordResetForm(KernFormMixin, PasswordResetForm):
    pass


class KernSetPasswordForm(KernFormMixin, SetPasswordForm):
    pass


class KernPasswordChangeForm(KernFormMixin, PasswordChangeForm):
    pass


class MonthField(forms.DateField):
    """A month entered as ``MM/JJJJ`` or ``JJJJ-MM``; stored as the first day of the month."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "MM/JJJJ"})
    default_error_messages = {"invalid": _("Please enter the month as MM/YYYY, e.g. 06/2022.")}

    def to_python(self, value: object) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value.replace(day=1)
        text = str(value).strip()
        for fmt in ("%m/%Y", "%Y-%m", "%m.%Y"):
            try:
                return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar month
            except ValueError:
                continue
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def prepare_value(self, value: object) -> object:
        if isinstance(value, dt.date):
            return value.strftime("%m/%Y")
        return value


class OrganisationForm(KernModelForm):
    unemployment_month = MonthField(label=_("Month of the unemployment rate"), required=False)
    offices = forms.CharField(
        label=_("Offices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One office per line."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "form",
            "state",
            "staff_count",
            "offices",
            "bg_count",
            "unemployment_rate",
            "unemployment_month",
            "region_description",
            "project_topic",
        ]
        widgets = {"region_description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        if not self.instance.is_jobcenter:
            # Forms of organisation and benefit communities exist only for Jobcenters; the
            # programme office has no offices and no labour market either.
            for name in ("form", "bg_count"):
                del self.fields[name]
            if not self.instance.serves_customers:
                for name in ("offices", "unemployment_rate", "unemployment_month", "region_description"):
                    del self.fields[name]
        elif "form" in self.fields:
            self.fields["form"].required = True
        if not self.is_bound:
            self.initial["offices"] = "\n".join(self.instance.offices.values_list("name", flat=True))

    def office_names(self) -> list[str] | None:
        """The offices as typed, or None where the organisation has no offices field."""
        if "offices" not in self.fields:
            return None
        return [line.strip() for line in self.cleaned_data.get("offices", "").splitlines() if line.strip()]


class OrganisationCreateForm(KernModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "slug", "kind", "form", "state"]
        help_texts = {"slug": _("Lower-case letters, digits and hyphens; appears in addresses: /o/<short name>/.")}

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == OrganisationKind.JOBCENTER and not data.get("form"):
            self.add_error("form", _("Please choose whether the Jobcenter is a gE or a zkT."))
        if data.get("kind") and data.get("kind") != OrganisationKind.JOBCENTER and data.get("form"):
            self.add_error("form", _("Only Jobcenters have a form of organisation (gE or zkT)."))
        return data


class InviteForm(KernForm):
    email = forms.EmailField(label=_("E-mail address"))
    full_name = forms.CharField(label=_("Name"), required=False, max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=[(r.value, r.label) for r in ASSIGNABLE_ROLES])


class BarrierReportForm(KernForm):
    page = forms.CharField(label=_("Which page or function?"), max_length=300,
                           help_text=_("For example the address of the page or the name of the form."))
    description = forms.CharField(label=_("What does not work for you?"), max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 5}))
    contact = forms.CharField(label=_("How can we reach you? (optional)"), max_length=200, required=False,
                              help_text=_("An e-mail address or a phone number, if you want an answer."))


class RoleForm(KernForm):
    role = forms.ChoiceField(label=_("Role"), choices=[(r.value, r.label) for r in ASSIGNABLE_ROLES])


class AcceptInvitationForm(KernForm):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits; not too similar to your name or address."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs) -> None:  # noqa: ANN002, ANN003
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self) -> dict:
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords do not match."))
        elif p1:
            probe = User(email=self.email, full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class ProfileForm(KernForm):
    full_name = forms.CharField(label=_("Name"), max_length=150)


class TokenForm(KernForm):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}),
    )


class AuditFilterForm(KernForm):
    actor = forms.ChoiceField(label=_("Person"), required=False)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, actors: list[tuple[str, str]], object_types: list[str], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = [("", _("All people"))] + actors
        self.fields["object_type"].choices = [("", _("All object types"))] + [(t, t) for t in object_types]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date lies before the start date."))
        return data


ROLE_LABELS = {r.value: r.label for r in Role}
