"""The members pages: list, invite, change role, remove, withdraw an invitation — in German."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.core.models import Invitation, Membership
from kosmos.core.roles import Role

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: object) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


def role_of(world, user) -> str | None:  # noqa: ANN001
    membership = Membership.objects.filter(user=user, organisation=world.freiburg).first()
    return membership.role if membership else None


# --- list ----------------------------------------------------------------------------------


def test_the_quality_manager_sees_every_member_with_german_roles_and_actions(world, client_for):
    html = client_for(world.qm).get(url("members")).content.decode()

    for name in ("Quirin Qualität", "Lea Leitung", "Ben Bewertung", "Tara Team"):
        assert name in html
    for role in ("Qualitätsmanagement", "Leitung", "Bewertungsgruppe", "Mitarbeitende"):
        assert f">{role}</td>" in html
    assert "Otto Ulm" not in html
    assert "Person einladen" in html
    assert url("member_role", user_id=world.staff.public_id) in html
    assert "Es gibt keine offenen Einladungen." in html


def test_staff_sees_the_members_but_no_actions(world, client_for):
    html = client_for(world.staff).get(url("members")).content.decode()

    assert "Quirin Qualität" in html
    assert "Person einladen" not in html
    assert "Rolle ändern" not in html
    assert "Offene Einladungen" not in html


def test_open_invitations_are_listed_with_their_expiry_but_withdrawn_ones_are_not(world, client_for, invite):
    invite("offen@test.example", Role.ASSESSOR)
    withdrawn, _ = invite("weg@test.example")
    Invitation.objects.filter(pk=withdrawn.pk).update(revoked_at=withdrawn.created_at)

    html = client_for(world.qm).get(url("members")).content.decode()

    assert "offen@test.example – Bewertungsgruppe, gültig bis" in html
    assert "weg@test.example" not in html


# --- invite ----------------------------------------------------------------------------------


def test_inviting_sends_the_email_and_returns_to_the_members(world, client_for, mailoutbox,
                                                             django_capture_on_commit_callbacks):
    client = client_for(world.qm)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("member_invite"), {"email": "neu@test.example", "full_name": "Nina Neu", "role": "assessor"}
        )

    assert response.status_code == 302
    assert response["Location"] == url("members")
    assert [m.to for m in mailoutbox] == [["neu@test.example"]]
    assert Invitation.objects.get().role == Role.ASSESSOR
    html = client.get(response["Location"]).content.decode()
    assert "Die Einladung wurde an neu@test.example geschickt. Der Link ist 7 Tage gültig." in html


def test_a_failed_invitation_keeps_what_was_typed_and_summarises_the_errors_at_the_top(world, client_for, mailoutbox):
    response = client_for(world.qm).post(
        url("member_invite"), {"email": "nina-at-test.example", "full_name": "Nina Neu", "role": "assessor"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="nina-at-test.example"' in html
    assert 'value="Nina Neu"' in html
    assert '<option value="assessor" selected>' in html
    assert "Bitte korrigieren Sie 1 Angabe:" in html
    assert '<a class="kern-link" href="#id_email">E-Mail-Adresse: Bitte gültige E-Mail-Adresse eingeben.</a>' in html
    assert html.index("kosmos-error-summary") < html.index('id="id_email"')
    assert 'aria-describedby="id_email-error"' in html
    assert mailoutbox == []
    assert not Invitation.objects.exists()


def test_inviting_an_existing_member_shows_a_german_error(world, client_for):
    response = client_for(world.qm).post(
        url("member_invite"), {"email": world.staff.email, "full_name": "", "role": "staff"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "team@test.example ist bereits Mitglied dieser Organisation." in html
    assert 'href="#id_email"' in html


def test_an_unknown_role_cannot_be_chosen(world, client_for):
    response = client_for(world.qm).post(
        url("member_invite"), {"email": "neu@test.example", "full_name": "", "role": "adviser"}
    )

    assert response.status_code == 200
    assert 'href="#id_role"' in response.content.decode()
    assert not Invitation.objects.exists()


def test_withdrawing_an_invitation(world, client_for, invite):
    invitation, _ = invite("neu@test.example")
    client = client_for(world.qm)

    response = client.post(url("invitation_revoke", invitation_id=invitation.public_id))

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert "Die Einladung an neu@test.example wurde zurückgezogen." in client.get(url("members")).content.decode()


def test_an_invitation_of_another_organisation_cannot_be_withdrawn(world, client_for, invite):
    invitation, _ = invite("neu@test.example", by=world.outsider, organisation=world.ulm)

    response = client_for(world.qm).post(url("invitation_revoke", invitation_id=invitation.public_id))

    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


# --- change role -------------------------------------------------------------------------------


def test_changing_a_role(world, client_for):
    client = client_for(world.qm)
    page = client.get(url("member_role", user_id=world.staff.public_id)).content.decode()
    assert "Rolle von Tara Team ändern" in page
    assert '<option value="staff" selected>' in page

    response = client.post(url("member_role", user_id=world.staff.public_id), {"role": "assessor"})

    assert response.status_code == 302
    assert role_of(world, world.staff) == Role.ASSESSOR
    assert "Die Rolle von Tara Team wurde geändert." in client.get(url("members")).content.decode()


def test_demoting_the_last_quality_manager_shows_the_reason_on_the_role_field(world, client_for):
    response = client_for(world.qm).post(url("member_role", user_id=world.qm.public_id), {"role": "staff"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Quirin Qualität ist die letzte Person im Qualitätsmanagement" in html
    assert 'href="#id_role"' in html
    assert role_of(world, world.qm) == Role.QUALITY_MANAGER


def test_a_member_of_another_organisation_is_not_found(world, client_for):
    response = client_for(world.qm).get(url("member_role", user_id=world.outsider.public_id))

    assert response.status_code == 404


# --- remove ------------------------------------------------------------------------------------


def test_removing_a_member_asks_first_and_then_removes(world, client_for):
    client = client_for(world.qm)
    page = client.get(url("member_remove", user_id=world.staff.public_id)).content.decode()
    assert "Tara Team aus der Organisation entfernen?" in page
    assert role_of(world, world.staff) == Role.STAFF

    response = client.post(url("member_remove", user_id=world.staff.public_id))

    assert response["Location"] == url("members")
    assert role_of(world, world.staff) is None
    assert "Tara Team wurde aus der Organisation entfernt." in client.get(url("members")).content.decode()


def test_the_last_quality_manager_cannot_remove_themselves(world, client_for):
    response = client_for(world.qm).post(url("member_remove", user_id=world.qm.public_id))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "letzte Person im Qualitätsmanagement" in html
    assert role_of(world, world.qm) == Role.QUALITY_MANAGER


def test_a_quality_manager_who_leaves_goes_to_the_start_page(world, client_for):
    Membership.objects.filter(user=world.management).update(role=Role.QUALITY_MANAGER)

    response = client_for(world.qm).post(url("member_remove", user_id=world.qm.public_id))

    assert response["Location"] == reverse("home")
    assert role_of(world, world.qm) is None
