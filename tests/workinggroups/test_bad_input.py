"""Bad input on the forms: German messages on the page, nothing written, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.workinggroups.models import ActionItem, Meeting
from tests.workinggroups import builders

pytestmark = pytest.mark.django_db


def _url(name: str, **kwargs: object) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


@pytest.mark.parametrize(("data", "message"), [
    ({"starts_at": "", "duration_minutes": "90"}, "Dieses Feld ist zwingend erforderlich."),
    ({"starts_at": "morgen früh", "duration_minutes": "90"}, "gültiges Datum und Uhrzeit"),
    ({"starts_at": "2026-03-10T09:00", "duration_minutes": "5"}, "größer oder gleich 15"),
    ({"starts_at": "2026-03-10T09:00", "duration_minutes": "90", "video_link": "kein link"}, "gültige"),
])
def test_a_bad_meeting_is_not_planned(world, client_for, data, message):
    group = builders.group(world)
    response = client_for(world.management).post(_url("workinggroup_meeting_create", group_id=group.public_id), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.filter(group=group).exists()


@pytest.mark.parametrize(("fields", "message"), [
    ({"title": "Ohne Termin", "owner": "staff"}, "Dieses Feld ist zwingend erforderlich."),
    ({"title": "Ohne Person", "due_date": "2026-05-01"}, "Dieses Feld ist zwingend erforderlich."),
    ({"title": "Fremd", "owner": "outsider", "due_date": "2026-05-01"}, "gültige Auswahl"),
    ({"title": "Datum", "owner": "staff", "due_date": "31.02.2026"}, "gültiges Datum"),
])
def test_a_bad_action_item_keeps_the_page_and_writes_nothing(world, client_for, fields, message):
    meeting = builders.meeting(world)
    key = meeting.items.get().public_id
    people = {"staff": world.staff.pk, "outsider": world.outsider.pk}
    data = {"item": str(key), **{f"a-{key}-{k}": people.get(v, v) for k, v in fields.items()}}

    response = client_for(world.assessor).post(_url("workinggroup_action_add", meeting_id=meeting.public_id), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert fields["title"] in response.content.decode()  # what was typed stays in the form
    assert ActionItem.objects.filter(item__meeting=meeting).count() == 1


@pytest.mark.parametrize("item", ["", "keine-uuid", "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"])
def test_an_unknown_agenda_item_is_a_404(world, client_for, item):
    meeting = builders.meeting(world)
    response = client_for(world.assessor).post(_url("workinggroup_decision_add", meeting_id=meeting.public_id),
                                               {"item": item, "text": "x"})
    assert response.status_code == 404
