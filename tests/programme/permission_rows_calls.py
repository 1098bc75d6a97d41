"""Permission rows of calls, applications, committee and selection (P2a; added in permission_rows.py)."""

from __future__ import annotations

from django.core.files.base import ContentFile

from kosmos.programme.models import CallDocument
from tests.permissions.rows import CommitteeRow, LoginRow, OrgRow, PlatformRow
from tests.programme.builders_calls import build_programme, make_call


def _document(call) -> CallDocument:  # noqa: ANN001
    document = CallDocument(call=call, title="Aufruf")
    document.file.save("aufruf.pdf", ContentFile(b"%PDF-1.4 Aufruf"), save=True)
    return document


def _open_call(world) -> dict:  # noqa: ANN001
    return {"call_id": make_call(world).public_id}


def _open_call_document(world) -> dict:  # noqa: ANN001
    call = make_call(world)
    return {"call_id": call.public_id, "document_id": _document(call).public_id}


def _call(world) -> dict:  # noqa: ANN001
    return {"call_id": build_programme(world).call.public_id}


def _call_document(world) -> dict:  # noqa: ANN001
    call = build_programme(world).call
    return {"call_id": call.public_id, "document_id": _document(call).public_id}


def _committee_member(world) -> dict:  # noqa: ANN001
    p = build_programme(world)
    return {"call_id": p.call.public_id, "member_id": p.seat.public_id}


def _application(world) -> dict:  # noqa: ANN001
    p = build_programme(world)
    return {"call_id": p.call.public_id, "application_id": p.freiburg.public_id}


def _seat_board(world) -> tuple[dict, object, object]:  # noqa: ANN001
    p = build_programme(world)
    return {"call_id": p.call.public_id}, p.member, p.conflicted


def _seat_application(world) -> tuple[dict, object, object]:  # noqa: ANN001
    """Freiburg's application: the Land member from Baden-Württemberg has a conflict."""
    p = build_programme(world)
    return {"call_id": p.call.public_id, "application_id": p.freiburg.public_id}, p.member, p.conflicted


CALL_ROWS = {
    "org:programme_calls": OrgRow(),
    "org:programme_call": OrgRow(kwargs=_open_call),
    "org:programme_call_document_org": OrgRow(kwargs=_open_call_document),
    "org:programme_application_edit": OrgRow(kwargs=_open_call),
    "org:programme_application_withdraw": OrgRow(kwargs=_open_call, method="post", ok_status=302),
    "programme_call_list": PlatformRow(),
    "programme_call_create": PlatformRow(),
    "programme_call_detail": PlatformRow(kwargs=_call),
    "programme_call_edit": PlatformRow(kwargs=_call),
    "programme_call_state": PlatformRow(kwargs=_call, method="post", ok_status=302),
    "programme_call_document_add": PlatformRow(kwargs=_call),
    "programme_call_document": PlatformRow(kwargs=_call_document),
    "programme_call_document_delete": PlatformRow(kwargs=_call_document, method="post", ok_status=302),
    "programme_committee_add": PlatformRow(kwargs=_call),
    "programme_committee_remove": PlatformRow(kwargs=_committee_member, method="post", ok_status=302),
    "programme_application_office": PlatformRow(kwargs=_application),
    "programme_board": PlatformRow(kwargs=_call),
    "programme_selection": PlatformRow(kwargs=_call),
    "programme_decision_mails": PlatformRow(kwargs=_call, method="post", ok_status=302),
    "programme_committee_seats": LoginRow(),
    # The conflicted member sees the board (without the conflicted application's figures).
    "programme_member_board": CommitteeRow(build=_seat_board, conflict_status=200),
    "programme_member_application": CommitteeRow(build=_seat_application),
    "programme_member_conflict": CommitteeRow(build=_seat_application, method="post", ok_status=302,
                                              conflict_status=302),
}
