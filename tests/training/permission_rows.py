"""Permission rows for every URL of the Quali-Kompass."""

from __future__ import annotations

from django.core.files.base import ContentFile

from tests.permissions.rows import OrgRow
from tests.training import builders


def _training(world) -> dict:  # noqa: ANN001
    return {"training_id": builders.training(world).public_id}


def _training_with_file(world) -> dict:  # noqa: ANN001
    training = builders.training(world)
    if not training.document:
        training.document.save("leitfaden.pdf", ContentFile(b"%PDF-1.4 Leitfaden"), save=True)
    return {"training_id": training.public_id}


def _topic(world) -> dict:  # noqa: ANN001
    return {"topic_id": builders.topic(world).public_id}


def _contact(world) -> dict:  # noqa: ANN001
    return {"contact_id": builders.contact(world).public_id}


def _department(world) -> dict:  # noqa: ANN001
    return {"department_id": builders.department(world).public_id}


ROWS = {
    "org:training_compass": OrgRow(),
    "org:training_profile": OrgRow(),
    "org:training_catalogue": OrgRow(),
    "org:training_create": OrgRow(),
    "org:training_detail": OrgRow(kwargs=_training),
    "org:training_edit": OrgRow(kwargs=_training),
    "org:training_delete": OrgRow(kwargs=_training),  # GET: the confirmation page
    "org:training_document": OrgRow(kwargs=_training_with_file),
    # Without a compass of her own the member gets a 404 ("no compass yet"): the walk's actors have none.
    "org:training_complete": OrgRow(kwargs=_training, method="post", data=lambda w: {"completed_on": "2026-01-05"},
                                    ok_status=404),
    "org:training_topic": OrgRow(kwargs=_topic),
    "org:training_topic_edit": OrgRow(kwargs=_topic),
    "org:training_topic_delete": OrgRow(kwargs=_topic),  # GET: the confirmation page (or the refusal)
    "org:training_contact_add": OrgRow(kwargs=_topic, method="post", data=lambda w: {"name": "Jana Voß"},
                                       ok_status=302),
    "org:training_contact_remove": OrgRow(kwargs=_contact, method="post", ok_status=302),
    "org:training_requirements": OrgRow(),
    "org:training_requirement_edit": OrgRow(kwargs=_department),
    "org:training_setup": OrgRow(),
    "org:training_people": OrgRow(),
    "org:training_person_create": OrgRow(),
    "org:training_person_edit": OrgRow(kwargs=lambda w: {"profile_id": builders.profile(w, key="HRO1").public_id}),
    "org:training_team": OrgRow(),
    "org:training_overview": OrgRow(),
    "org:training_overview_export": OrgRow(),
    "org:training_exemptions": OrgRow(),
    "org:training_exemption_withdraw": OrgRow(
        kwargs=lambda w: {"exemption_id": builders.exemption(w).public_id}, method="post", ok_status=302),
    "org:training_import": OrgRow(),
    "org:training_needs": OrgRow(),
    "org:training_news": OrgRow(),
    "org:training_news_create": OrgRow(),
    "org:training_news_edit": OrgRow(kwargs=lambda w: {"news_id": builders.news(w).public_id}),
    "org:training_news_delete": OrgRow(kwargs=lambda w: {"news_id": builders.news(w).public_id}),
}
