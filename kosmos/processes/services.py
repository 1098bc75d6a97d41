"""Writes of the process maps: ``do_*`` functions with the acting user, one transaction, the audit log.

Concurrency: every page that changes a map sends the *token* of the version it showed
(``"<number>.<revision>"``). A write locks the map's newest version and compares; when another
side changed or approved in between, the write is refused with a German message and the form
keeps what the user typed — nothing is lost and nothing is overwritten silently.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core import sharing
from kosmos.core.audit import log_created, log_event
from kosmos.core.i18n import translate
from kosmos.core.models import Organisation, User
from kosmos.core.models.sharing import Visibility
from kosmos.processes.domain import catalogue
from kosmos.processes.domain.model import parse
from kosmos.processes.domain.validation import validate
from kosmos.processes.models import Approval, ProcessMap, ProcessVersion, VersionStatus


def token(version: ProcessVersion) -> str:
    return f"{version.number}.{version.revision}"


def _check_side(process_map: ProcessMap, organisation: Organisation) -> None:
    process_map.refresh_from_db(fields=["visibility"])  # the sides as stored, not as the caller last saw them
    if organisation.pk not in process_map.side_ids():
        raise PermissionDenied


def _newest_locked(process_map: ProcessMap) -> ProcessVersion:
    return ProcessVersion.objects.select_for_update().filter(process_map=process_map).order_by("-number").first()


def _check_token(version: ProcessVersion, seen: str) -> None:
    if seen != token(version):
        raise ValidationError(
            _("Someone else has changed this process map in the meantime (now version %(number)s, revision "
              "%(revision)s). Your entries have not been saved yet; please check the current state and send "
              "them again.") % {"number": version.number, "revision": version.revision},
            code="conflict",
        )


def _validated(data: dict[str, Any]) -> dict[str, Any]:
    problems = validate(parse(data))
    if problems:
        raise ValidationError([translate(p.text) for p in problems], code="invalid")
    return data


@transaction.atomic
def do_create_map(*, acting_user: User, organisation: Organisation, title: str = "", summary: str = "",
                  template_key: str = "") -> ProcessMap:
    template = catalogue.template(template_key) if template_key else None
    if template_key and template is None:
        raise ValidationError({"template": _("This template does not exist.")})
    title = " ".join((title or (template.title if template else "")).split())
    if not title:
        raise ValidationError({"title": _("Please give the process map a title.")})
    data = copy.deepcopy(template.data) if template else {"actors": [], "steps": []}
    process_map = ProcessMap.objects.create(
        organisation=organisation, title=title[:200],
        summary=summary or (template.summary if template else ""), template_key=template_key,
    )
    ProcessVersion.objects.create(process_map=process_map, number=1, data=_validated(data), created_by=acting_user,
                                  change_note=_("Adopted from the template “%(title)s”.") % {"title": template.title}
                                  if template else "")
    log_created(process_map, actor=acting_user, organisation=organisation, action="processes.map_created",
                fields=["title", "summary", "template_key"])
    return process_map


def _editable(process_map: ProcessMap, seen: str, acting_user: User) -> ProcessVersion:
    """The draft to change: the newest version, or a new draft copied from the agreed one."""
    newest = _newest_locked(process_map)
    _check_token(newest, seen)
    if newest.status == VersionStatus.DRAFT:
        return newest
    return ProcessVersion.objects.create(
        process_map=process_map, number=newest.number + 1, data=copy.deepcopy(newest.data), created_by=acting_user,
        revision=0,
    )


def _save_data(version: ProcessVersion, data: dict[str, Any], note: str) -> None:
    version.data = _validated(data)
    version.revision += 1
    if note:
        version.change_note = note[:300]
    version.save(update_fields=["data", "revision", "change_note", "updated_at"])


@transaction.atomic
def do_save_step(*, acting_user: User, organisation: Organisation, process_map: ProcessMap, seen: str,
                 step: dict[str, Any], position: int | None = None) -> ProcessVersion:
    """Add a step (``step["key"]`` empty) or replace the step with that key."""
    _check_side(process_map, organisation)
    version = _editable(process_map, seen, acting_user)
    data = copy.deepcopy(version.data)
    steps = data.setdefault("steps", [])
    existing = next((i for i, s in enumerate(steps) if s.get("key") == step.get("key")), None) if step.get("key") else None
    if existing is None:
        step = {**step, "key": step.get("key") or uuid.uuid4().hex[:8]}
        index = len(steps) if position is None else max(0, min(position, len(steps)))
        steps.insert(index, step)
        action = "processes.step_added"
    else:
        steps[existing] = step
        action = "processes.step_changed"
    _save_data(version, data, "")
    log_event(actor=acting_user, organisation=organisation, action=action, obj=process_map,
              changes={"step": [None, step.get("title", "")], "version": [None, version.number]})
    return version


@transaction.atomic
def do_delete_step(*, acting_user: User, organisation: Organisation, process_map: ProcessMap, seen: str,
                   step_key: str) -> ProcessVersion:
    _check_side(process_map, organisation)
    version = _editable(process_map, seen, acting_user)
    data = copy.deepcopy(version.data)
    removed = next((s for s in data.get("steps", []) if s.get("key") == step_key), None)
    if removed is None:
        raise ValidationError(_("This step does not exist (any more)."))
    data["steps"] = [s for s in data["steps"] if s.get("key") != step_key]
    for other in data["steps"]:  # the steps that continued with it continue with the one below
        other["next"] = [k for k in other.get("next", []) if k != step_key]
    _save_data(version, data, "")
    log_event(actor=acting_user, organisation=organisation, action="processes.step_deleted", obj=process_map,
              changes={"step": [removed.get("title", ""), None], "version": [None, version.number]})
    return version


@transaction.atomic
def do_save_actors(*, acting_user: User, organisation: Organisation, process_map: ProcessMap, seen: str,
                   actors: Iterable[dict[str, str]]) -> ProcessVersion:
    _check_side(process_map, organisation)
    version = _editable(process_map, seen, acting_user)
    data = copy.deepcopy(version.data)
    before = [a.get("key") for a in data.get("actors", [])]
    data["actors"] = [dict(a) for a in actors]
    _save_data(version, data, "")
    log_event(actor=acting_user, organisation=organisation, action="processes.actors_changed", obj=process_map,
              changes={"actors": [before, [a["key"] for a in data["actors"]]]})
    return version


@transaction.atomic
def do_approve(*, acting_user: User, organisation: Organisation, process_map: ProcessMap, seen: str) -> ProcessVersion:
    """Approve the current draft for ``organisation``'s side. When every side has approved the
    same revision, the version is agreed and the one agreed before is superseded."""
    _check_side(process_map, organisation)
    version = _newest_locked(process_map)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Version %(number)s is already agreed; there is no draft to approve.")
                              % {"number": version.number}, code="agreed")
    if seen != token(version):
        raise ValidationError(
            _("You approved version %(seen)s, but the draft has changed since then (now version %(number)s, "
              "revision %(revision)s). Your approval has not been recorded; please read the changes and "
              "approve again.") % {"seen": seen or "–", "number": version.number, "revision": version.revision},
            code="conflict",
        )
    Approval.objects.update_or_create(
        version=version, organisation=organisation,
        defaults={"revision": version.revision, "approved_by": acting_user,
                  "approved_by_name": acting_user.get_full_name() or acting_user.email},
    )
    log_event(actor=acting_user, organisation=organisation, action="processes.approved", obj=process_map,
              changes={"version": [None, token(version)]})
    approved = set(version.approvals.filter(revision=version.revision).values_list("organisation_id", flat=True))
    if process_map.side_ids() <= approved:
        ProcessVersion.objects.filter(process_map=process_map, status=VersionStatus.AGREED).update(
            status=VersionStatus.SUPERSEDED)
        version.status = VersionStatus.AGREED
        version.agreed_at = timezone.now()
        version.save(update_fields=["status", "agreed_at", "updated_at"])
        log_event(actor=acting_user, organisation=process_map.organisation, action="processes.agreed",
                  obj=process_map, changes={"version": [None, version.number]})
    return version


@transaction.atomic
def do_set_sides(*, acting_user: User, process_map: ProcessMap, partners: Iterable[Organisation]) -> ProcessMap:
    """Name the partner organisations that edit and approve the map with the owner (through the
    core sharing service); no partner makes the map the owner's alone again."""
    partners = list(partners)
    return sharing.do_share(acting_user=acting_user, obj=process_map,
                            visibility=Visibility.PARTNERS if partners else Visibility.OWN, partners=partners)
