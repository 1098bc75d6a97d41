"""A quality manager of Freiburg invites a colleague, who accepts through the e-mail link;
a user of Ulm opening a Freiburg page gets 404."""

from __future__ import annotations

import re

import pytest

from kosmos.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_quality_manager_invites_a_colleague_who_joins(demo, visitor_factory, mailoutbox) -> None:  # noqa: ANN001
    qm = visitor_factory()
    qm.login("qm@freiburg.example", DEMO_PASSWORD)
    qm.page.click("text=Mitglieder")
    qm.page.click("text=Person einladen")
    qm.page.fill("#id_email", "neue.kollegin@freiburg.example")
    qm.page.fill("#id_full_name", "Nora Neu")
    qm.page.select_option("#id_role", "assessor")
    qm.page.click("main button[type=submit]")
    assert qm.page.locator(".kern-alert--success").inner_text().startswith("Die Einladung wurde an")
    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/einladung/\S+/", mailoutbox[0].body).group(0)

    colleague = visitor_factory()
    colleague.goto(link)
    colleague.assert_accessible()
    colleague.page.fill("#id_full_name", "Nora Neu")
    colleague.page.fill("#id_password1", "Sonnenblume-Freiburg-42")
    colleague.page.fill("#id_password2", "Sonnenblume-Freiburg-42")
    colleague.page.click("main button[type=submit]")
    colleague.page.wait_for_url("**/o/freiburg/")
    assert colleague.page.locator("h1").inner_text() == "Jobcenter Freiburg i. Br."
    colleague.assert_accessible()

    # The link works once only.
    third = visitor_factory()
    assert third.goto(link) == 410


def test_user_of_ulm_gets_404_on_a_freiburg_page(demo, visitor_factory) -> None:  # noqa: ANN001
    ulm = visitor_factory()
    ulm.login("qm@ulm.example", DEMO_PASSWORD)
    assert ulm.goto("/o/freiburg/") == 404
    assert ulm.page.locator("h1").inner_text() == "Seite nicht gefunden"
    ulm.assert_accessible()
