"""The Quali-Kompass's part in cross-organisation comparisons (``kosmos.core.comparisons``):
the training compliance rate (share of required trainings done, exemptions left out).

One SQL query for the reader and every consenting organisation together, so the comparisons
page does not grow with the number of organisations. An organisation with fewer than
``MIN_GROUP`` staff profiles contributes nothing (its rate would tell about few people).
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.core import benchmarks
from kosmos.core.comparisons import ComparisonFigure, ComparisonTopic, consenting_organisation_ids
from kosmos.core.models import BenchmarkConsent, Organisation
from kosmos.training.domain.small_groups import MIN_GROUP
from kosmos.training.models import Completion, Exemption, Requirement, StaffProfile

KEY = "training.compliance"

_SQL = """
SELECT p.organisation_id, COUNT(DISTINCT p.id),
  SUM(CASE WHEN e.id IS NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN e.id IS NULL AND c.best = 2 THEN 1 ELSE 0 END)
FROM {profile} p
JOIN {requirement} r ON r.department_id = p.department_id
LEFT JOIN (
  SELECT profile_id, training_id,
         MAX(CASE WHEN valid_until IS NULL OR valid_until >= %s THEN 2 ELSE 1 END) AS best
  FROM {completion} GROUP BY profile_id, training_id
) c ON c.profile_id = p.id AND c.training_id = r.training_id
LEFT JOIN {exemption} e ON e.profile_id = p.id AND e.training_id = r.training_id
WHERE p.left_on IS NULL
  AND (p.organisation_id = %s OR p.organisation_id IN (SELECT organisation_id FROM {consent} WHERE topic = %s))
GROUP BY p.organisation_id
"""


def compliance_rates(reader: Organisation, *, today: dt.date) -> tuple[float | None, dict[int, float]]:
    """The reader's own rate (percent) and the rates of the consenting organisations."""
    sql = _SQL.format(profile=StaffProfile._meta.db_table, requirement=Requirement._meta.db_table,
                      completion=Completion._meta.db_table, exemption=Exemption._meta.db_table,
                      consent=BenchmarkConsent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql, [today, reader.pk, KEY])
        rows = cursor.fetchall()
    consenting = consenting_organisation_ids(KEY)
    own, others = None, {}
    for org_id, people, base, done in rows:
        rate = None if not base else 100.0 * int(done or 0) / int(base)
        if org_id == reader.pk:
            own = rate
        if org_id in consenting and rate is not None and people >= MIN_GROUP:
            others[org_id] = rate
    return own, others


def compliance_figures(reader: Organisation) -> list[ComparisonFigure]:
    own, others = compliance_rates(reader, today=timezone.localdate())
    distribution = benchmarks.distribution(others)
    return [ComparisonFigure(label=_("Training compliance"), own=own, distribution=distribution, unit="\u00a0%",
                             contributors=len(others) if distribution else 0)]


TOPICS = (
    ComparisonTopic(
        key=KEY,
        label=_("Training compliance"),
        description=_("Share of the required trainings that staff have done (exemptions left out), across the "
                      "whole organisation."),
        provider=compliance_figures,
        permission="training.overview",
    ),
)
