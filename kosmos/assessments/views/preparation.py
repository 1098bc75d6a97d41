"""Preparation: assessment group, calibration, question set and the question catalogue."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.assessments import selectors, services
from kosmos.assessments.forms import (
    CalibrationForm,
    GroupMemberForm,
    OwnQuestionEditForm,
    OwnQuestionForm,
    QuestionSetConfirmForm,
)
from kosmos.assessments.models import CatalogueQuestion, GroupMember, QuestionCatalogue
from kosmos.assessments.views._common import assessment_for
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.core.models import User
from kosmos.core.params import uuid_param

# --------------------------------------------------------------------------------------------------
# Assessment group
# --------------------------------------------------------------------------------------------------


@org_permission_required("assessments.view")
def group(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    members = selectors.members_with_users(assessment)
    criteria = {c.code: c for c in selectors.criteria_of(assessment)}
    for member in members:
        member.criteria_labels = [criteria[c].label for c in member.criteria if c in criteria]
    hints = selectors.composition_hints(assessment, members)
    return render(request, "assessments/group.html", {
        "assessment": assessment,
        "members": members,
        "warnings": [h for h in hints if h.is_warning],
        "infos": [h for h in hints if not h.is_warning],
        "counts": selectors.group_counts(assessment),
        "can_manage": request.org_access.has("assessments.manage"),
    })


def _member(assessment, member_id: str) -> GroupMember:  # noqa: ANN001
    return get_object_or_404(GroupMember.objects.select_related("user"), assessment=assessment, public_id=member_id)


@org_permission_required("assessments.manage")
def group_member_add(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    taken = assessment.group_members.values_list("user_id", flat=True)
    users = list(User.objects.filter(memberships__organisation=request.organisation).exclude(id__in=taken))
    form = GroupMemberForm(request.POST or None, assessment=assessment, users=users)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        user = data.pop("user")
        try:
            services.do_add_group_member(acting_user=request.user, assessment=assessment, user=user, data=data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("%(name)s is now in the assessment group.") % {"name": user})
            return redirect("org:assessment_group", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/group_member_form.html", {"form": form, "assessment": assessment})


@org_permission_required("assessments.manage")
def group_member_edit(request: HttpRequest, org_slug: str, assessment_id: str, member_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    member = _member(assessment, member_id)
    initial = {f: getattr(member, f) for f in services.group.MEMBER_FIELDS}
    form = GroupMemberForm(request.POST or None, assessment=assessment, users=None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.do_update_group_member(acting_user=request.user, member=member, data=form.cleaned_data)
        messages.success(request, _("The details of %(name)s have been saved.") % {"name": member.user})
        return redirect("org:assessment_group", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/group_member_form.html",
                  {"form": form, "assessment": assessment, "member": member})


@org_permission_required("assessments.manage")
def group_member_remove(request: HttpRequest, org_slug: str, assessment_id: str, member_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    member = _member(assessment, member_id)
    if request.method == "POST":
        services.do_remove_group_member(acting_user=request.user, member=member)
        messages.success(request, _("%(name)s has been removed from the assessment group.") % {"name": member.user})
        return redirect("org:assessment_group", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/group_member_remove.html", {"assessment": assessment, "member": member})


# --------------------------------------------------------------------------------------------------
# Calibration
# --------------------------------------------------------------------------------------------------


def _calibration_context(assessment) -> dict:  # noqa: ANN001
    return {
        "assessment": assessment,
        "calibration": getattr(assessment, "calibration", None),
        "bands": assessment.model.scale.get("bands", []),
        "levels": assessment.catalogue.maturity_levels if assessment.uses_maturity_scale else [],
        "recognition_levels": selectors.recognition_levels(),
        "award_reference": selectors.award_reference(),
    }


@org_permission_required("assessments.view")
def calibration(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    context = _calibration_context(assessment)
    context["can_manage"] = request.org_access.has("assessments.manage")
    return render(request, "assessments/calibration.html", context)


@org_permission_required("assessments.manage")
def calibration_edit(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    existing = getattr(assessment, "calibration", None)
    initial = {f: getattr(existing, f) for f in services.group.CALIBRATION_FIELDS} if existing else {}
    form = CalibrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.do_record_calibration(acting_user=request.user, assessment=assessment, data=form.cleaned_data)
        messages.success(request, _("The calibration has been recorded."))
        return redirect("org:assessment_calibration", org_slug=org_slug, assessment_id=assessment.public_id)
    context = _calibration_context(assessment)
    context["form"] = form
    return render(request, "assessments/calibration_edit.html", context)


# --------------------------------------------------------------------------------------------------
# Question set
# --------------------------------------------------------------------------------------------------


def _grouped_items(assessment) -> list[dict]:  # noqa: ANN001
    grouped: dict[int, dict] = {}
    for item in selectors.items_of(assessment):
        criterion = item.unit.criterion
        grouped.setdefault(criterion.id, {"criterion": criterion, "items": []})["items"].append(item)
    return list(grouped.values())


def _question_set_context(request: HttpRequest, assessment, confirm_form=None) -> dict:  # noqa: ANN001
    report = selectors.balance_of(assessment)
    return {
        "assessment": assessment,
        "groups": _grouped_items(assessment),
        "report": report,
        "criteria": selectors.criteria_of(assessment),
        "confirm_form": confirm_form or QuestionSetConfirmForm(),
        "can_manage": request.org_access.has("assessments.manage"),
        "own_questions": assessment.items.filter(question__organisation__isnull=False).count(),
    }


@org_permission_required("assessments.view")
def question_set(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    return render(request, "assessments/question_set.html", _question_set_context(request, assessment))


@org_permission_required("assessments.manage")
@require_POST
def question_set_confirm(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    form = QuestionSetConfirmForm(request.POST)
    if form.is_valid():
        try:
            services.do_confirm_question_set(
                acting_user=request.user, assessment=assessment,
                accept_warnings=form.cleaned_data["accept_warnings"], note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The question set has been fixed."))
            return redirect("org:assessment_question_set", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/question_set.html", _question_set_context(request, assessment, form),
                  status=200)


def _catalogue_tree(questions: list[CatalogueQuestion], selected: set) -> list[dict]:
    """Criterion → sub-criterion → questions, in model order."""
    tree: dict[int, dict] = {}
    for question in questions:
        unit = question.unit
        criterion = unit.criterion
        node = tree.setdefault(criterion.id, {"criterion": criterion, "units": {}, "selected": 0})
        unit_node = node["units"].setdefault(unit.id, {"unit": unit, "questions": []})
        question.is_selected = question.public_id in selected
        if question.is_selected:
            node["selected"] += 1
        unit_node["questions"].append(question)
    return [{**node, "units": list(node["units"].values())} for node in tree.values()]


def _selected_from_post(request: HttpRequest, available: list[CatalogueQuestion]) -> list[CatalogueQuestion]:
    wanted = set(request.POST.getlist("questions"))
    return [q for q in available if str(q.public_id) in wanted]


@org_permission_required("assessments.manage")
def question_set_edit(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    """Build the question set from the catalogue. The balance rules are shown for the current
    selection: live with htmx, or with the "check" button without JavaScript."""
    assessment = assessment_for(request, assessment_id)
    if not assessment.question_set_editable:
        messages.info(request, _("The question set is fixed: rating has started."))
        return redirect("org:assessment_question_set", org_slug=org_slug, assessment_id=assessment.public_id)
    available = list(selectors.questions_available(assessment))
    error = ""
    if request.method == "POST":
        chosen = _selected_from_post(request, available)
        if request.POST.get("action") == "save":
            try:
                services.do_set_question_set(acting_user=request.user, assessment=assessment, questions=chosen)
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                messages.success(request, ngettext("The question set has been saved (%(count)s question).",
                                          "The question set has been saved (%(count)s questions).", len(chosen))
                                 % {"count": len(chosen)})
                return redirect("org:assessment_question_set", org_slug=org_slug, assessment_id=assessment.public_id)
    elif request.GET.get("vorschlag") == "start":
        chosen = [q for q in available if q.starter_set and q.organisation_id is None]
    elif request.GET.get("vorschlag") == "quick":
        chosen = [q for q in available if q.quick_check and q.organisation_id is None]
    else:
        current = set(assessment.items.values_list("question_id", flat=True))
        chosen = [q for q in available if q.id in current]
    selected = {q.public_id for q in chosen}
    report = selectors.balance_for_units(assessment, [q.unit.code for q in chosen])
    return render(request, "assessments/question_set_edit.html", {
        "assessment": assessment,
        "tree": _catalogue_tree(available, selected),
        "report": report,
        "criteria": selectors.criteria_of(assessment),
        "error": error,
    })


@org_permission_required("assessments.manage")
@require_POST
def question_set_balance(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    """The balance panel for a selection (htmx partial update of the question set page)."""
    assessment = assessment_for(request, assessment_id)
    chosen = _selected_from_post(request, list(selectors.questions_available(assessment)))
    report = selectors.balance_for_units(assessment, [q.unit.code for q in chosen])
    return render(request, "assessments/includes/balance.html", {
        "assessment": assessment, "report": report, "criteria": selectors.criteria_of(assessment), "live": True,
    })


# --------------------------------------------------------------------------------------------------
# Catalogue and own questions
# --------------------------------------------------------------------------------------------------


def _catalogue(request: HttpRequest) -> QuestionCatalogue:
    catalogue = QuestionCatalogue.objects.select_related("model").order_by("id").first()
    if catalogue is None:
        raise Http404
    return catalogue


@org_permission_required("assessments.view")
def catalogue(request: HttpRequest, org_slug: str) -> HttpResponse:
    cat = _catalogue(request)
    questions = list(
        CatalogueQuestion.objects.filter(catalogue=cat)
        .filter(organisation__isnull=True, is_active=True)
        .select_related("unit__criterion")
        .order_by("unit__order", "order")
    )
    own = list(
        CatalogueQuestion.objects.filter(catalogue=cat, organisation=request.organisation)
        .select_related("unit__criterion", "based_on")
        .order_by("unit__order", "order")
    )
    rewordings = defaultdict(list)
    for question in own:
        if question.based_on_id:
            rewordings[question.based_on_id].append(question)
    for question in questions:
        question.own_rewordings = rewordings.get(question.id, [])
    return render(request, "assessments/catalogue.html", {
        "catalogue": cat,
        "tree": _catalogue_tree(questions, set()),
        "own": own,
        "can_manage": request.org_access.has("assessments.manage"),
    })


@org_permission_required("assessments.manage")
def own_question_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    cat = _catalogue(request)
    basis = None
    basis_id = uuid_param(request, "basis")
    if basis_id:
        basis = get_object_or_404(
            CatalogueQuestion.objects.select_related("unit"), catalogue=cat,
            public_id=basis_id, organisation__isnull=True,
        )
    initial = {"unit": basis.unit_id, "text": basis.text, "evidence": "\n".join(basis.evidence)} if basis else {}
    form = OwnQuestionForm(request.POST or None, model_id=cat.model_id, fixed_unit=basis is not None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.do_create_own_question(
                acting_user=request.user, organisation=request.organisation, catalogue=cat,
                unit=form.cleaned_data["unit"], text=form.cleaned_data["text"],
                evidence=form.cleaned_data["evidence"], based_on=basis,
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The question %(code)s has been added to your catalogue.")
                             % {"code": question.code})
            return redirect("org:assessment_catalogue", org_slug=org_slug)
    return render(request, "assessments/own_question_form.html", {"form": form, "basis": basis})


@org_permission_required("assessments.manage")
def own_question_edit(request: HttpRequest, org_slug: str, question_id: str) -> HttpResponse:
    question = get_object_or_404(
        CatalogueQuestion.objects.select_related("unit", "based_on"),
        organisation=request.organisation, public_id=question_id,
    )
    form = OwnQuestionEditForm(request.POST or None, initial={
        "text": question.text, "evidence": "\n".join(question.evidence), "is_active": question.is_active})
    if request.method == "POST" and form.is_valid():
        services.do_update_own_question(acting_user=request.user, question=question, **form.cleaned_data)
        messages.success(request, _("The question has been saved."))
        return redirect("org:assessment_catalogue", org_slug=org_slug)
    return render(request, "assessments/own_question_form.html", {"form": form, "question": question,
                                                                   "basis": question.based_on})
