"""The committee: conflicts of interest, scoring on the scale, no leaks before one's own score, blind review."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kosmos.core.models import AuditEvent, Membership
from kosmos.programme import selectors_committee, services_committee
from kosmos.programme.models import ConflictDeclaration, Score
from tests.factories import build_world, make_organisation, make_user
from tests.programme.builders_calls import apply, build_programme, score

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    """One world and one call in review for the module; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        yield world, build_programme(world)
        transaction.set_rollback(True)


def _member_url(p, application) -> str:  # noqa: ANN001
    return reverse("programme_member_application", kwargs={"call_id": p.call.public_id,
                                                           "application_id": application.public_id})


def test_conflicts_come_from_the_own_land_the_own_organisation_and_declarations(setup) -> None:  # noqa: ANN001
    world, p = setup
    apps = [p.freiburg, p.bayreuth, p.dresden]
    assert selectors_committee.conflicts(p.conflicted_seat, apps) == {p.freiburg.pk: "Ihr eigenes Land"}
    assert selectors_committee.conflicts(p.seat, apps) == {}
    Membership.objects.create(user=p.member, organisation=p.dresden.organisation, role="staff")
    services_committee.do_declare_conflict(acting_user=p.member, member=p.seat, application=p.bayreuth,
                                           reason="frühere Zusammenarbeit")
    assert selectors_committee.conflicts(p.seat, apps) == {
        p.dresden.pk: "Ihre eigene Organisation", p.bayreuth.pk: "von Ihnen selbst erklärt"}


