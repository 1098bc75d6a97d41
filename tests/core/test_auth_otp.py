"""The second factor (TOTP): enrolment, the code after the password, mandatory roles, the QR code."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kosmos.core.models import AuditEvent
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

SETUP = reverse("otp_setup")
VERIFY = reverse("otp_verify")
DASHBOARD = "/o/freiburg/"
MANDATORY = override_settings(KOSMOS_OTP_REQUIRED=True)


def code(device: TOTPDevice, drift: int = 0) -> str:
    """The code the authenticator app shows now (``drift`` steps later for a second use)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):0{device.digits}d}"


def wrong(device: TOTPDevice) -> str:
    """A code that is none of those the device accepts now (it tolerates one step either way)."""
    accepted = {code(device, drift) for drift in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in accepted)


def confirmed_device(user) -> TOTPDevice:  # noqa: ANN001
    return TOTPDevice.objects.create(user=user, name="App", confirmed=True)


def fresh_login(email: str) -> Client:
    client = Client()
    response = client.post(reverse("login"), {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


# --- enrolment -----------------------------------------------------------------------------


def test_enrolment_shows_a_qr_code_and_the_key_in_german(world, client_for):
    response = client_for(world.staff).get(SETUP)

    html = response.content.decode()
    device = TOTPDevice.objects.get(user=world.staff)
    assert response.status_code == 200
    assert not device.confirmed
    assert "Zweiten Faktor einrichten" in html
    assert "<svg" in html
    assert 'role="img" aria-label="QR-Code für Ihre Authenticator-App"' in html
    key = re.search(r'<span class="kosmos-secret">([A-Z2-7 ]+)</span>', html).group(1)
    assert len(key.replace(" ", "")) == 32


def test_the_qr_code_is_inline_svg_without_style_attributes(world, client_for):
    html = client_for(world.staff).get(SETUP).content.decode()

    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert "<path" in svg
    assert "style=" not in html
    assert "<style" not in html


def test_reloading_the_enrolment_page_keeps_the_same_key(world, client_for):
    client = client_for(world.staff)
    client.get(SETUP)
    client.get(SETUP)

    assert TOTPDevice.objects.filter(user=world.staff).count() == 1


def test_the_right_code_confirms_the_device_and_is_logged(world, client_for):
    client = client_for(world.staff)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=world.staff)

    response = client.post(SETUP, {"token": code(device)}, follow=True)

    device.refresh_from_db()
    assert device.confirmed
    assert response.redirect_chain == [(reverse("profile"), 302)]
    assert "Der zweite Faktor ist eingerichtet." in response.content.decode()
    event = AuditEvent.objects.get(action="user.second_factor_enabled")
    assert event.actor == world.staff
    assert event.changes == {}
    # The session that enrolled is verified: no code asked for the next page.
    assert client.get(DASHBOARD).status_code == 200


def test_a_wrong_code_during_enrolment_gives_a_german_error(world, client_for):
    client = client_for(world.staff)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=world.staff)

    response = client.post(SETUP, {"token": wrong(device)})

    assert response.status_code == 200
    assert "Der Code ist nicht richtig. Prüfen Sie die Uhrzeit auf Ihrem Telefon" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_a_code_of_five_digits_is_refused_by_the_form(world, client_for):
    client = client_for(world.staff)
    client.get(SETUP)

    response = client.post(SETUP, {"token": "12345"})

    assert 'href="#id_token"' in response.content.decode()
    assert not TOTPDevice.objects.get(user=world.staff).confirmed


def test_a_user_with_a_device_is_sent_from_enrolment_to_the_profile(world, client_for):
    confirmed_device(world.staff)
    client = fresh_login("team@test.example")
    device = TOTPDevice.objects.get(user=world.staff)
    client.post(VERIFY, {"token": code(device)})

    assert client.get(SETUP)["Location"] == reverse("profile")


# --- the code after the password ---------------------------------------------------------------


