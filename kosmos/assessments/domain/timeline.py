"""Milestone templates per assessment method and spreading them over a project period.

Each template has a relative ``offset`` (0.0 = project start, 1.0 = last week) and an effort estimate in
working days *per participant of the assessment group*. :func:`plan_timeline` turns the templates into
dated milestones: the day is ``start + offset × (weeks × 7 − 1)`` (half-up), moved off weekends (to the
next Monday, or to the previous Friday at the end of the period) and never before the previous milestone.

The workshop method follows the Freiburg/Pforzheim project design in the results report: 8–12 weeks and
at most five working days per participant.

Labels, titles, descriptions and participants are English source strings marked for the catalogue; the
Django layer translates them when it stores the milestones of a new assessment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from kosmos.core.domain.i18n import Message, gettext_noop, message

from ._numbers import to_fraction
from .scoring import round_half_up


class TimelineError(ValueError):
    """Invalid planning input; ``message`` is shown to users (translated by the Django layer)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class MilestoneTemplate:
    key: str
    title: str
    description: str
    offset: float  # 0.0 .. 1.0 of the project period
    effort_days: float  # working days per participant of the assessment group
    participants: str  # who takes part


@dataclass(frozen=True, slots=True)
class MethodPlan:
    method: str
    label: str
    min_weeks: int
    max_weeks: int
    default_weeks: int
    milestones: tuple[MilestoneTemplate, ...]

    @property
    def total_effort_days(self) -> float:
        return sum(m.effort_days for m in self.milestones)


@dataclass(frozen=True, slots=True)
class DatedMilestone:
    key: str
    title: str
    description: str
    date: dt.date
    week: int  # 1-based project week
    effort_days: float
    participants: str


M = MilestoneTemplate
GROUP = gettext_noop("Assessment group")

