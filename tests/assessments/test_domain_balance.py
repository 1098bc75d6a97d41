"""Balance rules of the question set per method."""

from __future__ import annotations

import pytest

from kosmos.assessments.domain.balance import check_balance
from kosmos.assessments.domain.model_data import load_catalogue, load_model

CRITERIA = [str(c) for c in range(1, 8)]


def question_set(**counts: int) -> list[str]:
    """``question_set(c1=5, c4=6)`` -> criterion codes; unspecified criteria get 5 questions."""
    result: list[str] = []
    for code in CRITERIA:
        result += [code] * counts.get(f"c{code}", 5)
    return result


def hint_codes(report) -> list[tuple[str, str]]:
    return [(h.code, h.subject) for h in report.hints]


# ---- workshop -------------------------------------------------------------------------------------------


def test_the_catalogue_starter_set_is_a_balanced_workshop_set():
    starter = load_catalogue().starter_set
    report = check_balance([q.unit for q in starter], "workshop")
    assert report.ok and report.hints == []
    assert report.counts == dict.fromkeys(CRITERIA, 5)
    assert report.total == 35 == report.recommended_total


@pytest.mark.parametrize("per_criterion", [4, 5, 6])
def test_four_to_six_per_criterion_is_fine(per_criterion):
    report = check_balance(question_set(**{f"c{c}": per_criterion for c in CRITERIA}), "workshop")
    assert report.ok


def test_too_few_questions_in_one_criterion():
    report = check_balance(question_set(c3=3), "workshop")
    assert hint_codes(report) == [("criterion_too_few", "3")]
    assert "Criterion 3 “Interessengruppen einbinden”: only 3 questions" in str(report.hints[0].message)


def test_too_many_questions_in_one_criterion():
    report = check_balance(question_set(c4=7), "workshop")
    assert hint_codes(report) == [("criterion_too_many", "4")]
    assert "7 questions" in str(report.hints[0].message)


def test_missing_criterion_is_named():
    report = check_balance(question_set(c6=0, c1=6, c2=6, c3=6), "workshop")
    assert ("criterion_missing", "6") in hint_codes(report)
    assert report.counts["6"] == 0
    assert "“Wahrnehmung der Interessengruppen” is not represented in the question set" in str(report.hints[0].message)


def test_total_below_28_and_above_42():
    low = check_balance(question_set(c1=4, c2=4, c3=4, c4=4, c5=4, c6=4, c7=3), "workshop")
    assert low.total == 27
    assert ("total_too_low", "") in hint_codes(low)
    high = check_balance(question_set(c1=6, c2=6, c3=6, c4=6, c5=6, c6=6, c7=7), "workshop")
    assert high.total == 43
    assert ("total_too_high", "") in hint_codes(high)


def test_sub_criterion_codes_count_for_their_criterion_and_single_aspect_is_an_info():
    codes = question_set(c1=0) + ["1.1", "1.1", "1.1", "1.1", "1.1"]
    report = check_balance(codes, "workshop")
    assert report.counts["1"] == 5
    assert report.ok
    assert [(h.code, h.severity, h.subject) for h in report.hints] == [("single_aspect", "info", "1")]
    varied = question_set(c1=0) + ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert check_balance(varied, "workshop").hints == []


def test_unknown_criterion_codes_are_reported():
    report = check_balance([*question_set(), "8.1"], "workshop")
    assert ("unknown_criterion", "8") in hint_codes(report)


def test_workshop_thresholds_scale_with_the_model():
    caf = load_model("caf2020")
    report = check_balance(
        [c for c in caf.criterion_codes for _ in range(4)], "workshop", criteria=caf.criterion_names
    )
    assert report.total == 36 and report.ok
    assert report.recommended_total == 45


# ---- quick-check ----------------------------------------------------------------------------------------


def test_quick_check_needs_exactly_two_per_criterion():
    assert check_balance([c for c in CRITERIA for _ in range(2)], "quick_check").ok
    catalogue_set = [q.criterion for q in load_catalogue().quick_check]
    assert check_balance(catalogue_set, "quick_check").hints == []


def test_quick_check_with_thirteen_questions():
    codes = [c for c in CRITERIA for _ in range(2)][:-1]
    report = check_balance(codes, "quick_check")
    assert hint_codes(report) == [("criterion_count_not_exact", "7"), ("total_not_exact", "")]
    assert "exactly 14" in str(report.hints[-1].message)


def test_quick_check_with_one_criterion_overloaded():
    codes = [c for c in CRITERIA for _ in range(2)] + ["5"]
    report = check_balance(codes, "quick_check")
    assert hint_codes(report) == [("criterion_count_not_exact", "5"), ("total_not_exact", "")]


# ---- questionnaire and award simulation ------------------------------------------------------------------


def test_questionnaire_at_most_thirty():
    thirty = question_set(c1=4, c2=4, c3=4, c4=5, c5=4, c6=5, c7=4)
    assert len(thirty) == 30 and check_balance(thirty, "questionnaire").ok
    report = check_balance([*thirty, "4"], "questionnaire")
    assert hint_codes(report) == [("total_too_high", "")]
    assert "At most 30" in str(report.hints[0].message)


def test_questionnaire_still_wants_every_criterion():
    report = check_balance(question_set(c2=0), "questionnaire")
    assert hint_codes(report) == [("criterion_missing", "2")]


def test_award_simulation_checks_coverage_only():
    assert check_balance(question_set(c1=20), "award_simulation").ok
    assert hint_codes(check_balance(question_set(c7=0), "award_simulation")) == [("criterion_missing", "7")]


def test_unknown_method_and_plain_criteria_lists():
    with pytest.raises(ValueError, match="unknown method"):
        check_balance([], "survey")
    report = check_balance(["1", "2"], "workshop", criteria=["1", "2"])
    assert report.counts == {"1": 1, "2": 1}
    assert "Criterion 1: only 1 question." in str(report.hints[0].message)
