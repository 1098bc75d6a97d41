"""Self-assessment's part in cross-organisation comparisons (``kosmos.core.comparisons``): the
agreed score per criterion of each organisation's latest completed self-assessment.

The score of a criterion is the mean of the agreed (consensus) scores of its questions, in
percent. Organisations are compared per assessment model (EFQM 2025, CAF …), so a criterion
is never mixed with another model's criterion of the same number. Two queries whatever the
number of organisations.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Avg, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from kosmos.assessments.models import Assessment, ConsensusScore
from kosmos.assessments.models.assessment import Phase
from kosmos.core import benchmarks
from kosmos.core.comparisons import (
    ComparisonFigure,
    ComparisonTopic,
    consenting_organisation_ids,
    sharing_organisation_ids,
)
from kosmos.core.models import Organisation

KEY = "assessments.criteria"


def criterion_figures(reader: Organisation) -> list[ComparisonFigure]:
    latest_ids = (Assessment.objects.filter(phase=Phase.COMPLETED)
                  .filter(Q(organisation=reader) | Q(organisation__in=sharing_organisation_ids(KEY)))
                  .annotate(latest=Subquery(
                      Assessment.objects.filter(organisation=OuterRef("organisation"), phase=Phase.COMPLETED)
                      .order_by("-completed_at", "-pk").values("pk")[:1]))
                  .values("latest"))
    rows = (ConsensusScore.objects.filter(item__assessment__in=latest_ids)
            .values("item__assessment__organisation_id", "item__assessment__model__short_name",
                    "item__unit__criterion__code", "item__unit__criterion__name")
            .annotate(score=Avg("score")))
    consenting = consenting_organisation_ids(KEY)
    own: dict[tuple[str, str, str], float] = {}
    others: dict[tuple[str, str, str], dict[int, float]] = defaultdict(dict)
    for row in rows:
        key = (row["item__assessment__model__short_name"], row["item__unit__criterion__code"],
               row["item__unit__criterion__name"])
        org_id, score = row["item__assessment__organisation_id"], float(row["score"])
        if org_id == reader.pk:
            own[key] = score
        if org_id in consenting:
            others[key][org_id] = score
    figures = []
    for key in sorted(set(own) | set(others), key=lambda k: (k[0], _code_order(k[1]))):
        model, code, name = key
        distribution = benchmarks.distribution(others.get(key, {}))
        figures.append(ComparisonFigure(
            label=f"{code} {name}", own=own.get(key), distribution=distribution, unit="\u00a0%", group=model,
            contributors=len(others.get(key, {})) if distribution else 0))
    return figures


def _code_order(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits else 0, code)


TOPICS = (
    ComparisonTopic(
        key=KEY,
        label=_("Self-assessment per criterion"),
        description=_("The agreed score per criterion (mean of the consensus scores, in percent) of the latest "
                      "completed self-assessment, compared within the same assessment model."),
        provider=criterion_figures,
        permission="assessments.results",
    ),
)
