"""Forms of the knowledge base."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.core.models import Organisation, User
from kosmos.knowledge.finder import RADIUS_CHOICES, FinderQuery
from kosmos.knowledge.models import (
    Category,
    Entry,
    Language,
    Partner,
    PartnerKind,
    TargetGroup,
    Topic,
    codes_from_field,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


def _text(label: Any, rows: int = 3, help_text: Any = "") -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}),
                           help_text=help_text)


def org_users(organisation: Organisation):  # noqa: ANN201
    return User.objects.filter(memberships__organisation=organisation).order_by("full_name", "email")


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Category) -> str:
        return f"{obj.get_topic_display()} › {obj.name}"


class EntryForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    category = CategoryChoiceField(label=_("Category"), required=False, queryset=Category.objects.none())
    summary = forms.CharField(label=_("Summary"), required=False, max_length=300,
                              help_text=_("One or two sentences shown in the results."))
    description = _text(_("Description"), 5)
    conversation_tips = _text(_("What helps in the conversation"), 3,
                              _("For disease patterns: neutral hints for the counselling, never a diagnosis."))
    sources = _text(_("Sources"), 2)
    tags = forms.CharField(label=_("Tags"), required=False, max_length=300, help_text=_("Separated by commas."))
    target_groups = forms.MultipleChoiceField(label=_("Target groups"), required=False, choices=TargetGroup.choices,
                                              widget=forms.CheckboxSelectMultiple)
    languages = forms.MultipleChoiceField(label=_("Languages"), required=False, choices=Language.choices,
                                          widget=forms.CheckboxSelectMultiple)
    free_of_charge = forms.BooleanField(label=_("Free of charge"), required=False)
    costs = forms.CharField(label=_("Costs"), required=False, max_length=200)
    referral = _text(_("Referral way"), 2, _("How a customer gets there, e.g. referral slip or own appointment."))
    accessible = forms.BooleanField(label=_("Barrier-free access"), required=False)
    accessibility = forms.CharField(label=_("Accessibility notes"), required=False, max_length=300)
    partner = forms.ModelChoiceField(label=_("Network partner"), required=False, queryset=Partner.objects.none())
    address = forms.CharField(label=_("Address"), required=False, max_length=200)
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=5)
    place = forms.CharField(label=_("Place"), required=False, max_length=100)
    contact_role = forms.CharField(label=_("Contact person (role)"), required=False, max_length=150)
    contact_phone = forms.CharField(label=_("Contact phone"), required=False, max_length=50)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    opening_hours = forms.CharField(label=_("Opening hours"), required=False, max_length=300)
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DATE_WIDGET, input_formats=DATE_FORMATS)
    valid_until = forms.DateField(label=_("Valid until"), required=False, widget=DATE_WIDGET,
                                  input_formats=DATE_FORMATS)
    responsible = forms.ModelChoiceField(label=_("Person responsible"), required=False, queryset=User.objects.none())
    review_due = forms.DateField(label=_("Next review"), required=False, widget=DATE_WIDGET,
                                 input_formats=DATE_FORMATS,
                                 help_text=_("Empty: in twelve months."))

    def __init__(self, *args: Any, organisation: Organisation, entry: Entry | None = None, **kwargs: Any) -> None:
        if entry is not None and "initial" not in kwargs:
            initial = {name: getattr(entry, name) for name in self.base_fields if hasattr(entry, name)}
            initial["target_groups"] = codes_from_field(entry.target_groups)
            initial["languages"] = codes_from_field(entry.languages)
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(organisation=organisation).order_by("topic", "name")
        self.fields["partner"].queryset = Partner.objects.filter(organisation=organisation).order_by("name")
        self.fields["responsible"].queryset = org_users(organisation)


class CategoryForm(KernForm):
    name = forms.CharField(label=_("Name"), max_length=150)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices,
                              help_text=_("A sub-category takes the topic of its parent."))
    parent = CategoryChoiceField(label=_("Parent category"), required=False, queryset=Category.objects.none())
    description = _text(_("Description"), 2)

    def __init__(self, *args: Any, organisation: Organisation, category: Category | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Category.objects.filter(organisation=organisation)
        if category is not None:
            parents = parents.exclude(pk=category.pk)
        self.fields["parent"].queryset = parents.order_by("topic", "name")


class PartnerForm(KernForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=PartnerKind.choices)
    description = _text(_("Description"), 3)
    address = forms.CharField(label=_("Address"), required=False, max_length=200)
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=5)
    place = forms.CharField(label=_("Place"), required=False, max_length=100)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    phone = forms.CharField(label=_("Phone"), required=False, max_length=50)
    email = forms.EmailField(label=_("E-mail"), required=False)


class ContactForm(KernForm):
    name = forms.CharField(label=_("Name"), max_length=150)
    role = forms.CharField(label=_("Role"), required=False, max_length=150)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=50)
    email = forms.EmailField(label=_("E-mail"), required=False)


class MeetingForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET, input_formats=DATE_FORMATS)
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices, initial=Topic.NETWORK)
    partners = forms.ModelMultipleChoiceField(label=_("Participating partners"), required=False,
                                              queryset=Partner.objects.none(), widget=forms.CheckboxSelectMultiple)
    working_group = forms.ModelChoiceField(label=_("Working group"), required=False, queryset=None,
                                           help_text=_("The meeting belongs to this working group."))
    agenda = _text(_("Agenda"), 3)
    results = _text(_("Results"), 3)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        from kosmos.workinggroups.models import WorkingGroup

        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = Partner.objects.filter(organisation=organisation).order_by("name")
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(organisation=organisation)


class FinderForm(KernForm):
    """The finder's filters (GET). Bad values are form errors, never a 500."""

    q = forms.CharField(label=_("Search words"), required=False, max_length=200,
                        help_text=_("E.g. “psychische Belastung”, “Sucht”, “Rückenschule”."))
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=[("", _("All topics")), *Topic.choices])
    category = forms.ModelChoiceField(label=_("Category"), required=False, queryset=Category.objects.none(),
                                      to_field_name="public_id", empty_label=_("All categories"))
    target_group = forms.ChoiceField(label=_("Target group"), required=False,
                                     choices=[("", _("All target groups")), *TargetGroup.choices])
    postcode = forms.CharField(label=_("Reachable from postcode"), required=False, max_length=5)
    radius = forms.TypedChoiceField(label=_("Within"), required=False, coerce=int, empty_value=20, initial=20,
                                    choices=[(km, _("%(km)s km") % {"km": km}) for km in RADIUS_CHOICES])
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", _("All languages")), *Language.choices])
    free = forms.BooleanField(label=_("Free of charge only"), required=False)
    accessible = forms.BooleanField(label=_("Barrier-free access only"), required=False)

    def __init__(self, *args: Any, categories: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if categories is not None:
            self.fields["category"].queryset = categories

    def clean_postcode(self) -> str:
        value = (self.cleaned_data.get("postcode") or "").strip()
        if value and not (value.isdigit() and len(value) == 5):
            raise forms.ValidationError(_("Please enter a postcode with five digits."))
        return value

    def to_query(self) -> FinderQuery:
        data = self.cleaned_data
        return FinderQuery(text=data.get("q") or "", topic=data.get("topic") or "", category=data.get("category"),
                           target_group=data.get("target_group") or "", postcode=data.get("postcode") or "",
                           radius_km=data.get("radius") or 20, free=bool(data.get("free")),
                           language=data.get("language") or "", accessible=bool(data.get("accessible")))
