"""Milestone templates and spreading them over the project period."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kosmos.assessments.domain.timeline import PLANS, TimelineError, milestone_templates, plan_timeline

MONDAY = dt.date(2025, 3, 3)

WORKSHOP_TITLES = [  # English source strings; the German catalogue has the project design's wording
    "Preliminary talk with the management board",
    "Kick-off with commitment, ecosystem and Quick-Check",
    "Form the assessment group",
    "RADAR training and question set",
    "Evidence research",
    "Rating in assessment circles",
    "Recommendations and priorities",
    "Closing",
]


def test_workshop_template_follows_the_project_design():
    templates = milestone_templates("workshop")
    assert [t.title for t in templates] == WORKSHOP_TITLES
    assert PLANS["workshop"].total_effort_days <= 5
    assert (PLANS["workshop"].min_weeks, PLANS["workshop"].max_weeks) == (8, 12)


@pytest.mark.parametrize("method", ["quick_check", "questionnaire", "workshop", "award_simulation"])
def test_every_method_has_ordered_templates_with_effort(method):
    plan = PLANS[method]
    offsets = [t.offset for t in plan.milestones]
    assert len(plan.milestones) >= 4
    assert offsets == sorted(offsets) and offsets[0] == 0.0 and offsets[-1] == 1.0
    assert all(t.effort_days >= 0 and t.title and t.description for t in plan.milestones)
    assert len({t.key for t in plan.milestones}) == len(plan.milestones)
    assert plan.min_weeks <= plan.default_weeks <= plan.max_weeks


def test_effort_grows_with_the_depth_of_the_method():
    efforts = [
        PLANS[m].total_effort_days for m in ("quick_check", "questionnaire", "workshop", "award_simulation")
    ]
    assert efforts == sorted(efforts)
    assert PLANS["award_simulation"].total_effort_days > 10


def test_workshop_over_ten_weeks():
    milestones = plan_timeline("workshop", MONDAY, 10)
    assert milestones[0].date == MONDAY and milestones[0].week == 1
    assert milestones[-1].title == "Closing"
    assert milestones[-1].date == dt.date(2025, 5, 9)  # Friday of week 10
    assert milestones[-1].week == 10
    assert [m.date for m in milestones] == sorted(m.date for m in milestones)
    assert all(m.date.weekday() < 5 for m in milestones)


def test_shorter_period_moves_milestones_closer_together():
    eight = plan_timeline("workshop", MONDAY, 8)
    twelve = plan_timeline("workshop", MONDAY, 12)
    assert eight[-1].date < twelve[-1].date
    assert eight[4].date <= twelve[4].date


def test_default_weeks_per_method():
    assert plan_timeline("workshop", MONDAY)[-1].week == 10
    assert plan_timeline("quick_check", MONDAY)[-1].week == 2


@pytest.mark.parametrize("weeks", [7, 13, 0])
def test_workshop_weeks_outside_8_to_12_are_rejected_with_a_message(weeks):
    with pytest.raises(TimelineError, match="8 to 12 weeks") as raised:
        plan_timeline("workshop", MONDAY, weeks)
    assert raised.value.message.params["weeks"] == weeks


def test_invalid_weeks_type_and_unknown_method():
    with pytest.raises(TimelineError, match="whole weeks"):
        plan_timeline("workshop", MONDAY, 9.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown method"):
        plan_timeline("retreat", MONDAY)


def test_weekend_start_moves_the_first_milestone_to_monday():
    saturday = dt.date(2025, 3, 1)
    milestones = plan_timeline("workshop", saturday, 8)
    assert milestones[0].date == dt.date(2025, 3, 3)


@given(
    method=st.sampled_from(sorted(PLANS)),
    start=st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)),
    data=st.data(),
)
def test_dated_milestones_stay_in_the_period_on_working_days(method, start, data):
    plan = PLANS[method]
    weeks = data.draw(st.integers(plan.min_weeks, plan.max_weeks))
    milestones = plan_timeline(method, start, weeks)
    end = start + dt.timedelta(days=weeks * 7 - 1)
    dates = [m.date for m in milestones]
    assert len(milestones) == len(plan.milestones)
    assert all(start <= d <= end for d in dates)
    assert all(d.weekday() < 5 for d in dates)
    assert dates == sorted(dates)
    assert all(1 <= m.week <= weeks for m in milestones)
