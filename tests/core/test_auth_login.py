"""Logging in and out, login throttling, demo accounts, password reset, session lifetime."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client, override_settings
from django.urls import reverse

from kosmos.core.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")

# Demo accounts follow the development mode; the settings below cover both switches.
DEVELOPMENT = override_settings(DEBUG=True, KOSMOS_DEMO_ACCOUNTS=True)
PRODUCTION = override_settings(DEBUG=False, KOSMOS_DEMO_ACCOUNTS=False)


def log_in(client: Client, email: str, password: str = PASSWORD):  # noqa: ANN201
    return client.post(LOGIN, {"username": email, "password": password})


def logged_in_user_id(client: Client) -> str | None:
    return client.session.get(SESSION_KEY)


def test_a_member_logs_in_with_the_email_address(world):
    client = Client()

    response = log_in(client, "qm@test.example")

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert logged_in_user_id(client) == str(world.qm.pk)


def test_the_email_address_is_case_insensitive(world):
    client = Client()

    log_in(client, "  QM@Test.EXAMPLE ")

    assert logged_in_user_id(client) == str(world.qm.pk)


def test_the_login_goes_on_to_the_page_asked_for(world):
    client = Client()

    response = client.post(
        LOGIN, {"username": "qm@test.example", "password": PASSWORD, "next": "/o/freiburg/mitglieder/"}
    )

    assert response["Location"] == "/o/freiburg/mitglieder/"


def test_the_login_does_not_go_on_to_another_site(world):
    response = Client().post(
        LOGIN, {"username": "qm@test.example", "password": PASSWORD, "next": "https://boese.example/"}
    )

    assert response["Location"] == reverse("home")


def test_a_wrong_password_gives_a_german_error_and_keeps_the_address(world):
    client = Client()

    response = log_in(client, "qm@test.example", "falsch-falsch")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Die E-Mail-Adresse oder das Passwort ist nicht richtig. Bitte prüfen Sie beides." in html
    assert 'value="qm@test.example"' in html
    assert 'value="falsch-falsch"' not in html
    assert logged_in_user_id(client) is None


def test_an_inactive_account_cannot_log_in(world):
    User.objects.filter(pk=world.staff.pk).update(is_active=False)
    client = Client()

    log_in(client, "team@test.example")

    assert logged_in_user_id(client) is None


def test_after_five_failures_even_the_right_password_meets_the_lockout_page(world):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "qm@test.example", "falsch-falsch")

    response = log_in(client, "qm@test.example", PASSWORD)

    html = response.content.decode()
    assert settings.AXES_FAILURE_LIMIT == 5
    assert response.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldungen" in html
    assert "Nach fünf Fehlversuchen ist die Anmeldung für dieses Konto von Ihrer Adresse aus gesperrt." in html
    assert logged_in_user_id(client) is None


def test_four_failures_do_not_lock_the_account_and_a_success_resets_the_count(world):
    client = Client()
    for _ in range(4):
        log_in(client, "qm@test.example", "falsch-falsch")
    assert log_in(client, "qm@test.example").status_code == 302
    client.post(reverse("logout"))

    for _ in range(4):
        log_in(client, "qm@test.example", "falsch-falsch")

    assert log_in(client, "qm@test.example").status_code == 302


def test_the_lockout_of_one_account_does_not_lock_another(world):
    client = Client()
    for _ in range(5):
        log_in(client, "qm@test.example", "falsch-falsch")

    assert log_in(client, "team@test.example").status_code == 302


def test_a_demo_account_cannot_log_in_in_production(world):
    User.objects.filter(pk=world.qm.pk).update(is_demo=True)
    client = Client()

    with PRODUCTION:
        response = log_in(client, "qm@test.example")

    assert response.status_code == 200
    assert "Die E-Mail-Adresse oder das Passwort ist nicht richtig." in response.content.decode()
    assert logged_in_user_id(client) is None


def test_a_demo_account_logs_in_in_development_mode(world):
    User.objects.filter(pk=world.qm.pk).update(is_demo=True)
    client = Client()

    with DEVELOPMENT:
        response = log_in(client, "qm@test.example")

    assert response.status_code == 302
    assert logged_in_user_id(client) == str(world.qm.pk)


def test_a_real_account_logs_in_in_production(world):
    client = Client()

    with PRODUCTION:
        log_in(client, "qm@test.example")

    assert logged_in_user_id(client) == str(world.qm.pk)


def test_a_logged_in_user_is_sent_on_from_the_login_page(world, client_for):
    assert client_for(world.qm).get(LOGIN).status_code == 302


def test_logout_needs_a_post(world, client_for):
    client = client_for(world.qm)

    assert client.get(reverse("logout")).status_code == 405
    assert logged_in_user_id(client) == str(world.qm.pk)

    response = client.post(reverse("logout"))

    assert response["Location"] == LOGIN
    assert logged_in_user_id(client) is None


def test_a_password_reset_link_sets_a_new_password(world, mailoutbox):
    client = Client()

    response = client.post(reverse("password_reset"), {"email": "QM@test.example"})

    assert response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["qm@test.example"]
    assert "Guten Tag," in mailoutbox[0].body
    link = re.search(r"http://testserver(/passwort/neu/\S+/)", mailoutbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0]
    assert set_password_url.endswith("/set-password/")

    done = client.post(
        set_password_url, {"new_password1": "Neues-Passwort-2026", "new_password2": "Neues-Passwort-2026"}
    )
    assert done["Location"] == reverse("password_reset_complete")

    assert log_in(Client(), "qm@test.example", PASSWORD).status_code == 200
    fresh = Client()
    assert log_in(fresh, "qm@test.example", "Neues-Passwort-2026").status_code == 302
    assert logged_in_user_id(fresh) == str(world.qm.pk)


def test_a_used_password_reset_link_does_not_work_again(world, mailoutbox):
    client = Client()
    client.post(reverse("password_reset"), {"email": "qm@test.example"})
    link = re.search(r"http://testserver(/passwort/neu/\S+/)", mailoutbox[0].body).group(1)
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": "Neues-Passwort-2026", "new_password2": "Neues-Passwort-2026"})

    response = Client().get(link, follow=True)

    assert 'name="new_password1"' not in response.content.decode()


def test_a_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(world, mailoutbox):
    response = Client().post(reverse("password_reset"), {"email": "niemand@test.example"})

    assert response["Location"] == reverse("password_reset_done")
    assert mailoutbox == []


def test_a_session_expires_after_a_finite_idle_time():
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert 5 * 60 <= settings.SESSION_COOKIE_AGE <= 24 * 60 * 60
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_every_request_renews_the_session_cookie(world):
    client = Client()
    log_in(client, "qm@test.example")

    response = client.get("/o/freiburg/")

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    assert cookie["httponly"]