PLANS: dict[str, MethodPlan] = {
    "quick_check": MethodPlan(
        method="quick_check",
        label=gettext_noop("Quick-Check"),
        min_weeks=1,
        max_weeks=4,
        default_weeks=2,
        milestones=(
            M(
                key="preparation",
                title=gettext_noop("Preparation with the management board"),
                description=gettext_noop("Clarify the goal, decide who takes part (assessment group or leadership circle), announce the date."),
                offset=0.0,
                effort_days=0.0,
                participants=gettext_noop("Management board, quality management"),
            ),
            M(
                key="introduction",
                title=gettext_noop("Introduction to the EFQM Model"),
                description=gettext_noop("Short introduction to the seven criteria and the maturity scale 0–5."),
                offset=0.4,
                effort_days=0.25,
                participants=GROUP,
            ),
            M(
                key="quick_check_workshop",
                title=gettext_noop("Quick-Check workshop"),
                description=gettext_noop("Rate the 14 questions (two per criterion) individually, discuss differences, record first impressions."),
                offset=0.6,
                effort_days=0.5,
                participants=GROUP,
            ),
            M(
                key="results",
                title=gettext_noop("Results and next steps"),
                description=gettext_noop("Present the result with the conversion note; decide whether a full self-assessment follows."),
                offset=1.0,
                effort_days=0.25,
                participants=gettext_noop("Management board, assessment group"),
            ),
        ),
    ),
    "questionnaire": MethodPlan(
        method="questionnaire",
        label=gettext_noop("Questionnaire method"),
        min_weeks=4,
        max_weeks=10,
        default_weeks=6,
        milestones=(
            M(
                key="preliminary_talk",
                title=gettext_noop("Preliminary talk with the management board"),
                description=gettext_noop("Clarify goals, respondents (internal and external), schedule and the involvement of the staff council."),
                offset=0.0,
                effort_days=0.25,
                participants=gettext_noop("Management board, quality management"),
            ),
            M(
                key="questionnaire_design",
                title=gettext_noop("Develop and agree on the questionnaire"),
                description=gettext_noop("Choose at most 30 questions across all criteria and adapt them to the language of the organisation; involve data protection and the staff council."),
                offset=0.1,
                effort_days=1.0,
                participants=gettext_noop("Project group"),
            ),
            M(
                key="announcement",
                title=gettext_noop("Announce the survey"),
                description=gettext_noop("Inform staff and external respondents about purpose, anonymity and period."),
                offset=0.25,
                effort_days=0.0,
                participants=gettext_noop("Management board"),
            ),
            M(
                key="field_phase",
                title=gettext_noop("Carry out the survey and interviews"),
                description=gettext_noop("Written survey inside and outside the organisation, with additional interviews."),
                offset=0.4,
                effort_days=0.25,
                participants=gettext_noop("Respondents, project group"),
            ),
            M(
                key="analysis",
                title=gettext_noop("Analysis"),
                description=gettext_noop("Analyse the results per criterion, observe minimum group sizes, mark anything conspicuous."),
                offset=0.7,
                effort_days=0.5,
                participants=gettext_noop("Project group"),
            ),
            M(
                key="results_workshop",
                title=gettext_noop("Results workshop: strengths and potentials for improvement"),
                description=gettext_noop("Interpret the results, bundle strengths and potentials for improvement, prioritise action fields."),
                offset=0.85,
                effort_days=0.5,
                participants=gettext_noop("Project group, leaders"),
            ),
            M(
                key="closing",
                title=gettext_noop("Closing and feedback to the respondents"),
                description=gettext_noop("Tell all respondents and the staff about the results and the next steps."),
                offset=1.0,
                effort_days=0.0,
                participants=gettext_noop("Management board"),
            ),
        ),
    ),
    "workshop": MethodPlan(
        method="workshop",
        label=gettext_noop("Workshop method"),
        min_weeks=8,
        max_weeks=12,
        default_weeks=10,
        milestones=(
            M(
                key="preliminary_talk",
                title=gettext_noop("Preliminary talk with the management board"),
                description=gettext_noop("Clarify mandate, goals, framework and facilitation; tell the staff about the project early."),
                offset=0.0,
                effort_days=0.0,
                participants=gettext_noop("Management board, quality management, facilitation"),
            ),
            M(
                key="kick_off",
                title=gettext_noop("Kick-off with commitment, ecosystem and Quick-Check"),
                description=gettext_noop("With all leaders: commitment to the self-assessment, work out the ecosystem, Quick-Check as a start."),
                offset=0.08,
                effort_days=1.0,
                participants=gettext_noop("Leaders, assessment group"),
            ),
            M(
                key="form_group",
                title=gettext_noop("Form the assessment group"),
                description=gettext_noop("Nine to twelve members, diverse in gender, hierarchy level and expertise; every criterion covered."),
                offset=0.15,
                effort_days=0.25,
                participants=gettext_noop("Management board, quality management"),
            ),
            M(
                key="radar_and_questions",
                title=gettext_noop("RADAR training and question set"),
                description=gettext_noop("Training in the RADAR logic, calibrate the scale, agree on the question set (about 35 questions) together."),
                offset=0.25,
                effort_days=1.0,
                participants=GROUP,
            ),
            M(
                key="evidence_research",
                title=gettext_noop("Evidence research"),
                description=gettext_noop("Find and document evidence for every question; ratings rest on facts, not on feelings."),
                offset=0.5,
                effort_days=1.0,
                participants=GROUP,
            ),
            M(
                key="assessment_circles",
                title=gettext_noop("Rating in assessment circles"),
                description=gettext_noop("Rate individually first, then reach consensus in the assessment circle; record strengths and potentials for improvement."),
                offset=0.7,
                effort_days=1.0,
                participants=GROUP,
            ),
            M(
                key="recommendations",
                title=gettext_noop("Recommendations and priorities"),
                description=gettext_noop("Bundle action fields and prioritise them s.m.a.r.t.; start with two or three improvement projects."),
                offset=0.88,
                effort_days=0.5,
                participants=gettext_noop("Assessment group, management board"),
            ),
            M(
                key="closing",
                title=gettext_noop("Closing"),
                description=gettext_noop("Hand the results to the management board and the staff, hold a retrospective, plan the next assessment cycle."),
                offset=1.0,
                effort_days=0.25,
                participants=gettext_noop("Assessment group, management board"),
            ),
        ),
    ),
    "award_simulation": MethodPlan(
        method="award_simulation",
        label=gettext_noop("Award simulation"),
        min_weeks=16,
        max_weeks=40,
        default_weeks=26,
        milestones=(
            M(
                key="preliminary_talk",
                title=gettext_noop("Preliminary talk and mandate of the management board"),
                description=gettext_noop("Clarify goal, scope, budget and external assessors."),
                offset=0.0,
                effort_days=0.0,
                participants=gettext_noop("Management board, quality management"),
            ),
            M(
                key="kick_off",
                title=gettext_noop("Kick-off and project organisation"),
                description=gettext_noop("Form the project team and criterion teams, fix the schedule and responsibilities for the application brochure."),
                offset=0.05,
                effort_days=1.0,
                participants=gettext_noop("Leaders, criterion teams"),
            ),
            M(
                key="training",
                title=gettext_noop("Training on the model, RADAR and the logic of an application"),
                description=gettext_noop("Criterion teams learn about the model, RADAR and the structure of an application brochure."),
                offset=0.1,
                effort_days=2.0,
                participants=gettext_noop("Criterion teams"),
            ),
            M(
                key="key_information",
                title=gettext_noop("Ecosystem and key information"),
                description=gettext_noop("Compile ecosystem, mandate, strategy and the most important key figures for the brochure."),
                offset=0.2,
                effort_days=1.5,
                participants=gettext_noop("Criterion teams"),
            ),
            M(
                key="brochure_draft",
                title=gettext_noop("Write the application brochure"),
                description=gettext_noop("Criterion teams describe approaches, deployment and results with evidence per criterion."),
                offset=0.45,
                effort_days=5.0,
                participants=gettext_noop("Criterion teams"),
            ),
            M(
                key="brochure_review",
                title=gettext_noop("Review and revision of the brochure"),
                description=gettext_noop("Internal review for completeness, evidence and consistency; revision."),
                offset=0.6,
                effort_days=1.5,
                participants=gettext_noop("Criterion teams, quality management"),
            ),
            M(
                key="site_visit",
                title=gettext_noop("Site visit (simulated)"),
                description=gettext_noop("Trained assessors review the brochure and hold interviews on site."),
                offset=0.75,
                effort_days=1.5,
                participants=gettext_noop("Leaders, criterion teams, assessors"),
            ),
            M(
                key="feedback_report",
                title=gettext_noop("Feedback report and score"),
                description=gettext_noop("Strengths, potentials for improvement and score from the assessors' point of view."),
                offset=0.85,
                effort_days=0.5,
                participants=gettext_noop("Management board, criterion teams"),
            ),
            M(
                key="improvement_planning",
                title=gettext_noop("Action fields and improvement projects"),
                description=gettext_noop("Prioritise action fields and plan improvement projects s.m.a.r.t."),
                offset=0.93,
                effort_days=1.0,
                participants=gettext_noop("Leaders, criterion teams"),
            ),
            M(
                key="closing",
                title=gettext_noop("Closing and retrospective"),
                description=gettext_noop("Communicate the results, evaluate the experience, plan the next cycle."),
                offset=1.0,
                effort_days=0.5,
                participants=gettext_noop("Everybody involved"),
            ),
        ),
    ),
}


