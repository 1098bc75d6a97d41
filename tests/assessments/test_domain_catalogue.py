"""Content rules of our own Jobcenter question catalogue."""

from __future__ import annotations

import re
from collections import Counter

from kosmos.assessments.domain.balance import check_balance
from kosmos.assessments.domain.model_data import QUESTION_CODE_RE, load_catalogue, load_model

CATALOGUE = load_catalogue("jobcenter")
MODEL = load_model("efqm2020")


def test_at_least_160_questions():
    assert len(CATALOGUE.questions) >= 160


def test_every_sub_criterion_has_six_to_eight_questions():
    per_unit = Counter(q.unit for q in CATALOGUE.questions)
    for sub in MODEL.sub_criteria:
        assert 6 <= per_unit[sub.code] <= 8, sub.code


def test_results_criteria_have_at_least_eight_questions_each():
    per_unit = Counter(q.unit for q in CATALOGUE.questions)
    assert per_unit["6"] >= 8 and per_unit["7"] >= 8
    assert set(per_unit) == {u.code for u in MODEL.scoring_units}


def test_quick_check_has_fourteen_questions_two_per_criterion():
    quick = CATALOGUE.quick_check
    assert len(quick) == 14
    assert Counter(q.criterion for q in quick) == dict.fromkeys(MODEL.criterion_codes, 2)
    # broad impulse questions that can be answered on a maturity scale ("how well / to what degree")
    assert all(re.match(r"(Wie|In welchem Maß)\b", q.text) for q in quick)


def test_quick_check_scale_has_six_labelled_levels():
    assert [lv.level for lv in CATALOGUE.quick_check_levels] == [0, 1, 2, 3, 4, 5]
    assert all(lv.label and lv.description for lv in CATALOGUE.quick_check_levels)


def test_starter_set_is_balanced_and_varied():
    starter = CATALOGUE.starter_set
    assert len(starter) == 35
    assert Counter(q.criterion for q in starter) == dict.fromkeys(MODEL.criterion_codes, 5)
    assert check_balance([q.unit for q in starter], "workshop").hints == []
    for criterion in MODEL.criteria:  # every aspect of an enabler criterion is represented
        if not criterion.scored_as_whole:
            covered = {q.unit for q in starter if q.criterion == criterion.code}
            assert covered == {s.code for s in criterion.sub_criteria}, criterion.code


def test_codes_are_stable_and_sequential_per_unit():
    by_unit: dict[str, list[int]] = {}
    for question in CATALOGUE.questions:
        match = QUESTION_CODE_RE.match(question.code)
        assert match and match.group("unit") == question.unit
        by_unit.setdefault(question.unit, []).append(int(match.group("number")))
    for unit, numbers in by_unit.items():
        assert numbers == list(range(1, len(numbers) + 1)), unit


def test_questions_are_questions_of_reasonable_length():
    for question in CATALOGUE.questions:
        assert question.text.endswith("?"), question.code
        assert len(question.text.split()) <= 32, question.code
        assert question.text[0].isupper()


def test_every_question_has_an_evidence_hint():
    for question in CATALOGUE.questions:
        assert 1 <= len(question.evidence) <= 4, question.code
        assert question.evidence_hint.startswith("Woran erkennen Sie es? Belege: ")
        assert question.evidence_hint.endswith(".")


def test_gender_inclusive_language():
    masculine = re.compile(
        r"\b(Kunden|Mitarbeiter|Mitarbeitern|Kollegen|Teilnehmer|Berater|Assessoren|Bürger)\b"
    )
    for question in CATALOGUE.questions:
        text = " ".join([question.text, *question.evidence])
        assert not masculine.search(text), (question.code, masculine.search(text).group(0))
    all_text = " ".join(q.text for q in CATALOGUE.questions)
    assert "Kund:innen" in all_text and "Mitarbeitende" in all_text


def test_uses_the_language_of_a_jobcenter():
    all_text = " ".join(" ".join([q.text, *q.evidence]) for q in CATALOGUE.questions)
    for term in (
        "Arbeitgeber",
        "Träger",
        "Maßnahme",
        "Netzwerkpartner",
        "BA und Kommune",
        "Geschäftsstellen",
        "Führungskräfte",
        "SGB II",
        "Eingliederung",
        "Kundenreaktionsmanagement",
        "Controlling",
        "Zielvereinbarung",
        "Trägerversammlung",
        "Kundenbefragung",
        "Dienstvereinbarung",
    ):
        assert term in all_text, term


def test_results_questions_ask_for_results_not_approaches():
    results = [q for q in CATALOGUE.questions if q.criterion in {"6", "7"}]
    keywords = re.compile(
        r"Ergebnis|entwickel|Ziel|Vergleich|Quote|zufrieden|bewerten|beurteilen|wahrgenommen|"
        r"nehmen .* wahr|zeigen|aufgeschlüsselt|Trend|schneidet|Zahl|hoch|zuverlässig|vorhersagen|sicher",
        re.IGNORECASE,
    )
    for question in results:
        assert keywords.search(question.text), question.code
