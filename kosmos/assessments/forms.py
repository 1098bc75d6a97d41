"""Forms of the assessments module (KERN markup through ``KernForm``)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kosmos.assessments.domain.timeline import PLANS
from kosmos.assessments.models import (
    Assessment,
    Confidentiality,
    Criterion,
    FindingKind,
    Gender,
    GroupFunction,
    HierarchyLevel,
    Method,
    RadarAttribute,
    Sphere,
    SubCriterion,
)
from kosmos.assessments.scales import PERCENT_CHOICES
from kosmos.assessments.uploads import FILE_TYPES, max_bytes, validate_evidence_file
from kosmos.core.forms_base import KernForm
from kosmos.core.i18n import translate
from kosmos.core.models import Organisation, User

DATE_WIDGET = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _tags(value: str) -> list[str]:
    return [t.strip() for t in (value or "").replace(";", ",").split(",") if t.strip()]


def method_help() -> str:
    parts = [f"{translate(PLANS[m].label)}: {PLANS[m].min_weeks}–{PLANS[m].max_weeks}" for m in Method.values]
    return str(_("Weeks per variant: %(ranges)s. Empty: the variant's usual duration.")) % {"ranges": "; ".join(parts)}


class AssessmentCreateForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200,
                            help_text=_("For example “Selbstbewertung 2025 (Workshopmethode)”."))
    method = forms.ChoiceField(
        label=_("Variant"),
        choices=[
            (Method.QUICK_CHECK, _("Quick-Check – 14 questions, two per criterion, maturity scale 0–5; a first estimate within minutes")),
            (Method.QUESTIONNAIRE, _("Questionnaire method – up to 30 questions as a survey to many staff and, optionally, outside stakeholders")),
            (Method.WORKSHOP, _("Workshop method – the group builds its own question set (about 35), researches evidence and rates in assessment circles")),
            (Method.AWARD_SIMULATION, _("Award simulation – all sub-criteria, application texts per criterion, RADAR scoring by an assessor team")),
        ],
        widget=forms.RadioSelect,
    )
    start_date = forms.DateField(label=_("Start date"), **DATE_WIDGET)
    weeks = forms.IntegerField(label=_("Duration in weeks"), required=False, min_value=1, max_value=52)

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["weeks"].help_text = method_help()

    def clean(self) -> dict:
        data = super().clean()
        method = data.get("method")
        if method and not data.get("weeks"):
            data["weeks"] = PLANS[method].default_weeks
        return data


class AssessmentEditForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    start_date = forms.DateField(label=_("Start date"), **DATE_WIDGET)
    weeks = forms.IntegerField(label=_("Duration in weeks"), min_value=1, max_value=52)


class NextCycleForm(KernForm):
    title = forms.CharField(label=_("Title of the new cycle"), max_length=200)
    start_date = forms.DateField(label=_("Start date"), **DATE_WIDGET)
    weeks = forms.IntegerField(label=_("Duration in weeks"), required=False, min_value=1, max_value=52)
    copy_group = forms.BooleanField(label=_("Take over the assessment group"), required=False)

    def __init__(self, *args, method: str, **kwargs) -> None:  # noqa: ANN002, ANN003
        self.method = method
        super().__init__(*args, **kwargs)
        plan = PLANS[method]
        self.fields["weeks"].help_text = _("%(min)s to %(max)s weeks; empty: %(default)s.") % {
            "min": plan.min_weeks, "max": plan.max_weeks, "default": plan.default_weeks}

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("weeks"):
            data["weeks"] = PLANS[self.method].default_weeks
        return data


class MilestoneForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    due_date = forms.DateField(label=_("Date"), **DATE_WIDGET)
    effort_days = forms.DecimalField(
        label=_("Effort per participant (working days)"), min_value=0, max_value=20, decimal_places=2,
        initial=0, help_text=_("Across the whole project at most five working days per person are recommended."),
    )
    participants = forms.CharField(label=_("Participants"), max_length=200, required=False)
    done = forms.BooleanField(label=_("Done"), required=False)


class GroupMemberForm(KernForm):
    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, required=False,
                               help_text=_("Only used for the composition check (parity)."))
    level = forms.ChoiceField(label=_("Hierarchy level"), choices=HierarchyLevel.choices)
    department = forms.CharField(label=_("Department"), max_length=120, required=False,
                                 help_text=_("E.g. Leistung, Markt und Integration, Arbeitgeber-Service, Controlling."))
    is_management = forms.BooleanField(label=_("Member of the management"), required=False)
    functions = forms.MultipleChoiceField(label=_("Insight into results"), choices=GroupFunction.choices,
                                          required=False, widget=forms.CheckboxSelectMultiple)
    criteria = forms.MultipleChoiceField(label=_("Criteria this person can speak to"), required=False,
                                         widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, assessment: Assessment, users: list[User] | None, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = [
            (c.code, c.label) for c in Criterion.objects.filter(model=assessment.model).order_by("order")
        ]
        if users is None:
            del self.fields["user"]
        else:
            self.fields["user"].queryset = User.objects.filter(id__in=[u.id for u in users]).order_by("full_name")


class CalibrationForm(KernForm):
    attitude = forms.CharField(
        label=_("Agreed attitude"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("How does the group want to rate? E.g. “self-critical and honest; only what we can prove counts”."),
    )
    scale_agreement = forms.CharField(
        label=_("How we read the scale"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Examples the group agreed for the bands, e.g. what “40–60 %: ability” means in this Jobcenter."),
    )
    reference_acknowledged = forms.BooleanField(
        label=_("We have discussed the reference numbers"), required=False,
        help_text=_("3 stars from 300 points; award applicants reach about 700–800 of 1000 points."),
    )


class QuestionSetConfirmForm(KernForm):
    accept_warnings = forms.BooleanField(label=_("Keep the question set despite the warnings"), required=False)
    note = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Needed only if the question set is not balanced."))


class OwnQuestionForm(KernForm):
    unit = forms.ModelChoiceField(label=_("Sub-criterion"), queryset=SubCriterion.objects.none(),
                                  help_text=_("The question must keep the intent of this sub-criterion."))
    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.CharField(label=_("Possible evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                               help_text=_("One per line, e.g. “Leitbild”, “Protokoll der Führungsklausur”."))

    def __init__(self, *args, model_id: int, fixed_unit: bool = False, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = SubCriterion.objects.filter(model_id=model_id).select_related("criterion")
        if fixed_unit:
            self.fields["unit"].disabled = True
            self.fields["unit"].help_text = _("A reworded question keeps the sub-criterion of the original.")

    def clean_evidence(self) -> list[str]:
        return _lines(self.cleaned_data["evidence"])


class OwnQuestionEditForm(KernForm):
    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.CharField(label=_("Possible evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                               help_text=_("One per line."))
    is_active = forms.BooleanField(label=_("Offer this question in question sets"), required=False)

    def clean_evidence(self) -> list[str]:
        return _lines(self.cleaned_data["evidence"])


class EvidenceForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description or observation"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text=_("What does this show about the question? Without a file or link, write "
                                              "down what was observed (who, when, what): that is the evidence."))
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https",
                         help_text=_("A link to the document, e.g. in the intranet."))
    file = forms.FileField(label=_("File"), required=False)
    source = forms.CharField(label=_("Source"), max_length=200, required=False,
                             help_text=_("Who provides it, e.g. “Controlling, Quartalsbericht”."))
    evidence_date = forms.DateField(label=_("Date of the evidence"), required=False, **DATE_WIDGET)
    confidentiality = forms.ChoiceField(label=_("Confidentiality"), choices=Confidentiality.choices,
                                        initial=Confidentiality.INTERNAL)

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        types = ", ".join(t.label for t in FILE_TYPES.values())
        self.fields["file"].help_text = _("%(types)s, at most %(mb)s MB. No customer data.") % {
            "types": types, "mb": max_bytes() // (1024 * 1024)}
        self.fields["file"].widget.attrs["accept"] = ",".join(e for t in FILE_TYPES.values() for e in t.extensions)

    def clean_file(self) -> object:
        upload = self.cleaned_data.get("file")
        if upload:
            validate_evidence_file(upload)
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if (not data.get("url") and not data.get("file") and not (data.get("description") or "").strip()
                and not self.errors.get("file")):
            raise ValidationError(_("Please add a link, upload a file or write down the observation."))
        return data


def percent_choices(empty_label: str) -> list[tuple[str, str]]:
    return [("", empty_label)] + [(str(v), f"{v} %") for v in PERCENT_CHOICES]


class RatingForm(KernForm):
    """One member's rating of one item: maturity level, or the RADAR attributes."""

    strengths = forms.CharField(label=_("Strengths"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                help_text=_("One strength per line, short and backed by evidence."))
    improvements = forms.CharField(label=_("Improvement potentials"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 4}),
                                   help_text=_("One potential per line."))

    def __init__(self, *args, levels: list[dict] | None = None,
                 attributes: list[RadarAttribute] | None = None, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.attribute_codes: list[str] = []
        fields: dict[str, forms.Field] = {}
        if levels is not None:
            fields["level"] = forms.TypedChoiceField(
                label=_("Your estimate"), coerce=int, empty_value=None, required=False, widget=forms.RadioSelect,
                choices=[(str(lv["level"]), f"{lv['level']} – {lv['label']}: {lv['description']}") for lv in levels],
                help_text=_("Not sure? Leave it empty: an empty answer does not count."),
            )
        for attribute in attributes or []:
            name = f"attr_{attribute.code}"
            self.attribute_codes.append(attribute.code)
            fields[name] = forms.TypedChoiceField(
                label=f"{attribute.element_name} – {attribute.name}", coerce=int, empty_value=None, required=False,
                choices=percent_choices(str(_("not rated"))), help_text=attribute.hint,
            )
        self.fields = {**fields, **self.fields}
        self._decorate_widgets()

    def attribute_values(self) -> dict[str, int | None]:
        return {code: self.cleaned_data.get(f"attr_{code}") for code in self.attribute_codes}

    def clean_strengths(self) -> list[str]:
        return _lines(self.cleaned_data["strengths"])

    def clean_improvements(self) -> list[str]:
        return _lines(self.cleaned_data["improvements"])


class ConsensusForm(KernForm):
    score = forms.TypedChoiceField(label=_("Agreed score"), coerce=int, choices=[])
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Required if the score differs from the proposal."))

    def __init__(self, *args, attributes: list[RadarAttribute] | None = None, levels: list[dict] | None = None,
                 **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.attribute_codes: list[str] = []
        names = {lv["level"]: lv["label"] for lv in levels or []}
        choices = []
        for value in PERCENT_CHOICES:
            label = f"{value} %"
            if levels is not None and value % 20 == 0:
                label += " – " + str(_("level %(level)s (%(name)s)") % {"level": value // 20, "name": names.get(value // 20, "")})
            choices.append((str(value), label))
        self.fields["score"].choices = choices
        fields: dict[str, forms.Field] = {}
        for attribute in attributes or []:
            self.attribute_codes.append(attribute.code)
            fields[f"attr_{attribute.code}"] = forms.TypedChoiceField(
                label=f"{attribute.element_name} – {attribute.name}", coerce=int, empty_value=None, required=False,
                choices=percent_choices(str(_("not agreed"))),
            )
        self.fields = {**fields, **self.fields}
        self._decorate_widgets()

    def attribute_values(self) -> dict[str, int | None]:
        return {code: self.cleaned_data.get(f"attr_{code}") for code in self.attribute_codes}


class FindingForm(KernForm):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    tags = forms.CharField(label=_("Tags"), required=False, max_length=300,
                           help_text=_("Separated by commas, e.g. “Kommunikation, Digitalisierung”. Findings with the same tag are shown as a cluster."))

    def clean_tags(self) -> list[str]:
        return _tags(self.cleaned_data["tags"])


class FindingAddForm(FindingForm):
    criterion = forms.ModelChoiceField(label=_("Criterion"), queryset=Criterion.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=FindingKind.choices, widget=forms.RadioSelect)

    field_order = ["criterion", "kind", "text", "tags"]

    def __init__(self, *args, model_id: int, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = Criterion.objects.filter(model_id=model_id).order_by("order")
        self.order_fields(self.field_order)


class ApplicationTextForm(KernForm):
    text = forms.CharField(label=_("Text for the application document"), required=False,
                           widget=forms.Textarea(attrs={"rows": 18}),
                           help_text=_("Describe approaches, deployment, assessment and refinement – or results – with evidence."))


class EcosystemMapForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    shared_with_partners = forms.BooleanField(
        label=_("Share with partner organisations"), required=False,
        help_text=_("Partner organisations in the partner model may read this map."),
    )


class EcosystemEntryForm(KernForm):
    sphere = forms.ChoiceField(label=_("Sphere"), choices=Sphere.choices)
    label = forms.CharField(label=_("Name"), max_length=120,
                            help_text=_("A stakeholder group, a market actor or a trend – never a person's name."))
    assumed_view = forms.CharField(
        label=_("Assumed view"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What does this group usually say about us? E.g. “Termine sind schwer zu bekommen.”"),
    )
    relationship = forms.CharField(label=_("Relationship notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PartnerProposeForm(KernForm):
    partner = forms.ModelChoiceField(label=_("Partner Jobcenter"), queryset=Organisation.objects.none())
    assessment = forms.ModelChoiceField(label=_("Our self-assessment"), queryset=Assessment.objects.none(),
                                        required=False)
    message = forms.CharField(label=_("Message to the partner"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Organisation.objects.filter(kind="jobcenter").exclude(pk=organisation.pk)
        self.fields["assessment"].queryset = Assessment.objects.filter(organisation=organisation)


class PartnerAcceptForm(KernForm):
    assessment = forms.ModelChoiceField(label=_("Our self-assessment"), queryset=Assessment.objects.none(),
                                        required=False)

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["assessment"].queryset = Assessment.objects.filter(organisation=organisation)


class RetrospectiveForm(KernForm):
    text = forms.CharField(label=_("Your contribution to the joint retrospective"), widget=forms.Textarea(attrs={"rows": 4}))