def method_plan(method: str) -> MethodPlan:
    try:
        return PLANS[method]
    except KeyError:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(PLANS)}") from None


def milestone_templates(method: str) -> tuple[MilestoneTemplate, ...]:
    return method_plan(method).milestones


def _working_day(day: dt.date, start: dt.date, end: dt.date) -> dt.date:
    if day.weekday() < 5:
        return day
    forward = day + dt.timedelta(days=7 - day.weekday())
    if forward <= end:
        return forward
    backward = day - dt.timedelta(days=day.weekday() - 4)
    return max(backward, start)


def plan_timeline(method: str, start: dt.date, weeks: int | None = None) -> list[DatedMilestone]:
    """Dated milestones for a project of ``weeks`` weeks starting on ``start`` (default: the method's default)."""
    plan = method_plan(method)
    weeks = plan.default_weeks if weeks is None else weeks
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise TimelineError(message(gettext_noop("The project duration must be given in whole weeks.")))
    if not plan.min_weeks <= weeks <= plan.max_weeks:
        raise TimelineError(
            message(
                gettext_noop("For the %(method)s %(low)s to %(high)s weeks are intended, not %(weeks)s."),
                method=message(plan.label), low=plan.min_weeks, high=plan.max_weeks, weeks=weeks,
            )
        )
    span = weeks * 7 - 1
    end = start + dt.timedelta(days=span)
    result: list[DatedMilestone] = []
    previous = start
    for template in plan.milestones:
        day_offset = int(round_half_up(to_fraction(template.offset) * Fraction(span)))
        day = _working_day(start + dt.timedelta(days=day_offset), start, end)
        day = max(day, previous)
        previous = day
        result.append(
            DatedMilestone(
                key=template.key,
                title=template.title,
                description=template.description,
                date=day,
                week=(day - start).days // 7 + 1,
                effort_days=template.effort_days,
                participants=template.participants,
            )
        )
    return result
