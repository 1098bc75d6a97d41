"""Writes of the knowledge base: validation, coordinates, audit history, checks, sharing, copies."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kosmos.core import sharing
from kosmos.core.models import AuditEvent
from kosmos.knowledge import selectors, services
from kosmos.knowledge.models import Entry
from tests.knowledge import builders

pytestmark = pytest.mark.django_db


def test_a_new_entry_gets_coordinates_a_review_date_and_one_audit_event(world):
    entry = builders.entry(world)
    assert entry.latitude == pytest.approx(47.99, abs=0.1) and entry.longitude == pytest.approx(7.85, abs=0.1)
    assert entry.review_due == timezone.localdate() + dt.timedelta(days=365)
    assert entry.target_groups == ",all," and entry.language_codes == ["de", "en"]
    assert len(entry.short_code) == 7
    event = AuditEvent.objects.get(action="knowledge.entry_created")
    assert event.changes["title"] == [None, "Sozialpsychiatrischer Dienst Freiburg"]


def test_changing_the_postcode_moves_the_entry_and_the_history_names_the_changed_fields(world):
    entry = builders.entry(world)
    services.do_save_entry(acting_user=world.management, organisation=world.freiburg, entry=entry,
                           data={"postcode": "89073", "place": "Ulm", "title": entry.title})
    entry.refresh_from_db()
    assert entry.latitude == pytest.approx(48.4, abs=0.1)
    history = selectors.entry_history(entry)
    assert [v.event.action for v in history] == ["knowledge.entry_updated", "knowledge.entry_created"]
    labels = {str(Entry._meta.get_field(name).verbose_name) for name in ("postcode", "place")}
    assert {label for label, _old, _new in history[0].changes} == labels
    assert ("79098", "89073") in {(old, new) for _label, old, new in history[0].changes}
    # A save without a change writes nothing.
    services.do_save_entry(acting_user=world.qm, organisation=world.freiburg, entry=entry, data={"place": "Ulm"})
    assert AuditEvent.objects.filter(action="knowledge.entry_updated").count() == 1


@pytest.mark.parametrize(("data", "field"), [
    ({"title": "  "}, "title"),
    ({"postcode": "7909"}, "postcode"),
    ({"target_groups": ["u25", "kinder"]}, "target_groups"),
    ({"valid_from": dt.date(2026, 5, 1), "valid_until": dt.date(2026, 4, 1)}, "valid_until"),
])
def test_bad_values_are_named_by_field_and_nothing_is_saved(world, data, field):
    values = {"title": "Rückenschule", **data}
    with pytest.raises(ValidationError) as raised:
        services.do_save_entry(acting_user=world.qm, organisation=world.freiburg, data=values)
    assert field in raised.value.error_dict
    assert not Entry.objects.exists()


def test_another_organisations_category_or_person_is_refused(world):
    foreign = services.do_save_category(acting_user=world.outsider, organisation=world.ulm,
                                        data={"name": "Sucht", "topic": "offers"})
    with pytest.raises(ValidationError) as raised:
        builders.entry(world, category=foreign)
    assert "category" in raised.value.error_dict
    with pytest.raises(ValidationError):
        builders.entry(world, responsible=world.outsider)
    entry = builders.entry(world)
    with pytest.raises(PermissionDenied):
        services.do_save_entry(acting_user=world.outsider, organisation=world.ulm, entry=entry, data={"title": "x"})


def test_checked_now_records_who_and_moves_the_review_date(world):
    entry = builders.entry(world, review_due=dt.date(2020, 1, 1))
    assert list(selectors.review_queue(world.freiburg)) == [entry]
    services.do_mark_checked(acting_user=world.management, entry=entry)
    entry.refresh_from_db()
    assert entry.last_checked_by == world.management and entry.last_checked_at is not None
    assert entry.review_due > timezone.localdate()
    assert not selectors.review_queue(world.freiburg).exists()
    assert AuditEvent.objects.filter(action="knowledge.entry_checked").count() == 1


def test_sharing_a_category_shares_its_entries_also_later_ones(world):
    category = builders.category(world)
    child = services.do_save_category(acting_user=world.qm, organisation=world.freiburg,
                                      data={"name": "Krisen", "parent": category, "topic": "staff"})
    assert child.topic == "offers"  # a sub-category takes its parent's topic
    before = builders.entry(world, category=child)
    services.do_share_category(acting_user=world.qm, category=category, visibility="partners",
                               partners=[world.loerrach])
    after = builders.entry(world, title="Krisendienst", category=category)
    below = builders.entry(world, title="Krisentelefon", category=child)  # later, in a sub-category
    for entry in (before, after, below):
        entry.refresh_from_db()
        assert entry.visibility == "partners" and list(entry.shared_with.all()) == [world.loerrach]
    assert set(sharing.shared_with(Entry.objects.all(), world.loerrach)) == {before, after, below}
    assert not sharing.shared_with(Entry.objects.all(), world.ulm).exists()


def test_a_shared_entry_is_copied_with_its_origin_credited(world):
    entry = builders.entry(world)
    with pytest.raises(PermissionDenied):
        services.do_copy_entry(acting_user=world.partner, entry=entry, target_organisation=world.loerrach)
    entry = sharing.do_share(acting_user=world.qm, obj=entry, visibility="platform")
    copy = services.do_copy_entry(acting_user=world.partner, entry=entry, target_organisation=world.loerrach)
    assert copy.organisation == world.loerrach and copy.title == entry.title
    assert copy.origin_organisation_name == "Jobcenter Freiburg" and copy.visibility == "own"
    assert copy.short_code != entry.short_code and copy.responsible is None


def test_a_category_cannot_be_placed_below_itself_nor_named_twice(world):
    category = builders.category(world)
    child = services.do_save_category(acting_user=world.qm, organisation=world.freiburg,
                                      data={"name": "Krisen", "parent": category})
    with pytest.raises(ValidationError):
        services.do_save_category(acting_user=world.qm, organisation=world.freiburg, category=category,
                                  data={"parent": child})
    with pytest.raises(ValidationError):
        builders.category(world)


def test_partner_contacts_and_meetings_are_audited(world):
    contact = builders.contact(world)
    meeting = builders.meeting(world)
    assert meeting.partners.count() == 1
    services.do_save_meeting(acting_user=world.qm, organisation=world.freiburg, meeting=meeting,
                             data={"title": meeting.title}, partners=[])
    assert meeting.partners.count() == 0
    services.do_remove_contact(acting_user=world.qm, contact=contact)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"knowledge.partner_created", "knowledge.contact_added", "knowledge.contact_removed",
            "knowledge.meeting_created", "knowledge.meeting_updated"} <= actions
