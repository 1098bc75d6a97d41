"""Objects of the working groups for tests, built through the services (Freiburg's test world)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kosmos.workinggroups import services
from kosmos.workinggroups.models import ActionItem, Meeting, WorkingGroup


def group(world) -> WorkingGroup:  # noqa: ANN001
    """Digi-Team: management leads, the assessor takes the minutes, staff is a member."""
    made = services.do_save_group(acting_user=world.qm, organisation=world.freiburg,
                                  data={"name": "Digi-Team", "topic": "digital", "purpose": "Digitale Zugänge"})
    services.do_add_member(acting_user=world.qm, group=made, user=world.management, role="lead")
    services.do_add_member(acting_user=world.qm, group=made, user=world.assessor, role="minute_taker")
    services.do_add_member(acting_user=world.qm, group=made, user=world.staff, role="member")
    return made


def meeting(world, *, status: str = "draft", of: WorkingGroup | None = None,  # noqa: ANN001
            starts_at: dt.datetime | None = None) -> Meeting:
    """A meeting with one agenda item, a decision and an action item owned by staff."""
    of = of or group(world)
    made = services.do_save_meeting(acting_user=world.management, group=of, data={
        "starts_at": starts_at or timezone.make_aware(dt.datetime(2026, 3, 10, 9, 0)), "duration_minutes": 90,
        "place": "Raum 1"})
    item = services.do_add_agenda_item(acting_user=world.management, meeting=made, title="Online-Termine",
                                       owner=world.staff, duration_minutes=30)
    services.do_add_decision(acting_user=world.assessor, item=item, text="Pilot im Team U25 starten")
    services.do_add_action_item(acting_user=world.assessor, item=item, title="Infoblatt entwerfen",
                                owner=world.staff, due_date=dt.date(2026, 4, 30))
    if status != "draft":
        services.do_move_minutes(acting_user=world.management, meeting=made, status=status)
    made.refresh_from_db()
    return made


def task(world) -> ActionItem:  # noqa: ANN001
    return meeting(world).items.get().action_items.get()
