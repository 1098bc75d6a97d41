"""The assessment group, its composition check and the calibration."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kosmos.assessments import selectors, services
from kosmos.core.models import AuditEvent
from tests.assessments import builders


def _codes(assessment) -> set[str]:  # noqa: ANN001
    return {hint.code for hint in selectors.composition_hints(assessment)}


def test_a_small_uniform_group_gets_every_relevant_warning(world):
    assessment = builders.create(world.freiburg, world.qm)
    services.do_add_group_member(acting_user=world.qm, assessment=assessment, user=world.assessor, data={
        "gender": "m", "level": "mitarbeitende", "department": "Leistung", "criteria": ["3", "4"]})

    codes = _codes(assessment)

    assert {"group_too_small", "gender_single", "hierarchy_single_level", "criterion_uncovered",
            "leadership_missing", "results_expertise_missing"} <= codes


def test_a_diverse_group_of_ten_covering_all_criteria_has_no_warnings(world):
    from kosmos.core.roles import Role
    from tests.factories import make_member

    assessment = builders.create(world.freiburg, world.qm)
    people = [make_member(world.freiburg, f"p{i}@test.example", f"Person {i}", Role.ASSESSOR) for i in range(10)]
    for i, user in enumerate(people):
        services.do_add_group_member(acting_user=world.qm, assessment=assessment, user=user, data={
            "gender": "wm"[i % 2], "level": ["leitung", "fuehrung", "mitarbeitende"][i % 3],
            "department": f"Bereich {i % 4}", "is_management": i == 0,
            "functions": ["controlling"] if i == 1 else [], "criteria": ["1", "2", "6", "7"] if i < 2 else ["3", "4", "5"],
        })

    assert [h for h in selectors.composition_hints(assessment) if h.is_warning] == []


def test_only_members_of_the_organisation_join_and_nobody_twice(world):
    assessment = builders.create(world.freiburg, world.qm)

    with pytest.raises(ValidationError):
        services.do_add_group_member(acting_user=world.qm, assessment=assessment, user=world.outsider,
                                     data={"level": "fuehrung"})
    services.do_add_group_member(acting_user=world.qm, assessment=assessment, user=world.staff,
                                 data={"level": "mitarbeitende"})
    with pytest.raises(ValidationError):
        services.do_add_group_member(acting_user=world.qm, assessment=assessment, user=world.staff,
                                     data={"level": "mitarbeitende"})


def test_the_calibration_is_recorded_and_its_changes_logged(world):
    assessment = builders.create(world.freiburg, world.qm)

    services.do_record_calibration(acting_user=world.qm, assessment=assessment,
                                   data={"attitude": "Selbstkritisch", "reference_acknowledged": True})
    services.do_record_calibration(acting_user=world.qm, assessment=assessment,
                                   data={"attitude": "Selbstkritisch und belegbasiert"})

    assessment.refresh_from_db()
    assert assessment.calibration.attitude == "Selbstkritisch und belegbasiert"
    events = AuditEvent.objects.filter(action="assessment.calibration_recorded").order_by("id")
    assert events.count() == 2
    assert events[1].changes == {"attitude": ["Selbstkritisch", "Selbstkritisch und belegbasiert"]}
