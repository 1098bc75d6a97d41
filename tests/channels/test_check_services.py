"""Writes of the maturity check: offered channels, checks, answers with every version kept, stored
results, the latest check, and the organisation's own catalogue copy."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kosmos.channels import selectors_check, services_check
from kosmos.channels.models import Answer, Catalogue, Channel, Check, CheckChannel
from kosmos.core.models import AuditEvent
from tests.channels import check_builders
from tests.channels.check_builders import uniform


def test_a_check_covers_only_the_channels_on_offer(world):
    check = check_builders.check(world.freiburg, world.qm, channels=("telefon", "portal"))
    assert sorted(check.channels.values_list("channel_key", flat=True)) == ["portal", "telefon"]
    assert check.latest


def test_without_channels_on_offer_no_check_starts(world):
    services_check.ensure_default_catalogue()
    with pytest.raises(ValidationError):
        services_check.do_start_check(acting_user=world.qm, organisation=world.freiburg, check_date=dt.date(2026, 1, 1))


def test_a_changed_answer_keeps_the_earlier_version_and_updates_the_stored_result(world):
    check = check_builders.check(world.freiburg, world.qm, levels={"video": uniform(3)})
    video = Channel.objects.get(catalogue=check.catalogue, key="video")
    stored = CheckChannel.objects.get(check_run=check, channel_key="video")
    assert (stored.overall_level, stored.mean_level, stored.answered) == (3, 3.0, 8)

    created = services_check.do_answer_channel(acting_user=world.management, check=check, channel=video,
                                               answers={"datenschutz": (1, "Prüfung läuft")}, target_level=4)

    assert created == 1
    versions = Answer.objects.filter(check_run=check, channel=video, dimension__key="datenschutz")
    assert sorted(versions.values_list("level", "current")) == [(1, True), (3, False)]
    stored.refresh_from_db()
    assert (stored.overall_level, stored.target_level) == (1, 4)
    assert AuditEvent.objects.filter(action="channels.answers_recorded", actor=world.management).exists()


def test_an_unchanged_answer_writes_no_new_version(world):
    check = check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    video = Channel.objects.get(catalogue=check.catalogue, key="video")
    events = AuditEvent.objects.count()
    created = services_check.do_answer_channel(acting_user=world.qm, check=check, channel=video,
                                               answers={"strategie": (2, "")}, target_level=None)
    assert created == 0 and AuditEvent.objects.count() == events


def test_a_new_check_starts_from_the_previous_answers_and_becomes_the_latest(world):
    first = check_builders.check(world.freiburg, world.qm, date=dt.date(2025, 3, 1), levels={"portal": uniform(2)})
    second = services_check.do_start_check(acting_user=world.qm, organisation=world.freiburg,
                                           check_date=dt.date(2026, 3, 1))
    first.refresh_from_db()
    assert second.latest and not first.latest
    assert CheckChannel.objects.get(check_run=second, channel_key="portal").overall_level == 2
    with pytest.raises(ValidationError):
        services_check.do_start_check(acting_user=world.qm, organisation=world.freiburg, check_date=dt.date(2026, 3, 1))


def test_an_own_copy_is_edited_apart_from_the_default_and_old_checks_keep_their_catalogue(world):
    check = check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    copy = services_check.do_copy_catalogue(acting_user=world.qm, organisation=world.freiburg)
    assert copy.organisation == world.freiburg and copy.pk != check.catalogue_id
    assert selectors_check.effective_catalogue(world.freiburg) == copy
    assert selectors_check.effective_catalogue(world.ulm) == check.catalogue
    assert Channel.objects.filter(catalogue=copy).count() == Channel.objects.filter(catalogue=check.catalogue).count()
    assert services_check.do_copy_catalogue(acting_user=world.qm, organisation=world.freiburg) == copy
    assert Catalogue.objects.filter(organisation=world.freiburg).count() == 1
    # The new check uses the copy; the old one stays on the default.
    new = services_check.do_start_check(acting_user=world.qm, organisation=world.freiburg, check_date=dt.date(2026, 9, 1))
    assert new.catalogue == copy and Check.objects.get(pk=check.pk).catalogue_id == check.catalogue_id


def test_an_own_catalogue_copy_is_findable_in_the_organisation_only(world):
    from kosmos.core.models import SearchDocument

    services_check.do_copy_catalogue(acting_user=world.qm, organisation=world.freiburg)
    documents = SearchDocument.objects.filter(object_type="channels.dimension")
    assert documents.count() == 8
    assert set(documents.values_list("organisation", flat=True)) == {world.freiburg.pk}
    assert documents.filter(body__contains="Lassen Sie den Kanal vom Datenschutz prüfen.").exists()
