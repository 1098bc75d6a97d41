"""Needs versus offer: the qualification-needs survey's gaps become an action field through the hub."""

from __future__ import annotations

from django.urls import reverse

from kosmos.core import hub
from kosmos.core.roles import Role
from kosmos.improvement.models import ActionField
from kosmos.training.demo import load_training_demo
from kosmos.training.hub import HUB_SOURCE
from tests.factories import make_member, make_organisation


def test_the_quality_manager_turns_a_gap_into_an_action_field(db, client_for):
    rostock = make_organisation("hanse-rostock", "Hanse-Jobcenter Rostock")
    qm = make_member(rostock, "qm@hanse-rostock.example", "Quirin Rostock", Role.QUALITY_MANAGER)
    load_training_demo()
    (source, wave_id, _title, _label), = [e for e in hub.available_collections(rostock) if e[0] == HUB_SOURCE]
    collection = hub.collection(rostock, source, wave_id)
    keys = {f.id for f in collection.findings}
    assert "digital_email" in keys  # high need, no offer in the demo catalogue
    assert "digital_eakte" not in keys  # the catalogue has E-Akte trainings
    client = client_for(qm)

    page = client.get(reverse("org:training_needs", kwargs={"org_slug": "hanse-rostock"})).content.decode()
    assert f"quelle={HUB_SOURCE}&amp;objekt={wave_id}" in page
    assert "Verschlüsselte E-Mail-Kommunikation mit Kund:innen" in page

    url = reverse("org:improvement_action_field_create", kwargs={"org_slug": "hanse-rostock"})
    response = client.post(f"{url}?quelle={source}&objekt={wave_id}", {
        "findings": ["digital_email"], "title": "Schulung verschlüsselte E-Mail", "topic_key": "digital_email",
        "status": "open"})

    assert response.status_code == 302, response.content.decode()[:2000]
    field = ActionField.objects.get(organisation=rostock)
    assert field.source == HUB_SOURCE and field.source_id == wave_id
    assert field.topic == "Verschlüsselte E-Mail-Kommunikation mit Kund:innen"
    assert "kein Schulungsangebot" in field.findings.get().text
