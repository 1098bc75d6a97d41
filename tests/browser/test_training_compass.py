"""Quali-Kompass in the browser: a new staff member of the Hanse-Jobcenter Rostock logs in and
sees what her department requires and by when, on the dashboard and in her compass; her team
lead and the quality manager then see the module's other pages. Every page is axe-clean."""

from __future__ import annotations

import pytest

from kosmos.core.roles import Role
from kosmos.training.demo import DEMO_PASSWORD, NEW_STAFF, TEAM_LEAD, load_training_demo
from kosmos.training.models import Topic, Training
from tests.factories import PASSWORD, make_member, make_organisation

pytestmark = pytest.mark.browser


def test_a_new_staff_member_sees_her_required_trainings(transactional_db, live_server, visitor_factory) -> None:  # noqa: ANN001
    rostock = make_organisation("hanse-rostock", "Hanse-Jobcenter Rostock")
    make_member(rostock, "qm@hanse-rostock.example", "Quirin Rostock", Role.QUALITY_MANAGER)
    load_training_demo()

    visitor = visitor_factory()
    visitor.login(NEW_STAFF[0], DEMO_PASSWORD)
    visitor.goto("/o/hanse-rostock/")
    assert visitor.page.locator("#training-panel-heading").is_visible()
    visitor.assert_accessible()

    assert visitor.goto("/o/hanse-rostock/quali-kompass/") == 200
    main = visitor.page.locator("main")
    assert "Eingangszone" in main.inner_text()
    table = visitor.page.locator("table", has_text="Datenschutz im Jobcenter")
    assert table.locator("tbody tr").count() == 9  # 4 trainings for everybody + 5 of the Eingangszone
    assert "fällig" in table.inner_text()
    visitor.assert_accessible()

    lead = visitor_factory()
    lead.login(TEAM_LEAD[0], DEMO_PASSWORD)
    assert lead.goto("/o/hanse-rostock/quali-kompass/team/") == 200
    assert NEW_STAFF[1] in lead.page.locator("main").inner_text()
    lead.assert_accessible()

    qm = visitor_factory()
    qm.login("qm@hanse-rostock.example", PASSWORD)
    training = Training.objects.filter(organisation=rostock, topic__isnull=False).first()
    topic = Topic.objects.get(organisation=rostock, name="Digitale Angebote")
    for path in ("quali-kompass/uebersicht/", "quali-kompass/bedarf/", "quali-kompass/katalog/",
                 f"quali-kompass/katalog/{training.public_id}/", f"quali-kompass/themen/{topic.public_id}/",
                 "quali-kompass/mindestmass/", "quali-kompass/import/", "quali-kompass/ausnahmen/",
                 "quali-kompass/einrichten/", "quali-kompass/info-kompass/", "quali-kompass/personen/"):
        assert qm.goto(f"/o/hanse-rostock/{path}") == 200, path
        qm.assert_accessible()
    qm.goto("/o/hanse-rostock/quali-kompass/bedarf/")
    assert "kein Angebot" in qm.page.locator("main").inner_text()
