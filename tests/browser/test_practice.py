"""Good practice in the browser: a Jobcenter that took no part in the programme finds the health
projects with the gallery's filters using only the keyboard and opens one; an anonymous visitor
reads a public profile and nothing else. Every page is axe-clean."""

from __future__ import annotations

import pytest

from kosmos.core.roles import PlatformRole, Role
from kosmos.practice import services
from kosmos.practice.models import Criterion
from tests.factories import PASSWORD, make_member, make_organisation

pytestmark = pytest.mark.browser

ALL_MET = {key: (True, "") for key in Criterion.values}
PROJECTS = [  # (slug, name, Land, staff, topic field, title, visibility)
    ("garmisch-partenkirchen", "Jobcenter Garmisch-Partenkirchen", "BY", 30, "health",
     "Ganzheitliches Gesundheitskonzept", "public"),
    ("regensburg", "Jobcenter Landkreis Regensburg", "BY", 60, "health", "Wissensdatenbank Gesundheit", "public"),
    ("weimarer-land", "Jobcenter Weimarer Land", "TH", 77, "health", "Angebote für Kund:innen", "platform"),
    ("chemnitz", "Jobcenter Chemnitz", "SN", 324, "efqm", "EFQM als Managementmethode", "public"),
]


def _tab_to(page, selector: str, limit: int = 200) -> None:  # noqa: ANN001
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"{selector} not reached with the keyboard")


def _publish(slug: str, name: str, state: str, staff: int, topic: str, title: str, visibility: str, office) -> object:  # noqa: ANN001
    org = make_organisation(slug, name, state=state, staff_count=staff)
    qm = make_member(org, f"qm@{slug}.test", "Qualität", Role.QUALITY_MANAGER)
    profile = services.do_create_profile(
        acting_user=qm, organisation=org,
        values={"title": title, "topic_field": topic, "starting_situation": "Ausgangslage laut Bericht.",
                "goals": "Ziel eins\nZiel zwei", "results": "Ergebnis eins", "contact_role": "Qualitätsmanagement"},
        milestones=[("2021-11", "Auftaktveranstaltung"), ("2022-01", "Vorstellung im Jobcenter")],
        topic_keys=["health"] if topic == "health" else ["assessment"])
    services.do_submit_profile(acting_user=qm, profile=profile)
    services.do_review_profile(acting_user=office, profile=profile, criteria=ALL_MET, decision="published",
                               visibility=visibility)
    return profile


def test_a_jobcenter_outside_the_programme_finds_the_health_projects_by_keyboard(
        transactional_db, live_server, visitor_factory) -> None:  # noqa: ANN001
    office_org = make_organisation("programmbuero", "Programmbüro", kind="programme_office", form="")
    office = make_member(office_org, "programm@test.example", "Programm", Role.QUALITY_MANAGER)
    office.platform_role = PlatformRole.PROGRAMME_OFFICE
    office.save(update_fields=["platform_role"])
    profiles = {p[0]: _publish(*p, office) for p in PROJECTS}
    outsider = make_organisation("loerrach", "Jobcenter Lörrach", state="BW", staff_count=90)
    make_member(outsider, "team@loerrach.test", "Team Lörrach", Role.STAFF)
    make_member(outsider, "qm@loerrach.test", "Qualität Lörrach", Role.QUALITY_MANAGER)

    visitor = visitor_factory()
    visitor.login("team@loerrach.test", PASSWORD)
    assert visitor.goto("/o/loerrach/praxis/") == 200
    visitor.assert_accessible()
    page = visitor.page
    _tab_to(page, "#id_topic")
    for _ in range(len(PROJECTS) + 3):
        if page.eval_on_selector("#id_topic", "el => el.value") == "health":
            break
        page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("#id_topic", "el => el.value") == "health"
    _tab_to(page, "form.kosmos-filter button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    found = page.locator("main .practice-list").inner_text()
    for title in ("Ganzheitliches Gesundheitskonzept", "Wissensdatenbank Gesundheit", "Angebote für Kund:innen"):
        assert title in found
    assert "EFQM als Managementmethode" not in found
    visitor.assert_accessible()

    _tab_to(page, "main .practice-list a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/praxis/geteilt/" in page.url
    assert "Auftaktveranstaltung" in page.locator("main").inner_text()
    visitor.assert_accessible()

    anonymous = visitor_factory()
    assert anonymous.goto(f"/praxis/{profiles['regensburg'].slug}/") == 200
    assert "Wissensdatenbank Gesundheit" in anonymous.page.locator("h1").inner_text()
    anonymous.assert_accessible()
    assert anonymous.goto(f"/praxis/{profiles['weimarer-land'].slug}/") == 404
    assert anonymous.goto("/o/loerrach/praxis/") in (200, 302)
    assert "/anmelden/" in anonymous.page.url
    assert anonymous.goto("/praxis/") == 200
    listing = anonymous.page.locator("main").inner_text()
    assert "Wissensdatenbank Gesundheit" in listing and "Angebote für Kund:innen" not in listing
    anonymous.assert_accessible()

    # The other pages of the module, as quality management and as the programme office.
    qm = visitor_factory()
    qm.login("qm@loerrach.test", PASSWORD)
    for path in ("praxis/", "praxis/neu/", "vorlagen/", "vergleiche/", "vergleiche/training.compliance/freigabe/"):
        assert qm.goto(f"/o/loerrach/{path}") == 200, path
        qm.assert_accessible()
    submitted = services.do_create_profile(
        acting_user=office, organisation=outsider, values={"title": "Lotsen im Eingangsbereich", "topic_field": "fbw",
                                                            "starting_situation": "A", "goals": "B", "results": "C"},
        milestones=[("2025-01", "Start")])
    services.do_submit_profile(acting_user=office, profile=submitted)
    assert qm.goto(f"/o/loerrach/praxis/{submitted.public_id}/") == 200
    qm.assert_accessible()
    reviewer = visitor_factory()
    reviewer.login("programm@test.example", PASSWORD)
    for path in ("/programmbuero/steckbriefe/", f"/programmbuero/steckbriefe/{submitted.public_id}/"):
        assert reviewer.goto(path) == 200, path
        reviewer.assert_accessible()
