"""The demo knowledge bases of Garmisch-Partenkirchen, Regensburg and Weimarer Land; idempotent.

The loader runs on its own (the organisations and their quality managers as the core demo makes
them). One module-scoped load serves every test here (the demo is the fixture, not the subject
of a write)."""

from __future__ import annotations

import pytest

from kosmos.core.models import AuditEvent, Organisation, User
from kosmos.knowledge.demo import load_knowledge_demo
from kosmos.knowledge.finder import FinderQuery, find
from kosmos.knowledge.models import Category, Entry, NetworkMeeting, Partner
from tests.factories import make_member, make_organisation

SLUGS = ("garmisch-partenkirchen", "regensburg", "weimarer-land")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            for slug in SLUGS:
                make_member(make_organisation(slug), f"qm@{slug}.example", f"QM {slug}", "quality_manager")
            load_knowledge_demo()
            yield {o.slug: o for o in Organisation.objects.filter(slug__in=SLUGS)}
            transaction.set_rollback(True)


def _state() -> tuple:
    return (
        sorted(Entry.objects.values_list("organisation__slug", "title", "postcode", "visibility")),
        sorted(Category.objects.values_list("organisation__slug", "name", "visibility")),
        Partner.objects.count(), NetworkMeeting.objects.count(),
        AuditEvent.objects.filter(action__startswith="knowledge.").count(),
    )


@pytest.mark.django_db
def test_each_jobcenter_has_sixty_entries_with_postcodes_of_its_region(demo):
    prefixes = {"garmisch-partenkirchen": ("82",), "regensburg": ("93", "84"), "weimarer-land": ("99",)}
    for slug, organisation in demo.items():
        entries = Entry.objects.filter(organisation=organisation)
        assert entries.count() >= 60
        postcodes = set(entries.exclude(postcode="").values_list("postcode", flat=True))
        assert postcodes and all(p.startswith(prefixes[slug]) for p in postcodes)
        assert not entries.exclude(postcode="").filter(latitude__isnull=True).exists()
        assert Partner.objects.filter(organisation=organisation).count() >= 5
        assert NetworkMeeting.objects.filter(organisation=organisation).count() == 1


@pytest.mark.django_db
def test_running_the_loader_again_changes_nothing(demo):
    before = _state()
    load_knowledge_demo()
    assert _state() == before


@pytest.mark.django_db
def test_regensburg_finds_psychische_belastung_within_20_km_of_93047(demo):
    regensburg = demo["regensburg"]
    staff = User.objects.get(email="team@regensburg.example")
    results = find(regensburg, staff, FinderQuery(text="psychische Belastung", postcode="93047", radius_km=20))
    assert results.total >= 5
    assert all(r.distance_km is not None and r.distance_km <= 20 for r in results.results)
    assert [r.distance_km for r in results.results] == sorted(r.distance_km for r in results.results)
    assert all(r.matched_words for r in results.results)
    wider = find(regensburg, staff, FinderQuery(text="psychische Belastung", postcode="93047", radius_km=50))
    assert wider.total > results.total  # Maxhütte-Haidhof, Schierling and Wörth lie just beyond 20 km


@pytest.mark.django_db
def test_garmisch_shares_a_category_that_weimarer_land_reads(demo):
    weimar, garmisch, regensburg = demo["weimarer-land"], demo["garmisch-partenkirchen"], demo["regensburg"]
    category = Category.objects.get(organisation=garmisch, name="Psychische Gesundheit")
    assert category.visibility == "partners" and list(category.shared_with.all()) == [weimar]
    reader = User.objects.get(email="qm@weimarer-land.example")
    results = find(weimar, reader, FinderQuery(text="Sozialpsychiatrischer Dienst Garmisch"))
    assert results.total >= 1 and not results.results[0].own
    assert results.results[0].entry.organisation == garmisch
    other = User.objects.get(email="qm@regensburg.example")
    seen_by_regensburg = find(regensburg, other, FinderQuery(text="Sozialpsychiatrischer Dienst Garmisch"))
    assert all(r.entry.organisation != garmisch for r in seen_by_regensburg.results)
