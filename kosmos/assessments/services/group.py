"""The assessment group and its calibration."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.assessments.models import Assessment, Calibration, GroupMember
from kosmos.core.audit import about, log_created, log_deleted, update_fields
from kosmos.core.models import Membership, User

MEMBER_FIELDS = ["gender", "level", "department", "is_management", "functions", "criteria"]


def _check_user(assessment: Assessment, user: User) -> None:
    if not Membership.objects.filter(organisation=assessment.organisation, user=user).exists():
        raise ValidationError({"user": _("Only members of the organisation can join the assessment group.")})


@transaction.atomic
def do_add_group_member(*, acting_user: User, assessment: Assessment, user: User, data: dict) -> GroupMember:
    _check_user(assessment, user)
    if GroupMember.objects.filter(assessment=assessment, user=user).exists():
        raise ValidationError({"user": _("%(name)s is already in the assessment group.") % {"name": user}})
    member = GroupMember.objects.create(
        assessment=assessment, user=user, **{k: data[k] for k in MEMBER_FIELDS if k in data}
    )
    log_created(member, actor=acting_user, organisation=assessment.organisation, action="assessment.member_added",
                fields=MEMBER_FIELDS, object_repr=f"{assessment.title}: {user}")
    return member


@transaction.atomic
def do_update_group_member(*, acting_user: User, member: GroupMember, data: dict) -> GroupMember:
    update_fields(member, {f: data[f] for f in MEMBER_FIELDS if f in data}, actor=acting_user,
                  organisation=member.assessment.organisation, action="assessment.member_updated",
                  object_repr=f"{member.assessment.title}: {member.user}")
    return member


@transaction.atomic
def do_remove_group_member(*, acting_user: User, member: GroupMember) -> None:
    """Remove a member. Their ratings stay with the assessment (they were part of the circle)."""
    log_deleted(member, actor=acting_user, organisation=member.assessment.organisation,
                action="assessment.member_removed", fields=["user"],
                object_repr=f"{member.assessment.title}: {member.user}")
    member.delete()


CALIBRATION_FIELDS = ["attitude", "scale_agreement", "reference_acknowledged"]


@transaction.atomic
def do_record_calibration(*, acting_user: User, assessment: Assessment, data: dict) -> Calibration:
    """Record what the group agreed before rating (scale bands, reference numbers, attitude)."""
    calibration = Calibration.objects.filter(assessment=assessment).first()
    values = {f: data[f] for f in CALIBRATION_FIELDS if f in data}
    # The log names the assessment: the calibration is part of it.
    event = {"actor": acting_user, "organisation": assessment.organisation,
             "action": "assessment.calibration_recorded", **about(assessment)}
    if calibration is None:
        calibration = Calibration.objects.create(assessment=assessment, recorded_by=acting_user, **values)
        log_created(calibration, fields=CALIBRATION_FIELDS, **event)
    else:
        update_fields(calibration, values, touch={"recorded_by": acting_user}, **event)
    return calibration