def test_a_conflicted_member_cannot_open_the_application_by_url_and_the_attempt_is_logged(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    client = client_for(p.conflicted)
    response = client.get(_member_url(p, p.freiburg))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Interessenkonflikt" in page and p.freiburg.starting_situation not in page
    assert "Kanäle in Freiburg" not in page
    event = AuditEvent.objects.get(action="programme.conflict_blocked")
    assert (event.actor, event.organisation, event.object_id) == (p.conflicted, None, str(p.freiburg.public_id))
    # nor by posting scores
    response = client.post(_member_url(p, p.freiburg), {"situation": 4, "transferability": 4, "relevance": 4,
                                                        "evidence": 4})
    assert response.status_code == 403
    assert not Score.objects.filter(member=p.conflicted_seat).exists()
    # the same member opens an application without a conflict
    assert client.get(_member_url(p, p.bayreuth)).status_code == 200


def test_the_service_refuses_a_conflicted_score_and_logs_it(setup) -> None:  # noqa: ANN001
    world, p = setup
    with pytest.raises(services_committee.ConflictOfInterest, match="Interessenkonflikt"):
        score(p.conflicted_seat, p.freiburg, (4, 4, 4, 4))
    assert AuditEvent.objects.filter(action="programme.conflict_blocked", actor=p.conflicted).count() == 1


@pytest.mark.parametrize("bad", [-1, 5, "3,5", "", None, "vier"])
def test_a_score_outside_the_scale_gets_a_german_error(setup, bad) -> None:  # noqa: ANN001
    world, p = setup
    with pytest.raises(ValidationError) as caught:
        services_committee.do_score(acting_user=p.member, member=p.seat, application=p.dresden,
                                    situation=bad, transferability=2, relevance=2, evidence=2)
    assert caught.value.message_dict["situation"] == ["Bitte geben Sie eine ganze Zahl von 0 bis 4 an."]
    assert not Score.objects.exists()


def test_the_form_shows_the_scale_error_and_keeps_what_was_typed(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    response = client_for(p.member).post(_member_url(p, p.dresden), {
        "situation": "7", "transferability": "2", "relevance": "3", "evidence": "1", "comment": "gut begründet"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie eine ganze Zahl von 0 bis 4 an." in page
    assert "gut begründet" in page and 'value="7"' in page
    assert not Score.objects.exists()


def test_scores_of_others_stay_hidden_until_the_member_has_scored(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    other = make_user("ba@gremium.test", "Bernd Bundesagentur")
    other_seat = services_committee.do_add_committee_member(acting_user=world.programme, call=p.call, user=other,
                                                            institution="ba")
    score(other_seat, p.dresden, (1, 1, 1, 1), comment="Geheimer Kommentar")
    client = client_for(p.member)
    board_page = client.get(reverse("programme_member_board", kwargs={"call_id": p.call.public_id})).content.decode()
    detail = client.get(_member_url(p, p.dresden)).content.decode()
    assert "Geheimer Kommentar" not in detail
    assert "zuerst" in board_page  # "bewerten Sie zuerst …"
    assert "1,00" not in board_page  # neither median nor mean of the other's total
    score(p.seat, p.dresden, (3, 3, 3, 3))
    detail = client.get(_member_url(p, p.dresden)).content.decode()
    assert "Geheimer Kommentar" in detail and "Bernd Bundesagentur" not in detail
    board = selectors_committee.board(p.call, viewer=p.seat)
    row = next(r for r in board.rows if r.application == p.dresden)
    assert (row.spread.median, row.spread.disagreement) == (2.0, True)
    assert all(r.spread is None for r in board.rows if r.application != p.dresden)


def test_the_blind_phase_hides_names_from_members_but_not_from_the_office(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    type(p.call).objects.filter(pk=p.call.pk).update(blind_review=True)
    member_page = client_for(p.member).get(
        reverse("programme_member_board", kwargs={"call_id": p.call.public_id})).content.decode()
    detail = client_for(p.member).get(_member_url(p, p.bayreuth)).content.decode()
    office_page = client_for(world.programme).get(
        reverse("programme_board", kwargs={"call_id": p.call.public_id})).content.decode()
    for page in (member_page, detail):
        assert "Jobcenter Bayreuth" not in page and "Bayern" not in page
    assert selectors_committee.pseudonym(p.bayreuth) in member_page
    assert "Jobcenter Bayreuth" in office_page


def test_declaring_a_conflict_removes_an_earlier_score_and_blocks_the_application(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    score(p.seat, p.bayreuth, (2, 2, 2, 2))
    response = client_for(p.member).post(
        reverse("programme_member_conflict", kwargs={"call_id": p.call.public_id,
                                                     "application_id": p.bayreuth.public_id}),
        {"reason": "Beratungsauftrag"})
    assert response.status_code == 302
    assert ConflictDeclaration.objects.get(member=p.seat).reason == "Beratungsauftrag"
    assert not Score.objects.filter(member=p.seat, application=p.bayreuth).exists()
    assert AuditEvent.objects.filter(action="programme.score_withdrawn").count() == 1
    assert client_for(p.member).get(_member_url(p, p.bayreuth)).status_code == 403


def test_somebody_without_a_seat_gets_404_for_the_call_and_its_applications(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    for user in (world.outsider, world.programme, world.qm):
        client = client_for(user)
        assert client.get(reverse("programme_member_board", kwargs={"call_id": p.call.public_id})).status_code == 404
        assert client.get(_member_url(p, p.dresden)).status_code == 404


def test_the_office_board_runs_a_bounded_number_of_queries(setup, client_for) -> None:  # noqa: ANN001
    world, p = setup
    url = reverse("programme_board", kwargs={"call_id": p.call.public_id})
    client = client_for(world.programme)
    client.get(url)
    score(p.seat, p.dresden, (3, 2, 3, 4))
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for i in range(6):
        org = make_organisation(f"extra-{i}", state="NW")
        p.call.state = "open"
        p.call.save(update_fields=["state"])
        application = apply(p.call, org, world.programme)
        p.call.state = "review"
        p.call.save(update_fields=["state"])
        score(p.seat, application, (i % 5, 2, 2, 2))
        score(p.conflicted_seat, application, (4, 4, 0, 0))
    with CaptureQueriesContext(connection) as large:
        page = client.get(url).content.decode()
    assert len(large.captured_queries) == len(small.captured_queries)
    assert "zur Diskussion" in page
