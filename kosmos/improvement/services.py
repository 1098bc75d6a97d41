"""Writes of the improvement module: ``do_*`` functions with the acting user, one transaction and
the audit log."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.core.audit import log_created, log_deleted, update_fields
from kosmos.core.hub import FindingCollection
from kosmos.core.models import Membership, Organisation, User
from kosmos.improvement.models import (
    MATRIX_LEVELS,
    ActionField,
    ActionFieldFinding,
    ActionFieldStatus,
    ImprovementProject,
    Milestone,
)

ACTION_FIELD_FIELDS = ["title", "description", "topic_key", "topic", "goal", "indicator", "owner", "due_date", "status",
                       "impact", "effort"]
PROJECT_FIELDS = ["title", "goal", "indicator", "owner", "start_date", "due_date", "status", "working_group"]


def _check_member(organisation: Organisation, user: User | None, field: str) -> None:
    if user is not None and not Membership.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError({field: _("Please choose a member of the organisation.")})


@transaction.atomic
def do_create_action_field(
    *, acting_user: User, organisation: Organisation, data: dict,
    collection: FindingCollection | None = None, finding_ids: list[str] | tuple[str, ...] = (),
) -> ActionField:
    """An action field, optionally gathered from the findings of one source (through the hub).

    ``collection`` comes from ``kosmos.core.hub.collection`` for this organisation; the chosen
    findings are kept as text snapshots, so the field keeps its story if the source changes.
    """
    chosen = []
    for finding_id in finding_ids:
        ref = collection.finding(str(finding_id)) if collection is not None else None
        if ref is None:
            raise ValidationError(_("Only findings of this source can be taken over."))
        chosen.append(ref)
    values = {k: data[k] for k in ACTION_FIELD_FIELDS if k in data}
    topics = dict(collection.topics) if collection is not None else {}
    if not values.get("topic_key") and chosen:
        values["topic_key"] = chosen[0].topic_key
    if values.get("topic_key") and not values.get("topic"):
        values["topic"] = topics.get(values["topic_key"], "")
    if collection is not None:
        values.update(source=collection.source, source_id=collection.source_id, source_title=collection.title[:200])
    field = ActionField.objects.create(organisation=organisation, created_by=acting_user, **values)
    ActionFieldFinding.objects.bulk_create([
        ActionFieldFinding(action_field=field, finding_id=ref.id, text=ref.text, topic=ref.topic) for ref in chosen
    ])
    log_created(field, actor=acting_user, organisation=organisation, action="improvement.action_field_created",
                fields={**values, "findings": [ref.text for ref in chosen]})
    return field


@transaction.atomic
def do_update_action_field(*, acting_user: User, action_field: ActionField, data: dict) -> ActionField:
    update_fields(action_field, {f: data[f] for f in ACTION_FIELD_FIELDS if f in data}, actor=acting_user,
                  organisation=action_field.organisation, action="improvement.action_field_updated")
    return action_field


@transaction.atomic
def do_prioritise(*, acting_user: User, organisation: Organisation,
                  placements: dict[ActionField, tuple[int | None, int | None]]) -> int:
    """Place action fields on the impact × effort matrix. Returns how many changed."""
    changed = 0
    for field, (impact, effort) in placements.items():
        if field.organisation_id != organisation.id:
            raise ValidationError(_("Unknown action field."))
        for value in (impact, effort):
            if value is not None and value not in MATRIX_LEVELS:
                raise ValidationError(_("Please choose low, medium or high."))
        if (field.impact, field.effort) == (impact, effort):
            continue
        values: dict[str, object] = {"impact": impact, "effort": effort}
        if impact and effort and field.status == ActionFieldStatus.OPEN:
            values["status"] = ActionFieldStatus.PRIORITISED
        update_fields(field, values, actor=acting_user, organisation=organisation, action="improvement.prioritised")
        changed += 1
    return changed


@transaction.atomic
def do_create_project(
    *, acting_user: User, organisation: Organisation, data: dict, action_field: ActionField | None = None,
    milestones: list[tuple[str, dt.date | None]] | None = None,
) -> ImprovementProject:
    values = {k: data[k] for k in PROJECT_FIELDS if k in data}
    _check_member(organisation, values.get("owner"), "owner")
    if action_field is not None and action_field.organisation_id != organisation.id:
        raise ValidationError(_("Unknown action field."))
    group = values.get("working_group")
    if group is not None and group.organisation_id != organisation.id:
        raise ValidationError({"working_group": _("Unknown working group.")})
    project = ImprovementProject.objects.create(organisation=organisation, action_field=action_field,
                                                created_by=acting_user, **values)
    for order, (title, due) in enumerate(milestones or []):
        Milestone.objects.create(project=project, title=title, due_date=due, order=order)
    if action_field is not None and action_field.status != ActionFieldStatus.PROJECT:
        action_field.status = ActionFieldStatus.PROJECT
        action_field.save(update_fields=["status", "updated_at"])
    log_created(project, actor=acting_user, organisation=organisation, action="improvement.project_created",
                fields={**values, "action_field": str(action_field) if action_field else None,
                        "milestones": [t for t, _d in milestones or []]})
    return project


@transaction.atomic
def do_update_project(*, acting_user: User, project: ImprovementProject, data: dict) -> ImprovementProject:
    fields = [f for f in PROJECT_FIELDS if f in data]
    _check_member(project.organisation, data.get("owner"), "owner")
    group = data.get("working_group")
    if group is not None and group.organisation_id != project.organisation_id:
        raise ValidationError({"working_group": _("Unknown working group.")})
    update_fields(project, {f: data[f] for f in fields}, actor=acting_user, organisation=project.organisation,
                  action="improvement.project_updated")
    return project


@transaction.atomic
def do_add_milestone(*, acting_user: User, project: ImprovementProject, title: str, due_date: dt.date | None) -> Milestone:
    last = project.milestones.order_by("-order").values_list("order", flat=True).first() or 0
    milestone = Milestone.objects.create(project=project, title=title.strip(), due_date=due_date, order=last + 1)
    log_created(milestone, actor=acting_user, organisation=project.organisation, action="improvement.milestone_added",
                fields=["title", "due_date"], object_repr=f"{project.title}: {milestone.title}")
    return milestone


@transaction.atomic
def do_set_milestone_done(*, acting_user: User, milestone: Milestone, done: bool, today: dt.date | None = None) -> Milestone:
    update_fields(milestone, {"done_at": (today or dt.date.today()) if done else None}, actor=acting_user,
                  organisation=milestone.project.organisation, action="improvement.milestone_updated",
                  object_repr=f"{milestone.project.title}: {milestone.title}")
    return milestone


@transaction.atomic
def do_delete_milestone(*, acting_user: User, milestone: Milestone) -> None:
    log_deleted(milestone, actor=acting_user, organisation=milestone.project.organisation,
                action="improvement.milestone_removed", fields=["title"],
                object_repr=f"{milestone.project.title}: {milestone.title}")
    milestone.delete()
