"""Permission rows of the workshops, the results report and the programme office's home page
(merged into ``tests/programme/permission_rows.py``).

Organisation pages: every Jobcenter member may see workshops and register themselves; the adviser
reads but, being no member, cannot register or cancel (403). Office pages are platform pages of
the programme office (``programme.office``).
"""

from __future__ import annotations

from tests.permissions.rows import OrgRow, PlatformRow
from tests.programme import exchange_builders as build


def _event(world) -> dict:  # noqa: ANN001
    return {"event_id": build.event(rooms=(("Sprache", 10),)).public_id}


def _room_data(world) -> dict:  # noqa: ANN001
    from kosmos.programme.models import EventRoom

    return {"room": str(EventRoom.objects.order_by("-id").first().pk)}


def _material(world) -> dict:  # noqa: ANN001
    from kosmos.programme import services_events

    event = build.event(days=-2)
    material = services_events.do_add_material(acting_user=world.programme, event=event, title="Folien",
                                               upload=build.pdf_upload(), file_type="pdf")
    return {"event_id": event.public_id, "material_id": material.public_id}


def _registration(world) -> dict:  # noqa: ANN001
    from kosmos.programme import services_events

    event = build.event()
    registration = services_events.do_register(acting_user=world.staff, event=event, organisation=world.freiburg,
                                               participant=world.staff)
    return {"registration_id": registration.public_id}


def _event_registration(world) -> dict:  # noqa: ANN001
    from kosmos.programme import services_events

    event = build.event()
    registration = services_events.do_register(acting_user=world.staff, event=event, organisation=world.freiburg,
                                               participant=world.staff)
    return {"event_id": event.public_id, "registration_id": registration.public_id}


def _room(world) -> dict:  # noqa: ANN001
    event = build.event(rooms=(("Sprache", 10),))
    return {"event_id": event.public_id, "room_id": event.rooms.get().public_id}


def _call(world) -> dict:  # noqa: ANN001
    return {"call_id": build.call().public_id}


def _section(world) -> dict:  # noqa: ANN001
    return {"call_id": build.call().public_id, "key": "introduction"}


MEMBER_ONLY = {"adviser_status": 403}

EXCHANGE_ROWS = {
    "org:programme_workshops": OrgRow(),
    "org:programme_workshop": OrgRow(kwargs=_event),
    "org:programme_workshop_ics": OrgRow(kwargs=_event),
    "org:programme_workshop_material": OrgRow(kwargs=_material),
    "org:programme_workshop_register": OrgRow(kwargs=_event, method="post", data=_room_data, ok_status=302,
                                              **MEMBER_ONLY),
    "org:programme_workshop_cancel": OrgRow(kwargs=_registration, method="post", ok_status=302, **MEMBER_ONLY),
    "org:programme_workshop_consent": OrgRow(kwargs=_registration, method="post",
                                             data=lambda w: {"share_contact": "1"}, ok_status=302, **MEMBER_ONLY),
    "programme_home": PlatformRow(),
    "programme_event_list": PlatformRow(),
    "programme_event_create": PlatformRow(),
    "programme_event_detail": PlatformRow(kwargs=_event),
    "programme_event_edit": PlatformRow(kwargs=_event),
    "programme_event_participants_xlsx": PlatformRow(kwargs=_event),
    # Platform rows post no data: the office passes the permission and gets the form back (400).
    "programme_event_room_add": PlatformRow(kwargs=_event, method="post", ok_status=400),
    "programme_event_room_delete": PlatformRow(kwargs=_room, method="post", ok_status=302),
    "programme_event_material_add": PlatformRow(kwargs=_event, method="post", ok_status=400),
    "programme_event_material_file": PlatformRow(kwargs=_material),
    "programme_event_material_delete": PlatformRow(kwargs=_material, method="post", ok_status=302),
    "programme_event_registration_cancel": PlatformRow(kwargs=_event_registration, method="post", ok_status=302),
    "programme_report": PlatformRow(kwargs=_call),
    "programme_report_pdf": PlatformRow(kwargs=_call),
    "programme_report_docx": PlatformRow(kwargs=_call),
    "programme_report_section": PlatformRow(kwargs=_section),
}
