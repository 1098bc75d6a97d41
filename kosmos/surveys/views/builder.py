"""Building the questionnaire: sections and questions (no JavaScript needed)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.forms import QuestionForm, SectionForm, condition_choices
from kosmos.surveys.models import Question, QuestionKind, Survey
from kosmos.surveys.views.common import error_text, get_question, get_section, get_survey


def _back(org_slug: str, survey: Survey, anchor: str = "") -> HttpResponse:
    response = redirect("org:survey_detail", org_slug=org_slug, survey_id=survey.public_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _locked(request: HttpRequest, org_slug: str, survey: Survey) -> HttpResponse | None:
    if survey.structure_locked:
        messages.error(request, _("The questions can no longer be changed because a wave of this survey has "
                                  "started. Copy the survey to change them."))
        return _back(org_slug, survey)
    return None


@org_permission_required("surveys.manage")
def section_create(request: HttpRequest, org_slug: str, survey_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    if (locked := _locked(request, org_slug, survey)) is not None:
        return locked
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            section = services.do_add_section(acting_user=request.user, survey=survey, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The section has been added."))
            return _back(org_slug, survey, f"abschnitt-{section.public_id}")
    return render(request, "surveys/section_form.html", {"form": form, "survey": survey, "section": None})


@org_permission_required("surveys.manage")
def section_edit(request: HttpRequest, org_slug: str, survey_id: str, section_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    section = get_section(survey, section_id)
    form = SectionForm(request.POST or None, initial={"title": section.title, "intro": section.intro})
    if request.method == "POST" and form.is_valid():
        services.do_update_section(acting_user=request.user, section=section, data=form.cleaned_data)
        messages.success(request, _("The section has been saved."))
        return _back(org_slug, survey, f"abschnitt-{section.public_id}")
    return render(request, "surveys/section_form.html", {"form": form, "survey": survey, "section": section})


@org_permission_required("surveys.manage")
def section_delete(request: HttpRequest, org_slug: str, survey_id: str, section_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    section = get_section(survey, section_id)
    error = ""
    if request.method == "POST":
        try:
            services.do_delete_section(acting_user=request.user, section=section)
        except ValidationError as exc:
            error = error_text(exc)
        else:
            messages.success(request, _("The section has been deleted."))
            return _back(org_slug, survey)
    count = section.questions.filter(parent__isnull=True).count()
    return render(request, "surveys/confirm_delete.html", {
        "survey": survey, "error": error, "title": _("Delete the section"),
        "question": ngettext("Delete the section “%(title)s” with its %(n)d question?",
                             "Delete the section “%(title)s” with its %(n)d questions?", count)
        % {"title": section.title, "n": count},
    })


@org_permission_required("surveys.manage")
@require_POST
def section_move(request: HttpRequest, org_slug: str, survey_id: str, section_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    section = get_section(survey, section_id)
    try:
        services.do_move_section(acting_user=request.user, section=section,
                                 direction=1 if request.POST.get("richtung") == "runter" else -1)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return _back(org_slug, survey, f"abschnitt-{section.public_id}")


def _question_map(survey: Survey) -> dict[str, Question]:
    return {str(q.public_id): q for q in Question.objects.filter(survey=survey).select_related("parent")}


@org_permission_required("surveys.manage")
def question_create(request: HttpRequest, org_slug: str, survey_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    if (locked := _locked(request, org_slug, survey)) is not None:
        return locked
    sections = list(survey.sections.order_by("position", "id"))
    section = next((s for s in sections if str(s.public_id) == request.GET.get("abschnitt")), sections[-1] if sections else None)
    kind = request.GET.get("art", "")
    if section is None:
        raise Http404
    if kind not in QuestionKind.values or kind == QuestionKind.STATEMENT:
        # No type chosen yet: ask for it (the survey page's short form usually skips this step).
        return render(request, "surveys/question_kind.html", {
            "survey": survey, "sections": sections, "section": section,
            "kinds": [(k.value, k.label) for k in QuestionKind if k != QuestionKind.STATEMENT],
        })
    questionnaire = load_questionnaire(survey)
    options = condition_choices(questionnaire, None, sections.index(section))
    form = QuestionForm(request.POST or None, kind=kind, condition_options=options)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.do_add_question(acting_user=request.user, section=section, kind=kind,
                                                **form.service_kwargs(_question_map(survey)))
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The question has been added."))
            return _back(org_slug, survey, f"frage-{question.public_id}")
    return render(request, "surveys/question_form.html", {
        "form": form, "survey": survey, "section": section, "kind": QuestionKind(kind), "question": None,
    })


@org_permission_required("surveys.manage")
def question_edit(request: HttpRequest, org_slug: str, survey_id: str, question_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    question = get_question(survey, question_id)
    if (locked := _locked(request, org_slug, survey)) is not None:
        return locked
    questionnaire = load_questionnaire(survey)
    options = condition_choices(questionnaire, question, None)
    form = QuestionForm(request.POST or None, kind=question.kind, condition_options=options,
                        initial=QuestionForm.initial_for(question))
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_question(acting_user=request.user, question=question,
                                        **form.service_kwargs(_question_map(survey)))
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The question has been saved."))
            return _back(org_slug, survey, f"frage-{question.public_id}")
    return render(request, "surveys/question_form.html", {
        "form": form, "survey": survey, "section": question.section, "kind": QuestionKind(question.kind),
        "question": question,
    })


@org_permission_required("surveys.manage")
def question_delete(request: HttpRequest, org_slug: str, survey_id: str, question_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    question = get_question(survey, question_id)
    error = ""
    if request.method == "POST":
        try:
            services.do_delete_question(acting_user=request.user, question=question)
        except ValidationError as exc:
            error = error_text(exc)
        else:
            messages.success(request, _("The question has been deleted."))
            return _back(org_slug, survey)
    return render(request, "surveys/confirm_delete.html", {
        "survey": survey, "error": error, "title": _("Delete the question"),
        "question": _("Delete the question “%(text)s”?") % {"text": question.text[:120]},
    })


@org_permission_required("surveys.manage")
@require_POST
def question_move(request: HttpRequest, org_slug: str, survey_id: str, question_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    question = get_question(survey, question_id)
    try:
        services.do_move_question(acting_user=request.user, question=question,
                                  direction=1 if request.POST.get("richtung") == "runter" else -1)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return _back(org_slug, survey, f"frage-{question.public_id}")

