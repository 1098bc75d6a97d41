"""The assessment circle: statistics, ordering, consensus with reasons, merged findings."""

from __future__ import annotations

from django.urls import reverse

from kosmos.assessments import selectors, services
from kosmos.assessments.models import ConsensusScore, Finding
from tests.assessments import builders


def _url(name: str, assessment, **kwargs) -> str:  # noqa: ANN001
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", "assessment_id": assessment.public_id, **kwargs})


def _circle(world, second_assessor):  # noqa: ANN001, ANN202
    """Three raters; the first question gets 20/60/70 (spread 50), every other 40/45/40."""
    assessment = builders.prepare(builders.create(world.freiburg, world.qm), world.qm,
                                  [world.management, world.assessor, second_assessor])
    assessment = builders.open_rating(assessment, world.qm)
    for user, value in ((world.management, 40), (world.assessor, 45), (second_assessor, 40)):
        builders.rate(assessment, user, value, improvements=["Kund:innen werden selten befragt"])
    first = builders.first_item(assessment)
    attributes = [a.code for a in selectors.radar_attributes(assessment)[first.unit.criterion.kind]]
    for user, value in ((world.management, 20), (world.assessor, 60), (second_assessor, 70)):
        services.do_save_rating(acting_user=user, item=first, attributes=dict.fromkeys(attributes, value))
    return builders.open_consensus(assessment, world.qm), first


def test_items_with_a_spread_of_thirty_or_more_come_first_with_their_statistics(world, second_assessor):
    assessment, first = _circle(world, second_assessor)

    rows = selectors.consensus_board(assessment, world.qm)

    assert rows[0].item == first
    assert rows[0].scores == [20, 60, 70]
    assert rows[0].stats.needs_discussion
    assert rows[0].stats.median == 60 and rows[0].stats.spread == 50
    assert rows[0].proposal == 50
    assert not rows[1].stats.needs_discussion
    assert len(rows[0].attribute_stats) == 7


def test_a_score_different_from_the_proposal_needs_a_reason(world, second_assessor, client_for):
    assessment, first = _circle(world, second_assessor)
    url = _url("assessment_consensus_item", assessment, item_id=first.public_id)

    refused = client_for(world.qm).post(url, {"score": "35", "reason": ""})
    assert refused.status_code == 200
    assert "Begründung" in refused.content.decode()
    assert not ConsensusScore.objects.exists()

    accepted = client_for(world.qm).post(url, {"score": "35", "reason": "Belege nur für ein Team"})
    assert accepted.status_code == 302
    consensus = ConsensusScore.objects.get(item=first)
    assert (consensus.score, consensus.proposal, consensus.reason) == (35, 50, "Belege nur für ein Team")


def test_agreed_attributes_make_their_mean_the_proposal(world, second_assessor):
    assessment, first = _circle(world, second_assessor)
    attributes = {a.code: 30 for a in selectors.radar_attributes(assessment)[first.unit.criterion.kind]}

    consensus = services.do_record_consensus(acting_user=world.qm, item=first, score=30, attributes=attributes)

    assert consensus.proposal == 30 and consensus.reason == ""


def test_proposals_are_taken_over_only_where_nobody_disagrees(world, second_assessor, client_for):
    assessment, first = _circle(world, second_assessor)

    client_for(world.qm).post(_url("assessment_consensus_accept", assessment))

    assert ConsensusScore.objects.filter(item__assessment=assessment).count() == assessment.items.count() - 1
    assert not ConsensusScore.objects.filter(item=first).exists()
    assert set(ConsensusScore.objects.values_list("score", flat=True)) == {40}


def test_only_the_facilitator_records_a_consensus(world, second_assessor, client_for):
    assessment, first = _circle(world, second_assessor)
    url = _url("assessment_consensus_item", assessment, item_id=first.public_id)

    assert client_for(world.assessor).post(url, {"score": "50"}).status_code == 403
    assert client_for(world.assessor).get(_url("assessment_consensus", assessment)).status_code == 200


def test_findings_are_merged_deduplicated_and_clustered_by_tags(world, second_assessor, client_for):
    assessment, _first = _circle(world, second_assessor)

    client_for(world.qm).post(_url("assessment_findings_merge", assessment))

    merged = Finding.objects.filter(assessment=assessment, is_consensus=True, kind="improvement")
    per_criterion = {}
    for finding in merged:
        per_criterion.setdefault(finding.criterion_id, []).append(finding)
    assert all(len(found) == 1 for found in per_criterion.values())  # identical texts became one per criterion
    assert max(f.merged_count for f in merged) >= 3
    finding = merged.first()
    client_for(world.qm).post(_url("assessment_finding_edit", assessment, finding_id=finding.public_id),
                              {"text": finding.text, "tags": "Kundenorientierung, kundenorientierung; Befragung"})
    finding.refresh_from_db()
    assert finding.tags == ["Kundenorientierung", "Befragung"]
    page = client_for(world.assessor).get(_url("assessment_findings", assessment)).content.decode()
    assert "Kundenorientierung (1)" in page
    # merging again keeps the tagged finding and adds no duplicates
    client_for(world.qm).post(_url("assessment_findings_merge", assessment))
    assert Finding.objects.filter(assessment=assessment, is_consensus=True, kind="improvement").count() == merged.count()


def test_the_audit_log_shows_the_circle_in_german(world, second_assessor, client_for):
    assessment, _first = _circle(world, second_assessor)
    client_for(world.qm).post(_url("assessment_consensus_accept", assessment))

    response = client_for(world.qm).get(reverse("org:audit_log", kwargs={"org_slug": "freiburg"}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "hat die Vorschläge ohne Diskussionsbedarf übernommen" in html
    assert "hat eine Einzelbewertung gespeichert" in html


def test_the_adviser_moderates_the_circle_but_neither_rates_nor_changes_the_group(world, second_assessor, client_for):
    """Issue 15, item 7: the internal consultancy moderates the assessment circle (it got 403 before)."""
    assessment, first = _circle(world, second_assessor)
    adviser = client_for(world.adviser)

    assert adviser.get(_url("assessment_consensus", assessment)).status_code == 200
    assert adviser.get(_url("assessment_findings", assessment)).status_code == 200
    recorded = adviser.post(_url("assessment_consensus_item", assessment, item_id=first.public_id),
                            {"score": "50", "reason": ""})
    assert recorded.status_code == 302
    assert ConsensusScore.objects.get(item=first).score == 50

    assert adviser.get(_url("assessment_rating", assessment)).status_code == 403
    assert adviser.get(_url("assessment_group_add", assessment)).status_code == 403


def test_an_adviser_of_another_organisation_does_not_moderate(world, second_assessor, client_for):
    from kosmos.core.models import AdviserAssignment

    assessment, _first = _circle(world, second_assessor)
    AdviserAssignment.objects.filter(adviser=world.adviser, organisation=world.freiburg).delete()

    assert client_for(world.adviser).get(_url("assessment_consensus", assessment)).status_code == 404
