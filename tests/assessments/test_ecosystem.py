"""Ecosystem maps: four spheres as concentric circles with a list, and a viewable history."""

from __future__ import annotations

from django.urls import reverse

from kosmos.assessments import services
from kosmos.assessments.models import EcosystemEntryVersion
from kosmos.core.models import AuditEvent
from tests.assessments import builders


def test_the_map_is_drawn_as_circles_with_the_entries_listed_beside_it(world, client_for):
    ecosystem = builders.ecosystem(world.freiburg, world.qm)
    url = reverse("org:assessment_ecosystem_detail", kwargs={"org_slug": "freiburg", "map_id": ecosystem.public_id})

    html = client_for(world.staff).get(url).content.decode()

    assert html.count('class="sphere sphere-') == 4
    assert "Globales Umfeld/Megatrends" in html
    assert "Termine sind schwer zu bekommen." in html
    assert "style=" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_every_change_is_kept_and_shown_in_the_history(world, client_for):
    ecosystem = builders.ecosystem(world.freiburg, world.qm)
    entry = ecosystem.entries.get(label="Kund:innen")
    services.do_update_ecosystem_entry(acting_user=world.qm, entry=entry,
                                       data={"assumed_view": "Online-Termine sind praktisch."})
    services.do_delete_ecosystem_entry(acting_user=world.qm, entry=entry)

    versions = list(EcosystemEntryVersion.objects.filter(entry_id=entry.public_id).order_by("version"))
    assert [v.action for v in versions] == ["created", "updated", "deleted"]
    assert versions[0].assumed_view == "Termine sind schwer zu bekommen."
    url = reverse("org:assessment_ecosystem_history", kwargs={"org_slug": "freiburg", "map_id": ecosystem.public_id})
    html = client_for(world.staff).get(url).content.decode()
    assert "<del>Termine sind schwer zu bekommen.</del> <ins>Online-Termine sind praktisch.</ins>" in html
    assert "entfernt" in html
    event = AuditEvent.objects.get(action="ecosystem.entry_updated")
    assert event.changes == {"assumed_view": ["Termine sind schwer zu bekommen.", "Online-Termine sind praktisch."]}


def test_entries_are_added_through_the_form(world, client_for):
    ecosystem = builders.ecosystem(world.freiburg, world.qm)
    url = reverse("org:assessment_ecosystem_entry_add", kwargs={"org_slug": "freiburg", "map_id": ecosystem.public_id})

    response = client_for(world.qm).post(url, {"sphere": "market", "label": "Zeitarbeitsfirmen",
                                               "assumed_view": "Wir bekommen zu wenige Bewerbungen."})

    assert response.status_code == 302
    assert ecosystem.entries.filter(label="Zeitarbeitsfirmen", sphere="market").exists()
