"""The organisation's facts and offices (kosmos.core.services.do_update_organisation)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kosmos.core import services
from kosmos.core.models import AuditEvent, Office

pytestmark = pytest.mark.django_db


def office_names(organisation) -> list[str]:  # noqa: ANN001
    return list(organisation.offices.order_by("name").values_list("name", flat=True))


def facts(organisation, **changes: object) -> dict[str, object]:  # noqa: ANN001
    data = {name: getattr(organisation, name) for name in services.ORGANISATION_FACT_FIELDS}
    data.update(changes)
    return data


def test_updating_changes_the_facts_and_the_offices(world):
    services.do_update_organisation(
        acting_user=world.qm,
        organisation=world.freiburg,
        data=facts(
            world.freiburg,
            staff_count=230,
            bg_count=7356,
            unemployment_rate=Decimal("5.0"),
            unemployment_month=dt.date(2022, 7, 1),
        ),
        office_names=["Freiburg-Mitte", "Breisach"],
    )

    world.freiburg.refresh_from_db()
    assert world.freiburg.staff_count == 230
    assert world.freiburg.bg_count == 7356
    assert world.freiburg.unemployment_rate == Decimal("5.0")
    assert world.freiburg.unemployment_month == dt.date(2022, 7, 1)
    assert office_names(world.freiburg) == ["Breisach", "Freiburg-Mitte"]


def test_the_audit_event_names_only_the_changed_fields(world):
    services.do_update_organisation(
        acting_user=world.qm,
        organisation=world.freiburg,
        data=facts(world.freiburg, staff_count=230, unemployment_month=dt.date(2022, 7, 1)),
        office_names=["Freiburg-Mitte"],
    )

    event = AuditEvent.objects.get(action="organisation.updated")
    assert event.actor == world.qm
    assert event.organisation == world.freiburg
    assert event.object_type == "core.organisation"
    assert event.object_id == "freiburg"
    assert event.changes == {
        "staff_count": [217, 230],
        "unemployment_month": [None, "2022-07-01"],
        "offices": [[], ["Freiburg-Mitte"]],
    }


def test_saving_unchanged_facts_and_offices_logs_nothing(world):
    Office.objects.create(organisation=world.freiburg, name="Freiburg-Mitte")

    services.do_update_organisation(
        acting_user=world.qm,
        organisation=world.freiburg,
        data=facts(world.freiburg),
        office_names=[" Freiburg-Mitte ", "", "Freiburg-Mitte"],
    )

    assert not AuditEvent.objects.filter(action="organisation.updated").exists()
    assert office_names(world.freiburg) == ["Freiburg-Mitte"]


def test_offices_are_trimmed_deduplicated_and_replaced(world):
    Office.objects.create(organisation=world.freiburg, name="Alt")
    Office.objects.create(organisation=world.freiburg, name="Bleibt")

    services.do_update_organisation(
        acting_user=world.qm,
        organisation=world.freiburg,
        data={},
        office_names=["  Bleibt", "Neu ", "Neu", "   "],
    )

    assert office_names(world.freiburg) == ["Bleibt", "Neu"]
    event = AuditEvent.objects.get(action="organisation.updated")
    assert event.changes == {"offices": [["Alt", "Bleibt"], ["Bleibt", "Neu"]]}


def test_only_the_fact_fields_can_be_changed(world):
    services.do_update_organisation(
        acting_user=world.qm,
        organisation=world.freiburg,
        data={"slug": "gekapert", "kind": "agency", "staff_count": 218},
        office_names=[],
    )

    world.freiburg.refresh_from_db()
    assert world.freiburg.slug == "freiburg"
    assert world.freiburg.kind == "jobcenter"
    assert world.freiburg.staff_count == 218


def test_an_invalid_fact_is_refused_and_nothing_is_saved(world):
    with pytest.raises(ValidationError) as exc:
        services.do_update_organisation(
            acting_user=world.qm,
            organisation=world.freiburg,
            data={"staff_count": 300, "unemployment_rate": Decimal("150.0")},
            office_names=["Neu"],
        )

    assert "unemployment_rate" in exc.value.message_dict
    world.freiburg.refresh_from_db()
    assert world.freiburg.staff_count == 217
    assert office_names(world.freiburg) == []
    assert not AuditEvent.objects.filter(action="organisation.updated").exists()


def test_another_organisation_keeps_its_offices(world):
    Office.objects.create(organisation=world.ulm, name="Ulm-Mitte")

    services.do_update_organisation(
        acting_user=world.qm, organisation=world.freiburg, data={}, office_names=["Ulm-Mitte"]
    )

    assert office_names(world.ulm) == ["Ulm-Mitte"]
    assert office_names(world.freiburg) == ["Ulm-Mitte"]
