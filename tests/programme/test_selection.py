"""Selection: the balanced proposal with explained swaps, decisions with optimistic locking, decision letters."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from kosmos.core.i18n import translate
from kosmos.core.models import AuditEvent
from kosmos.programme import services_selection
from kosmos.programme.models import Application, Call, Decision
from tests.factories import build_world
from tests.programme.builders_calls import build_programme, score

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    """Freiburg (gE) 4, Dresden (gE) 3, Bayreuth (zkT, the other topic) 1 — two places, at least one zkT."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        p = build_programme(world)
        score(p.seat, p.freiburg, (4, 4, 4, 4))
        score(p.seat, p.dresden, (3, 3, 3, 3))
        score(p.seat, p.bayreuth, (1, 1, 1, 1))
        score(p.conflicted_seat, p.dresden, (3, 3, 3, 3))
        score(p.conflicted_seat, p.bayreuth, (1, 2, 1, 1))
        yield world, p
        transaction.set_rollback(True)


def _url(p, name: str = "programme_selection") -> str:  # noqa: ANN001
    return reverse(name, kwargs={"call_id": p.call.public_id})


def _call(p) -> Call:  # noqa: ANN001
    return Call.objects.get(pk=p.call.pk)


def test_the_proposal_brings_in_the_zkt_and_explains_the_swap_in_german(setup) -> None:  # noqa: ANN001
    world, p = setup
    proposal, board = services_selection.proposal(_call(p))
    assert proposal.selected_keys == {str(p.freiburg.public_id), str(p.bayreuth.public_id)}
    assert [translate(s.explanation) for s in proposal.swaps] == [
        "Jobcenter Bayreuth (Rang 3) statt Jobcenter Dresden (Rang 2): erreicht die Mindestzahl von 1 zkT, "
        "deckt das Thema Verständliche Sprache ab"]


def test_the_selection_page_shows_proposal_and_decisions(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    page = client_for(world.programme).get(_url(p)).content.decode()
    assert "statt Jobcenter Dresden" in page
    assert f'name="decision-{p.bayreuth.public_id}"' in page
    assert 'name="version" value="1"' in page


def test_deciding_as_proposed_logs_every_change(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    response = client_for(world.programme).post(_url(p), {"version": "1", "apply_proposal": "1"})
    assert response.status_code == 302
    decisions = dict(Application.objects.filter(call=p.call).values_list("organisation__slug", "decision"))
    assert decisions == {"freiburg": "accepted", "bayreuth": "accepted", "dresden": "rejected"}
    assert AuditEvent.objects.filter(action="programme.decision_changed").count() == 3
    assert _call(p).decision_version == 2


def test_two_office_members_at_once_the_second_gets_a_german_message_and_keeps_the_choices(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    first, second = client_for(world.programme), client_for(world.programme)
    form = {"version": "1", f"decision-{p.dresden.public_id}": "accepted"}
    assert first.post(_url(p), {"version": "1", f"decision-{p.dresden.public_id}": "rejected"}).status_code == 302
    response = second.post(_url(p), form)
    page = response.content.decode()
    assert response.status_code == 409
    assert "hat die Entscheidungen geändert, während Sie sie bearbeitet haben" in page
    # the second member's choice is still selected in the form, and the saved one is named
    assert f'id="d-{p.dresden.public_id}-accepted" checked' in page
    assert "Inzwischen gespeichert: Nicht ausgewählt" in page
    assert 'name="version" value="2"' in page
    assert Application.objects.get(pk=p.dresden.pk).decision == "rejected"
    assert AuditEvent.objects.filter(action="programme.decision_stale").count() == 1
    # saving again with the current version is deliberate and works
    assert second.post(_url(p), {**form, "version": "2"}).status_code == 302
    assert Application.objects.get(pk=p.dresden.pk).decision == "accepted"


def test_unknown_applications_or_decisions_are_refused(setup) -> None:  # noqa: ANN001
    world, p = setup
    for decisions in ({"not-a-key": "accepted"}, {str(p.dresden.public_id): "maybe"}):
        with pytest.raises(ValidationError):
            services_selection.do_decide(acting_user=world.programme, call=_call(p), decisions=decisions, version=1)


def test_decision_letters_need_every_decision_then_go_out_once(setup, client_for,  # noqa: ANN001
                                                               django_capture_on_commit_callbacks) -> None:  # noqa: ANN001
    world, p = setup
    with pytest.raises(ValidationError, match="jede Bewerbung"):
        services_selection.do_send_decision_mails(acting_user=world.programme, call=_call(p))
    services_selection.do_decide(acting_user=world.programme, call=_call(p), version=1, decisions={
        str(p.freiburg.public_id): Decision.ACCEPTED, str(p.bayreuth.public_id): Decision.ACCEPTED,
        str(p.dresden.public_id): Decision.REJECTED})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.programme).post(_url(p, "programme_decision_mails"))
    assert response.status_code == 302
    by_recipient = {address: m for m in mail.outbox for address in m.to}
    assert len(mail.outbox) == 3
    assert "ausgewählt hat" in by_recipient[world.qm.email].body
    rejected = by_recipient["qm@dresden.test"].body
    assert "nicht auswählen" in rejected and "Austauschformaten" in rejected
    assert world.management.email in by_recipient  # management of Freiburg is told too
    assert _call(p).state == "decided"
    with django_capture_on_commit_callbacks(execute=True):
        assert services_selection.do_send_decision_mails(acting_user=world.programme, call=_call(p)) == 0
    with pytest.raises(ValidationError, match="bereits versandt"):
        services_selection.do_decide(acting_user=world.programme, call=_call(p), version=_call(p).decision_version,
                                     decisions={str(p.dresden.public_id): Decision.ACCEPTED})


def test_an_accepted_application_is_linked_to_its_project_profile(setup, client_for) -> None:  # noqa: ANN001
    from kosmos.practice import services as practice

    world, p = setup
    profile = practice.do_create_profile(
        acting_user=world.qm, organisation=world.freiburg, values={"title": "Kanäle in Freiburg", "topic_field": "channels",
                                                                   "starting_situation": "", "goals": "", "results": "",
                                                                   "contact_role": "QM"},
        milestones=[], topic_keys=[])
    url = reverse("programme_application_office", kwargs={"call_id": p.call.public_id,
                                                          "application_id": p.freiburg.public_id})
    client = client_for(world.programme)
    client.post(url, {"profile": str(profile.public_id)})
    assert Application.objects.get(pk=p.freiburg.pk).profile is None  # not accepted yet
    services_selection.do_decide(acting_user=world.programme, call=_call(p), version=1,
                                 decisions={str(p.freiburg.public_id): Decision.ACCEPTED})
    assert "Kanäle in Freiburg (Entwurf)" in client.get(url).content.decode()
    client.post(url, {"profile": str(profile.public_id)})
    assert Application.objects.get(pk=p.freiburg.pk).profile == profile
    assert AuditEvent.objects.filter(action="programme.profile_linked").count() == 1
