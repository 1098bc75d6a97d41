"""The programme office in the browser: the office opens a call, a Jobcenter applies, a committee
member scores, a member with a conflict of interest is blocked, the balanced selection is proposed
and decided. Set-up through services; the browser (mostly the keyboard) for the key steps; every
page axe-clean."""

from __future__ import annotations

import pytest

from kosmos.programme import services_calls, services_committee
from kosmos.programme.models import Application, CallState
from tests.factories import PASSWORD, build_world, make_member, make_organisation, make_user
from tests.programme.builders_calls import apply, make_call, score

pytestmark = pytest.mark.browser


def _press(page, selector: str) -> None:  # noqa: ANN001
    page.focus(selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_call_application_scoring_conflict_and_selection(transactional_db, live_server, visitor_factory) -> None:  # noqa: ANN001
    world = build_world()
    call = make_call(world, open_call=False, title="Voneinander lernen 2027")

    office = visitor_factory()
    office.login(world.programme.email, PASSWORD)
    assert office.goto(f"/programmbuero/ausschreibungen/{call.public_id}/") == 200
    office.assert_accessible()
    _press(office.page, "button[name=state][value=open]")
    assert "Offen für Bewerbungen" in office.page.locator("main").inner_text()

    jobcenter = visitor_factory()
    jobcenter.login(world.qm.email, PASSWORD)
    assert jobcenter.goto(f"/o/freiburg/programm/ausschreibungen/{call.public_id}/bewerbung/") == 200
    jobcenter.assert_accessible()
    page = jobcenter.page
    page.fill("#id_project_title", "Kanäle in Freiburg")
    page.select_option("#id_topic", label="Kommunikationskanäle")
    for field in ("starting_situation", "goals", "transferability", "strategic_relevance"):
        page.fill(f"#id_{field}", "Ausführlich beschrieben.")
    _press(page, "button[name=submit]")
    assert "Ihre Bewerbung ist eingereicht" in page.locator("main").inner_text()
    jobcenter.assert_accessible()

    call.refresh_from_db()  # opened in the browser
    bayreuth = make_organisation("bayreuth", "Jobcenter Bayreuth", form="zkt", state="BY")
    apply(call, bayreuth, make_member(bayreuth, "qm@bayreuth.test", "Bea", "quality_manager"), topic_index=1)
    services_calls.do_set_call_state(acting_user=world.programme, call=call, state=CallState.REVIEW)
    member = make_user("bmas@gremium.test", "Gisela Gremium")
    conflicted = make_user("land-bw@gremium.test", "Karl Konflikt")
    seat = services_committee.do_add_committee_member(acting_user=world.programme, call=call, user=member,
                                                      institution="bmas")
    services_committee.do_add_committee_member(acting_user=world.programme, call=call, user=conflicted,
                                               institution="state", state="BW")
    freiburg = Application.objects.get(call=call, organisation=world.freiburg)
    bayreuth_application = Application.objects.get(call=call, organisation=bayreuth)

    scorer = visitor_factory()
    scorer.login(member.email, PASSWORD)
    assert scorer.goto(f"/gremium/{call.public_id}/") == 200
    scorer.assert_accessible()
    _press(scorer.page, f"a[href$='{freiburg.public_id}/']")
    for criterion, value in (("situation", "4"), ("transferability", "3"), ("relevance", "4"), ("evidence", "2")):
        scorer.page.fill(f"#id_{criterion}", value)
    _press(scorer.page, "form.kosmos-form button[type=submit]")
    assert "Ihre Bewertung wurde gespeichert" in scorer.page.locator("main").inner_text()
    scorer.assert_accessible()

    blocked = visitor_factory()
    blocked.login(conflicted.email, PASSWORD)
    assert blocked.goto(f"/gremium/{call.public_id}/{freiburg.public_id}/") == 403
    assert "Interessenkonflikt (Ihr eigenes Land)" in blocked.page.locator("main").inner_text()
    assert "Kanäle in Freiburg" not in blocked.page.content()
    blocked.assert_accessible()

    score(seat, bayreuth_application, (1, 1, 1, 1))
    assert jobcenter.goto("/o/freiburg/programm/ausschreibungen/") == 200
    jobcenter.assert_accessible()
    assert office.goto(f"/programmbuero/ausschreibungen/{call.public_id}/bewertung/") == 200
    assert "Gisela Gremium" in office.page.locator("main").inner_text()
    office.assert_accessible()
    assert office.goto(f"/programmbuero/ausschreibungen/{call.public_id}/auswahl/") == 200
    office.assert_accessible()
    assert "statt" not in office.page.locator("main").inner_text()  # two places, both proposed
    _press(office.page, "button[name=apply_proposal]")
    assert "Die Entscheidungen wurden gespeichert (2 geändert)" in office.page.locator("main").inner_text()
    assert set(Application.objects.filter(call=call).values_list("decision", flat=True)) == {"accepted"}
