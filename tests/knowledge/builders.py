"""Objects of the knowledge base for tests, built through the services (Freiburg's test world)."""

from __future__ import annotations

from kosmos.knowledge import services
from kosmos.knowledge.models import Category, Entry, NetworkMeeting, Partner, PartnerContact


def category(world, name: str = "Psychische Gesundheit") -> Category:  # noqa: ANN001
    return services.do_save_category(acting_user=world.qm, organisation=world.freiburg,
                                     data={"name": name, "topic": "offers"})


def partner(world) -> Partner:  # noqa: ANN001
    return services.do_save_partner(acting_user=world.qm, organisation=world.freiburg, data={
        "name": "Psychosoziale Beratungsstelle Lichtblick", "kind": "counselling", "postcode": "79098",
        "place": "Freiburg im Breisgau"})


def contact(world) -> PartnerContact:  # noqa: ANN001
    return services.do_add_contact(acting_user=world.qm, partner=partner(world),
                                   data={"name": "Claudia Reiter", "role": "Teamleitung"})


def entry(world, **data) -> Entry:  # noqa: ANN001, ANN003
    values = {"title": "Sozialpsychiatrischer Dienst Freiburg", "topic": "offers",
              "summary": "Beratung bei psychischer Belastung und in Krisen.",
              "description": "Vertrauliche Gespräche für Menschen mit psychischer Belastung.",
              "postcode": "79098", "place": "Freiburg im Breisgau", "free_of_charge": True,
              "target_groups": ["all"], "languages": ["de", "en"], "accessible": True}
    values.update(data)
    return services.do_save_entry(acting_user=world.qm, organisation=world.freiburg, data=values)


def meeting(world) -> NetworkMeeting:  # noqa: ANN001
    import datetime as dt

    return services.do_save_meeting(acting_user=world.qm, organisation=world.freiburg,
                                    data={"title": "Netzwerktreffen Gesundheit", "date": dt.date(2026, 5, 4)},
                                    partners=[partner(world)])
