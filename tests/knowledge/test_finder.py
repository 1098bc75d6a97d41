"""The offer finder: German full text, filters, distance, shared entries, reasons and query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kosmos.core import sharing
from kosmos.knowledge import services
from kosmos.knowledge.finder import FinderQuery, find
from tests.knowledge import builders

pytestmark = pytest.mark.django_db


def _offer(world, title: str, postcode: str, place: str, organisation=None, **data):  # noqa: ANN001, ANN003
    organisation = organisation or world.freiburg
    actor = world.qm if organisation == world.freiburg else world.partner
    values = {"title": title, "topic": "offers", "postcode": postcode, "place": place,
              "summary": "Beratung bei psychischer Belastung.", **data}
    return services.do_save_entry(acting_user=actor, organisation=organisation, data=values)


@pytest.fixture
def offers(world):  # noqa: ANN001, ANN201
    return {
        "near": _offer(world, "Sozialpsychiatrischer Dienst", "79098", "Freiburg im Breisgau",
                       free_of_charge=True, target_groups=["u25"], languages=["de", "ar"], accessible=True),
        "far": _offer(world, "Psychosoziale Beratung Offenburg", "77652", "Offenburg"),
        "addiction": _offer(world, "Suchtberatungsstelle", "79100", "Freiburg im Breisgau",
                            summary="Hilfe bei Alkohol und Glücksspiel."),
        "lörrach": _offer(world, "Krisendienst Lörrach", "79539", "Lörrach", organisation=world.loerrach),
    }


def test_words_find_stems_and_compounds_and_say_which_words_matched(world, offers):
    found = find(world.freiburg, world.staff, FinderQuery(text="Sucht"))
    assert [r.entry for r in found.results] == [offers["addiction"]]
    assert found.results[0].matched_words == ["Suchtberatungsstelle"]
    found = find(world.freiburg, world.staff, FinderQuery(text="psychische Belastung"))
    assert {r.entry for r in found.results} == {offers["near"], offers["far"]}


def test_distance_keeps_offers_within_the_radius_nearest_first(world, offers):
    query = FinderQuery(text="psychische Belastung", postcode="79098", radius_km=20)
    found = find(world.freiburg, world.staff, query)
    assert [r.entry for r in found.results] == [offers["near"]]
    assert found.results[0].distance_km < 3
    assert any("km" in reason and "79098" in reason for reason in found.results[0].reasons)
    wider = find(world.freiburg, world.staff, FinderQuery(text="psychische Belastung", postcode="79098",
                                                          radius_km=100))
    assert [r.entry for r in wider.results] == [offers["near"], offers["far"]]


def test_filters_narrow_and_are_named_as_reasons(world, offers):
    query = FinderQuery(target_group="u25", language="ar", free=True, accessible=True)
    found = find(world.freiburg, world.staff, query)
    assert [r.entry for r in found.results] == [offers["near"]]
    assert len(found.results[0].reasons) == 4
    assert find(world.freiburg, world.staff, FinderQuery(target_group="ue50")).total == 0


def test_an_unknown_postcode_is_reported_not_guessed(world, offers):
    found = find(world.freiburg, world.staff, FinderQuery(text="Beratung", postcode="00000"))
    assert found.postcode_error and not found.results


def test_shared_entries_appear_for_the_partner_only(world, offers):
    assert find(world.freiburg, world.staff, FinderQuery(text="Krisendienst")).total == 0
    sharing.do_share(acting_user=world.partner, obj=offers["lörrach"], visibility="partners",
                     partners=[world.freiburg])
    found = find(world.freiburg, world.staff, FinderQuery(text="Krisendienst"))
    assert [r.entry for r in found.results] == [offers["lörrach"]] and not found.results[0].own
    assert find(world.ulm, world.outsider, FinderQuery(text="Krisendienst")).total == 0


def _page_queries(client, url: str) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_finder_page_runs_the_same_number_of_queries_for_twice_the_entries(world, client_for):
    client = client_for(world.staff)
    base = reverse("org:knowledge_finder", kwargs={"org_slug": "freiburg"})
    urls = [f"{base}?q=psychische+Belastung", f"{base}?q=Beratung&postcode=79098&radius=50&free=on",
            f"{base}?target_group=all"]

    def add(count: int) -> None:
        partner = builders.partner(world)
        category = builders.category(world, name=f"Kategorie {count}")
        for i in range(count):
            _offer(world, f"Beratungsstelle {count}-{i}", "79098" if i % 2 else "79100", "Freiburg",
                   free_of_charge=True, target_groups=["all"], partner=partner, category=category)
            shared = _offer(world, f"Beratung Lörrach {count}-{i}", "79539", "Lörrach", organisation=world.loerrach,
                            free_of_charge=True, target_groups=["all"])
            sharing.do_share(acting_user=world.partner, obj=shared, visibility="platform")

    add(4)
    before = [_page_queries(client, url) for url in urls]
    add(8)
    after = [_page_queries(client, url) for url in urls]
    assert after == before
    assert max(after) <= 15
