"""Writes of the committee: seats, declared conflicts, scores (do_* with acting_user, audit log).

Committee events are logged without an organisation: the applicant's own audit log must not
show scores or conflicts before the decision.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.core.audit import log_created, log_deleted, log_event, update_fields
from kosmos.core.models import User
from kosmos.programme.domain.scoring import SCALE_MAX, SCALE_MIN
from kosmos.programme.models import Application, Call, CallState, CommitteeMember, ConflictDeclaration, Score
from kosmos.programme.models.calls import CRITERIA
from kosmos.programme.selectors_committee import conflict_reason


class ConflictOfInterest(ValidationError):
    """The member has a conflict of interest with the application."""


@transaction.atomic
def do_add_committee_member(*, acting_user: User, call: Call, user: User, institution: str,
                            state: str = "") -> CommitteeMember:
    if CommitteeMember.objects.filter(call=call, user=user).exists():
        raise ValidationError({"email": _("%(name)s is already on the committee of this call.")
                               % {"name": user.full_name or user.email}})
    member = CommitteeMember.objects.create(call=call, user=user, institution=institution, state=state)
    log_created(member, actor=acting_user, organisation=None, action="programme.committee_member_added",
                fields={"user": user.email, "institution": institution, "state": state, "call": call.title})
    return member


@transaction.atomic
def do_remove_committee_member(*, acting_user: User, member: CommitteeMember) -> None:
    if member.scores.exists():
        raise ValidationError(_("%(name)s has already scored applications and stays on the committee.")
                              % {"name": member.user.full_name})
    log_deleted(member, actor=acting_user, organisation=None, action="programme.committee_member_removed",
                fields={"user": member.user.email, "call": member.call.title})
    member.delete()


def record_blocked_access(*, acting_user: User, member: CommitteeMember, application: Application,
                          reason: str) -> None:
    """Log that a member with a conflict of interest tried to open the application.

    The only write on a GET: the issue asks for such attempts to be on record (who, when, which).
    """
    log_event(actor=acting_user, organisation=None, action="programme.conflict_blocked", obj=application,
              object_repr=str(application.public_id), changes={"reason": [None, reason],
                                                               "member": [None, member.user.email]})


def _refuse_conflict(acting_user: User, member: CommitteeMember, application: Application) -> None:
    reason = conflict_reason(member, application)
    if reason is not None:
        record_blocked_access(acting_user=acting_user, member=member, application=application, reason=reason)
        raise ConflictOfInterest(_("You have a conflict of interest with this application (%(reason)s) "
                                   "and cannot score it.") % {"reason": reason})


def _check_scores(values: dict[str, Any]) -> dict[str, int]:
    errors = {}
    cleaned = {}
    for criterion in CRITERIA:
        value = values.get(criterion)
        try:
            number: int | None = int(str(value).strip())
        except (TypeError, ValueError):
            number = None
        if number is None or not SCALE_MIN <= number <= SCALE_MAX:
            errors[criterion] = _("Please give a whole number from %(low)s to %(high)s.") % {
                "low": SCALE_MIN, "high": SCALE_MAX}
        else:
            cleaned[criterion] = number
    if errors:
        raise ValidationError(errors)
    return cleaned


def do_score(*, acting_user: User, member: CommitteeMember, application: Application,
             comment: str = "", **values: Any) -> Score:
    """Save the member's scores of the four criteria (0–4) and a comment; every change is logged."""
    if member.user_id != acting_user.pk or application.call_id != member.call_id:
        raise ValidationError(_("You can only score applications of your own committee."))
    if member.call.state != CallState.REVIEW:
        raise ValidationError(_("Scores can only be given while the call is in review."))
    _refuse_conflict(acting_user, member, application)  # logged even though the score is refused
    return _save_score(acting_user, member, application, {**_check_scores(values), "comment": comment.strip()})


@transaction.atomic
def _save_score(acting_user: User, member: CommitteeMember, application: Application,
                values: dict[str, Any]) -> Score:
    score = Score.objects.select_for_update().filter(member=member, application=application).first()
    if score is None:
        score = Score.objects.create(member=member, application=application, **values)
        log_created(score, actor=acting_user, organisation=None, action="programme.score_given",
                    fields=[*CRITERIA, "comment"], object_repr=str(application.public_id))
        return score
    update_fields(score, values, actor=acting_user, organisation=None, action="programme.score_changed",
                  object_repr=str(application.public_id))
    return score


@transaction.atomic
def do_declare_conflict(*, acting_user: User, member: CommitteeMember, application: Application,
                        reason: str = "") -> ConflictDeclaration:
    """The member abstains from the application (explicit, self-declared); a score given before is removed."""
    if member.user_id != acting_user.pk or application.call_id != member.call_id:
        raise ValidationError(_("You can only declare conflicts for your own committee."))
    declaration, created = ConflictDeclaration.objects.get_or_create(
        member=member, application=application, defaults={"reason": reason.strip()[:300]})
    if not created:
        raise ValidationError(_("You have already declared a conflict of interest for this application."))
    removed = Score.objects.filter(member=member, application=application).first()
    if removed is not None:
        log_deleted(removed, actor=acting_user, organisation=None, action="programme.score_withdrawn",
                    fields=CRITERIA, object_repr=str(application.public_id))
        removed.delete()
    log_created(declaration, actor=acting_user, organisation=None, action="programme.conflict_declared",
                fields={"reason": declaration.reason}, object_repr=str(application.public_id))
    return declaration
