"""Creating an assessment, its timeline, the phases and the next cycle."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kosmos.assessments import services
from kosmos.assessments.models import ConsensusScore, Method, Phase
from kosmos.core.models import AuditEvent
from tests.assessments import builders


def test_a_workshop_assessment_gets_a_timeline_of_eight_milestones_within_its_weeks(world):
    assessment = builders.create(world.freiburg, world.qm, Method.WORKSHOP, weeks=10)

    milestones = list(assessment.milestones.order_by("due_date"))
    assert len(milestones) == 8
    assert milestones[0].due_date == builders.START
    assert milestones[-1].due_date <= builders.START + dt.timedelta(weeks=10)
    assert all(m.due_date.weekday() < 5 for m in milestones)
    assert sum(m.effort_days for m in milestones) <= 5
    assert AuditEvent.objects.filter(action="assessment.created", object_id=str(assessment.public_id)).exists()


def test_a_duration_outside_the_variant_range_is_refused_in_german(world):
    with pytest.raises(ValidationError) as error:
        builders.create(world.freiburg, world.qm, Method.WORKSHOP, weeks=20)

    assert "8 bis 12 Wochen" in str(error.value)


def test_the_quick_check_has_fourteen_questions_two_per_criterion(world):
    assessment = builders.create(world.freiburg, world.qm, Method.QUICK_CHECK)

    counts = {}
    for code in assessment.items.values_list("unit__criterion__code", flat=True):
        counts[code] = counts.get(code, 0) + 1
    assert counts == {str(c): 2 for c in range(1, 8)}
    assert assessment.question_set_confirmed_at is not None


def test_the_award_simulation_rates_every_sub_criterion(world):
    assessment = builders.create(world.freiburg, world.qm, Method.AWARD_SIMULATION)

    assert assessment.items.count() == 25
    assert not assessment.items.filter(question__isnull=False).exists()


def test_rating_opens_only_after_group_calibration_and_fixed_question_set(world):
    assessment = builders.create(world.freiburg, world.qm)

    with pytest.raises(ValidationError) as error:
        services.do_change_phase(acting_user=world.qm, assessment=assessment, phase=Phase.RATING)

    messages = " ".join(error.value.messages)
    assert "Fragenset ist leer" in messages
    assert "keine Mitglieder" in messages
    assert "Kalibrierung" in messages


def test_phases_only_move_forward_and_a_completed_assessment_can_be_reopened(world):
    assessment = builders.assessment_in_phase(world, Phase.COMPLETED)

    with pytest.raises(ValidationError):
        services.do_change_phase(acting_user=world.qm, assessment=assessment, phase=Phase.RATING)
    reopened = services.do_change_phase(acting_user=world.qm, assessment=assessment, phase=Phase.CONSENSUS)

    assert reopened.phase == Phase.CONSENSUS


def test_completing_a_radar_assessment_needs_a_consensus_for_every_question(world):
    assessment = builders.assessment_in_phase(world, Phase.CONSENSUS)

    with pytest.raises(ValidationError) as error:
        services.do_change_phase(acting_user=world.qm, assessment=assessment, phase=Phase.COMPLETED)

    assert "35" in " ".join(error.value.messages)


def test_completing_a_quick_check_takes_over_the_mean_where_no_consensus_was_recorded(world):
    assessment = builders.assessment_in_phase(world, Phase.CONSENSUS, Method.QUICK_CHECK)

    done = services.do_change_phase(acting_user=world.qm, assessment=assessment, phase=Phase.COMPLETED)

    assert done.phase == Phase.COMPLETED
    # management rated level 2, the assessor level 3: mean 2.5 → 50 %
    assert set(ConsensusScore.objects.filter(item__assessment=done).values_list("score", flat=True)) == {50}


def test_the_next_cycle_copies_the_question_set_and_optionally_the_group(world, completed):
    new = services.do_start_next_cycle(acting_user=world.qm, assessment=completed, title="Selbstbewertung 2028",
                                       start_date=dt.date(2028, 2, 7), weeks=10, copy_group=True)

    assert new.previous == completed
    assert sorted(new.items.values_list("question_id", flat=True)) == sorted(
        completed.items.values_list("question_id", flat=True))
    assert new.group_members.count() == completed.group_members.count()
    assert new.phase == Phase.PREPARATION
    assert new.question_set_confirmed_at is None


def test_milestones_can_be_changed_added_and_removed_with_an_audit_trail(world):
    assessment = builders.create(world.freiburg, world.qm)
    milestone = assessment.milestones.first()

    services.do_update_milestone(acting_user=world.qm, milestone=milestone, data={"title": "Vorgespräch", "done": True})
    added = services.do_add_milestone(acting_user=world.qm, assessment=assessment, data={
        "title": "Personalrat informieren", "due_date": builders.START, "effort_days": 0})
    services.do_delete_milestone(acting_user=world.qm, milestone=added)

    actions = list(AuditEvent.objects.filter(organisation=world.freiburg, action__startswith="assessment.milestone")
                   .values_list("action", flat=True))
    assert sorted(actions) == ["assessment.milestone_added", "assessment.milestone_deleted",
                               "assessment.milestone_updated"]
