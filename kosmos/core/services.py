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
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import log_created, log_deleted, log_event, update_fields
from kosmos.core.models import Invitation, Membership, Office, Organisation, User
from kosmos.core.roles import Role
from kosmos.core.urls_absolute import absolute_url

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
    log_created(organisation, actor=acting_user, organisation=organisation, action="organisation.created",
                fields=list(fields))
    return organisation


@transaction.atomic
def do_update_organisation(
    *, acting_user: User, organisation: Organisation, data: dict[str, object], office_names: Iterable[str] | None
) -> Organisation:
    """Update the organisation's facts and replace its list of offices (``None`` keeps them, for
    organisations without offices such as the programme office)."""
    existing = list(organisation.offices.values_list("name", flat=True))
    wanted = []
    for name in existing if office_names is None else office_names:
        cleaned = name.strip()
        if cleaned and cleaned not in wanted:
            wanted.append(cleaned)
    offices_changed = set(wanted) != set(existing)
    update_fields(
        organisation,
        {f: data[f] for f in ORGANISATION_FACT_FIELDS if f in data},
        actor=acting_user,
        organisation=organisation,
        action="organisation.updated",
        clean=lambda o: o.full_clean(),
        extra_changes={"offices": [sorted(existing), sorted(wanted)]} if offices_changed else None,
    )
    if offices_changed:
        organisation.offices.exclude(name__in=wanted).delete()
        Office.objects.bulk_create(
            [Office(organisation=organisation, name=n) for n in wanted if n not in existing]
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
    # The event names the person (id and name), its type is the membership.
    update_fields(
        membership,
        {"role": role},
        actor=acting_user,
        organisation=membership.organisation,
        action="membership.role_changed",
        object_id=str(membership.user.public_id),
        object_repr=str(membership.user),
    )
    return membership


@transaction.atomic
def do_remove_member(*, acting_user: User, membership: Membership) -> None:
    _ensure_not_last_quality_manager(membership, None)
    log_deleted(
        membership,
        actor=acting_user,
        organisation=membership.organisation,
        action="membership.removed",
        fields=["role"],
        object_id=str(membership.user.public_id),
        object_repr=str(membership.user),
    )
    membership.delete()


@transaction.atomic
def do_invite_member(
    *, acting_user: User, organisation: Organisation, email: str, role: str, full_name: str = "",
    request: HttpRequest | None = None,
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
    link = absolute_url(request, reverse("invitation_accept", kwargs={"token": token}))
    context = {
        "organisation": organisation,
        "inviter": acting_user,
        "link": link,
        "role": Role(role).label,
        "days": settings.KOSMOS_INVITATION_DAYS,
        "full_name": full_name,
    }
    log_created(invitation, actor=acting_user, organisation=organisation, action="invitation.sent",
                fields=["email", "role"], object_repr=email)
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
    update_fields(acting_user, {"full_name": full_name}, actor=acting_user, organisation=None,
                  action="user.profile_updated")
    return acting_user


def log_security_event(*, user: User, action: str) -> None:
    """Password changes and second-factor enrolment are recorded too (without secrets)."""
    log_event(actor=user, organisation=None, action=action, obj=user)


def send_barrier_report(*, page: str, description: str, contact: str = "") -> None:
    """Send a report of a barrier to the operator (the accessibility statement's feedback
    mechanism). Nothing is stored on the platform."""
    send_mail(
        subject=_("Report of a barrier in Qualitätskosmos"),
        message=render_to_string("core/email/barrier_report.txt",
                                 {"page": page, "description": description, "contact": contact}),
        from_email=None,
        recipient_list=[settings.ACCESSIBILITY_CONTACT],
    )
