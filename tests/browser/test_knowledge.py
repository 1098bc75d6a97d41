"""The offer finder in the browser: a staff member of the Jobcenter Landkreis Regensburg finds,
from postcode 93047 and "psychische Belastung", the offers within 20 km with the keyboard only,
opens one and reads it. Every page is axe-clean."""

from __future__ import annotations

import re

import pytest

from kosmos.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def _tab_to(page, selector: str, limit: int = 250) -> None:  # noqa: ANN001
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"{selector} not reached with the keyboard")


def test_regensburg_finds_offers_within_20_km_with_the_keyboard(demo, visitor_factory) -> None:  # noqa: ANN001
    visitor = visitor_factory()
    visitor.login("team@regensburg.example", DEMO_PASSWORD)
    page = visitor.page
    assert visitor.goto("/o/regensburg/wissen/") == 200
    visitor.assert_accessible()

    _tab_to(page, "#id_q")
    page.keyboard.type("psychische Belastung")
    _tab_to(page, "#id_postcode", limit=10)
    page.keyboard.type("93047")
    assert page.eval_on_selector("#id_radius", "el => el.value") == "20"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*postcode=93047.*"))

    results = page.locator(".kosmos-result")
    assert results.count() >= 5
    reasons = page.locator(".kosmos-why").all_inner_texts()
    distances = [float(m.group(1).replace(",", ".")) for text in reasons
                 if (m := re.search(r"(\d+(?:,\d)?) km von 93047", text))]
    assert len(distances) == results.count() and max(distances) <= 20
    visitor.assert_accessible()

    _tab_to(page, ".kosmos-result a")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/o/regensburg/wissen/[a-z0-9]{7}/$"))
    assert "Auf einen Blick" in page.locator("main").inner_text()
    visitor.assert_accessible()

    # The Arbeitskreis' pages (quality management of Regensburg), each axe-clean.
    from kosmos.knowledge.models import Category, Entry, NetworkMeeting, Partner

    entry = Entry.objects.filter(organisation__slug="regensburg").order_by("pk").first()
    category = Category.objects.filter(organisation__slug="regensburg").order_by("pk").first()
    partner = Partner.objects.filter(organisation__slug="regensburg").order_by("pk").first()
    meeting = NetworkMeeting.objects.filter(organisation__slug="regensburg").first()
    shared = Entry.objects.filter(organisation__slug="garmisch-partenkirchen", visibility="partners").first()
    qm = visitor_factory()
    qm.login("qm@regensburg.example", DEMO_PASSWORD)
    for path in ("wissen/pruefung/", "wissen/kategorien/", f"wissen/kategorien/{category.public_id}/teilen/",
                 "wissen/geteilt/", "wissen/partner/", f"wissen/partner/{partner.public_id}/", "wissen/netzwerk/",
                 "wissen/treffen/", f"wissen/treffen/{meeting.public_id}/", "wissen/eintraege/neu/",
                 f"wissen/eintraege/{entry.public_id}/bearbeiten/", f"wissen/{entry.short_code}/"):
        assert qm.goto(f"/o/regensburg/{path}") == 200, path
        qm.assert_accessible()
    weimar = visitor_factory()
    weimar.login("qm@weimarer-land.example", DEMO_PASSWORD)
    assert weimar.goto(f"/o/weimarer-land/wissen/{shared.short_code}/") == 200
    assert "Garmisch-Partenkirchen" in weimar.page.locator("main").inner_text()
    weimar.assert_accessible()
