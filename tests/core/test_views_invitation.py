"""Accepting an invitation through its link, as a new person or with an account."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from kosmos.core.models import Invitation, Membership, User
from kosmos.core.roles import Role

pytestmark = pytest.mark.django_db

PASSWORD = "Kosmos-Neu-2026!"
DASHBOARD = "/o/freiburg/"


def accept_url(token: str) -> str:
    return reverse("invitation_accept", kwargs={"token": token})


def new_account(**changes: str) -> dict[str, str]:
    return {"full_name": "Nina Neu", "password1": PASSWORD, "password2": PASSWORD, **changes}


def test_the_invitation_page_greets_a_new_person_in_german(client_for, invite):
    _, token = invite("neu@test.example", Role.ASSESSOR)

    response = client_for(None).get(accept_url(token))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Einladung zu Jobcenter Freiburg" in html
    assert "Sie wurden als „Bewertungsgruppe“ mit der E-Mail-Adresse neu@test.example eingeladen." in html
    assert "Konto anlegen und beitreten" in html
    assert 'autocomplete="new-password"' in html


def test_a_new_person_creates_the_account_is_logged_in_and_lands_on_the_dashboard(world, client_for, invite):
    _, token = invite("neu@test.example", Role.ASSESSOR)
    client = client_for(None)

    response = client.post(accept_url(token), new_account(), follow=True)

    user = User.objects.get(email="neu@test.example")
    assert response.redirect_chain == [(DASHBOARD, 302)]
    assert response.status_code == 200
    assert client.session[SESSION_KEY] == str(user.pk)
    assert user.full_name == "Nina Neu"
    assert user.check_password(PASSWORD)
    assert Membership.objects.get(user=user).role == Role.ASSESSOR
    html = response.content.decode()
    assert "Willkommen bei Jobcenter Freiburg." in html
    assert "Nina Neu" in html


def test_the_link_works_only_once(client_for, invite):
    _, token = invite()
    client_for(None).post(accept_url(token), new_account())

    response = client_for(None).get(accept_url(token))

    assert response.status_code == 410
    assert User.objects.filter(email="neu@test.example").count() == 1


def test_different_passwords_keep_the_name_and_show_a_german_error(client_for, invite):
    _, token = invite()

    response = client_for(None).post(accept_url(token), new_account(password2="Kosmos-Anders-2026!"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Die beiden Passwörter stimmen nicht überein." in html
    assert 'value="Nina Neu"' in html
    assert 'href="#id_password2"' in html
    assert not User.objects.filter(email="neu@test.example").exists()


def test_a_short_password_is_refused_in_german(client_for, invite):
    _, token = invite()

    response = client_for(None).post(accept_url(token), new_account(password1="kurz", password2="kurz"))

    html = response.content.decode()
    assert "Dieses Passwort ist zu kurz. Es muss mindestens 10 Zeichen enthalten." in html
    assert 'href="#id_password1"' in html
    assert not User.objects.filter(email="neu@test.example").exists()


def test_a_password_like_the_email_address_is_refused(client_for, invite):
    _, token = invite("ninaneu2026@test.example")

    response = client_for(None).post(
        accept_url(token), new_account(password1="ninaneu2026", password2="ninaneu2026")
    )

    assert 'href="#id_password1"' in response.content.decode()
    assert not User.objects.filter(email="ninaneu2026@test.example").exists()


@pytest.mark.parametrize("token", ["unbekannt", "x" * 43])
def test_an_unknown_link_answers_410_in_german(client_for, token):
    response = client_for(None).get(accept_url(token))

    html = response.content.decode()
    assert response.status_code == 410
    assert "Diese Einladung ist nicht mehr gültig" in html
    assert "Der Link ist abgelaufen, wurde schon verwendet oder wurde zurückgezogen." in html


def test_an_expired_link_answers_410(client_for, invite):
    invitation, token = invite()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))

    response = client_for(None).post(accept_url(token), new_account())

    assert response.status_code == 410
    assert not User.objects.filter(email="neu@test.example").exists()


def test_an_older_replaced_link_answers_410(client_for, invite):
    _, older = invite()
    invite()

    assert client_for(None).get(accept_url(older)).status_code == 410


def test_an_anonymous_person_with_an_existing_account_is_asked_to_log_in(world, client_for, invite):
    _, token = invite(world.outsider.email)

    response = client_for(None).post(accept_url(token), new_account())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Für diese E-Mail-Adresse gibt es bereits ein Konto. Bitte melden Sie sich zuerst an." in html
    assert f'href="/anmelden/?next={accept_url(token)}"' in html
    assert not Membership.objects.filter(user=world.outsider, organisation=world.freiburg).exists()


def test_a_logged_in_person_with_the_invited_address_joins_with_one_click(world, client_for, invite):
    _, token = invite(world.outsider.email, Role.MANAGEMENT)
    client = client_for(world.outsider)
    assert "Der Organisation beitreten" in client.get(accept_url(token)).content.decode()

    response = client.post(accept_url(token), follow=True)

    assert response.redirect_chain == [(DASHBOARD, 302)]
    assert "Willkommen bei Jobcenter Freiburg." in response.content.decode()
    assert Membership.objects.get(user=world.outsider, organisation=world.freiburg).role == Role.MANAGEMENT


def test_a_logged_in_person_with_another_address_is_told_so_and_does_not_join(world, client_for, invite):
    _, token = invite("neu@test.example")

    response = client_for(world.outsider).post(accept_url(token), follow=True)

    assert response.redirect_chain[0] == (reverse("home"), 302)
    assert "Diese Einladung wurde an eine andere E-Mail-Adresse geschickt." in response.content.decode()
    assert not Membership.objects.filter(user=world.outsider, organisation=world.freiburg).exists()
    assert Invitation.objects.get().accepted_at is None
