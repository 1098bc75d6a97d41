"""Creating an assessment, its phases, its timeline and the next cycle."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kosmos.assessments.domain.timeline import TimelineError, plan_timeline
from kosmos.assessments.models import (
    Assessment,
    AssessmentItem,
    AssessmentModel,
    CatalogueQuestion,
    ConsensusScore,
    GroupMember,
    Method,
    Phase,
    QuestionCatalogue,
    SubCriterion,
    TimelineMilestone,
)
from kosmos.assessments.scales import proposal_from_scores
from kosmos.assessments.services._audit import log
from kosmos.core.audit import log_created, log_deleted, update_fields
from kosmos.core.i18n import translate
from kosmos.core.models import Organisation, User

FIXED_SET_METHODS = {Method.QUICK_CHECK, Method.AWARD_SIMULATION}
CALIBRATION_REQUIRED = {Method.WORKSHOP, Method.AWARD_SIMULATION}


def _plan(method: str, start_date: dt.date, weeks: int) -> list:
    try:
        return plan_timeline(method, start_date, weeks)
    except TimelineError as exc:
        raise ValidationError({"weeks": translate(exc.message)}) from exc


def _create_fixed_items(assessment: Assessment) -> int:
    """Quick-Check: the 14 catalogue questions (two per criterion). Award simulation: every unit."""
    if assessment.method == Method.QUICK_CHECK:
        questions = CatalogueQuestion.objects.filter(
            catalogue=assessment.catalogue, organisation=None, quick_check=True, is_active=True
        ).order_by("unit__order", "order")
        items = [AssessmentItem(assessment=assessment, unit_id=q.unit_id, question=q, order=i)
                 for i, q in enumerate(questions)]
    elif assessment.method == Method.AWARD_SIMULATION:
        units = SubCriterion.objects.filter(model=assessment.model).order_by("order")
        items = [AssessmentItem(assessment=assessment, unit=u, order=i) for i, u in enumerate(units)]
    else:
        return 0
    AssessmentItem.objects.bulk_create(items)
    return len(items)


@transaction.atomic
def do_create_assessment(
    *,
    acting_user: User,
    organisation: Organisation,
    title: str,
    method: str,
    start_date: dt.date,
    weeks: int,
    model: AssessmentModel | None = None,
    catalogue: QuestionCatalogue | None = None,
    previous: Assessment | None = None,
) -> Assessment:
    """Create the assessment with its timeline (from the variant's template) and, for the
    Quick-Check and the award simulation, its fixed question set."""
    if method not in Method.values:
        raise ValidationError({"method": _("Please choose a variant.")})
    if catalogue is None:
        catalogue = QuestionCatalogue.objects.select_related("model").filter(
            model=model or AssessmentModel.objects.get(code="efqm2020")
        ).first()
        if catalogue is None:
            raise ValidationError(_("There is no question catalogue for this model."))
    model = catalogue.model
    plan = _plan(method, start_date, weeks)
    assessment = Assessment.objects.create(
        organisation=organisation,
        model=model,
        catalogue=catalogue,
        title=title,
        method=method,
        start_date=start_date,
        weeks=weeks,
        previous=previous,
        created_by=acting_user,
    )
    TimelineMilestone.objects.bulk_create(
        TimelineMilestone(
            assessment=assessment,
            key=m.key,
            title=translate(m.title),
            description=translate(m.description),
            due_date=m.date,
            effort_days=Decimal(str(m.effort_days)),
            participants=translate(m.participants),
            order=i,
        )
        for i, m in enumerate(plan)
    )
    count = _create_fixed_items(assessment)
    if method in FIXED_SET_METHODS:
        assessment.question_set_confirmed_at = timezone.now()
        assessment.save(update_fields=["question_set_confirmed_at"])
    log_created(assessment, actor=acting_user, organisation=organisation, action="assessment.created", fields={
        "title": title, "method": method, "model": model.short_name, "start_date": start_date, "weeks": weeks,
        "milestones": len(plan), "questions": count or None,
        "previous": previous.title if previous else None,
    })
    return assessment


@transaction.atomic
def do_update_assessment(*, acting_user: User, assessment: Assessment, data: dict) -> Assessment:
    values = {f: data[f] for f in ("title", "start_date", "weeks") if f in data}

    def validate_duration(a: Assessment) -> None:
        if "weeks" in values or "start_date" in values:
            _plan(a.method, a.start_date, a.weeks)

    update_fields(assessment, values, actor=acting_user, organisation=assessment.organisation,
                  action="assessment.updated", clean=validate_duration)
    return assessment


def _check_can_open_rating(assessment: Assessment) -> None:
    problems = []
    if not assessment.items.exists():
        problems.append(_("The question set is empty."))
    elif assessment.question_set_confirmed_at is None:
        problems.append(_("The question set has not been confirmed yet."))
    if not assessment.group_members.exists():
        problems.append(_("The assessment group has no members yet."))
    if assessment.method in CALIBRATION_REQUIRED and not hasattr(assessment, "calibration"):
        problems.append(_("The group has not recorded its calibration yet: agree on the scale and attitude first."))
    if problems:
        raise ValidationError(problems)


def _fill_maturity_consensus(assessment: Assessment, acting_user: User) -> int:
    """Maturity variants: items without a recorded consensus take the mean of the ratings."""
    missing = list(assessment.items.filter(consensus__isnull=True))
    created_count = 0
    for item in missing:
        scores = list(item.ratings.filter(score__isnull=False).values_list("score", flat=True))
        proposal = proposal_from_scores(scores)
        if proposal is None:
            continue
        ConsensusScore.objects.create(
            item=item, proposal=proposal, score=proposal, decided_by=acting_user,
            reason=_("Mean of the individual ratings taken over when the assessment was completed."),
        )
        created_count += 1
    return created_count


@transaction.atomic
def do_change_phase(*, acting_user: User, assessment: Assessment, phase: str) -> Assessment:
    """Move the assessment to the next phase (or reopen a completed one)."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    current = assessment.phase
    allowed = {
        Phase.PREPARATION: {Phase.RATING},
        Phase.RATING: {Phase.CONSENSUS},
        Phase.CONSENSUS: {Phase.COMPLETED},
        Phase.COMPLETED: {Phase.CONSENSUS},
    }
    if phase not in allowed.get(current, set()):
        raise ValidationError(_("This step is not possible in the current phase."))
    now = timezone.now()
    fields = ["phase"]
    extra: dict[str, object] = {}
    if phase == Phase.RATING:
        _check_can_open_rating(assessment)
        assessment.rating_opened_at = now
        fields.append("rating_opened_at")
    elif phase == Phase.CONSENSUS and current == Phase.RATING:
        assessment.consensus_opened_at = now
        fields.append("consensus_opened_at")
    elif phase == Phase.COMPLETED:
        if assessment.uses_maturity_scale:
            extra["consensus_filled"] = _fill_maturity_consensus(assessment, acting_user)
        open_items = assessment.items.filter(consensus__isnull=True).count()
        if open_items:
            raise ValidationError(
                ngettext(
                    "%(count)s question has no consensus score yet. Record it in the assessment circle first.",
                    "%(count)s questions have no consensus score yet. Record them in the assessment circle first.",
                    open_items,
                ) % {"count": open_items}
            )
        assessment.completed_at = now
        fields.append("completed_at")
    assessment.phase = phase
    assessment.save(update_fields=fields)
    changes: dict[str, object] = {"phase": [current, phase]}
    if extra.get("consensus_filled"):
        changes["consensus_filled"] = [None, extra["consensus_filled"]]
    log(acting_user, assessment.organisation, "assessment.phase_changed", assessment, changes=changes)
    return assessment


@transaction.atomic
def do_start_next_cycle(
    *, acting_user: User, assessment: Assessment, title: str, start_date: dt.date, weeks: int, copy_group: bool = False
) -> Assessment:
    """A new cycle: the next assessment copies the question set (and optionally the group)."""
    new = do_create_assessment(
        acting_user=acting_user,
        organisation=assessment.organisation,
        title=title,
        method=assessment.method,
        start_date=start_date,
        weeks=weeks,
        catalogue=assessment.catalogue,
        previous=assessment,
    )
    if assessment.method not in FIXED_SET_METHODS:
        AssessmentItem.objects.bulk_create(
            AssessmentItem(assessment=new, unit_id=item.unit_id, question_id=item.question_id, order=item.order)
            for item in assessment.items.all()
        )
    if copy_group:
        GroupMember.objects.bulk_create(
            GroupMember(
                assessment=new, user_id=m.user_id, gender=m.gender, level=m.level, department=m.department,
                is_management=m.is_management, functions=m.functions, criteria=m.criteria,
            )
            for m in assessment.group_members.all()
        )
    log(acting_user, assessment.organisation, "assessment.next_cycle", new, changes={
        "previous": [None, assessment.title], "questions": [None, new.items.count()],
        "group_copied": [None, copy_group],
    })
    return new


MILESTONE_FIELDS = ["title", "description", "due_date", "effort_days", "participants", "done"]


@transaction.atomic
def do_add_milestone(*, acting_user: User, assessment: Assessment, data: dict) -> TimelineMilestone:
    last = assessment.milestones.order_by("-order").values_list("order", flat=True).first() or 0
    milestone = TimelineMilestone.objects.create(
        assessment=assessment, order=last + 1, **{k: data[k] for k in MILESTONE_FIELDS if k in data}
    )
    log_created(milestone, actor=acting_user, organisation=assessment.organisation,
                action="assessment.milestone_added", fields=MILESTONE_FIELDS)
    return milestone


@transaction.atomic
def do_update_milestone(*, acting_user: User, milestone: TimelineMilestone, data: dict) -> TimelineMilestone:
    update_fields(milestone, {f: data[f] for f in MILESTONE_FIELDS if f in data}, actor=acting_user,
                  organisation=milestone.assessment.organisation, action="assessment.milestone_updated")
    return milestone


@transaction.atomic
def do_delete_milestone(*, acting_user: User, milestone: TimelineMilestone) -> None:
    log_deleted(milestone, actor=acting_user, organisation=milestone.assessment.organisation,
                action="assessment.milestone_deleted", fields=["title", "due_date"])
    milestone.delete()
