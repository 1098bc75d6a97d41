"""The XLSX export in the import layout: it imports again unchanged (round trip)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse

from kosmos.knowledge import imports, services
from kosmos.knowledge.domain import importing as imp
from kosmos.knowledge.models import Entry
from tests.factories import build_world

pytestmark = pytest.mark.django_db

COMPARED = ["title", "topic", "summary", "description", "tags", "target_groups", "languages", "free_of_charge",
            "costs", "referral", "accessible", "address", "postcode", "place", "contact_role", "contact_phone",
            "contact_email", "website", "opening_hours", "valid_from", "valid_until", "review_due"]


@pytest.fixture(scope="module")
def setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        category = services.do_save_category(acting_user=world.qm, organisation=world.freiburg,
                                             data={"name": "Sucht", "topic": "offers"})
        partner = services.do_save_partner(acting_user=world.qm, organisation=world.freiburg,
                                           data={"name": "Caritas Freiburg", "kind": "counselling"})
        services.do_save_entry(acting_user=world.qm, organisation=world.freiburg, data={
            "title": "Suchtberatung Nord", "topic": "offers", "category": category, "partner": partner,
            "summary": "Beratung bei Alkohol, Medikamenten und Glücksspiel.", "description": "Offene Sprechstunde.\nAnonym.",
            "tags": "Sucht, Alkohol", "target_groups": ["u25", "families"], "languages": ["de", "tr"],
            "free_of_charge": True, "referral": "=Anruf genügt", "accessible": True, "address": "Hauptstraße 1",
            "postcode": "79106", "place": "Freiburg", "contact_role": "Leitung der Beratungsstelle",
            "contact_phone": "0761 123456", "contact_email": "sucht@example.org", "website": "https://example.org/sucht",
            "opening_hours": "Mo–Fr 9–12 Uhr", "valid_from": dt.date(2026, 1, 1), "valid_until": dt.date(2027, 6, 30),
            "review_due": dt.date(2026, 12, 1), "responsible": world.qm})
        services.do_save_entry(acting_user=world.qm, organisation=world.freiburg, data={
            "title": "Arbeitsplatzbezogene Gesundheitsförderung", "topic": "workplace", "costs": "20 € Eigenanteil"})
        yield world
        transaction.set_rollback(True)


def test_the_export_downloads_an_xlsx_with_the_import_headings(setup, client_for):  # noqa: ANN001
    response = client_for(setup.staff).get(reverse("org:knowledge_export", kwargs={"org_slug": "freiburg"}))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "wissensdatenbank-freiburg" in response["Content-Disposition"]
    header, rows = imports.read_workbook(response.content, "export.xlsx")
    assert header == imp.export_headings()
    assert sorted(row[0] for row in rows) == ["Arbeitsplatzbezogene Gesundheitsförderung", "Suchtberatung Nord"]


def test_round_trip_export_then_import_elsewhere_gives_the_same_entries(setup):  # noqa: ANN001
    content = imports.export_workbook(imports.export_queryset(setup.freiburg))
    header, rows = imports.read_workbook(content, "export.xlsx")
    staged = imports.do_stage_import(acting_user=setup.partner, organisation=setup.loerrach, file_name="export.xlsx",
                                     header=header, rows=rows)
    assert staged.mapping == {spec.key: i for i, spec in enumerate(imp.FIELDS)}
    result = imports.check_staged(staged)
    # The person responsible is a member of Freiburg, not of Lörrach: named, then left out on purpose.
    assert [(e.row, e.field, e.code) for e in result.errors] == [(3, "responsible", imp.UNKNOWN_PERSON)]
    mapping = {k: v for k, v in staged.mapping.items() if k != "responsible"}
    created, skipped = imports.do_import_entries(acting_user=setup.partner, organisation=setup.loerrach,
                                                 staged=staged, mapping=mapping)
    assert (created, skipped) == (2, 0)
    for original in Entry.objects.filter(organisation=setup.freiburg):
        copy = Entry.objects.get(organisation=setup.loerrach, title=original.title)
        assert {f: getattr(copy, f) for f in COMPARED} == {f: getattr(original, f) for f in COMPARED}
        assert (copy.category.name if copy.category else None) == (original.category.name if original.category else None)
        assert (copy.partner.name if copy.partner else None) == (original.partner.name if original.partner else None)
        assert copy.latitude == original.latitude


def test_round_trip_in_the_same_organisation_reports_every_row_as_existing(setup):  # noqa: ANN001
    content = imports.export_workbook(imports.export_queryset(setup.freiburg))
    header, rows = imports.read_workbook(content, "export.xlsx")
    result = imp.check_rows(rows, imp.suggest_mapping(header), imports.lookups(setup.freiburg), columns=len(header))
    assert {e.code for e in result.errors} == {imp.DUPLICATE_EXISTING} and len(result.bad_rows) == 2
