"""Reads of the Quali-Kompass, always scoped to one organisation."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from kosmos.core.models import Organisation, User
from kosmos.training.domain import compass
from kosmos.training.domain.compass import Counts
from kosmos.training.models import (
    Completion,
    Department,
    Exemption,
    NewsItem,
    Requirement,
    StaffProfile,
    Topic,
    Training,
)


def trainings_of(organisation: Organisation) -> QuerySet[Training]:
    return Training.objects.filter(organisation=organisation).select_related("topic", "topic__parent")


def profile_of(organisation: Organisation, user: User) -> StaffProfile | None:
    return (
        StaffProfile.objects.filter(organisation=organisation, membership__user=user, left_on__isnull=True)
        .select_related("department", "team_lead").first()
    )


def news_of(organisation: Organisation, limit: int | None = None) -> list[NewsItem]:
    items = NewsItem.objects.filter(organisation=organisation)
    return list(items[:limit] if limit else items)


def topics_of(organisation: Organisation) -> list[Topic]:
    return list(Topic.objects.filter(organisation=organisation).select_related("parent").order_by("parent__name", "name"))


# --- a person's compass ---------------------------------------------------------------------------


STATUS_LABELS = {
    compass.DONE: (_("done"), "success"),
    compass.DUE: (_("due"), "info"),
    compass.OVERDUE: (_("overdue"), "danger"),
    compass.EXPIRED: (_("expired"), "warning"),
    compass.EXEMPT: (_("exempted"), "info"),
}


@dataclass
class CompassRow:
    training: Training
    status: str
    due: dt.date | None
    last_completed: dt.date | None
    renew_soon: bool = False

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status][0])

    @property
    def badge(self) -> str:
        return STATUS_LABELS[self.status][1]


def compass_rows(profile: StaffProfile, *, today: dt.date) -> list[CompassRow]:
    """Her required trainings with status and due date: three queries."""
    required = list(
        Training.objects.filter(requirements__department_id=profile.department_id).select_related("topic")
        .order_by("title")
    )
    done: dict[int, list[Completion]] = defaultdict(list)
    for completion in Completion.objects.filter(profile=profile).order_by("completed_on"):
        done[completion.training_id].append(completion)
    waived = set(Exemption.objects.filter(profile=profile).values_list("training_id", flat=True))
    rows = []
    for training in required:
        ends = [c.valid_until for c in done.get(training.pk, [])]
        state = compass.status(today=today, required_by=profile.required_by, exempt=training.pk in waived,
                               valid_untils=ends)
        due = None if state == compass.EXEMPT else compass.due_date(required_by=profile.required_by, valid_untils=ends)
        last = done[training.pk][-1].completed_on if done.get(training.pk) else None
        soon = state == compass.DONE and due is not None and (due - today).days <= compass.RENEW_SOON_DAYS
        rows.append(CompassRow(training, state, due, last, soon))
    return rows


def open_rows_of_team(members: list[StaffProfile], *, today: dt.date) -> list[tuple[StaffProfile, list[CompassRow]]]:
    """Each team member's open required trainings: three queries whatever the team size."""
    ids = [m.pk for m in members]
    required: dict[int, list[Training]] = defaultdict(list)
    for requirement in Requirement.objects.filter(department_id__in={m.department_id for m in members}).select_related(
            "training").order_by("training__title"):
        required[requirement.department_id].append(requirement.training)
    ends: dict[tuple[int, int], list[dt.date | None]] = defaultdict(list)
    for profile_id, training_id, end in Completion.objects.filter(profile_id__in=ids).values_list(
            "profile_id", "training_id", "valid_until"):
        ends[(profile_id, training_id)].append(end)
    waived = set(Exemption.objects.filter(profile_id__in=ids).values_list("profile_id", "training_id"))
    result = []
    for member in members:
        rows = []
        for training in required.get(member.department_id, []):
            key = (member.pk, training.pk)
            state = compass.status(today=today, required_by=member.required_by, exempt=key in waived,
                                   valid_untils=ends.get(key, []))
            if state in (compass.DONE, compass.EXEMPT):
                continue
            rows.append(CompassRow(training, state, compass.due_date(required_by=member.required_by,
                                                                     valid_untils=ends.get(key, [])), None))
        result.append((member, rows))
    return result


