"""Changing and removing what the quality manager set up: trainings, topics, news, exemptions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kosmos.core.models import AuditEvent
from kosmos.training import services
from kosmos.training.models import (
    Completion,
    CompletionSource,
    ContactPerson,
    Exemption,
    NewsItem,
    Requirement,
    Topic,
    Training,
)
from tests.training import builders

TODAY = timezone.localdate()


def _url(name: str, **kwargs) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


def _complete(world, training: Training) -> Completion:  # noqa: ANN001
    person = builders.profile(world, key="DONE1")
    return Completion.objects.create(organisation=world.freiburg, profile=person, training=training,
                                     completed_on=TODAY, source=CompletionSource.IMPORT)


# --- trainings -------------------------------------------------------------------------------------


def test_a_training_without_records_is_deleted_and_logged(world, client_for):
    training = builders.training(world)
    client = client_for(world.qm)

    page = client.get(_url("training_delete", training_id=training.public_id))
    assert page.status_code == 200 and "Löschen" in page.content.decode()
    response = client.post(_url("training_delete", training_id=training.public_id))

    assert response.status_code == 302
    assert not Training.objects.filter(pk=training.pk).exists()
    event = AuditEvent.objects.get(action="training.training_deleted")
    assert event.changes["title"] == [training.title, None]


def test_a_training_with_completions_is_archived_not_deleted(world, client_for):
    training = builders.training(world)
    completion = _complete(world, training)
    client = client_for(world.qm)

    page = client.get(_url("training_delete", training_id=training.public_id))
    assert "archiviert" in page.content.decode()
    client.post(_url("training_delete", training_id=training.public_id))

    training.refresh_from_db()
    assert training.active is False
    assert Completion.objects.filter(pk=completion.pk).exists()
    assert not Requirement.objects.filter(training=training).exists()
    event = AuditEvent.objects.get(action="training.training_archived")
    assert event.changes["active"] == [True, False]
    assert event.changes["requirements"] == [["Eingangszone"], []]
    catalogue = client.get(_url("training_catalogue")).content.decode()
    assert "Archivierte Schulungen" in catalogue


def test_a_training_with_an_exemption_is_archived(world):
    exemption = builders.exemption(world)
    deleted = services.do_delete_training(acting_user=world.qm, organisation=world.freiburg,
                                          training=exemption.training)
    assert deleted is False and Exemption.objects.filter(pk=exemption.pk).exists()


def test_staff_cannot_delete_a_training(world, client_for):
    training = builders.training(world)
    response = client_for(world.staff).post(_url("training_delete", training_id=training.public_id))
    assert response.status_code == 403
    assert Training.objects.filter(pk=training.pk).exists()


def test_a_training_of_another_organisation_is_refused(world):
    training = builders.training(world)
    with pytest.raises(ValidationError):
        services.do_delete_training(acting_user=world.qm, organisation=world.ulm, training=training)
    assert Training.objects.filter(pk=training.pk).exists()


# --- topics ----------------------------------------------------------------------------------------


def test_a_topic_is_renamed_and_logged(world, client_for):
    topic = builders.topic(world)
    response = client_for(world.qm).post(_url("training_topic_edit", topic_id=topic.public_id),
                                         {"name": "Digitales", "parent": "", "need_keys": "digital_video"})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name == "Digitales" and topic.need_keys == "digital_video"
    event = AuditEvent.objects.get(action="training.topic_updated")
    assert event.changes["name"] == ["Digitale Angebote", "Digitales"]


def test_a_topic_cannot_take_the_name_of_a_sibling_or_become_its_own_part(world):
    topic = builders.topic(world)
    builders.topic(world, name="Gesundheit")
    with pytest.raises(ValidationError, match="gibt es schon"):
        services.do_update_topic(acting_user=world.qm, organisation=world.freiburg, topic=topic, name="gesundheit")
    with pytest.raises(ValidationError, match="Hauptthema"):
        services.do_update_topic(acting_user=world.qm, organisation=world.freiburg, topic=topic, name="X",
                                 parent=topic)
    topic.refresh_from_db()
    assert topic.name == "Digitale Angebote" and topic.parent_id is None


def test_a_topic_with_trainings_cannot_be_deleted(world, client_for):
    training = builders.training(world)
    client = client_for(world.qm)

    page = client.get(_url("training_topic_delete", topic_id=training.topic.public_id)).content.decode()
    assert "noch Schulungen" in page
    response = client.post(_url("training_topic_delete", topic_id=training.topic.public_id))

    assert response.status_code == 200 and "noch Schulungen" in response.content.decode()
    assert Topic.objects.filter(pk=training.topic_id).exists()
    assert not AuditEvent.objects.filter(action="training.topic_deleted").exists()


def test_a_topic_with_sub_topics_cannot_be_deleted(world):
    parent = builders.topic(world)
    services.do_create_topic(acting_user=world.qm, organisation=world.freiburg, name="Video", parent=parent)
    with pytest.raises(ValidationError):
        services.do_delete_topic(acting_user=world.qm, organisation=world.freiburg, topic=parent)


def test_an_empty_topic_is_deleted_with_its_contacts(world, client_for):
    contact = builders.contact(world)
    response = client_for(world.qm).post(_url("training_topic_delete", topic_id=contact.topic.public_id))
    assert response.status_code == 302
    assert not Topic.objects.filter(pk=contact.topic_id).exists()
    assert not ContactPerson.objects.filter(pk=contact.pk).exists()
    assert AuditEvent.objects.filter(action="training.topic_deleted", actor=world.qm).exists()


def test_staff_cannot_change_or_delete_a_topic(world, client_for):
    topic = builders.topic(world)
    client = client_for(world.staff)
    assert client.post(_url("training_topic_edit", topic_id=topic.public_id), {"name": "X"}).status_code == 403
    assert client.post(_url("training_topic_delete", topic_id=topic.public_id)).status_code == 403
    topic.refresh_from_db()
    assert topic.name == "Digitale Angebote"


# --- news ------------------------------------------------------------------------------------------


def test_a_news_item_is_changed_and_deleted_with_log(world, client_for):
    item = builders.news(world)
    client = client_for(world.qm)

    response = client.post(_url("training_news_edit", news_id=item.public_id), {
        "title": "Neu: Videoberatung ab Juni", "text": "Später als gedacht.",
        "published_on": TODAY.isoformat(), "url": ""})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Neu: Videoberatung ab Juni"
    assert AuditEvent.objects.get(action="training.news_updated").changes["title"][1] == item.title

    response = client.post(_url("training_news_delete", news_id=item.public_id))
    assert response.status_code == 302
    assert not NewsItem.objects.filter(pk=item.pk).exists()
    assert AuditEvent.objects.get(action="training.news_deleted").changes["title"] == [item.title, None]


def test_staff_cannot_change_or_delete_news(world, client_for):
    item = builders.news(world)
    client = client_for(world.staff)
    assert client.post(_url("training_news_edit", news_id=item.public_id), {
        "title": "X", "text": "X", "published_on": TODAY.isoformat()}).status_code == 403
    assert client.post(_url("training_news_delete", news_id=item.public_id)).status_code == 403
    assert NewsItem.objects.get(pk=item.pk).title == "Neu: Videoberatung"


def test_a_news_item_of_another_organisation_is_refused(world):
    item = builders.news(world)
    with pytest.raises(ValidationError):
        services.do_delete_news(acting_user=world.qm, organisation=world.ulm, item=item)
    with pytest.raises(ValidationError):
        services.do_update_news(acting_user=world.qm, organisation=world.ulm, item=item, title="X", text="X",
                                published_on=TODAY - dt.timedelta(days=1))
    assert NewsItem.objects.get(pk=item.pk).title == "Neu: Videoberatung"


# --- exemptions ------------------------------------------------------------------------------------


def test_an_exemption_is_withdrawn_and_the_reason_stays_in_the_log(world, client_for):
    exemption = builders.exemption(world)

    response = client_for(world.qm).post(_url("training_exemption_withdraw", exemption_id=exemption.public_id))

    assert response.status_code == 302
    assert not Exemption.objects.filter(pk=exemption.pk).exists()
    event = AuditEvent.objects.get(action="training.exemption_withdrawn")
    assert event.actor == world.qm and event.changes["reason"] == ["Langzeiterkrankung", None]


def test_staff_cannot_withdraw_an_exemption_and_get_cannot_either(world, client_for):
    exemption = builders.exemption(world)
    assert client_for(world.staff).post(
        _url("training_exemption_withdraw", exemption_id=exemption.public_id)).status_code == 403
    assert client_for(world.qm).get(
        _url("training_exemption_withdraw", exemption_id=exemption.public_id)).status_code == 405
    assert Exemption.objects.filter(pk=exemption.pk).exists()


def test_a_topic_with_sub_topics_cannot_become_a_sub_topic_itself(world, client_for):
    parent = builders.topic(world)
    services.do_create_topic(acting_user=world.qm, organisation=world.freiburg, name="Video", parent=parent)
    other = builders.topic(world, name="Gesundheit")

    response = client_for(world.qm).post(_url("training_topic_edit", topic_id=parent.public_id),
                                         {"name": parent.name, "parent": other.pk, "need_keys": ""})

    assert response.status_code == 200 and "Hauptthema" in response.content.decode()
    parent.refresh_from_db()
    assert parent.parent_id is None


def test_every_action_of_the_services_has_a_german_label():
    import re
    from pathlib import Path

    from kosmos.training import panels

    source = Path(services.__file__).read_text(encoding="utf-8")
    actions = set(re.findall(r'action="(training\.[a-z_]+)"', source))
    assert {"training.training_archived", "training.exemption_withdrawn", "training.topic_deleted"} <= actions
    assert actions <= set(panels.ACTIONS)


def test_deleting_a_training_removes_its_file_after_the_commit(world, django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    training = builders.training(world)
    training.document.save("leitfaden.pdf", ContentFile(b"%PDF-1.4 Leitfaden"), save=True)
    storage, name = training.document.storage, training.document.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        services.do_delete_training(acting_user=world.qm, organisation=world.freiburg, training=training)

    assert not storage.exists(name)
