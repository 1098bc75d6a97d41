"""The audit log page: filters, pagination, and bounded SQL queries on the busy pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kosmos.core.audit import log_event
from kosmos.core.models import AuditEvent, Membership
from kosmos.core.roles import Role
from tests.factories import make_member

pytestmark = pytest.mark.django_db

AUDIT_LOG = "/o/freiburg/protokoll/"


def rows(html: str) -> int:
    """Entries shown in the audit table (each has exactly one <time>)."""
    return html.count("<time datetime=")


def events(world, count: int, *, actor=None, action="organisation.updated", obj=None, on=None):  # noqa: ANN001
    created = [
        log_event(actor=actor or world.qm, organisation=world.freiburg, action=action, obj=obj or world.freiburg)
        for _ in range(count)
    ]
    if on is not None:
        moment = timezone.make_aware(dt.datetime.combine(on, dt.time(12, 0)))
        AuditEvent.objects.filter(pk__in=[e.pk for e in created]).update(created_at=moment)
    return created


def test_the_log_shows_the_organisations_events_newest_first_in_german(world, client_for):
    events(world, 1, action="organisation.updated")
    log_event(actor=world.management, organisation=world.freiburg, action="membership.role_changed",
              obj=world.staff, object_type="core.membership")
    log_event(actor=world.outsider, organisation=world.ulm, action="organisation.updated", obj=world.ulm)

    html = client_for(world.qm).get(AUDIT_LOG).content.decode()

    assert "Jede Änderung in dieser Organisation: wer hat was wann geändert." in html
    assert rows(html) == 2
    assert html.index("hat eine Rolle geändert") < html.index("hat die Angaben zur Organisation geändert")
    assert "Mitgliedschaft: Tara Team" in html
    assert "Otto Ulm" not in html


def test_an_event_without_actor_is_shown_as_system(world, client_for):
    log_event(actor=None, organisation=world.freiburg, action="organisation.created", obj=world.freiburg)

    html = client_for(world.qm).get(AUDIT_LOG).content.decode()

    assert ">System</td>" in html
    assert "hat die Organisation angelegt" in html


def test_the_changed_fields_are_listed_with_old_and_new_value(world, client_for):
    log_event(actor=world.qm, organisation=world.freiburg, action="organisation.updated", obj=world.freiburg,
              changes={"staff_count": [217, 230], "bg_count": [None, 7356]})

    html = client_for(world.qm).get(AUDIT_LOG).content.decode()

    assert "<div>staff_count: 217 → 230</div>" in html
    assert "<div>bg_count: – → 7356</div>" in html


def test_filtering_by_person_shows_only_their_changes(world, client_for):
    events(world, 2, actor=world.qm)
    events(world, 3, actor=world.management)

    response = client_for(world.qm).get(AUDIT_LOG, {"actor": str(world.management.public_id)})

    html = response.content.decode()
    assert "kosmos-error-summary" not in html
    assert rows(html) == 3
    assert f'<option value="{world.management.public_id}" selected>Lea Leitung</option>' in html


def test_filtering_by_object_type_offers_german_labels(world, client_for):
    events(world, 2, action="organisation.updated")
    events(world, 1, action="membership.removed", obj=world.staff)

    response = client_for(world.qm).get(AUDIT_LOG, {"object_type": "core.user"})

    html = response.content.decode()
    assert rows(html) == 1
    assert '<option value="core.user" selected>Person</option>' in html
    assert '<option value="core.organisation">Organisation</option>' in html


def test_models_of_the_same_name_in_two_modules_keep_their_own_labels(world, client_for):
    log_event(actor=world.qm, organisation=world.freiburg, action="survey.question_added",
              object_type="surveys.question", object_id="1", object_repr="Wie zufrieden sind Sie?")
    log_event(actor=world.qm, organisation=world.freiburg, action="assessment.question_created",
              object_type="assessments.cataloguequestion", object_id="2", object_repr="E-1a-01")

    html = client_for(world.qm).get(AUDIT_LOG, {"object_type": "surveys.question"}).content.decode()

    assert rows(html) == 1
    assert '<option value="surveys.question" selected>Frage einer Befragung</option>' in html
    assert '<option value="assessments.cataloguequestion">Frage</option>' in html
    assert "Frage einer Befragung: Wie zufrieden sind Sie?" in html
    assert "E-1a-01" not in html


def test_an_object_type_without_a_label_is_shown_as_stored(world, client_for):
    log_event(actor=world.qm, organisation=world.freiburg, action="organisation.updated",
              object_type="legacy", object_id="1", object_repr="Altbestand")

    html = client_for(world.qm).get(AUDIT_LOG).content.decode()

    assert "legacy: Altbestand" in html
    assert '<option value="legacy">legacy</option>' in html


def test_filtering_by_date_range_includes_both_end_days(world, client_for):
    events(world, 1, on=dt.date(2026, 3, 1))
    events(world, 2, on=dt.date(2026, 3, 10))
    events(world, 4, on=dt.date(2026, 3, 20))

    html = client_for(world.qm).get(AUDIT_LOG, {"date_from": "2026-03-01", "date_to": "2026-03-10"}).content.decode()

    assert rows(html) == 3
    assert 'value="2026-03-01"' in html


def test_a_range_that_ends_before_it_starts_is_refused_in_german(world, client_for):
    events(world, 2)

    response = client_for(world.qm).get(AUDIT_LOG, {"date_from": "2026-03-10", "date_to": "2026-03-01"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Das Enddatum liegt vor dem Anfangsdatum." in html
    assert 'href="#id_date_to"' in html
    assert rows(html) == 2  # an invalid filter filters nothing


def test_a_filter_that_matches_nothing_says_so(world, client_for):
    events(world, 2, on=dt.date(2026, 3, 1))

    html = client_for(world.qm).get(AUDIT_LOG, {"date_from": "2026-04-01"}).content.decode()

    assert "Keine Einträge passen zum Filter." in html


def test_the_log_shows_25_entries_per_page(world, client_for):
    events(world, 30)
    client = client_for(world.qm)

    first = client.get(AUDIT_LOG).content.decode()
    second = client.get(AUDIT_LOG, {"seite": "2"}).content.decode()

    assert rows(first) == 25
    assert "Seite 1 von 2" in first
    assert 'href="?seite=2">Nächste Seite</a>' in first
    assert rows(second) == 5
    assert "Seite 2 von 2" in second
    assert 'href="?seite=1">Vorherige Seite</a>' in second


def test_the_page_links_keep_the_filter(world, client_for):
    events(world, 26, actor=world.management)

    html = client_for(world.qm).get(AUDIT_LOG, {"actor": str(world.management.public_id)}).content.decode()

    assert f'href="?actor={world.management.public_id}&amp;seite=2">Nächste Seite</a>' in html


@pytest.mark.parametrize("page", ["3", "0", "zwei"])
def test_a_page_out_of_range_is_not_found(world, client_for, page):
    events(world, 30)

    assert client_for(world.qm).get(AUDIT_LOG, {"seite": page}).status_code == 404


def test_the_adviser_and_management_read_the_log_but_staff_does_not(world, client_for):
    assert client_for(world.adviser).get(AUDIT_LOG).status_code == 200
    assert client_for(world.management).get(AUDIT_LOG).status_code == 200
    assert client_for(world.staff).get(AUDIT_LOG).status_code == 403


# --- query counts ------------------------------------------------------------------------------


def count_queries(client, url: str) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_data(world, n: int, prefix: str) -> None:  # noqa: ANN001
    people = [
        make_member(world.freiburg, f"{prefix}{i}@test.example", f"Person {prefix}{i}", Role.STAFF) for i in range(n)
    ]
    for person in people:
        log_event(actor=person, organisation=world.freiburg, action="membership.role_changed", obj=person,
                  object_type="core.membership", changes={"role": ["staff", "assessor"]})
    Membership.objects.filter(user__in=people[: n // 2]).update(role=Role.ASSESSOR)


@pytest.mark.parametrize("url", [AUDIT_LOG, "/o/freiburg/", "/o/freiburg/mitglieder/"])
def test_the_number_of_queries_does_not_grow_with_the_data(world, client_for, invite, url):
    add_data(world, 3, "klein")
    invite("eins@test.example")
    client = client_for(world.qm)
    client.get(url)  # warm up: session, content types
    small = count_queries(client, url)

    add_data(world, 60, "gross")
    for i in range(10):
        invite(f"neu{i}@test.example")
    large = count_queries(client, url)

    assert large == small
