"""The demo loader: plausible finished assessments, idempotent."""

from __future__ import annotations

import pytest

from kosmos.assessments import selectors
from kosmos.assessments.models import Assessment, EcosystemMap, Partnership, Rating
from kosmos.core.demo import load_demo
from kosmos.improvement.models import ActionField, ImprovementProject

pytestmark = pytest.mark.django_db


def test_the_demo_has_first_self_assessments_between_250_and_420_points_and_loads_twice_the_same():
    load_demo()
    counts = (Assessment.objects.count(), Rating.objects.count(), ImprovementProject.objects.count(),
              EcosystemMap.objects.count(), Partnership.objects.count())
    load_demo()

    assert (Assessment.objects.count(), Rating.objects.count(), ImprovementProject.objects.count(),
            EcosystemMap.objects.count(), Partnership.objects.count()) == counts
    by_org = {a.organisation.slug: a for a in Assessment.objects.select_related("organisation", "model")}
    assert set(by_org) >= {"freiburg", "pforzheim", "braunschweig"}
    assert by_org["braunschweig"].method == "quick_check"
    for assessment in by_org.values():
        points = selectors.results(assessment).points
        assert 250 <= points <= 420, (assessment, points)
    freiburg = by_org["freiburg"]
    assert 9 <= freiburg.group_members.count() <= 12
    assert 2 <= ImprovementProject.objects.filter(organisation=freiburg.organisation).count() <= 3
    assert ActionField.objects.filter(organisation=freiburg.organisation).count() >= 3
    assert Partnership.objects.get().status == "active"
    assert EcosystemMap.objects.filter(shared_with_partners=True).count() == 2
