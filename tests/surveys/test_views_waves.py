"""Running a survey: waves, the link with QR code and poster, access-code cards, e-mail invitations
and reminders, the address list, and closing by date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kosmos.core.models import AuditEvent
from kosmos.surveys import services
from kosmos.surveys.models import SurveyInvitation, Token, Wave, WaveMode, WaveState
from tests.surveys.conftest import answers_for, open_wave, submit

pytestmark = pytest.mark.django_db


def wave_url(name: str, wave: Wave, **kwargs: object) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", "survey_id": wave.survey.public_id,
                                         "wave_id": wave.public_id, **kwargs})


def test_a_wave_is_planned_started_and_ended_through_the_pages(survey, world, client_for):
    client = client_for(world.qm)
    today = timezone.localdate()
    response = client.post(reverse("org:survey_wave_create", kwargs={"org_slug": "freiburg", "survey_id": survey.public_id}),
                           {"name": "t0", "mode": "link", "starts_on": today.isoformat(),
                            "ends_on": (today + dt.timedelta(days=10)).isoformat()})
    wave = Wave.objects.get()
    assert response.status_code == 302 and wave.state == WaveState.DRAFT

    client.post(wave_url("survey_wave_start", wave))
    wave.refresh_from_db()
    assert wave.state == WaveState.OPEN and wave.survey.structure_locked
    page = client.get(wave_url("survey_wave_detail", wave)).content.decode()
    assert f"http://testserver/b/{wave.public_id}/" in page and "<svg" in page and 'aria-hidden="true"' in page

    client.post(wave_url("survey_wave_close", wave))
    wave.refresh_from_db()
    assert wave.state == WaveState.CLOSED
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"wave.created", "wave.started", "wave.closed"} <= actions


def test_a_wave_ends_by_itself_after_its_last_day(wave):
    Wave.objects.filter(pk=wave.pk).update(starts_on=timezone.localdate() - dt.timedelta(days=20),
                                           ends_on=timezone.localdate() - dt.timedelta(days=1))
    wave.refresh_from_db()

    assert wave.state == WaveState.CLOSED


def test_the_period_is_checked(survey, world, client_for):
    today = timezone.localdate()
    response = client_for(world.qm).post(
        reverse("org:survey_wave_create", kwargs={"org_slug": "freiburg", "survey_id": survey.public_id}),
        {"name": "t0", "mode": "link", "starts_on": today.isoformat(), "ends_on": (today - dt.timedelta(days=1)).isoformat()})

    assert response.status_code == 200
    assert "Der letzte Tag darf nicht vor dem ersten Tag liegen." in response.content.decode()


def test_a_new_wave_asks_the_same_questions(survey, world, fill):
    first = open_wave(survey, world.qm)
    fill(first, 2)
    second = open_wave(survey, world.qm)

    assert second.number == 2 and second.name == "t1"
    assert submit(second, answers_for(survey)) == "stored"


def test_qr_codes_and_the_poster(wave, world, client_for):
    client = client_for(world.staff)

    svg = client.get(wave_url("survey_wave_qr", wave, fmt="svg"))
    png = client.get(wave_url("survey_wave_qr", wave, fmt="png"))
    poster = client.get(wave_url("survey_wave_poster", wave))

    assert svg["Content-Type"] == "image/svg+xml" and svg.content.startswith(b"<svg")
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    assert poster["Content-Type"] == "application/pdf" and poster.content.startswith(b"%PDF")
    assert client.get(wave_url("survey_wave_qr", wave, fmt="gif")).status_code == 404


@pytest.fixture
def token_wave(survey, world) -> Wave:  # noqa: ANN001
    return open_wave(survey, world.qm, mode=WaveMode.TOKENS)


def test_cards_with_one_time_codes_are_printed_again_with_the_unused_codes(token_wave, world, client_for):
    client = client_for(world.qm)
    response = client.post(wave_url("survey_wave_tokens", token_wave), {"aktion": "karten", "count": "5"})
    assert response.status_code == 302
    batch = token_wave.token_batches.get()
    code = services.batch_codes(batch)[0]
    submit(token_wave, answers_for(token_wave.survey), token=code)

    pdf = client.get(wave_url("survey_wave_cards", token_wave, batch_id=batch.public_id))

    assert pdf.content.startswith(b"%PDF")
    assert len(services.batch_codes(batch)) == 4
    page = client.get(wave_url("survey_wave_tokens", token_wave)).content.decode()
    assert "1 von 5 Codes wurden verwendet." in page


def test_invitations_reminders_and_deleting_the_addresses(token_wave, world, client_for, django_capture_on_commit_callbacks):
    client = client_for(world.qm)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(wave_url("survey_wave_tokens", token_wave),
                    {"aktion": "einladen", "addresses": "a@test.example\nb@test.example, a@test.example"})

    assert len(mail.outbox) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@test.example", "b@test.example"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/b/code/#" in line).strip()
    code = link.rsplit("#", 1)[-1]  # the code only after "#": never sent to the server
    submit(token_wave, answers_for(token_wave.survey), token=code)
    answered = mail.outbox[0].to[0]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(wave_url("survey_wave_tokens", token_wave), {"aktion": "erinnern"})
    assert [m.to[0] for m in mail.outbox] == [a for a in ("a@test.example", "b@test.example") if a != answered]
    assert "Erinnerung" in mail.outbox[0].subject

    client.post(wave_url("survey_wave_tokens", token_wave), {"aktion": "adressen-loeschen"})
    assert not SurveyInvitation.objects.exists()
    assert Token.objects.count() == 2  # the links sent stay valid
    event = AuditEvent.objects.get(action="wave.invitations_sent")
    assert "test.example" not in str(event.changes)  # the audit log keeps numbers, not addresses


def test_invalid_addresses_are_named(token_wave, world, client_for):
    response = client_for(world.qm).post(wave_url("survey_wave_tokens", token_wave),
                                         {"aktion": "einladen", "addresses": "gut@test.example\nkeine-adresse"})

    assert "Diese Adressen sind nicht gültig: keine-adresse" in response.content.decode()
    assert not SurveyInvitation.objects.exists()


def test_the_token_page_is_only_for_token_waves(wave, world, client_for):
    assert client_for(world.qm).get(wave_url("survey_wave_tokens", wave)).status_code == 404


def test_a_wave_that_ended_by_date_is_final_and_cannot_be_reopened_by_a_new_end_date(wave, world, fill):
    """Issue 17, item 3: results read before and after a reopening would differ by the few in between."""
    from django.core.exceptions import ValidationError

    from kosmos.surveys.models import AnswerCube
    from kosmos.surveys.results import ensure_cube

    fill(wave, 6)
    Wave.objects.filter(pk=wave.pk).update(ends_on=timezone.localdate() - dt.timedelta(days=1),
                                           starts_on=timezone.localdate() - dt.timedelta(days=5))
    wave.refresh_from_db()
    assert wave.status == "running" and wave.is_closed  # ended by date, never closed by hand
    assert ensure_cube(wave)

    with pytest.raises(ValidationError):
        services.do_update_wave(acting_user=world.qm, wave=wave,
                                data={"ends_on": timezone.localdate() + dt.timedelta(days=3)})

    wave.refresh_from_db()
    assert wave.is_closed and wave.cube_ready and AnswerCube.objects.filter(wave=wave).exists()
    assert wave.ends_on == timezone.localdate() - dt.timedelta(days=1)


def test_a_started_wave_keeps_its_mode(wave, world):
    with pytest.raises(Exception):  # noqa: B017
        services.do_update_wave(acting_user=world.qm, wave=wave, data={"mode": WaveMode.TOKENS})
