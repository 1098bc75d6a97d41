"""SMART check of action fields and improvement projects."""

from __future__ import annotations

import datetime as dt

from kosmos.improvement.domain.smart import check_smart

TODAY = dt.date(2025, 6, 2)
GOOD = {
    "goal": "Wir verkürzen die Wartezeit auf einen Beratungstermin von 15 auf 8 Arbeitstage, "
    "damit Kund:innen schneller Unterstützung erhalten.",
    "owner": "Teamleitung Markt und Integration",
    "due": dt.date(2026, 3, 31),
    "indicator": "Durchschnittliche Wartezeit auf einen Erstberatungstermin in Arbeitstagen",
    "today": TODAY,
}


def codes(**changes) -> list[str]:
    return [h.code for h in check_smart(**(GOOD | changes)).hints]


def test_a_smart_goal_passes():
    result = check_smart(**GOOD)
    assert result.hints == []
    assert result.ok and result.fulfilled == dict.fromkeys("SMART", True)


def test_missing_goal():
    result = check_smart(**(GOOD | {"goal": "  "}))
    assert "smart_specific_missing" in [h.code for h in result.hints]
    assert result.fulfilled["S"] is False


def test_short_and_vague_goals():
    assert "smart_specific_short" in codes(goal="Wartezeit auf 8 Tage senken")
    hints = check_smart(**(GOOD | {"goal": GOOD["goal"] + " Möglichst alle Teams ggf. einbeziehen."})).hints
    vague = next(h for h in hints if h.code == "smart_specific_vague")
    assert "(“ggf.”, “möglichst”)" in str(vague.message)


def test_measurable_needs_an_indicator_and_a_target_value():
    assert codes(indicator="") == ["smart_measurable_indicator"]
    result = check_smart(
        **(
            GOOD
            | {
                "goal": "Wir verbessern die Terminvergabe im Jahr 2026 deutlich, damit Kund:innen zufrieden sind."
            }
        )
    )
    assert [h.code for h in result.hints] == ["smart_measurable_target"]  # a year is not a target value
    assert result.fulfilled["M"] is False and result.fulfilled["S"] is True


def test_target_words_and_dates():
    goal = (
        "Wir halbieren die Zahl der Rückfragen zu Bescheiden bis zum 31.12., damit Kund:innen weniger warten."
    )
    assert "smart_measurable_target" not in codes(goal=goal, indicator="Rückfragen je Monat")
    goal = "Wir klären die Rückfragen zu Bescheiden bis zum 31.12.2026, damit Kund:innen weniger warten."
    assert "smart_measurable_target" in codes(goal=goal, indicator="Rückfragen je Monat")


def test_owner_is_required_and_must_not_be_a_collective():
    assert codes(owner="") == ["smart_accepted_owner"]
    result = check_smart(**(GOOD | {"owner": "Alle"}))
    assert [h.code for h in result.hints] == ["smart_accepted_generic"]
    assert "“Alle”" in str(result.hints[0].message)
    assert result.fulfilled["A"] is False


def test_missing_benefit_is_only_an_info():
    result = check_smart(
        **(GOOD | {"goal": "Wir verkürzen die Wartezeit auf einen Beratungstermin von 15 auf 8 Arbeitstage."})
    )
    assert [(h.code, h.severity) for h in result.hints] == [("smart_attractive_benefit", "info")]
    assert result.ok


def test_absolute_targets_and_far_away_dates_question_realism():
    goal = "Alle Kund:innen erhalten zu 100 % einen Termin innerhalb von 3 Tagen, damit niemand warten muss."
    result = check_smart(**(GOOD | {"goal": goal}))
    absolute = next(h for h in result.hints if h.code == "smart_realistic_absolute")
    assert absolute.severity == "info" and "“100 %”" in str(absolute.message)
    assert codes(due=TODAY + dt.timedelta(days=800)) == ["smart_realistic_long"]
    assert codes(due=TODAY + dt.timedelta(days=700)) == []


def test_time_bound():
    assert codes(due=None) == ["smart_timebound_missing"]
    result = check_smart(**(GOOD | {"due": dt.date(2025, 5, 1)}))
    assert [h.code for h in result.hints] == ["smart_timebound_past"]
    assert "(01.05.2025)" in str(result.hints[0].message)
    assert result.fulfilled["T"] is False


def test_everything_missing_names_every_letter():
    result = check_smart("", today=TODAY)
    assert {h.subject for h in result.hints if h.is_warning} == {"S", "M", "A", "T"}
    assert result.fulfilled == {"S": False, "M": False, "A": False, "R": True, "T": False}
