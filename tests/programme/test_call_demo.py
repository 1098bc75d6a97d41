"""The demo calls: a decided call modelled on the third wave (11 selected, both forms, every topic,
a Land member who did not score the applications of their own Land) and an open call; idempotent.

The loader runs on its own, on the 16 demo Jobcenters of ``jobcenters.json``."""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from kosmos.core.demo import DATA_DIR
from kosmos.programme import selectors_committee
from kosmos.programme.demo_calls import DECIDED_ID, OPEN_ID, load_calls_demo
from kosmos.programme.models import Application, Call, CommitteeMember, Decision, Score
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock(), transaction.atomic():
        for entry in json.loads((DATA_DIR / "jobcenters.json").read_text(encoding="utf-8")):
            make_organisation(entry["slug"], entry["name"], form=entry["form"], state=entry["state"])
        load_calls_demo()
        yield Call.objects.get(public_id=DECIDED_ID)
        transaction.set_rollback(True)


def _state() -> tuple:
    return (
        sorted(Application.objects.values_list("organisation__slug", "call__title", "decision", "state")),
        sorted(Score.objects.values_list("member__user__email", "application__organisation__slug", "situation")),
        CommitteeMember.objects.count(), sorted(Call.objects.values_list("title", "state", "deadline")),
    )


def test_the_decided_call_selects_eleven_with_both_forms_and_every_topic(demo) -> None:  # noqa: ANN001
    accepted = list(demo.applications.filter(decision=Decision.ACCEPTED).select_related("organisation", "topic"))
    assert len(accepted) == 11 and demo.applications.count() == 16
    forms = [a.organisation.form for a in accepted]
    assert forms.count("zkt") >= 2 and forms.count("ge") >= 2
    assert {a.topic.name for a in accepted} == set(demo.topics.values_list("name", flat=True))
    assert max(sum(a.organisation.state == s for a in accepted) for s in {"BY", "BW"}) <= 3
    assert not demo.applications.filter(decision=Decision.OPEN).exists()


def test_the_land_member_has_a_conflict_with_the_bavarian_applications_and_did_not_score_them(demo) -> None:  # noqa: ANN001
    land = CommitteeMember.objects.get(call=demo, state="BY")
    bavarian = list(demo.applications.filter(organisation__state="BY"))
    assert len(bavarian) == 4
    assert set(selectors_committee.conflicts(land, bavarian)) == {a.pk for a in bavarian}
    assert not Score.objects.filter(member=land, application__in=bavarian).exists()
    assert Score.objects.filter(application__call=demo).count() == 16 * 4 - 4


def test_the_board_marks_a_disagreement_for_discussion(demo) -> None:  # noqa: ANN001
    board = selectors_committee.board(demo)
    assert len(board.discussion) >= 1
    assert all(row.rank is not None for row in board.rows)


def test_the_open_call_takes_applications_and_loading_twice_changes_nothing(demo) -> None:  # noqa: ANN001
    open_call = Call.objects.get(public_id=OPEN_ID)
    assert open_call.state == "open" and not open_call.deadline_passed
    assert list(open_call.applications.values_list("organisation__slug", flat=True)) == ["ulm"]
    before = _state()
    load_calls_demo()
    assert _state() == before
