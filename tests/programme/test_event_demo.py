"""The demo of the workshops and the report: the decided call's three workshops with about 80
participants at the interim review (also from Jobcenters not selected), materials, narrative
sections; loading twice changes nothing. The loader runs on its own (a decided call with the demo
call's id, as ``demo_calls`` makes it), so other modules' demo data cannot hide a fault here."""

from __future__ import annotations

import pytest

from kosmos.core.demo import DEMO_PASSWORD
from kosmos.core.models import User
from kosmos.programme import report
from kosmos.programme.demo_calls import DECIDED_ID, OPEN_ID
from kosmos.programme.demo_exchange import SECOND_WAVE_ID, load_exchange_demo
from kosmos.programme.models import (
    Call,
    Decision,
    Event,
    EventMaterial,
    Registration,
    RegistrationStatus,
    ReportSection,
)
from tests.programme import exchange_builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(db):  # noqa: ANN001, ANN201
    decided = build.call(public_id=DECIDED_ID)
    build.call(title="Offen", state="open", public_id=OPEN_ID)
    for index in range(16):
        organisation = build.jobcenter(f"demo-{index}", f"Jobcenter Demo {index:02d}")
        build.member(organisation, f"qm@demo-{index}.example", f"QM {index}", "quality_manager")
        build.application(decided, organisation, topic_index=index % 3,
                          decision=Decision.ACCEPTED if index < 11 else Decision.REJECTED)
    return decided


def _state() -> tuple:
    return (
        sorted(Event.objects.values_list("title", "kind", "capacity", "registration_open")),
        Registration.objects.count(), EventMaterial.objects.count(),
        sorted(ReportSection.objects.values_list("key", "body")),
        User.objects.count(),
    )


def test_the_decided_call_has_three_workshops_and_the_interim_review_is_open_to_everybody(calls):
    load_exchange_demo()
    assert list(calls.events.order_by("starts_at").values_list("kind", flat=True)) == ["kickoff", "interim", "closing"]
    interim = calls.events.get(kind="interim")
    registered = interim.registrations.filter(status=RegistrationStatus.REGISTERED)
    assert registered.count() == 80
    selected = calls.applications.filter(decision=Decision.ACCEPTED).values_list("organisation_id", flat=True)
    assert registered.exclude(organisation_id__in=list(selected)).values("organisation").distinct().count() == 5
    assert interim.rooms.count() == 3 and all(event.materials.exists() for event in calls.events.all())
    invented = User.objects.filter(email__startswith="workshop")
    assert invented.count() == 64 and all(u.full_name.startswith("Teilnehmende ") for u in invented)
    assert all(u.is_demo and u.check_password(DEMO_PASSWORD) for u in invented)
    upcoming = Event.objects.get(kind="exchange")
    assert upcoming.registration_open and upcoming.registrations.count() == 6


def test_the_demo_report_has_its_narrative_sections(calls):
    load_exchange_demo()
    written = {h.entry.slot.split(":")[0] for h in report.report_data(calls).headings if h.entry.slot and h.text}
    assert written == {"introduction", "course", "findings", "conclusion"}


def test_loading_the_demo_again_changes_nothing(calls):
    load_exchange_demo()
    before = _state()
    load_exchange_demo()
    assert _state() == before


def test_the_second_wave_call_reports_every_published_profile_of_its_sixteen_jobcenters(calls):
    import json

    from kosmos.core.demo import DATA_DIR

    entries = json.loads((DATA_DIR / "jobcenters.json").read_text(encoding="utf-8"))
    for entry in entries[:3]:
        organisation = build.jobcenter(entry["slug"], entry["name"], form=entry["form"])
        build.profile(organisation, entry["topic_title"][:200], topic_field="efqm")
    load_exchange_demo()
    data = report.report_data(Call.objects.get(public_id=SECOND_WAVE_ID))
    assert sorted(b.profile.organisation.slug for b in data.profiles) == sorted(e["slug"] for e in entries[:3])
    assert [h.title for h in data.headings if h.entry.kind == "topic"] == [
        "Themenfeld »EFQM«", "Themenfeld »Digitalisierung«", "Themenfeld »Gesundheitsförderung«"]
