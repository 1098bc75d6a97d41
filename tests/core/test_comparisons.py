"""Consent to cross-organisation comparisons (kosmos.core.comparisons)."""

from __future__ import annotations

import pytest

from kosmos.core import comparisons
from kosmos.core.comparisons import ComparisonTopic, do_set_benchmark_consent
from kosmos.core.models import AuditEvent, BenchmarkConsent

TOPIC = ComparisonTopic(key="test.figures", label="Testwerte", description="", provider=lambda org: [],
                        permission="core.view")


@pytest.fixture
def declared(monkeypatch):  # noqa: ANN001, ANN201
    monkeypatch.setattr(comparisons, "all_topics", lambda: [(None, TOPIC)])


def test_grant_and_withdraw_are_idempotent_and_audited(world, declared):  # noqa: ANN001
    for _ in range(2):
        do_set_benchmark_consent(acting_user=world.qm, organisation=world.freiburg, topic_key="test.figures",
                                 granted=True)
    assert comparisons.consented_topics(world.freiburg) == {"test.figures"}
    assert set(BenchmarkConsent.objects.filter(topic="test.figures").values_list("organisation_id", flat=True)) == {
        world.freiburg.id
    }
    assert set(comparisons.sharing_organisation_ids("test.figures").values_list("organisation_id", flat=True)) == {
        world.freiburg.id
    }
    for _ in range(2):
        do_set_benchmark_consent(acting_user=world.qm, organisation=world.freiburg, topic_key="test.figures",
                                 granted=False)
    assert comparisons.consented_topics(world.freiburg) == set()
    actions = list(AuditEvent.objects.filter(organisation=world.freiburg, action__startswith="comparisons.")
                   .order_by("created_at", "id").values_list("action", flat=True))
    assert actions == ["comparisons.consent_granted", "comparisons.consent_withdrawn"]


def test_unknown_topic_is_refused(world, declared):  # noqa: ANN001
    with pytest.raises(KeyError):
        do_set_benchmark_consent(acting_user=world.qm, organisation=world.freiburg, topic_key="nope", granted=True)
    assert not BenchmarkConsent.objects.exists()
