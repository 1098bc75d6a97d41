"""Writes of the platform core. Each ``do_*`` function takes the acting user, runs in one
transaction and writes the audit log."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import diff_fields, log_event, snapshot
from kosmos.core.models import Invitation, Membership, Office, Organisation, User
from kosmos.core.roles import Role

ORGANISATION_FACT_FIELDS = [
    "name",
    "form",
    "state",
    "staff_count",
    "bg_count",
    "unemployment_rate",
    "unemployment_month",
    "region_description",
    "project_topic",
]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def do_create_organisation(*, acting_user: User, **fields: object) -> Organisation:
    organisation = Organisation.objects.create(**fields)
    log_event(
        actor=acting_user,
        organisation=organisation,
        action="organisation.created",
        obj=organisation,
        changes={k: [None, v] for k, v in fields.items()},
    )
    return organisation


@transaction.atomic
def do_update_organisation(
    *, acting_user: User, organisation: Organisation, data: dict[str, object], office_names: Iterable[str]
) -> Organisation:
    """Update the organisation's facts and replace its list of offices."""
    fields = [f for f in ORGANISATION_FACT_FIELDS if f in data]
    before = snapshot(organisation, fields)
    for name in fields:
        setattr(organisation, name, data[name])
    organisation.full_clean()
    organisation.save(update_fields=fields)
    changes = diff_fields(organisation, before, fields)

    wanted = []
    for name in office_names:
        cleaned = name.strip()
        if cleaned and cleaned not in wanted:
            wanted.append(cleaned)
    existing = list(organisation.offices.values_list("name", flat=True))
    if set(wanted) != set(existing):
        organisation.offices.exclude(name__in=wanted).delete()
        Office.objects.bulk_create(
            [Office(organisation=organisation, name=n) for n in wanted if n not in existing]
        )
        changes["offices"] = [sorted(existing), sorted(wanted)]
    if changes:
        log_event(
            actor=acting_user,
            organisation=organisation,
            action="organisation.updated",
            obj=organisation,
            changes=changes,
        )
    return organisation


def _ensure_not_last_quality_manager(membership: Membership, new_role: str | None) -> None:
    if membership.role != Role.QUALITY_MANAGER or new_role == Role.QUALITY_MANAGER:
        return
    others = (
        Membership.objects.select_for_update()
        .filter(organisation=membership.organisation, role=Role.QUALITY_MANAGER)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise ValidationError(
            _("%(name)s is the last quality manager of this organisation. Appoint another one first.")
            % {"name": membership.user}
        )


@transaction.atomic
def do_change_role(*, acting_user: User, membership: Membership, role: str) -> Membership:
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    _ensure_not_last_quality_manager(membership, role)
    old = membership.role
    if old == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    log_event(
        actor=acting_user,
        organisation=membership.organisation,
        action="membership.role_changed",
        obj=membership.user,
        object_type="membership",
        changes={"role": [old, role]},
    )
    return membership


@transaction.atomic
def do_remove_member(*, acting_user: User, membership: Membership) -> None:
    _ensure_not_last_quality_manager(membership, None)
    log_event(
        actor=acting_user,
        organisation=membership.organisation,
        action="membership.removed",
        obj=membership.user,
        object_type="membership",
        changes={"role": [membership.role, None]},
    )
    membership.delete()


@transaction.atomic
def do_invite_member(
    *, acting_user: User, organisation: Organisation, email: str, role: str, full_name: str = ""
) -> tuple[Invitation, str]:
    """Create an invitation and send its link by e-mail. Returns the invitation and the link."""
    email = User.objects.normalize_email(email).lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s is already a member of this organisation.") % {"email": email}}
        )
    # An older open invitation for the same address is replaced by the new one.
    Invitation.objects.filter(
        organisation=organisation, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=hash_token(token),
        invited_by=acting_user,
        expires_at=timezone.now() + dt.timedelta(days=settings.KOSMOS_INVITATION_DAYS),
    )
    link = settings.BASE_URL + reverse("invitation_accept", kwargs={"token": token})
    context = {
        "organisation": organisation,
        "inviter": acting_user,
        "link": link,
        "role": Role(role).label,
        "days": settings.KOSMOS_INVITATION_DAYS,
        "full_name": full_name,
    }
    log_event(
        actor=acting_user,
        organisation=organisation,
        action="invitation.sent",
        obj=invitation,
        object_repr=email,
        changes={"email": [None, email], "role": [None, role]},
    )
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Invitation to Qualitätskosmos: %(org)s") % {"org": organisation.name},
            message=render_to_string("core/email/invitation.txt", context),
            from_email=None,
            recipient_list=[email],
        )
    )
    return invitation, link


@transaction.atomic
def do_revoke_invitation(*, acting_user: User, invitation: Invitation) -> None:
    # Re-read under a lock: the invitee may have accepted since the caller loaded the row.
    invitation = Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been accepted."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    log_event(
        actor=acting_user,
        organisation=invitation.organisation,
        action="invitation.revoked",
        obj=invitation,
        object_repr=invitation.email,
    )


def find_open_invitation(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("organisation").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None or not invitation.is_open:
        return None
    return invitation


@transaction.atomic
def do_accept_invitation(
    *, invitation: Invitation, user: User | None, full_name: str = "", password: str = ""
) -> User:
    """Accept an invitation: for a new person create the account with the password they chose;
    for a logged-in person with the invited address add the membership."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation is no longer valid."))
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(_("An account with this e-mail address exists already. Please log in first."))
        user = User.objects.create_user(invitation.email, password, full_name=full_name)
        log_event(actor=user, organisation=invitation.organisation, action="user.created", obj=user)
    elif user.email.lower() != invitation.email.lower():
        raise ValidationError(_("This invitation was sent to another e-mail address."))
    Membership.objects.update_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    log_event(
        actor=user,
        organisation=invitation.organisation,
        action="invitation.accepted",
        obj=invitation,
        object_repr=invitation.email,
        changes={"role": [None, invitation.role]},
    )
    return user


@transaction.atomic
def do_update_profile(*, acting_user: User, full_name: str) -> User:
    before = snapshot(acting_user, ["full_name"])
    acting_user.full_name = full_name
    acting_user.save(update_fields=["full_name"])
    changes = diff_fields(acting_user, before, ["full_name"])
    if changes:
        log_event(actor=acting_user, organisation=None, action="user.profile_updated", obj=acting_user,
                  changes=changes)
    return acting_user


def log_security_event(*, user: User, action: str) -> None:
    """Password changes and second-factor enrolment are recorded too (without secrets)."""
    log_event(actor=user, organisation=None, action=action, obj=user)
