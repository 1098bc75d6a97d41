"""The audit helpers: one shape for created, updated and deleted objects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kosmos.core.audit import about, apply_changes, log_created, log_deleted, update_fields
from kosmos.core.models import AuditEvent, Organisation
from kosmos.language.models import GlossaryEntry

pytestmark = pytest.mark.django_db


def only_event() -> AuditEvent:
    return AuditEvent.objects.get()


def update(world, values, **kwargs):  # noqa: ANN001, ANN201
    return update_fields(world.freiburg, values, actor=world.qm, organisation=world.freiburg,
                         action="organisation.updated", **kwargs)


# --- created -----------------------------------------------------------------------------------


def test_a_created_event_records_the_initial_values_of_the_named_fields_and_leaves_out_empty_ones(world):
    organisation = Organisation.objects.create(slug="konstanz", name="Jobcenter Konstanz", staff_count=120,
                                               region_description="")

    log_created(organisation, actor=world.programme, organisation=organisation, action="organisation.created",
                fields=["name", "staff_count", "region_description", "bg_count"])

    event = only_event()
    assert event.object_type == "core.organisation"
    assert event.object_id == "konstanz"
    assert event.changes == {"name": [None, "Jobcenter Konstanz"], "staff_count": [None, 120]}


def test_a_created_event_takes_values_that_are_not_fields_and_stores_them_as_plain_json(world):
    log_created(world.freiburg, actor=world.qm, organisation=world.freiburg, action="organisation.created",
                fields={"offices": ["Nord", "Süd"], "rate": Decimal("5.4"), "since": dt.date(2026, 3, 1),
                        "members": [], "flag": False, "count": 0})

    assert only_event().changes == {
        "offices": [None, ["Nord", "Süd"]], "rate": [None, "5.4"], "since": [None, "2026-03-01"],
        "flag": [None, False], "count": [None, 0],
    }


# --- updated -----------------------------------------------------------------------------------


def test_an_update_records_exactly_the_fields_that_changed(world):
    world.freiburg.staff_count, world.freiburg.bg_count = 217, 7000
    world.freiburg.save()

    changes = update(world, {"name": "Jobcenter Freiburg im Breisgau", "staff_count": 217, "bg_count": 7356})

    assert changes == {"name": ["Jobcenter Freiburg", "Jobcenter Freiburg im Breisgau"], "bg_count": [7000, 7356]}
    event = only_event()
    assert event.action == "organisation.updated"
    assert event.object_type == "core.organisation"
    assert event.changes == changes
    assert event.actor == world.qm


def test_an_update_saves_only_the_changed_fields(world):
    world.freiburg.region_description = "changed in memory, never saved"

    with CaptureQueriesContext(connection) as queries:
        update(world, {"staff_count": 300, "name": world.freiburg.name})

    updates = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    assert '"staff_count"' in updates[0]
    assert '"name"' not in updates[0] and '"region_description"' not in updates[0]
    fresh = Organisation.objects.get(pk=world.freiburg.pk)
    assert fresh.staff_count == 300
    assert fresh.region_description != "changed in memory, never saved"


def test_an_update_that_changes_nothing_saves_nothing_and_writes_no_event(world):
    with CaptureQueriesContext(connection) as queries:
        changes = update(world, {"name": world.freiburg.name, "staff_count": world.freiburg.staff_count})

    assert changes == {}
    assert not [q for q in queries if q["sql"].startswith(("UPDATE", "INSERT"))]
    assert not AuditEvent.objects.exists()


def test_extra_changes_alone_write_an_event(world):
    changes = update(world, {"name": world.freiburg.name}, extra_changes={"offices": [["Nord"], ["Nord", "Süd"]]})

    assert changes == {"offices": [["Nord"], ["Nord", "Süd"]]}
    assert only_event().changes == changes


def test_clean_runs_before_the_comparison_and_a_validation_error_saves_nothing(world):
    def normalise(o: Organisation) -> None:
        o.name = " ".join(o.name.split())

    assert update(world, {"name": "  Jobcenter   Freiburg "}, clean=normalise) == {}

    with pytest.raises(ValidationError):
        update(world, {"name": ""}, clean=lambda o: o.full_clean())
    assert Organisation.objects.get(pk=world.freiburg.pk).name == "Jobcenter Freiburg"
    assert not AuditEvent.objects.exists()


def test_bookkeeping_values_are_saved_with_a_change_but_never_recorded(world):
    entry = GlossaryEntry.objects.create(organisation=world.freiburg, kind="avoid", term="zwecks", replacement="für")
    stamp = GlossaryEntry.objects.get(pk=entry.pk).updated_at

    assert apply_changes(entry, {"replacement": "für"}, touch={"explanation": "not saved"}) == {}
    changes = apply_changes(entry, {"replacement": "um … zu"}, touch={"explanation": "Amtsdeutsch"})

    assert changes == {"replacement": ["für", "um … zu"]}
    fresh = GlossaryEntry.objects.get(pk=entry.pk)
    assert fresh.replacement == "um … zu"
    assert fresh.explanation == "Amtsdeutsch"
    assert fresh.updated_at > stamp  # auto_now fields are saved with every change
    assert not AuditEvent.objects.exists()  # apply_changes writes no event


# --- deleted -----------------------------------------------------------------------------------


def test_a_deleted_event_records_the_last_values_and_leaves_out_empty_ones(world):
    entry = GlossaryEntry.objects.create(organisation=world.freiburg, kind="avoid", term="zwecks", replacement="für")

    log_deleted(entry, actor=world.qm, organisation=world.freiburg, action="language.glossary_deleted",
                fields=["kind", "term", "explanation"])
    entry.delete()

    event = only_event()
    assert event.object_type == "language.glossaryentry"
    assert event.object_id == str(entry.public_id)
    assert event.changes == {"kind": ["avoid", None], "term": ["zwecks", None]}


def test_an_event_can_name_the_object_a_change_belongs_to(world):
    entry = GlossaryEntry.objects.create(organisation=world.freiburg, kind="avoid", term="zwecks", replacement="für")

    update_fields(entry, {"term": "zwecks Prüfung"}, actor=world.qm, organisation=world.freiburg,
                  action="organisation.updated", **about(world.freiburg))

    event = only_event()
    assert (event.object_type, event.object_id, event.object_repr) == (
        "core.organisation", "freiburg", "Jobcenter Freiburg")
    assert event.changes == {"term": ["zwecks", "zwecks Prüfung"]}
