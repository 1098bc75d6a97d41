"""The assessment group and its calibration."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.assessments.models import Assessment, Calibration, GroupMember
from kosmos.assessments.services._audit import created, log
from kosmos.core.audit import diff_fields, snapshot
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
    log(acting_user, assessment.organisation, "assessment.member_added", member,
        object_repr=f"{assessment.title}: {user}",
        changes=created({k: getattr(member, k) for k in MEMBER_FIELDS}))
    return member


@transaction.atomic
def do_update_group_member(*, acting_user: User, member: GroupMember, data: dict) -> GroupMember:
    fields = [f for f in MEMBER_FIELDS if f in data]
    before = snapshot(member, fields)
    for name in fields:
        setattr(member, name, data[name])
    member.save(update_fields=fields)
    changes = diff_fields(member, before, fields)
    if changes:
        log(acting_user, member.assessment.organisation, "assessment.member_updated", member,
            object_repr=f"{member.assessment.title}: {member.user}", changes=changes)
    return member


@transaction.atomic
def do_remove_group_member(*, acting_user: User, member: GroupMember) -> None:
    """Remove a member. Their ratings stay with the assessment (they were part of the circle)."""
    log(acting_user, member.assessment.organisation, "assessment.member_removed", member,
        object_repr=f"{member.assessment.title}: {member.user}", changes={"user": [str(member.user), None]})
    member.delete()


CALIBRATION_FIELDS = ["attitude", "scale_agreement", "reference_acknowledged"]


@transaction.atomic
def do_record_calibration(*, acting_user: User, assessment: Assessment, data: dict) -> Calibration:
    """Record what the group agreed before rating (scale bands, reference numbers, attitude)."""
    calibration = Calibration.objects.filter(assessment=assessment).first()
    if calibration is None:
        calibration = Calibration(assessment=assessment)
        before = {f: None for f in CALIBRATION_FIELDS}
    else:
        before = snapshot(calibration, CALIBRATION_FIELDS)
    for name in CALIBRATION_FIELDS:
        if name in data:
            setattr(calibration, name, data[name])
    calibration.recorded_by = acting_user
    calibration.save()
    changes = diff_fields(calibration, before, CALIBRATION_FIELDS)
    if changes:
        log(acting_user, assessment.organisation, "assessment.calibration_recorded", assessment, changes=changes)
    return calibration
