"""Individual rating (each member alone) and the application texts of the award simulation."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kosmos.assessments import selectors, services
from kosmos.assessments.forms import ApplicationTextForm, RatingForm
from kosmos.assessments.models import ApplicationText, Criterion, FindingKind, Phase
from kosmos.assessments.numbering import number_items
from kosmos.assessments.views._common import assessment_for, require_participant
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import KernForm, add_service_error


def _require_member(request: HttpRequest, assessment) -> None:  # noqa: ANN001
    """Only group members rate (the facilitator too, if they are in the group)."""
    if selectors.group_member(assessment, request.user) is None:
        raise PermissionDenied


class QuickRatingForm(KernForm):
    """All maturity questions on one page: a Quick-Check takes minutes."""

    def __init__(self, *args, items: list, levels: list[dict], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        choices = [(str(lv["level"]), f"{lv['level']} – {lv['label']}") for lv in levels]
        for item in items:
            self.fields[f"item_{item.public_id}"] = forms.TypedChoiceField(
                label=f"{item.unit.criterion.code}. {item.label}", coerce=int, empty_value=None, required=False,
                choices=choices, widget=forms.RadioSelect,
            )
        self._decorate_widgets()


@org_permission_required("assessments.rate")
def my_rating(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    require_participant(request, assessment)
    member = selectors.group_member(assessment, request.user)
    items = number_items(selectors.items_of(assessment))
    own = {r.item_id: r for r in selectors.visible_ratings(assessment, request.user).filter(rater=request.user)}
    evidence = selectors.evidence_counts(assessment)
    for item in items:
        item.my_rating = own.get(item.id)
        item.evidence_count = evidence.get(item.id, 0)
    quick_form = None
    can_rate = member is not None and assessment.phase == Phase.RATING
    if assessment.uses_maturity_scale and can_rate:
        initial = {f"item_{i.public_id}": i.my_rating.level for i in items if i.my_rating}
        quick_form = QuickRatingForm(request.POST if request.method == "POST" else None, items=items, levels=assessment.catalogue.maturity_levels,
                                     initial=initial)
        if request.method == "POST" and quick_form.is_valid():
            try:
                for item in items:
                    level = quick_form.cleaned_data.get(f"item_{item.public_id}")
                    if level is None and item.my_rating is None:
                        continue
                    services.do_save_rating(acting_user=request.user, item=item, level=level)
            except ValidationError as exc:
                add_service_error(quick_form, exc)
            else:
                messages.success(request, _("Your estimates have been saved. Only you can see them until the "
                                            "assessment circle opens."))
                return redirect("org:assessment_rating", org_slug=org_slug, assessment_id=assessment.public_id)
    rated = sum(1 for item in items if item.my_rating and item.my_rating.score is not None)
    return render(request, "assessments/my_rating.html", {
        "assessment": assessment,
        "items": items,
        "member": member,
        "can_rate": can_rate,
        "quick_form": quick_form,
        "rated": rated,
    })


@org_permission_required("assessments.rate")
def rating_item(request: HttpRequest, org_slug: str, assessment_id: str, item_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    _require_member(request, assessment)
    item = selectors.get_item(assessment, item_id)
    rating = selectors.visible_ratings(assessment, request.user).filter(rater=request.user, item=item).first()
    own_findings = selectors.visible_findings(assessment, request.user).filter(author=request.user, item=item)
    attributes = None
    levels = None
    if assessment.uses_maturity_scale:
        levels = assessment.catalogue.maturity_levels
    else:
        attributes = selectors.radar_attributes(assessment).get(item.unit.criterion.kind, [])
    initial: dict[str, object] = {
        "strengths": "\n".join(f.text for f in own_findings if f.kind == FindingKind.STRENGTH),
        "improvements": "\n".join(f.text for f in own_findings if f.kind == FindingKind.IMPROVEMENT),
    }
    if rating is not None:
        initial["level"] = rating.level
        initial.update({f"attr_{k}": v for k, v in rating.attributes.items()})
    form = RatingForm(request.POST or None, levels=levels, attributes=attributes, initial=initial)
    can_rate = assessment.phase == Phase.RATING
    if not can_rate:
        for field in form.fields.values():
            field.disabled = True
    items = list(assessment.items.order_by("order", "id").values_list("public_id", flat=True))
    position = items.index(item.public_id)
    next_id = items[position + 1] if position + 1 < len(items) else None
    if request.method == "POST" and can_rate and form.is_valid():
        try:
            services.do_save_rating(
                acting_user=request.user, item=item,
                level=form.cleaned_data.get("level") if levels is not None else None,
                attributes=form.attribute_values() if attributes is not None else None,
                strengths=form.cleaned_data["strengths"], improvements=form.cleaned_data["improvements"],
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Your rating has been saved."))
            if next_id and request.POST.get("action") == "next":
                return redirect("org:assessment_rating_item", org_slug=org_slug,
                                assessment_id=assessment.public_id, item_id=next_id)
            return redirect("org:assessment_rating", org_slug=org_slug, assessment_id=assessment.public_id)
    evidence = list(item.evidence.order_by("created_at"))
    return render(request, "assessments/rating_item.html", {
        "assessment": assessment,
        "item": item,
        "form": form,
        "rating": rating,
        "evidence": evidence,
        "can_rate": can_rate,
        "position": position + 1,
        "total": len(items),
        "next_id": next_id,
        "attributes": attributes,
    })


# --------------------------------------------------------------------------------------------------
# Award simulation: application document
# --------------------------------------------------------------------------------------------------


def _require_award(assessment) -> None:  # noqa: ANN001
    if not assessment.rates_units:
        raise Http404


@org_permission_required("assessments.rate")
def application_texts(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    _require_award(assessment)
    require_participant(request, assessment)
    texts = {t.criterion_id: t for t in ApplicationText.objects.filter(assessment=assessment).select_related("updated_by")}
    criteria = selectors.criteria_of(assessment)
    for criterion in criteria:
        criterion.application = texts.get(criterion.id)
    return render(request, "assessments/application.html", {"assessment": assessment, "criteria": criteria})


@org_permission_required("assessments.rate")
def application_text_edit(request: HttpRequest, org_slug: str, assessment_id: str, criterion_code: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    _require_award(assessment)
    require_participant(request, assessment)
    criterion = get_object_or_404(Criterion, model=assessment.model, code=criterion_code)
    existing = ApplicationText.objects.filter(assessment=assessment, criterion=criterion).first()
    form = ApplicationTextForm(request.POST or None, initial={"text": existing.text if existing else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.do_save_application_text(acting_user=request.user, assessment=assessment, criterion=criterion,
                                              text=form.cleaned_data["text"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The text for criterion %(code)s has been saved.") % {"code": criterion.code})
            return redirect("org:assessment_application", org_slug=org_slug, assessment_id=assessment.public_id)
    units = list(criterion.units.order_by("order"))
    return render(request, "assessments/application_edit.html",
                  {"assessment": assessment, "criterion": criterion, "form": form, "units": units,
                   "existing": existing})


