"""Process maps in the browser: a staff member of Jobcenter Oberhavel opens the FbW transition's
case checklist on a phone and ticks a step with the keyboard; the map page (text view beside the
swimlane diagram) and the checklist are axe-clean and do not scroll sideways."""

from __future__ import annotations

import pytest

from kosmos.core.demo import DEMO_PASSWORD
from kosmos.core.roles import Role
from kosmos.processes.demo import load_processes_demo
from tests.factories import make_member, make_organisation

pytestmark = pytest.mark.browser


@pytest.fixture
def oberhavel(transactional_db, live_server):  # noqa: ANN001, ANN201
    """Only the process maps' demo (Oberhavel, the invented Agentur, their maps), committed for the live server."""
    organisation = make_organisation("oberhavel", "Jobcenter Oberhavel", state="BB")
    make_member(organisation, "qm@oberhavel.example", "Qualität Oberhavel", Role.QUALITY_MANAGER)
    load_processes_demo()
    return organisation


def test_staff_open_the_case_checklist_on_a_phone(oberhavel, visitor_factory) -> None:  # noqa: ANN001
    visitor = visitor_factory()
    visitor.login("team@oberhavel.example", DEMO_PASSWORD)
    page = visitor.page
    page.set_viewport_size({"width": 375, "height": 667})
    visitor.goto("/o/oberhavel/prozesse/")
    page.click("main >> text=FbW-Übergang Oberhavel")
    page.wait_for_load_state()
    assert page.locator("ol.process-steps > li").count() == 15
    assert page.locator(".process-diagram svg[role=img]").count() == 1
    visitor.assert_accessible()

    page.click("main >> text=Fall-Checkliste (am Bildschirm oder gedruckt)")
    page.wait_for_url("**/checkliste/")
    visitor.assert_accessible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the checklist scrolls sideways by {overflow}px on a phone"
    assert page.locator(".process-checklist input[type=checkbox]").count() == 15
    page.locator("#check-1").focus()
    page.keyboard.press("Space")
    assert page.locator("#check-1").is_checked()
    assert "Fassung 1 – Vereinbart" in page.locator(".kosmos-kicker").inner_text()
    assert page.locator(".process-checklist a[href='tel:03391555310']").count() >= 1  # the Agentur's contact