def recommended_for(profile: StaffProfile, *, limit: int = 8) -> list[Training]:
    """Offers on her topics that her minimum does not already require."""
    topic_ids = list(profile.topics.values_list("pk", flat=True))
    if not topic_ids:
        return []
    return list(
        Training.objects.filter(organisation_id=profile.organisation_id, active=True, topic_id__in=topic_ids)
        .exclude(requirements__department_id=profile.department_id).select_related("topic").order_by("title")[:limit]
    )


# --- compliance ------------------------------------------------------------------------------------

# Every (person, required training) pair, joined to the best of its completions (2: valid,
# 1: expired only, NULL: none; aggregated once per organisation) and to its exemption.
# Plain joins, no correlated subqueries: PostgreSQL would repeat those for every SUM.
_COMPLIANCE_SQL = """
SELECT {group}, COUNT(DISTINCT p.id), COUNT(*),
  SUM(CASE WHEN e.id IS NOT NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN e.id IS NULL AND c.best = 2 THEN 1 ELSE 0 END),
  SUM(CASE WHEN e.id IS NULL AND c.best = 1 THEN 1 ELSE 0 END),
  SUM(CASE WHEN e.id IS NULL AND c.best IS NULL AND p.required_by < %s THEN 1 ELSE 0 END)
FROM training_staffprofile p
JOIN training_requirement r ON r.department_id = p.department_id
LEFT JOIN (
  SELECT profile_id, training_id,
         MAX(CASE WHEN valid_until IS NULL OR valid_until >= %s THEN 2 ELSE 1 END) AS best
  FROM training_completion WHERE organisation_id = %s GROUP BY profile_id, training_id
) c ON c.profile_id = p.id AND c.training_id = r.training_id
LEFT JOIN training_exemption e ON e.profile_id = p.id AND e.training_id = r.training_id
WHERE p.organisation_id = %s AND p.left_on IS NULL {extra}
GROUP BY {group}
"""


def compliance(organisation: Organisation, *, today: dt.date, by: str = "department",
               team_lead: StaffProfile | None = None) -> dict[int, Counts]:
    """Compliance per department id (or training id), counted in SQL: one query whatever the size."""
    group = "p.department_id" if by == "department" else "r.training_id"
    extra, params = "", [today, today, organisation.pk, organisation.pk]
    if team_lead is not None:
        extra, params = "AND p.team_lead_id = %s", [*params, team_lead.pk]
    sql = _COMPLIANCE_SQL.format(group=group, extra=extra)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {
        key: Counts(people=people, required=required, exempt=int(exempt or 0), done=int(done or 0),
                    expired=int(expired or 0), overdue=int(overdue or 0))
        for key, people, required, exempt, done, expired, overdue in rows
    }


def compliance_from_rows(organisation: Organisation, *, today: dt.date, by: str = "department") -> dict[int, Counts]:
    """The same figures computed in Python over fetched rows (the benchmark's peer, the tests' oracle)."""
    people = [compass.Person(pk, dep, req) for pk, dep, req in StaffProfile.objects.filter(
        organisation=organisation, left_on__isnull=True).values_list("pk", "department_id", "required_by")]
    requirements: dict[int, list[int]] = defaultdict(list)
    for dep, training in Requirement.objects.filter(organisation=organisation).values_list("department_id",
                                                                                           "training_id"):
        requirements[dep].append(training)
    return compass.compliance_in_python(
        today=today, people=people, requirements=requirements,
        completions=Completion.objects.filter(organisation=organisation).values_list(
            "profile_id", "training_id", "valid_until").iterator(chunk_size=5000),
        exemptions=Exemption.objects.filter(organisation=organisation).values_list("profile_id", "training_id"),
        by=by,
    )


def departments_with_requirements(organisation: Organisation) -> list[Department]:
    return list(
        Department.objects.filter(organisation=organisation).prefetch_related(
            Prefetch("requirements", queryset=Requirement.objects.select_related("training").order_by(
                "training__title")))
    )


def team_of(lead: StaffProfile) -> list[StaffProfile]:
    return list(StaffProfile.objects.filter(team_lead=lead, left_on__isnull=True).select_related("department"))
