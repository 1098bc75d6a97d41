"""Anti-anchoring: until the assessment circle opens nobody sees anyone else's ratings or notes –
not in the queries, not on any page, not in the audit log."""

from __future__ import annotations

import re

from django.urls import reverse

from kosmos.assessments import selectors, services
from kosmos.assessments.models import Phase, Rating
from tests.assessments import builders

SECRET_STRENGTH = "Geheime Stärke von Lea"
SECRET_POTENTIAL = "Geheimes Potenzial von Lea"


def _rated(world):  # noqa: ANN001, ANN202
    """Rating phase: management rates everything 85 %, the assessor everything 15 %."""
    assessment = builders.prepare(builders.create(world.freiburg, world.qm), world.qm,
                                  [world.management, world.assessor])
    assessment = builders.open_rating(assessment, world.qm)
    builders.rate(assessment, world.management, 85, strengths=[SECRET_STRENGTH], improvements=[SECRET_POTENTIAL])
    builders.rate(assessment, world.assessor, 15)
    return assessment


def _url(name: str, assessment, **kwargs) -> str:  # noqa: ANN001
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", "assessment_id": assessment.public_id, **kwargs})


def test_the_queries_return_only_the_own_ratings_before_the_circle(world):
    assessment = _rated(world)

    mine = selectors.visible_ratings(assessment, world.assessor)
    assert set(mine.values_list("rater_id", flat=True)) == {world.assessor.id}
    assert set(mine.values_list("score", flat=True)) == {15}
    assert not selectors.visible_ratings(assessment, world.qm).exists()  # not even the facilitator
    assert not selectors.revealed_ratings(assessment).exists()
    assert set(selectors.visible_findings(assessment, world.assessor).values_list("text", flat=True)) == set()
    assert all(row.stats.n <= 1 for row in selectors.consensus_board(assessment, world.assessor))
    assert Rating.objects.filter(item__assessment=assessment).count() == 2 * assessment.items.count()


def test_no_page_shows_another_members_values_before_the_circle(world, client_for):
    assessment = _rated(world)
    item = builders.first_item(assessment)
    pages = [
        (world.assessor, _url("assessment_rating", assessment)),
        (world.assessor, _url("assessment_rating_item", assessment, item_id=item.public_id)),
        (world.assessor, _url("assessment_consensus", assessment)),
        (world.assessor, _url("assessment_findings", assessment)),
        (world.qm, _url("assessment_consensus", assessment)),
        (world.qm, _url("assessment_findings", assessment)),
        (world.qm, _url("assessment_detail", assessment)),
        (world.qm, _url("assessment_results", assessment)),
        (world.qm, reverse("org:audit_log", kwargs={"org_slug": "freiburg"})),
        (world.management, _url("assessment_results", assessment)),
    ]
    for user, url in pages:
        response = client_for(user).get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert SECRET_STRENGTH not in html and SECRET_POTENTIAL not in html, url
        without_choices = re.sub(r"<option[^>]*>[^<]*</option>", "", html)
        assert "85 %" not in without_choices and "85 ·" not in without_choices, url
        assert not re.search(r'value="85"[^>]*selected', html), url
    board = client_for(world.qm).get(_url("assessment_consensus", assessment)).content.decode()
    assert "noch nicht eröffnet" in board


def test_the_facilitator_cannot_open_an_item_of_the_circle_early(world, client_for):
    assessment = _rated(world)

    response = client_for(world.qm).get(
        _url("assessment_consensus_item", assessment, item_id=builders.first_item(assessment).public_id))

    assert response.status_code == 302


def test_the_audit_log_records_ratings_without_their_values(world):
    from kosmos.core.models import AuditEvent

    _rated(world)

    events = AuditEvent.objects.filter(action="assessment.rating_saved")
    assert events.exists()
    assert all(event.changes == {} for event in events)


def test_once_the_circle_opens_everybody_sees_all_values_side_by_side_without_names(world, client_for):
    assessment = builders.open_consensus(_rated(world), world.qm)

    html = client_for(world.assessor).get(_url("assessment_consensus", assessment)).content.decode()

    assert "15 · 85" in html
    assert world.management.full_name not in html
    assert SECRET_STRENGTH not in html  # strengths appear only merged, on the findings page
    assert selectors.visible_ratings(assessment, world.assessor).count() == 2 * assessment.items.count()


def test_ratings_are_frozen_once_the_circle_opens(world):
    import pytest
    from django.core.exceptions import ValidationError

    assessment = builders.open_consensus(_rated(world), world.qm)

    with pytest.raises(ValidationError):
        services.do_save_rating(acting_user=world.assessor, item=builders.first_item(assessment), attributes={})
    assert assessment.phase == Phase.CONSENSUS


def test_people_outside_the_group_do_not_rate(world, client_for):
    assessment = _rated(world)
    url = _url("assessment_rating_item", assessment, item_id=builders.first_item(assessment).public_id)

    assert client_for(world.qm).get(url).status_code == 403  # facilitator, not a group member
    assert client_for(world.staff).get(url).status_code == 403
