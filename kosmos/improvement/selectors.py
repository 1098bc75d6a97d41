"""Reads of the improvement module, scoped to one organisation."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kosmos.core.models import Organisation
from kosmos.improvement.models import ActionField, ImprovementProject, ProjectStatus


def projects_with_progress(organisation: Organisation) -> QuerySet[ImprovementProject]:
    return (
        ImprovementProject.objects.filter(organisation=organisation)
        .select_related("owner", "action_field", "working_group")
        .annotate(
            milestone_count=Count("milestones"),
            milestones_done=Count("milestones", filter=Q(milestones__done_at__isnull=False)),
        )
    )


def progress_percent(project: ImprovementProject) -> int:
    total = getattr(project, "milestone_count", None)
    if total is None:
        total = project.milestones.count()
        done = project.milestones.filter(done_at__isnull=False).count()
    else:
        done = project.milestones_done
    if project.status == ProjectStatus.DONE:
        return 100
    return round(100 * done / total) if total else 0


def action_fields_of(organisation: Organisation) -> QuerySet[ActionField]:
    return ActionField.objects.filter(organisation=organisation)


def matrix(fields: list[ActionField]) -> tuple[list[dict], list[ActionField]]:
    """Rows impact high → low, columns effort low → high; returns the rows and the unplaced fields."""
    placed = {(f.impact, f.effort): [] for f in fields}
    unplaced = []
    for field in fields:
        if field.impact and field.effort:
            placed.setdefault((field.impact, field.effort), []).append(field)
        else:
            unplaced.append(field)
    rows = []
    for impact in (3, 2, 1):
        rows.append({"impact": impact, "cells": [
            {"effort": effort, "fields": placed.get((impact, effort), []),
             "quick_win": impact == 3 and effort == 1, "avoid": impact == 1 and effort == 3}
            for effort in (1, 2, 3)
        ]})
    return rows, unplaced


def working_groups_of(organisation: Organisation) -> QuerySet:
    """The organisation's working groups (their module owns the model; reached through the key)."""
    model = ImprovementProject._meta.get_field("working_group").related_model
    return model.objects.filter(organisation=organisation)
