"""Scoring rules: rounding, proposals, aggregation, scales, CAF panels, bands, references."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kosmos.assessments.domain import scoring
from kosmos.assessments.domain.model_data import load_model

EFQM = load_model("efqm2020")
CAF = load_model("caf2020")
EXAMPLE = {"1": 40, "2": 35, "3": 30, "4": 30, "5": 25, "6": 30, "7": 25}


# ---- the working-rule example from efqm-caf.md ------------------------------------------------------


def test_total_points_example_is_300():
    assert scoring.total_points(EXAMPLE, EFQM.points_by_criterion) == 300


def test_score_assessment_reproduces_the_300_point_example_from_unit_scores():
    units = {u.code: EXAMPLE[u.criterion_code] for u in EFQM.scoring_units}
    result = scoring.score_assessment(EFQM, units)
    assert result.criterion_percents == EXAMPLE
    assert result.points == 300
    assert result.overall_percent == 30
    assert result.recognition is not None and result.recognition.stars == 3
    assert result.complete and result.hints == []


def test_criterion_percent_is_the_unrounded_mean_of_its_sub_criteria():
    assert scoring.criterion_percent([40, 35, 30, 30, 25]) == 32
    assert scoring.criterion_percent([40, 35, None]) == 37.5
    assert scoring.criterion_percent([None, None]) is None


def test_total_points_weights_by_criterion_points():
    percents = dict.fromkeys(EXAMPLE, 0) | {"4": 50}
    assert scoring.total_points(percents, EFQM.points_by_criterion) == 100
    percents = dict.fromkeys(EXAMPLE, 0) | {"1": 50}
    assert scoring.total_points(percents, EFQM.points_by_criterion) == 50


def test_total_points_rejects_missing_or_unknown_criteria():
    with pytest.raises(ValueError, match="missing"):
        scoring.total_points({"1": 40}, EFQM.points_by_criterion)
    with pytest.raises(ValueError, match="unknown"):
        scoring.total_points(EXAMPLE | {"8": 10}, EFQM.points_by_criterion)


def test_total_points_rejects_percentages_outside_0_100():
    with pytest.raises(ValueError):
        scoring.total_points(EXAMPLE | {"3": 101}, EFQM.points_by_criterion)


# ---- rounding -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0),
        (2.4, 0),
        (2.5, 5),
        (32.4, 30),
        (32.5, 35),
        (37.5, 40),
        (42.5, 45),
        (97.5, 100),
        (100, 100),
        (Fraction(115, 3), 40),  # 38.33…
        (Decimal("47.5"), 50),
        (22.499999999999996, 20),  # just below a tie stays below
    ],
)
def test_round_to_step_rounds_half_up_to_multiples_of_five(value, expected):
    assert scoring.round_to_step(value) == expected


def test_round_half_up_avoids_binary_float_artefacts():
    assert scoring.round_half_up(2.5) == 3
    assert scoring.round_half_up(0.5) == 1
    assert scoring.round_half_up(1.005, 2) == 1.01  # built-in round() gives 1.0
    assert scoring.round_half_up(0.125, 2) == 0.13


def test_round_to_step_rejects_bad_input():
    with pytest.raises(ValueError):
        scoring.round_to_step(float("nan"))
    with pytest.raises(ValueError):
        scoring.round_to_step(10, step=0)
    with pytest.raises(TypeError):
        scoring.round_to_step(True)


# ---- RADAR proposal ------------------------------------------------------------------------------------


def test_proposal_is_the_mean_rounded_to_five():
    assert scoring.propose_unit_percent([40, 45]) == 45  # 42.5 -> 45
    assert scoring.propose_unit_percent([35, 40, 40]) == 40  # 38.3 -> 40
    assert scoring.propose_unit_percent([30, 30, 35, 30]) == 30  # 31.25 -> 30
    assert scoring.propose_unit_percent({"sound": 60, "integrated": 50, "measurement": None}) == 55


def test_proposal_skips_unrated_attributes_and_is_none_without_ratings():
    assert scoring.propose_unit_percent([None, 20, None]) == 20
    assert scoring.propose_unit_percent([None, None]) is None
    assert scoring.propose_unit_percent([]) is None


@pytest.mark.parametrize("bad", [42, -5, 105, 2.5])
def test_proposal_rejects_attribute_scores_off_the_scale(bad):
    with pytest.raises(ValueError):
        scoring.propose_unit_percent([40, bad])


@given(st.lists(st.integers(0, 20).map(lambda k: 5 * k) | st.none(), max_size=9))
def test_proposal_is_always_a_multiple_of_five_within_the_attribute_range(values):
    proposal = scoring.propose_unit_percent(values)
    rated = [v for v in values if v is not None]
    if not rated:
        assert proposal is None
        return
    assert proposal % 5 == 0
    assert 0 <= proposal <= 100
    assert min(rated) <= proposal <= max(rated)


@given(st.fixed_dictionaries({c: st.floats(0, 100, allow_nan=False) for c in EXAMPLE}))
def test_total_points_always_within_0_and_1000(percents):
    total = scoring.total_points(percents, EFQM.points_by_criterion)
    assert 0 <= total <= 1000


@given(st.fixed_dictionaries({u.code: st.integers(0, 20).map(lambda k: 5 * k) for u in EFQM.scoring_units}))
def test_scored_assessment_points_stay_within_0_and_1000(units):
    result = scoring.score_assessment(EFQM, units)
    assert result.points is not None and 0 <= result.points <= 1000
    assert result.overall_percent == pytest.approx(
        scoring.total_points(result.criterion_percents, EFQM.points_by_criterion) / 10
    )


# ---- maturity scales -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("level", "percent"), [(0, 0), (1, 20), (2, 40), (3, 60), (4, 80), (5, 100)])
def test_zero_to_five_scale_is_level_times_twenty(level, percent):
    assert scoring.maturity_to_percent(level) == percent


@pytest.mark.parametrize(("level", "percent"), [(1, 0), (2, 25), (3, 50), (4, 75), (5, 100)])
def test_one_to_five_scale_starts_at_zero_percent(level, percent):
    assert scoring.maturity_to_percent(level, scoring.MATURITY_1_5) == percent


def test_mean_levels_are_converted_and_rounded_to_five():
    assert scoring.maturity_to_percent(2.4) == 50  # 48 -> 50
    assert scoring.maturity_to_percent(Fraction(7, 3)) == 45  # 46.7 -> 45
    assert scoring.maturity_to_percent(2.5, scoring.MATURITY_1_5) == 40  # 37.5 -> 40


def test_maturity_levels_outside_the_scale_are_rejected():
    with pytest.raises(ValueError, match="between 0 and 5"):
        scoring.maturity_to_percent(6)
    with pytest.raises(ValueError, match="between 1 and 5"):
        scoring.maturity_to_percent(0, scoring.MATURITY_1_5)


def test_maturity_note_says_how_the_scale_was_converted():
    note = str(scoring.maturity_note())
    assert "level × 20" in note and "level 3 = 60%" in note and "not a rating according to RADAR" in note
    note_1_5 = str(scoring.maturity_note(scoring.MATURITY_1_5))
    assert "(level − 1) × 25" in note_1_5 and "level 1 = 0%" in note_1_5 and "level 5 = 100%" in note_1_5


def test_quick_check_answers_become_criterion_percentages():
    result = scoring.maturity_criterion_percents({"1": [3, 2, 4, 3], "2": [None, 1], "3": [None]})
    assert result == {"1": 60, "2": 20, "3": None}


# ---- CAF ------------------------------------------------------------------------------------------------


def test_caf_classical_ranges_match_the_model_data_for_enablers_and_results():
    assert CAF.panels is not None
    for kind in ("enabler", "results"):
        ranges = tuple((lv.min, lv.max) for lv in CAF.panels.classical(kind))
        assert ranges == scoring.CAF_CLASSICAL_RANGES
    assert [scoring.caf_classical_range(level) for level in range(6)] == list(scoring.CAF_CLASSICAL_RANGES)


def test_caf_classical_percent_defaults_to_the_midpoint_and_accepts_a_position_in_range():
    assert scoring.caf_classical_percent(0) == 5
    assert scoring.caf_classical_percent(2) == 41  # 40.5 rounded half-up
    assert scoring.caf_classical_percent(3, 65) == 65
    with pytest.raises(ValueError, match="range 51–70"):
        scoring.caf_classical_percent(3, 75)
    with pytest.raises(ValueError):
        scoring.caf_classical_range(6)


@pytest.mark.parametrize(
    ("percent", "level"),
    [
        (0, 0),
        (10, 0),
        (10.5, 1),
        (11, 1),
        (30, 1),
        (31, 2),
        (50, 2),
        (51, 3),
        (70, 3),
        (71, 4),
        (90, 4),
        (91, 5),
        (100, 5),
    ],
)
def test_caf_level_for_percent(percent, level):
    assert scoring.caf_level_for_percent(percent) == level


def test_caf_fine_tuned_enablers_average_the_pdca_phases():
    assert scoring.caf_fine_tuned_score({"plan": 80, "do": 60, "check": 35, "act": 20}, "enabler") == 48.8
    assert scoring.caf_fine_tuned_score({"plan": 80, "do": 60, "check": 40, "act": 20}, "enabler") == 50


def test_caf_fine_tuned_results_average_trends_and_targets():
    assert scoring.caf_fine_tuned_score({"trends": 70, "targets": 45}, "results") == 57.5


def test_caf_fine_tuned_requires_exactly_its_dimensions():
    with pytest.raises(ValueError, match="missing"):
        scoring.caf_fine_tuned_score({"plan": 80, "do": 60, "check": 40}, "enabler")
    with pytest.raises(ValueError, match="unknown"):
        scoring.caf_fine_tuned_score({"trends": 70, "targets": 45, "plan": 3}, "results")
    with pytest.raises(ValueError):
        scoring.caf_fine_tuned_score({"trends": 70}, "bogus")


def test_caf_total_is_the_mean_of_criterion_percentages_without_points():
    units = {u.code: 10 * int(u.criterion_code) for u in CAF.scoring_units}
    result = scoring.score_assessment(CAF, units)
    assert result.points is None and result.recognition is None
    assert result.overall_percent == 50  # mean of 10..90
    assert result.criterion_percents["4"] == 40


# ---- bands and references -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("percent", "label"),
    [
        (0, "Keine Fähigkeit"),
        (5, "Keine Fähigkeit"),
        (10, "Begrenzte Fähigkeit"),
        (30, "Begrenzte Fähigkeit"),
        (35, "Begrenzte Fähigkeit"),
        (40, "Fähigkeit vorhanden"),
        (62.5, "Fähigkeit vorhanden"),
        (70, "Umfassende Fähigkeit"),
        (85, "Umfassende Fähigkeit"),
        (90, "Herausragende Fähigkeit"),
        (100, "Herausragende Fähigkeit"),
    ],
)
def test_band_label(percent, label):
    assert scoring.band_label(percent) == label
    assert scoring.band_label(percent, EFQM.bands) == label


def test_band_rejects_values_outside_the_scale():
    with pytest.raises(ValueError):
        scoring.band_for(101)


@pytest.mark.parametrize(
    ("points", "stars"),
    [(0, None), (299, None), (299.9, None), (300, 3), (399, 3), (400, 4), (499.5, 4), (500, 5), (1000, 5)],
)
def test_recognition_levels(points, stars):
    level = scoring.recognition_level(points)
    assert (level.stars if level else None) == stars
    if level:
        assert f"from {level.min_points} points" in str(level.description)
        assert f"recognition level with {stars} stars" in str(level.label)


def test_calibration_warning_only_for_a_first_assessment_above_500():
    hints = scoring.calibration_hints(520, first_assessment=True)
    assert [h.code for h in hints] == ["calibration_first_assessment_high"]
    assert "520 points" in str(hints[0].message) and "700 to 800" in str(hints[0].message)
    assert scoring.calibration_hints(500, first_assessment=True) == []
    assert scoring.calibration_hints(720, first_assessment=False) == []


def test_score_assessment_adds_the_calibration_warning():
    units = {u.code: 60 for u in EFQM.scoring_units}
    result = scoring.score_assessment(EFQM, units, first_assessment=True)
    assert result.points == 600
    assert [h.code for h in result.hints] == ["calibration_first_assessment_high"]


def test_incomplete_assessment_has_no_total_and_says_what_is_missing():
    units = {u.code: 50 for u in EFQM.scoring_units if u.criterion_code != "6"}
    result = scoring.score_assessment(EFQM, units)
    assert result.points is None and result.overall_percent is None and not result.complete
    assert result.criterion_percents["6"] is None and result.criterion_percents["1"] == 50
    assert result.hints[0].code == "incomplete" and "criterion 6." in str(result.hints[0].message)


def test_partially_rated_criterion_uses_the_rated_sub_criteria():
    units = {u.code: 50 for u in EFQM.scoring_units} | {"1.1": None, "1.2": 20}
    result = scoring.score_assessment(EFQM, units)
    assert result.criterion_percents["1"] == (20 + 50 * 3) / 4


def test_score_assessment_rejects_unknown_units():
    with pytest.raises(ValueError, match="9.9"):
        scoring.score_assessment(EFQM, {"9.9": 50})
