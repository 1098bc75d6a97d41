"""The accessibility statement: feedback mechanism and conciliation body (BITV 2.0, issue 15)."""

from __future__ import annotations

from django.urls import reverse


def test_the_statement_names_the_feedback_contact_and_the_conciliation_body(client, settings):
    settings.ACCESSIBILITY_CONTACT = "barrieren@jobcenter.example"

    page = client.get(reverse("accessibility")).content.decode()

    assert "mailto:barrieren@jobcenter.example" in page
    assert "Schlichtungsstelle" in page and "§ 16 BGG" in page
    assert 'name="description"' in page  # the report form


def test_a_report_of_a_barrier_is_mailed_to_the_operator_and_not_stored(client, settings, mailoutbox):
    settings.ACCESSIBILITY_CONTACT = "barrieren@jobcenter.example"

    response = client.post(reverse("accessibility"), {
        "page": "/o/freiburg/befragungen/", "description": "Die Tabelle lässt sich nicht vorlesen.", "contact": ""})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["barrieren@jobcenter.example"]
    assert "Die Tabelle lässt sich nicht vorlesen." in mailoutbox[0].body


def test_an_incomplete_report_keeps_what_was_typed(client, mailoutbox):
    response = client.post(reverse("accessibility"), {"page": "/start/", "description": ""})

    assert response.status_code == 200
    assert 'value="/start/"' in response.content.decode()
    assert mailoutbox == []
