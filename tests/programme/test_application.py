"""Applications from Jobcenters: drafts, submission with confirmation e-mail, deadline enforced on the server."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kosmos.core.models import AuditEvent
from kosmos.programme.models import Application, ApplicationState, Call
from tests.factories import build_world
from tests.programme.builders_calls import make_call

pytestmark = pytest.mark.django_db

FORM = {"project_title": "Kanäle neu ordnen", "starting_situation": "Viele Kanäle.", "goals": "Ein Konzept.",
        "transferability": "Vorlagen.", "strategic_relevance": "Zielplanung.", "contact_role": "QM"}


@pytest.fixture(scope="module")
def setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        yield world, make_call(world)
        transaction.set_rollback(True)


def _url(world, call, name: str = "org:programme_application_edit") -> str:  # noqa: ANN001
    return reverse(name, kwargs={"org_slug": world.freiburg.slug, "call_id": call.public_id})


def _form(call, **extra: str) -> dict:  # noqa: ANN001
    return {**FORM, "topic": str(call.topics.first().pk), **extra}


def test_a_draft_is_saved_and_submitted_with_a_german_confirmation_e_mail(setup, client_for,  # noqa: ANN001
                                                                          django_capture_on_commit_callbacks) -> None:  # noqa: ANN001
    world, call = setup
    client = client_for(world.qm)
    assert client.post(_url(world, call), _form(call, save="1")).status_code == 302
    application = Application.objects.get(call=call, organisation=world.freiburg)
    assert application.state == ApplicationState.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(world, call), _form(call, submit="1", goals="Ein Kanalkonzept."))
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.state, application.goals, application.submitted_by) == ("submitted", "Ein Kanalkonzept.",
                                                                                 world.qm)
    (message,) = mail.outbox
    assert message.to == [world.qm.email]
    assert message.subject == f"Ihre Bewerbung ist eingegangen: {call.title}"
    assert "Jobcenter Freiburg" in message.body and "ist eingegangen" in message.body
    actions = list(AuditEvent.objects.filter(organisation=world.freiburg).values_list("action", flat=True))
    assert actions.count("programme.application_submitted") == 1


def test_submitting_needs_the_required_fields_and_keeps_what_was_typed(setup, client_for) -> None:  # noqa: ANN001
    world, call = setup
    response = client_for(world.management).post(_url(world, call), {"project_title": "Nur ein Titel", "submit": "1",
                                                                     "topic": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bitte füllen Sie dieses Feld vor dem Einreichen aus." in page
    assert 'value="Nur ein Titel"' in page
    assert not Application.objects.filter(state=ApplicationState.SUBMITTED).exists()


def test_after_the_deadline_nothing_is_accepted_the_message_is_german_and_the_attempt_logged(setup, client_for) -> None:  # noqa: ANN001
    world, call = setup
    client = client_for(world.qm)
    client.post(_url(world, call), _form(call, save="1"))
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - dt.timedelta(minutes=1))
    response = client.post(_url(world, call), _form(call, submit="1", goals="zu spät"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bewerbungen können nicht mehr geändert oder eingereicht werden" in page
    assert "zu spät" in page  # nothing typed is lost
    application = Application.objects.get(call=call, organisation=world.freiburg)
    assert (application.state, application.goals) == ("draft", "Ein Konzept.")
    event = AuditEvent.objects.get(action="programme.application_late")
    assert (event.actor, event.organisation, event.changes["attempt"]) == (world.qm, world.freiburg, [None, "save"])


def test_staff_see_the_call_but_cannot_apply_and_drafts_of_the_office_stay_hidden(setup, client_for) -> None:  # noqa: ANN001
    world, call = setup
    client = client_for(world.staff)
    page = client.get(_url(world, call, "org:programme_call")).content.decode()
    assert call.title in page and "Bewerbung beginnen" not in page
    assert client.get(_url(world, call)).status_code == 403
    draft = make_call(world, title="Noch nicht offen", open_call=False)
    assert client.get(_url(world, draft, "org:programme_call")).status_code == 404
    listing = client.get(reverse("org:programme_calls", kwargs={"org_slug": world.freiburg.slug})).content.decode()
    assert call.title in listing and "Noch nicht offen" not in listing


def test_a_topic_of_another_call_is_refused(setup) -> None:  # noqa: ANN001
    world, call = setup
    other = make_call(world, title="Andere Ausschreibung")
    from django.core.exceptions import ValidationError

    from kosmos.programme.services_calls import do_save_application

    with pytest.raises(ValidationError) as caught:
        do_save_application(acting_user=world.qm, call=call, organisation=world.freiburg, project_title="x",
                            topic=other.topics.first())
    assert "topic" in caught.value.message_dict


def test_members_find_their_own_application_and_other_jobcenters_do_not(setup, client_for) -> None:  # noqa: ANN001
    from kosmos.core import search

    world, call = setup
    client_for(world.qm).post(_url(world, call), _form(call, save="1", starting_situation="Videoberatung im Eingang"))
    hits = search.search(world.staff, "Videoberatung").hits
    assert [h.document.object_id for h in hits] == [str(Application.objects.get(organisation=world.freiburg).public_id)]
    assert f"/o/freiburg/programm/ausschreibungen/{call.public_id}/" in hits[0].url
    assert search.search(world.outsider, "Videoberatung").hits == []
