"""Action fields and projects for the improvement tests."""

from __future__ import annotations

import datetime as dt

from kosmos.improvement import services
from kosmos.improvement.models import ActionField, ImprovementProject


def action_field(world, title: str = "Terminvergabe vereinfachen", **data) -> ActionField:  # noqa: ANN001
    return services.do_create_action_field(acting_user=world.qm, organisation=world.freiburg,
                                           data={"title": title, **data})


def project(world, field: ActionField | None = None, title: str = "Online-Terminvergabe ausbauen") -> ImprovementProject:  # noqa: ANN001
    return services.do_create_project(
        acting_user=world.qm, organisation=world.freiburg, action_field=field,
        data={"title": title, "goal": "Anteil der Online-Termine von 20 % auf 35 % steigern, damit Kund:innen schneller einen Termin erhalten.",
              "owner": world.management, "due_date": dt.date(2027, 6, 30), "status": "active"},
        milestones=[("Konzept abgestimmt", dt.date(2026, 9, 30)), ("Pilot im Team U25", None)],
    )
