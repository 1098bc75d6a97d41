"""Members: invitations, accepting them, roles and removal (kosmos.core.services)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from kosmos.core import services
from kosmos.core.models import AuditEvent, Invitation, Membership, User
from kosmos.core.roles import Role

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Kosmos-Neu-2026!"


def last_event(action: str) -> AuditEvent:
    return AuditEvent.objects.filter(action=action).latest("id")


def membership(world, user: User) -> Membership:  # noqa: ANN001
    return Membership.objects.get(user=user, organisation=world.freiburg)


# --- inviting ------------------------------------------------------------------------------


def test_an_invitation_sends_an_email_with_its_link(world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, link = services.do_invite_member(
            acting_user=world.qm,
            organisation=world.freiburg,
            email="neu@test.example",
            role=Role.ASSESSOR,
            full_name="Nina Neu",
        )

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["neu@test.example"]
    assert mail.subject == "Einladung in den Qualitätskosmos: Jobcenter Freiburg"
    assert link.startswith(f"{settings.BASE_URL or 'http://127.0.0.1:8000'}/einladung/")
    assert link in mail.body
    assert "Guten Tag Nina Neu," in mail.body
    assert "Quirin Qualität lädt Sie in den Qualitätskosmos ein" in mail.body
    assert "Ihre Rolle: Bewertungsgruppe." in mail.body
    assert "7 Tage gültig" in mail.body


def test_the_invitation_email_leaves_only_after_the_transaction_commits(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.do_invite_member(
            acting_user=world.qm, organisation=world.freiburg, email="neu@test.example", role=Role.STAFF
        )

    assert len(callbacks) == 1
    assert mailoutbox == []


def test_an_invitation_stores_only_a_hash_of_its_token(invite):
    invitation, token = invite()

    assert token not in invitation.token_hash
    assert invitation.token_hash == services.hash_token(token)
    assert services.find_open_invitation(token) == invitation


def test_an_invitation_is_valid_for_seven_days(invite):
    invitation, _ = invite()

    validity = invitation.expires_at - invitation.created_at
    assert abs(validity - dt.timedelta(days=7)) < dt.timedelta(seconds=5)
    assert invitation.is_open


def test_the_invited_address_is_stored_in_lower_case(invite):
    invitation, _ = invite("Nina.Neu@Test.Example")

    assert invitation.email == "nina.neu@test.example"


def test_inviting_a_member_of_the_organisation_fails_on_the_email_field(world, invite):
    with pytest.raises(ValidationError) as exc:
        invite(world.staff.email.upper())

    assert "ist bereits Mitglied dieser Organisation" in exc.value.message_dict["email"][0]
    assert not Invitation.objects.exists()


def test_a_new_invitation_replaces_an_older_open_one(invite):
    older, older_token = invite("neu@test.example", Role.STAFF)
    newer, newer_token = invite("NEU@test.example", Role.ASSESSOR)

    older.refresh_from_db()
    assert older.revoked_at is not None
    assert services.find_open_invitation(older_token) is None
    assert services.find_open_invitation(newer_token) == newer


def test_an_invitation_to_another_organisation_stays_open(world, invite):
    in_ulm, ulm_token = invite("neu@test.example", by=world.outsider, organisation=world.ulm)
    invite("neu@test.example")

    assert services.find_open_invitation(ulm_token) == in_ulm


def test_an_invitation_is_recorded_in_the_audit_log(world, invite):
    invitation, _ = invite("neu@test.example", Role.ASSESSOR)

    event = last_event("invitation.sent")
    assert event.actor == world.qm
    assert event.actor_name == "Quirin Qualität"
    assert event.organisation == world.freiburg
    assert event.object_type == "core.invitation"
    assert event.object_id == str(invitation.public_id)
    assert event.object_repr == "neu@test.example"
    assert event.changes == {"email": [None, "neu@test.example"], "role": [None, "assessor"]}


# --- accepting -----------------------------------------------------------------------------


def test_a_new_person_accepts_an_invitation_and_gets_an_account_with_the_invited_role(world, invite):
    invitation, _ = invite("neu@test.example", Role.ASSESSOR)

    user = services.do_accept_invitation(
        invitation=invitation, user=None, full_name="Nina Neu", password=NEW_PASSWORD
    )

    assert user.email == "neu@test.example"
    assert user.full_name == "Nina Neu"
    assert user.check_password(NEW_PASSWORD)
    assert membership(world, user).role == Role.ASSESSOR
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_accepting_an_invitation_is_recorded_with_the_new_person_as_actor(world, invite):
    invitation, _ = invite("neu@test.example", Role.ASSESSOR)

    user = services.do_accept_invitation(invitation=invitation, user=None, full_name="Nina Neu", password=NEW_PASSWORD)

    created = last_event("user.created")
    assert (created.actor, created.organisation, created.object_id) == (user, world.freiburg, str(user.public_id))
    accepted = last_event("invitation.accepted")
    assert accepted.actor == user
    assert accepted.actor_name == "Nina Neu"
    assert accepted.organisation == world.freiburg
    assert accepted.changes == {"role": [None, "assessor"]}


def test_an_invitation_can_be_used_only_once(invite):
    invitation, token = invite()
    services.do_accept_invitation(invitation=invitation, user=None, full_name="Nina Neu", password=NEW_PASSWORD)

    assert services.find_open_invitation(token) is None
    with translation.override("de"), pytest.raises(ValidationError) as exc:
        services.do_accept_invitation(invitation=invitation, user=None, full_name="Noch Mal", password=NEW_PASSWORD)
    assert exc.value.messages == ["Diese Einladung ist nicht mehr gültig."]
    assert User.objects.filter(email="neu@test.example").count() == 1


def test_an_invitation_expires_after_its_seven_days(invite):
    invitation, token = invite()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))

    assert services.find_open_invitation(token) is None
    with pytest.raises(ValidationError):
        services.do_accept_invitation(invitation=invitation, user=None, full_name="Nina Neu", password=NEW_PASSWORD)
    assert not User.objects.filter(email="neu@test.example").exists()


def test_a_revoked_invitation_is_invalid(world, invite):
    invitation, token = invite()

    services.do_revoke_invitation(acting_user=world.qm, invitation=invitation)

    assert services.find_open_invitation(token) is None
    with pytest.raises(ValidationError):
        services.do_accept_invitation(invitation=invitation, user=None, full_name="Nina Neu", password=NEW_PASSWORD)
    event = last_event("invitation.revoked")
    assert (event.actor, event.organisation, event.object_repr) == (world.qm, world.freiburg, "neu@test.example")


def test_an_accepted_invitation_cannot_be_revoked(world, invite):
    invitation, _ = invite()
    services.do_accept_invitation(invitation=invitation, user=None, full_name="Nina Neu", password=NEW_PASSWORD)

    with translation.override("de"), pytest.raises(ValidationError) as exc:
        services.do_revoke_invitation(acting_user=world.qm, invitation=invitation)

    assert exc.value.messages == ["Diese Einladung wurde bereits angenommen."]


def test_a_logged_in_person_with_the_invited_address_joins_with_their_account(world, invite):
    invitation, _ = invite(world.outsider.email.upper(), Role.MANAGEMENT)

    user = services.do_accept_invitation(invitation=invitation, user=world.outsider)

    assert user == world.outsider
    assert membership(world, world.outsider).role == Role.MANAGEMENT
    assert Membership.objects.filter(user=world.outsider).count() == 2


def test_a_logged_in_person_with_another_address_cannot_accept(world, invite):
    invitation, token = invite("neu@test.example")

    with translation.override("de"), pytest.raises(ValidationError) as exc:
        services.do_accept_invitation(invitation=invitation, user=world.outsider)

    assert exc.value.messages == ["Diese Einladung wurde an eine andere E-Mail-Adresse geschickt."]
    assert not Membership.objects.filter(user=world.outsider, organisation=world.freiburg).exists()
    assert services.find_open_invitation(token) == invitation


def test_an_anonymous_person_whose_address_has_an_account_must_log_in_first(world, invite):
    invitation, _ = invite(world.outsider.email)

    with translation.override("de"), pytest.raises(ValidationError) as exc:
        services.do_accept_invitation(invitation=invitation, user=None, full_name="Otto", password=NEW_PASSWORD)

    assert "Bitte melden Sie sich zuerst an" in exc.value.messages[0]
    assert not world.outsider.check_password(NEW_PASSWORD)


# --- roles -------------------------------------------------------------------------------------


def test_a_quality_manager_changes_a_role_and_it_is_logged(world):
    services.do_change_role(acting_user=world.qm, membership=membership(world, world.staff), role=Role.ASSESSOR)

    assert membership(world, world.staff).role == Role.ASSESSOR
    event = last_event("membership.role_changed")
    assert event.actor == world.qm
    assert event.organisation == world.freiburg
    assert event.object_type == "core.membership"
    assert event.object_id == str(world.staff.public_id)
    assert event.object_repr == "Tara Team"
    assert event.changes == {"role": ["staff", "assessor"]}


def test_changing_a_role_to_the_same_role_logs_nothing(world):
    before = AuditEvent.objects.count()

    services.do_change_role(acting_user=world.qm, membership=membership(world, world.staff), role=Role.STAFF)

    assert AuditEvent.objects.count() == before


def test_an_unknown_role_is_refused(world):
    with pytest.raises(ValidationError):
        services.do_change_role(acting_user=world.qm, membership=membership(world, world.staff), role="king")

    assert membership(world, world.staff).role == Role.STAFF


def test_the_last_quality_manager_cannot_be_demoted(world):
    with translation.override("de"), pytest.raises(ValidationError) as exc:
        services.do_change_role(acting_user=world.qm, membership=membership(world, world.qm), role=Role.STAFF)

    assert "Quirin Qualität ist die letzte Person im Qualitätsmanagement" in exc.value.messages[0]
    assert "letzte" in exc.value.messages[0]
    assert membership(world, world.qm).role == Role.QUALITY_MANAGER
    assert not AuditEvent.objects.filter(action="membership.role_changed").exists()


def test_a_quality_manager_can_be_demoted_when_another_one_remains(world):
    services.do_change_role(
        acting_user=world.qm, membership=membership(world, world.management), role=Role.QUALITY_MANAGER
    )

    services.do_change_role(acting_user=world.management, membership=membership(world, world.qm), role=Role.STAFF)

    assert membership(world, world.qm).role == Role.STAFF


def test_the_quality_manager_of_another_organisation_does_not_count(world):
    """Ulm's quality manager does not keep Freiburg's last one from being demoted."""
    with pytest.raises(ValidationError):
        services.do_change_role(acting_user=world.qm, membership=membership(world, world.qm), role=Role.MANAGEMENT)


# --- removing ----------------------------------------------------------------------------------


def test_a_quality_manager_removes_a_member_and_it_is_logged(world):
    services.do_remove_member(acting_user=world.qm, membership=membership(world, world.staff))

    assert not Membership.objects.filter(user=world.staff).exists()
    assert User.objects.filter(pk=world.staff.pk).exists()
    event = last_event("membership.removed")
    assert event.actor == world.qm
    assert event.organisation == world.freiburg
    assert event.object_id == str(world.staff.public_id)
    assert event.changes == {"role": ["staff", None]}


def test_the_last_quality_manager_cannot_be_removed(world):
    with translation.override("de"), pytest.raises(ValidationError) as exc:
        services.do_remove_member(acting_user=world.qm, membership=membership(world, world.qm))

    assert "letzte" in exc.value.messages[0]
    assert Membership.objects.filter(user=world.qm, organisation=world.freiburg).exists()
    assert not AuditEvent.objects.filter(action="membership.removed").exists()


def test_a_removed_member_can_be_invited_again(world, invite):
    services.do_remove_member(acting_user=world.qm, membership=membership(world, world.staff))

    invitation, token = invite(world.staff.email)

    assert services.find_open_invitation(token) == invitation
