"""Composition check of the assessment group: every warning triggered and not triggered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kosmos.assessments.domain.composition import Member, check_composition, rules_for_model
from kosmos.assessments.domain.model_data import load_model

ALL = {"1", "2", "3", "4", "5", "6", "7"}


def balanced_group() -> list[Member]:
    """Ten members, mixed by gender, level and department, covering everything the rules ask for."""
    return [
        Member("GF", "w", "leitung", "Geschäftsführung", True, criteria={"1", "2", "5"}),
        Member("BL Markt", "m", "leitung", "Markt und Integration", True, criteria={"1", "2", "4"}),
        Member("TL Leistung", "w", "fuehrung", "Leistung", criteria={"3", "4", "5"}),
        Member("TL AG-S", "m", "fuehrung", "Arbeitgeber-Service", criteria={"3", "4"}),
        Member(
            "Controlling", "d", "mitarbeitende", "Controlling", functions={"controlling"}, criteria={"5", "7"}
        ),
        Member(
            "KRM", "w", "mitarbeitende", "Stab", functions={"Kundenreaktionsmanagement"}, criteria={"4", "6"}
        ),
        Member("IFK 1", "m", "mitarbeitende", "Markt und Integration", criteria={"3", "4", "6"}),
        Member("IFK 2", "w", "mitarbeitende", "Markt und Integration", criteria={"2", "3"}),
        Member("LB 1", "m", "mitarbeitende", "Leistung", criteria={"4", "7"}),
        Member("QM", "w", "mitarbeitende", "Qualitätsmanagement", criteria=ALL),
    ]


def codes(members: list[Member]) -> list[str]:
    return [h.code for h in check_composition(members)]


def test_balanced_group_has_no_warnings():
    assert check_composition(balanced_group()) == []


# ---- size -------------------------------------------------------------------------------------------------


def test_group_too_small():
    group = balanced_group()[:8]
    hints = check_composition(group)
    assert "group_too_small" in [h.code for h in hints]
    assert "8 members" in str(next(h.message for h in hints if h.code == "group_too_small"))


def test_group_too_large():
    group = balanced_group() + [Member(f"MA {i}", "m" if i % 2 else "w", "mitarbeitende") for i in range(3)]
    assert len(group) == 13
    assert "group_too_large" in codes(group)


@pytest.mark.parametrize("size", [9, 10, 12])
def test_sizes_nine_to_twelve_are_fine(size):
    group = balanced_group()
    group += [Member(f"MA {i}", "w" if i % 2 else "m", "mitarbeitende") for i in range(max(0, size - 10))]
    group = group[:size]
    assert not {"group_too_small", "group_too_large"} & set(codes(group))


# ---- gender -------------------------------------------------------------------------------------------------


def test_only_one_gender():
    group = [replace(m, gender="w") for m in balanced_group()]
    hints = check_composition(group)
    assert [h.code for h in hints] == ["gender_single"]
    assert "are female." in str(hints[0].message)


def test_largest_gender_group_above_two_thirds():
    genders = ["w"] * 7 + ["m"] * 3  # 7/10 > 2/3
    group = [replace(m, gender=g) for m, g in zip(balanced_group(), genders, strict=True)]
    hints = check_composition(group)
    assert [h.code for h in hints] == ["gender_unbalanced"]
    assert "7 of 10" in str(hints[0].message)


def test_exactly_two_thirds_is_still_balanced():
    genders = ["w"] * 6 + ["m"] * 3 + [""]  # 6 of 9 known = 2/3
    group = [replace(m, gender=g) for m, g in zip(balanced_group(), genders, strict=True)]
    assert "gender_unbalanced" not in codes(group)


def test_unknown_genders_are_ignored_for_the_balance_and_reported_when_all_unknown():
    group = [replace(m, gender="") for m in balanced_group()]
    hints = check_composition(group)
    assert [(h.code, h.severity) for h in hints] == [("gender_unknown", "info")]
    group = [replace(m, gender="x") for m in balanced_group()]  # invalid values count as unknown
    assert codes(group) == ["gender_unknown"]


# ---- hierarchy and department -----------------------------------------------------------------------------


def test_single_hierarchy_level():
    group = [replace(m, level="mitarbeitende") for m in balanced_group()]
    hints = check_composition(group)
    assert [h.code for h in hints] == ["hierarchy_single_level"]
    assert "(Staff)" in str(hints[0].message)


def test_missing_hierarchy_levels_are_reported_too():
    group = [replace(m, level="") for m in balanced_group()]
    assert codes(group) == ["hierarchy_single_level"]


def test_single_department_is_an_info():
    group = [replace(m, department="Markt und Integration") for m in balanced_group()]
    hints = check_composition(group)
    assert [(h.code, h.severity) for h in hints] == [("department_single", "info")]


# ---- competence -------------------------------------------------------------------------------------------


def test_criterion_nobody_can_speak_to_is_named():
    group = [replace(m, criteria=m.criteria - {"4"}) for m in balanced_group()]
    hints = check_composition(group)
    assert [(h.code, h.subject) for h in hints] == [("criterion_uncovered", "4")]
    assert "Criterion 4 “Nachhaltigen Nutzen schaffen”" in str(hints[0].message)


def test_sub_criterion_codes_count_for_their_criterion():
    group = [replace(m, criteria=m.criteria - {"4"}) for m in balanced_group()]
    group[0] = Member("GF", "w", "leitung", "Geschäftsführung", True, criteria={"1", "2", "5", "4.3"})
    assert "criterion_uncovered" not in codes(group)


def test_leadership_must_cover_criteria_1_and_2():
    group = balanced_group()
    group[0] = replace(group[0], criteria={"1", "5"})
    group[1] = replace(group[1], criteria={"1", "4"})
    hints = check_composition(group)
    assert [(h.code, h.subject) for h in hints] == [("leadership_missing", "2")]
    assert (
        "No member of the management" in str(hints[0].message)
        and "“Organisationskultur und Organisationsführung”" in str(hints[0].message)
    )


def test_non_management_members_do_not_replace_the_leadership():
    group = [replace(m, is_management=False) for m in balanced_group()]
    hints = check_composition(group)
    assert [(h.code, h.subject) for h in hints] == [("leadership_missing", "1,2")]
    assert "the criteria 1 “" in str(hints[0].message)


def test_results_need_controlling_or_customer_feedback_management():
    group = [replace(m, functions=frozenset()) for m in balanced_group()]
    hints = check_composition(group)
    assert [(h.code, h.subject) for h in hints] == [("results_expertise_missing", "6,7")]
    assert "controlling or customer feedback management" in str(hints[0].message)


def test_results_expertise_must_cover_each_results_criterion():
    group = balanced_group()
    group[4] = replace(group[4], criteria={"5"})  # controlling no longer covers 7
    assert [(h.code, h.subject) for h in check_composition(group)] == [("results_expertise_missing", "7")]


def test_function_alias_krm_is_understood():
    group = balanced_group()
    group[5] = Member("KRM", "w", "mitarbeitende", "Stab", functions={" KRM "}, criteria={"4", "6"})
    assert check_composition(group) == []
    assert group[5].functions == frozenset({"kundenreaktionsmanagement"})


def test_caf_rules_use_the_caf_criteria():
    caf = load_model("caf2020")
    rules = rules_for_model(caf)
    assert rules.results_criteria == ("6", "7", "8", "9")
    hints = check_composition(balanced_group(), rules)
    uncovered = [h.subject for h in hints if h.code == "criterion_uncovered"]
    assert uncovered == ["8", "9"]
    assert [h.subject for h in hints if h.code == "results_expertise_missing"] == ["8,9"]


def test_empty_group():
    result = codes([])
    assert result[0] == "group_too_small"
    assert result.count("criterion_uncovered") == 7
