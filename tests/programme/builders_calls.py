"""Calls, applications and a committee in the standard test world (tests/factories.py).

Jobcenters: Freiburg (gE, BW) from the world, plus Bayreuth (zkT, BY) and Dresden (gE, SN).
Committee: ``member`` (BMAS, no organisation, no conflict with anybody) and ``conflicted``
(a Land member from Baden-Württemberg: Freiburg's application is a conflict of interest).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from kosmos.programme import services_calls, services_committee
from kosmos.programme.models import Application, Call, CallState, CommitteeMember
from tests.factories import make_member, make_organisation, make_user

TOPICS = ["Kommunikationskanäle", "Verständliche Sprache"]


@dataclass
class Programme:
    call: Call
    freiburg: Application
    bayreuth: Application
    dresden: Application
    member: object  # User
    conflicted: object  # User
    seat: CommitteeMember
    conflicted_seat: CommitteeMember


def make_call(world, *, title: str = "Voneinander lernen 2027", open_call: bool = True, **values: object) -> Call:  # noqa: ANN001
    fields = {"deadline": timezone.now() + dt.timedelta(days=10), "select_count": 2, "min_zkt": 1,
              "summary": "Ein Jahr Begleitung", **values}
    call = services_calls.do_create_call(acting_user=world.programme, topics=TOPICS, title=title, **fields)
    if open_call:
        services_calls.do_set_call_state(acting_user=world.programme, call=call, state=CallState.OPEN)
    return call


def apply(call: Call, organisation, user, *, topic_index: int = 0, title: str = "Zugangswege",  # noqa: ANN001
          submit: bool = True) -> Application:
    application = services_calls.do_save_application(
        acting_user=user, call=call, organisation=organisation, topic=call.topics.all()[topic_index],
        project_title=title, starting_situation="Viele Kanäle, wenig Abstimmung.", goals="Ein Kanalkonzept.",
        transferability="Vorlagen für alle.", strategic_relevance="Teil der Zielplanung.")
    if submit:
        services_calls.do_submit_application(acting_user=user, application=application)
    return application


def build_programme(world, *, blind: bool = False) -> Programme:  # noqa: ANN001
    """An open call with three submitted applications, moved to review, and a committee of two."""
    call = make_call(world, blind_review=blind)
    bayreuth = make_organisation("bayreuth", "Jobcenter Bayreuth", form="zkt", state="BY")
    dresden = make_organisation("dresden", "Jobcenter Dresden", form="ge", state="SN")
    applications = {
        "freiburg": apply(call, world.freiburg, world.qm, title="Kanäle in Freiburg"),
        "bayreuth": apply(call, bayreuth, make_member(bayreuth, "qm@bayreuth.test", "Bea Bayreuth", "quality_manager"),
                          topic_index=1, title="Sprache in Bayreuth"),
        "dresden": apply(call, dresden, make_member(dresden, "qm@dresden.test", "Dirk Dresden", "quality_manager"),
                         title="Kanäle in Dresden"),
    }
    services_calls.do_set_call_state(acting_user=world.programme, call=call, state=CallState.REVIEW)
    member = make_user("bmas@gremium.test", "Gisela Gremium")
    conflicted = make_user("land-bw@gremium.test", "Karl Konflikt")
    seat = services_committee.do_add_committee_member(acting_user=world.programme, call=call, user=member,
                                                      institution="bmas")
    conflicted_seat = services_committee.do_add_committee_member(acting_user=world.programme, call=call,
                                                                 user=conflicted, institution="state", state="BW")
    call.refresh_from_db()
    return Programme(call=call, member=member, conflicted=conflicted, seat=seat, conflicted_seat=conflicted_seat,
                     **applications)


def score(seat: CommitteeMember, application: Application, values: tuple[int, int, int, int],
          comment: str = "") -> None:
    services_committee.do_score(acting_user=seat.user, member=seat, application=application, comment=comment,
                                **dict(zip(("situation", "transferability", "relevance", "evidence"), values,
                                           strict=True)))