def test_after_the_password_every_page_asks_for_the_code(world):
    confirmed_device(world.staff)
    client = fresh_login("team@test.example")

    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next={DASHBOARD}"
    assert client.get("/profil/")["Location"].startswith(VERIFY)
    page = client.get(VERIFY, {"next": DASHBOARD}).content.decode()
    assert "Anmeldung bestätigen" in page
    assert "Sechsstelliger Code aus Ihrer Authenticator-App" in page


def test_a_wrong_code_after_the_password_gives_a_german_error_and_no_access(world):
    device = confirmed_device(world.staff)
    client = fresh_login("team@test.example")

    response = client.post(VERIFY, {"token": wrong(device), "next": DASHBOARD})

    assert response.status_code == 200
    assert "Der Code ist nicht richtig oder abgelaufen. Bitte geben Sie den aktuellen Code ein." in (
        response.content.decode()
    )
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_the_right_code_after_a_wrong_one_opens_the_page_asked_for(world):
    device = confirmed_device(world.staff)
    client = fresh_login("team@test.example")
    client.post(VERIFY, {"token": wrong(device), "next": DASHBOARD})

    response = client.post(VERIFY, {"token": code(device), "next": DASHBOARD})

    assert response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_a_code_cannot_be_used_twice(world):
    device = confirmed_device(world.staff)
    first = fresh_login("team@test.example")
    token = code(device)
    first.post(VERIFY, {"token": token})

    second = fresh_login("team@test.example")
    response = second.post(VERIFY, {"token": token, "next": DASHBOARD})

    assert response.status_code == 200
    assert second.get(DASHBOARD)["Location"].startswith(VERIFY)


def test_the_code_page_does_not_forward_to_another_site(world):
    device = confirmed_device(world.staff)
    client = fresh_login("team@test.example")

    response = client.post(VERIFY, {"token": code(device), "next": "https://boese.example/"})

    assert response["Location"] == reverse("home")


def test_the_second_factor_can_be_removed_when_it_is_not_mandatory(world):
    device = confirmed_device(world.staff)
    client = fresh_login("team@test.example")
    client.post(VERIFY, {"token": code(device)})

    client.post(reverse("otp_remove"))

    assert not TOTPDevice.objects.filter(user=world.staff).exists()
    assert AuditEvent.objects.filter(action="user.second_factor_removed", actor=world.staff).exists()


# --- mandatory for quality managers and the programme office -----------------------------------


@MANDATORY
def test_a_quality_manager_without_device_is_sent_to_enrolment_from_every_page(world, client_for):
    client = client_for(world.qm)

    for url in (DASHBOARD, "/o/freiburg/mitglieder/", "/o/freiburg/protokoll/", "/", "/profil/"):
        assert client.get(url)["Location"] == SETUP, url
    page = client.get(SETUP).content.decode()
    assert "Ihre Rolle verlangt einen zweiten Faktor." in page


@MANDATORY
def test_staff_without_device_is_not_sent_to_enrolment(world, client_for):
    assert client_for(world.staff).get(DASHBOARD).status_code == 200


@MANDATORY
def test_the_programme_office_without_device_is_sent_to_enrolment(world, client_for):
    response = client_for(world.programme).get("/o/ulm/")

    assert response["Location"] == SETUP


@MANDATORY
def test_after_enrolment_the_quality_manager_gets_in(world, client_for):
    client = client_for(world.qm)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=world.qm)

    client.post(SETUP, {"token": code(device)})

    assert client.get(DASHBOARD).status_code == 200


@MANDATORY
def test_a_mandatory_second_factor_cannot_be_removed(world):
    device = confirmed_device(world.qm)
    client = fresh_login("qm@test.example")
    client.post(VERIFY, {"token": code(device)})

    response = client.post(reverse("otp_remove"), follow=True)

    assert TOTPDevice.objects.filter(user=world.qm).exists()
    assert "Ihre Rolle verlangt einen zweiten Faktor; er kann nicht entfernt werden." in response.content.decode()


@MANDATORY
def test_logout_and_the_health_check_stay_open_without_enrolment(world, client_for):
    client = client_for(world.qm)

    assert client.get("/healthz").status_code == 200
    assert client.post(reverse("logout"))["Location"] == reverse("login")
