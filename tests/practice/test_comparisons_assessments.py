"""Self-assessment per criterion in the comparisons: the latest completed assessment of each
consenting organisation, criterion by criterion."""

from __future__ import annotations

import datetime as dt

from kosmos.assessments.comparisons import KEY, criterion_figures
from kosmos.assessments.model_sync import ensure_reference_data
from kosmos.assessments.models import Assessment, ConsensusScore, Phase
from kosmos.core.models import BenchmarkConsent
from tests.assessments.builders import assessment_in_phase
from tests.factories import make_organisation


def _completed(world, organisation, score: int, *, days_ago: int = 0) -> Assessment:  # noqa: ANN001
    assessment = assessment_in_phase(world, Phase.COMPLETED)
    Assessment.objects.filter(pk=assessment.pk).update(
        organisation=organisation, completed_at=assessment.completed_at - dt.timedelta(days=days_ago))
    ConsensusScore.objects.filter(item__assessment=assessment).update(score=score)
    if organisation != world.freiburg:
        BenchmarkConsent.objects.get_or_create(organisation=organisation, topic=KEY)
    return assessment


def test_the_latest_completed_assessment_of_consenting_organisations_counts(world, settings) -> None:  # noqa: ANN001
    ensure_reference_data()
    settings.KOSMOS_BENCHMARK_MIN_ORGANISATIONS = 3
    _completed(world, world.freiburg, 40)
    _completed(world, world.ulm, 20)
    _completed(world, world.ulm, 99, days_ago=400)  # an older cycle: left out
    _completed(world, world.loerrach, 60)
    figures = criterion_figures(world.freiburg)
    assert figures and all(f.own == 40 and f.distribution is None for f in figures)  # two: too few
    _completed(world, make_organisation("dritte", "Jobcenter Dritte"), 80)
    figures = criterion_figures(world.freiburg)
    assert all(f.distribution is not None and (f.distribution.n, f.distribution.median) == (3, 60) for f in figures)
    assert all(f.group for f in figures)  # compared within one assessment model
    BenchmarkConsent.objects.filter(organisation=world.loerrach).delete()
    assert all(f.distribution is None for f in criterion_figures(world.freiburg))
