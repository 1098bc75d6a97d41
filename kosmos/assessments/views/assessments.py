"""List, creation, overview, phases, timeline and the next cycle."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.assessments import selectors, services
from kosmos.assessments.forms import AssessmentCreateForm, AssessmentEditForm, MilestoneForm, NextCycleForm
from kosmos.assessments.hub import HUB_SOURCE
from kosmos.assessments.models import Phase, TimelineMilestone
from kosmos.assessments.views._common import assessment_for, message_errors
from kosmos.core import hub
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error

MAX_EFFORT_DAYS = 5
# Survey templates that follow the EFQM logic (rating sheet, Quick-Check, staff t0 survey).
EFQM_SURVEY_TEMPLATES = ("bewertungsbogen-20", "efqm-quick-check", "t0-mitarbeitende")



def _count(text: str, count: int) -> str:
    return text % {"count": count}


@org_permission_required("assessments.view")
def assessment_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    assessments = selectors.assessments_with_phase_counts(request.organisation)
    surveys = []
    if request.org_access.has("surveys.view"):
        from kosmos.surveys.models import Survey

        surveys = list(Survey.objects.filter(organisation=request.organisation)
                       .filter(Q(template_key__in=EFQM_SURVEY_TEMPLATES) | Q(assessments__isnull=False))
                       .distinct().order_by("-created_at"))
    return render(request, "assessments/list.html", {"assessments": assessments, "surveys": surveys})


@org_permission_required("assessments.manage")
def assessment_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = AssessmentCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.do_create_assessment(acting_user=request.user, organisation=request.organisation,
                                                       **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The self-assessment has been created with its timeline."))
            return redirect("org:assessment_detail", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/create.html", {"form": form})


def _steps(request: HttpRequest, assessment) -> list[dict]:  # noqa: ANN001
    access = request.org_access
    participant = selectors.is_participant(assessment, request.user, access)
    progress = selectors.rating_progress(assessment)
    balance = selectors.balance_of(assessment)
    members = selectors.members_with_users(assessment)
    hints = selectors.composition_hints(assessment, members)
    calibration = getattr(assessment, "calibration", None)
    evidence_total = assessment.evidence.count()
    org = request.organisation.slug
    kw = {"org_slug": org, "assessment_id": assessment.public_id}
    warnings = [h for h in hints if h.is_warning]

    def link(name: str, permission: str = "assessments.view", condition: bool = True) -> str | None:
        if not condition or not access.has(permission):
            return None
        return reverse(f"org:{name}", kwargs=kw)

    milestones = assessment.milestones.count()
    steps = [
        {"title": _("Timeline"), "url": link("assessment_timeline"), "done": True,
         "status": _count(ngettext("%(count)s milestone", "%(count)s milestones", milestones), milestones)},
        {"title": _("Assessment group"), "url": link("assessment_group"), "done": bool(members) and not warnings,
         "status": _count(ngettext("%(count)s member", "%(count)s members", len(members)), len(members))
         + (" · " + _count(ngettext("%(count)s warning", "%(count)s warnings", len(warnings)), len(warnings)) if warnings else "")},
        {"title": _("Calibration"), "url": link("assessment_calibration"), "done": calibration is not None,
         "status": _("recorded") if calibration else _("not recorded yet")},
        {"title": _("Question set"), "url": link("assessment_question_set"),
         "done": assessment.question_set_confirmed_at is not None,
         "status": _count(ngettext("%(count)s question", "%(count)s questions", balance.total), balance.total) + " · "
         + (_("fixed") if assessment.question_set_confirmed_at else _("not fixed yet"))},
        {"title": _("Evidence research"), "url": link("assessment_evidence", "assessments.rate", participant),
         "done": evidence_total > 0, "status": _count(ngettext("%(count)s piece of evidence", "%(count)s pieces of evidence", evidence_total),
                          evidence_total)},
    ]
    if assessment.rates_units:
        steps.append({"title": _("Application document"),
                      "url": link("assessment_application", "assessments.rate", participant),
                      "done": assessment.application_texts.exclude(text="").exists(),
                      "status": _("one text per criterion")})
    steps += [
        {"title": _("Individual rating"),
         "url": link("assessment_rating", "assessments.rate", participant and assessment.phase_reached(Phase.RATING)),
         "done": assessment.phase_reached(Phase.CONSENSUS),
         "status": ngettext("%(complete)s of %(members)s member has rated every question",
                            "%(complete)s of %(members)s members have rated every question", progress["members"])
         % {"complete": progress["complete"], "members": progress["members"]}},
        {"title": _("Assessment circle"),
         "url": link("assessment_consensus", "assessments.rate", participant and assessment.ratings_revealed),
         "done": assessment.phase == Phase.COMPLETED,
         "status": _("open") if assessment.phase == Phase.CONSENSUS else
         (_("completed") if assessment.phase == Phase.COMPLETED else _("not open yet"))},
        {"title": _("Strengths and improvement potentials"),
         "url": link("assessment_findings", "assessments.rate", participant and assessment.ratings_revealed),
         "done": assessment.findings.filter(is_consensus=True).exists(), "status": ""},
        {"title": _("Result"), "url": link("assessment_results", "assessments.results", assessment.ratings_revealed),
         "done": assessment.phase == Phase.COMPLETED, "status": ""},
    ]
    return steps


@org_permission_required("assessments.view")
def assessment_detail(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    next_phase = {Phase.PREPARATION: Phase.RATING, Phase.RATING: Phase.CONSENSUS,
                  Phase.CONSENSUS: Phase.COMPLETED}.get(assessment.phase)
    upcoming = assessment.next_milestone()
    waves = list(assessment.survey.waves.order_by("number")) if assessment.survey_id else []
    return render(request, "assessments/detail.html", {
        "waves": waves,
        "assessment": assessment,
        "steps": _steps(request, assessment),
        "next_phase": next_phase,
        "next_phase_label": Phase(next_phase).label if next_phase else "",
        "upcoming": upcoming,
        "next_cycles": list(assessment.next_cycles.all()),
        "can_manage": request.org_access.has("assessments.manage"),
        "action_field_count": len(
            hub.follow_ups(request.organisation, HUB_SOURCE, [assessment.public_id]).action_fields),
    })


@org_permission_required("assessments.manage")
def assessment_edit(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    form = AssessmentEditForm(request.POST or None, initial={
        "title": assessment.title, "start_date": assessment.start_date, "weeks": assessment.weeks})
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_assessment(acting_user=request.user, assessment=assessment, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The self-assessment has been saved."))
            return redirect("org:assessment_detail", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/edit.html", {"form": form, "assessment": assessment})


@org_permission_required("assessments.manage")
@require_POST
def assessment_phase(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    phase = request.POST.get("phase", "")
    try:
        services.do_change_phase(acting_user=request.user, assessment=assessment, phase=phase)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, _("The phase is now: %(phase)s.") % {"phase": Phase(phase).label})
    return redirect("org:assessment_detail", org_slug=org_slug, assessment_id=assessment.public_id)


@org_permission_required("assessments.manage")
def assessment_next_cycle(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    form = NextCycleForm(request.POST or None, method=assessment.method,
                         initial={"title": _("%(title)s – next cycle") % {"title": assessment.title}, "copy_group": True})
    if request.method == "POST" and form.is_valid():
        try:
            new = services.do_start_next_cycle(acting_user=request.user, assessment=assessment, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The next cycle has been created with the question set of the previous one."))
            return redirect("org:assessment_detail", org_slug=org_slug, assessment_id=new.public_id)
    return render(request, "assessments/next_cycle.html", {"form": form, "assessment": assessment})


@org_permission_required("assessments.view")
def timeline(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    milestones = list(assessment.milestones.order_by("due_date", "order"))
    effort = assessment.milestones.aggregate(total=Sum("effort_days"))["total"] or 0
    end = max((m.due_date for m in milestones), default=assessment.start_date)
    for m in milestones:
        m.week = (m.due_date - assessment.start_date).days // 7 + 1
    return render(request, "assessments/timeline.html", {
        "assessment": assessment,
        "milestones": milestones,
        "effort": effort,
        "effort_too_high": effort > MAX_EFFORT_DAYS,
        "max_effort": MAX_EFFORT_DAYS,
        "end": end,
        "can_manage": request.org_access.has("assessments.manage"),
    })


def _milestone(assessment, milestone_id: str) -> TimelineMilestone:  # noqa: ANN001
    return get_object_or_404(TimelineMilestone, assessment=assessment, public_id=milestone_id)


@org_permission_required("assessments.manage")
def milestone_add(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    form = MilestoneForm(request.POST or None, initial={"due_date": assessment.start_date})
    if request.method == "POST" and form.is_valid():
        services.do_add_milestone(acting_user=request.user, assessment=assessment, data=form.cleaned_data)
        messages.success(request, _("The milestone has been added."))
        return redirect("org:assessment_timeline", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/milestone_form.html", {"form": form, "assessment": assessment})


@org_permission_required("assessments.manage")
def milestone_edit(request: HttpRequest, org_slug: str, assessment_id: str, milestone_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    milestone = _milestone(assessment, milestone_id)
    form = MilestoneForm(request.POST or None, initial={
        f: getattr(milestone, f) for f in ("title", "description", "due_date", "effort_days", "participants", "done")})
    if request.method == "POST" and form.is_valid():
        services.do_update_milestone(acting_user=request.user, milestone=milestone, data=form.cleaned_data)
        messages.success(request, _("The milestone has been saved."))
        return redirect("org:assessment_timeline", org_slug=org_slug, assessment_id=assessment.public_id)
    return render(request, "assessments/milestone_form.html",
                  {"form": form, "assessment": assessment, "milestone": milestone})


@org_permission_required("assessments.manage")
@require_POST
def milestone_delete(request: HttpRequest, org_slug: str, assessment_id: str, milestone_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    milestone = _milestone(assessment, milestone_id)
    services.do_delete_milestone(acting_user=request.user, milestone=milestone)
    messages.success(request, _("The milestone has been removed."))
    return redirect("org:assessment_timeline", org_slug=org_slug, assessment_id=assessment.public_id)


# --------------------------------------------------------------------------------------------------
# Questionnaire method: the survey
# --------------------------------------------------------------------------------------------------


@org_permission_required("assessments.manage")
@require_POST
def survey_create(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    try:
        survey = services.do_create_questionnaire_survey(acting_user=request.user, assessment=assessment)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, _("The survey “%(title)s” has been created from the question set. Start a wave "
                                    "in the survey module.") % {"title": survey.title})
    return redirect("org:assessment_detail", org_slug=org_slug, assessment_id=assessment.public_id)


@org_permission_required("assessments.manage")
@require_POST
def survey_import(request: HttpRequest, org_slug: str, assessment_id: str, wave_id: str) -> HttpResponse:
    from kosmos.surveys.models import Wave

    assessment = assessment_for(request, assessment_id)
    wave = get_object_or_404(Wave, survey__organisation=request.organisation, survey_id=assessment.survey_id,
                             public_id=wave_id)
    try:
        counts = services.do_import_survey_results(acting_user=request.user, assessment=assessment, wave=wave)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, ngettext("%(taken)s question has taken over the survey's mean as its score; "
                                           "%(hidden)s had too few answers.",
                                           "%(taken)s questions have taken over the survey's mean as their score; "
                                           "%(hidden)s had too few answers.", counts["taken"]) % counts)
    return redirect("org:assessment_detail", org_slug=org_slug, assessment_id=assessment.public_id)
