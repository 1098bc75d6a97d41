"""Pages of the knowledge base: finder, entry (own and shared), editing, review queue, network."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from kosmos.core import sharing
from kosmos.knowledge.models import Entry
from tests.knowledge import builders

pytestmark = pytest.mark.django_db


def _url(name: str, org: str = "freiburg", **kwargs) -> str:  # noqa: ANN003
    return reverse(f"org:{name}", kwargs={"org_slug": org, **kwargs})


def test_the_finder_shows_results_with_why_they_match(world, client_for):
    entry = builders.entry(world)
    page = client_for(world.staff).get(_url("knowledge_finder"), {"q": "psychische Belastung", "postcode": "79098",
                                                                  "radius": "20", "free": "on"})
    text = page.content.decode()
    assert entry.title in text and 'class="kosmos-why"' in text and "„psychischer“" in text
    assert _url("knowledge_entry", code=entry.short_code) in text


def test_bad_finder_input_is_a_form_error_not_a_500(world, client_for):
    client = client_for(world.staff)
    for params in ({"postcode": "12"}, {"radius": "7"}, {"category": "not-a-uuid"}, {"postcode": "00000", "q": "x"}):
        page = client.get(_url("knowledge_finder"), params)
        assert page.status_code == 200 and page.context["form"].errors


def test_the_owner_edits_and_checks_an_entry_and_sees_its_history(world, client_for):
    entry = builders.entry(world, review_due=dt.date(2020, 1, 1))
    client = client_for(world.qm)
    data = {"title": "Sozialpsychiatrischer Dienst Freiburg-Süd", "topic": "offers", "postcode": "79100",
            "target_groups": ["u25", "ue50"], "languages": ["de"]}
    response = client.post(_url("knowledge_entry_edit", entry_id=entry.public_id), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title.endswith("Süd") and entry.target_group_codes == ["u25", "ue50"]
    assert entry in client.get(_url("knowledge_review")).context["entries"]
    client.post(_url("knowledge_entry_checked", entry_id=entry.public_id), {"next": "review"})
    assert entry not in client.get(_url("knowledge_review")).context["entries"]
    page = client.get(_url("knowledge_entry", code=entry.short_code))
    assert len(page.context["history"]) == 3 and page.context["can_edit"]


def test_a_shared_entry_is_read_only_for_the_partner_who_can_copy_it(world, client_for):
    entry = builders.entry(world)
    reader = client_for(world.partner)
    assert reader.get(_url("knowledge_entry", org="loerrach", code=entry.short_code)).status_code == 404
    sharing.do_share(acting_user=world.qm, obj=entry, visibility="partners", partners=[world.loerrach])
    page = reader.get(_url("knowledge_entry", org="loerrach", code=entry.short_code))
    assert page.status_code == 200 and not page.context["own"] and page.context["can_copy"]
    assert not page.context["can_edit"] and page.context["history"] == []
    assert "Jobcenter Freiburg" in page.content.decode()
    assert reader.get(_url("knowledge_entry_edit", org="loerrach", entry_id=entry.public_id)).status_code == 404
    response = reader.post(_url("knowledge_entry_copy", org="loerrach", code=entry.short_code))
    copy = Entry.objects.get(organisation=world.loerrach)
    assert response.url == _url("knowledge_entry", org="loerrach", code=copy.short_code)
    assert copy.origin_organisation_name == "Jobcenter Freiburg"


def test_network_view_draws_partners_by_type_and_topic_with_a_table(world, client_for):
    partner = builders.partner(world)
    builders.entry(world, partner=partner)
    page = client_for(world.staff).get(_url("knowledge_network"))
    chart = page.context["chart"]
    assert "<svg" in chart.svg and chart.table is not None
    assert partner.name in page.content.decode()


def test_the_quality_manager_sees_freshness_on_the_dashboard(world, client_for):
    builders.entry(world, review_due=dt.date(2020, 1, 1))
    page = client_for(world.qm).get(reverse("org:dashboard", kwargs={"org_slug": "freiburg"}))
    assert "knowledge-panel-heading" in page.content.decode()
    staff_page = client_for(world.staff).get(reverse("org:dashboard", kwargs={"org_slug": "freiburg"}))
    assert "knowledge-panel-heading" not in staff_page.content.decode()
