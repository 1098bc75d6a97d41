from __future__ import annotations

import datetime as dt
import secrets

from django.utils import timezone

from kosmos.core.models import Invitation
from kosmos.core.services import hash_token
from tests.permissions.rows import LoginRow, OrgRow, PlatformRow, PublicRow


def _open_invitation(world) -> dict[str, str]:  # noqa: ANN001
    invitation = Invitation.objects.create(
        organisation=world.freiburg,
        email="neu@test.example",
        role="staff",
        token_hash=hash_token(secrets.token_urlsafe(8)),
        invited_by=world.qm,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )
    return {"invitation_id": invitation.public_id}


def _invitation_token(world) -> dict[str, str]:  # noqa: ANN001
    token = secrets.token_urlsafe(16)
    Invitation.objects.create(
        organisation=world.freiburg,
        email="eingeladen@test.example",
        role="staff",
        token_hash=hash_token(token),
        invited_by=world.qm,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )
    return {"token": token}


ROWS = {
    "home": LoginRow(ok_status=302),  # one organisation: straight to its dashboard
    "healthz": PublicRow(),
    "accessibility": PublicRow(),
    "login": PublicRow(anonymous_only=True),
    "logout": LoginRow(method="post", ok_status=302),
    "otp_verify": LoginRow(ok_status=302),  # no device: nothing to verify, back to the start
    "otp_setup": LoginRow(),
    "otp_remove": LoginRow(method="post", ok_status=302),
    "password_reset": PublicRow(),
    "password_reset_done": PublicRow(),
    "password_reset_confirm": PublicRow(kwargs=lambda w: {"uidb64": "MQ", "token": "abc-def"}),
    "password_reset_complete": PublicRow(),
    "invitation_accept": PublicRow(kwargs=_invitation_token),
    "search": LoginRow(),
    "profile": LoginRow(),
    "password_change": LoginRow(),
    "organisation_list": PlatformRow(),
    "organisation_create": PlatformRow(),
    "organisation_invite_first": PlatformRow(kwargs=lambda w: {"slug": w.ulm.slug}),
    "org:dashboard": OrgRow(),
    "org:organisation_edit": OrgRow(),
    "org:members": OrgRow(),
    "org:member_invite": OrgRow(),
    "org:member_role": OrgRow(kwargs=lambda w: {"user_id": w.staff.public_id}),
    "org:member_remove": OrgRow(kwargs=lambda w: {"user_id": w.staff.public_id}),
    "org:invitation_revoke": OrgRow(kwargs=_open_invitation, method="post", ok_status=302),
    "org:audit_log": OrgRow(),
}
