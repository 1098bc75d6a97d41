"""Improvement's side of the hub (``kosmos.core.hub``): what became of a source's findings."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from kosmos.core.hub import FollowUpItem, FollowUps
from kosmos.core.models import Organisation
from kosmos.improvement.models import ActionField, ImprovementProject


def follow_ups(organisation: Organisation, source: str, source_ids: Iterable[str]) -> FollowUps:
    """Action fields taken from these source objects, their projects, and the findings taken up.

    Three queries whatever the number of fields and projects.
    """
    fields = list(
        ActionField.objects.filter(organisation=organisation, source=source, source_id__in=list(source_ids))
        .prefetch_related("findings").order_by("-impact", "effort", "title")
    )
    projects = list(
        ImprovementProject.objects.filter(organisation=organisation, action_field__in=fields)
        .select_related("owner").prefetch_related("milestones").order_by("due_date", "title")
    )
    slug = organisation.slug
    return FollowUps(
        action_fields=tuple(
            FollowUpItem(
                title=f.title, status=f.get_status_display(), goal=f.goal, owner=f.owner, due_date=f.due_date,
                topic_key=f.topic_key, impact=str(f.get_impact_display() or ""),
                effort=str(f.get_effort_display() or ""),
                url=reverse("org:improvement_action_field_detail", kwargs={"org_slug": slug, "field_id": f.public_id}),
            )
            for f in fields
        ),
        projects=tuple(
            FollowUpItem(
                title=p.title, status=p.get_status_display(), goal=p.goal,
                owner=p.owner.get_full_name() if p.owner else "", due_date=p.due_date,
                url=reverse("org:improvement_project_detail", kwargs={"org_slug": slug, "project_id": p.public_id}),
                milestones=tuple((m.title, m.done_at is not None) for m in p.milestones.all()),
            )
            for p in projects
        ),
        taken_up=_taken_up(fields),
    )


def _taken_up(fields: list[ActionField]) -> dict[str, tuple[str, ...]]:
    taken: dict[str, list[str]] = {}
    for field in fields:
        for finding in field.findings.all():
            taken.setdefault(finding.finding_id, []).append(field.title)
    return {finding_id: tuple(titles) for finding_id, titles in taken.items()}
