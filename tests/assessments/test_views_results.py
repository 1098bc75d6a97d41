"""Every variant ends on the same result view: % and points per criterion, total of 1000."""

from __future__ import annotations

import io
import json
from fractions import Fraction

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kosmos.assessments import selectors, services
from kosmos.assessments.models import ConsensusScore, Method, Phase
from tests.assessments import builders


def _url(name: str, assessment) -> str:  # noqa: ANN001
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", "assessment_id": assessment.public_id})


def _consensus(world, assessment, percents: dict[str, int]):  # noqa: ANN001, ANN202
    """Record the same consensus for every item of a criterion."""
    for item in assessment.items.select_related("unit__criterion"):
        services.do_record_consensus(acting_user=world.qm, item=item, score=percents[item.unit.criterion.code],
                                     reason="festgelegt")
    return services.do_change_phase(acting_user=world.qm, assessment=assessment, phase=Phase.COMPLETED)


def test_the_working_rule_of_the_1000_point_total(world, consensus_phase):
    done = _consensus(world, consensus_phase, {"1": 40, "2": 35, "3": 30, "4": 30, "5": 25, "6": 30, "7": 25})

    summary = selectors.results(done)

    assert summary.points == 300
    assert [r.points for r in summary.rows] == [40, 35, 30, 60, 25, 60, 50]
    assert summary.recognition is None  # award levels only for the application simulation
    assert summary.hints == []
    done.method = Method.AWARD_SIMULATION
    assert selectors.results(done).recognition.stars == 3


def test_a_first_self_assessment_above_500_points_gets_the_calibration_warning(world, consensus_phase, client_for):
    done = _consensus(world, consensus_phase, dict.fromkeys("1234567", 60))

    html = client_for(world.management).get(_url("assessment_results", done)).content.decode()

    assert selectors.results(done).points == 600
    assert "sehr hoch" in html and "700 bis 800" in html


def test_a_later_cycle_is_not_warned_and_is_compared_per_criterion(world, completed):
    new = services.do_start_next_cycle(acting_user=world.qm, assessment=completed, title="Zyklus 2", weeks=10,
                                       start_date=builders.START, copy_group=True)
    builders.prepare(new, world.qm, [])
    new = builders.open_rating(new, world.qm)
    builders.rate(new, world.assessor, 70)
    new = builders.open_consensus(new, world.qm)
    done = _consensus(world, new, dict.fromkeys("1234567", 70))

    summary = selectors.results(done)

    assert summary.points == 700 and summary.hints == []
    assert summary.previous == completed
    assert all(row.previous_percent == 40 and row.delta == 30 for row in summary.rows)
    assert 'stroke-dasharray' in summary.chart_svg  # the previous cycle as a second (dashed) series


def test_the_quick_check_states_its_scale_conversion(world, client_for):
    assessment = builders.assessment_in_phase(world, Phase.COMPLETED, Method.QUICK_CHECK)

    summary = selectors.results(assessment)
    html = client_for(world.management).get(_url("assessment_results", assessment)).content.decode()

    assert [r.percent for r in summary.rows] == [50] * 7  # levels 2 and 3 → 2.5 → 50 %
    assert summary.points == 500
    assert "Stufe × 20" in html
    assert "<svg" in html and "<table" in html


def test_the_result_page_has_a_radar_chart_with_a_data_table_and_the_findings(world, completed, client_for):
    html = client_for(world.management).get(_url("assessment_results", completed)).content.decode()

    assert 'role="img"' in html and "Netzdiagramm" in html
    assert "Ergebnis je Kriterium" in html
    assert "Mehr Kundenfeedback nutzen" in html
    assert "/ 1000" in html


def test_the_report_is_a_pdf(world, completed, client_for):
    response = client_for(world.management).get(_url("assessment_report_pdf", completed))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_report_is_an_excel_file_with_scores_findings_and_no_names(world, completed, client_for):
    response = client_for(world.management).get(_url("assessment_report_xlsx", completed))

    book = load_workbook(io.BytesIO(response.content))
    assert {"Übersicht", "Kriterien", "Befunde", "Handlungsfelder", "Verbesserungsprojekte"} <= set(book.sheetnames)
    criteria = list(book["Kriterien"].iter_rows(values_only=True))
    assert criteria[1][:2] == ("1", "Zweck, Vision und Strategie")
    everything = json.dumps([list(s.iter_rows(values_only=True)) for s in book.worksheets], default=str)
    assert world.assessor.full_name not in everything
    assert world.management.full_name not in everything


@pytest.mark.parametrize("method", [Method.WORKSHOP, Method.AWARD_SIMULATION, Method.QUICK_CHECK, Method.QUESTIONNAIRE])
def test_every_variant_lands_on_the_same_view(world, client_for, method):
    assessment = builders.assessment_in_phase(world, Phase.COMPLETED, method)

    summary = selectors.results(assessment)

    assert summary.complete and summary.points is not None
    assert ConsensusScore.objects.filter(item__assessment=assessment).count() == assessment.items.count()
    assert client_for(world.management).get(_url("assessment_results", assessment)).status_code == 200


def test_the_quick_check_total_is_rounded_only_after_weighting_and_shows_no_award_level(world, client_for):
    """Issue 15, item 4: each criterion was rounded to 5 % before weighting (470 points shown as 485),
    and a first impression was labelled with an award star level."""
    assessment = builders.assessment_in_phase(world, Phase.CONSENSUS, Method.QUICK_CHECK)
    weights = {c.code: c.points for c in selectors.criteria_of(assessment)}
    expected = Fraction(0)
    for criterion, items in _items_by_criterion(assessment).items():
        # Two questions per criterion: 40 % and 45 % → the criterion's exact mean is 42.5 %.
        for item, score in zip(items, (40, 45), strict=True):
            services.do_record_consensus(acting_user=world.qm, item=item, score=score, reason="Test")
        expected += Fraction(85, 2) * weights[criterion] / 100

    summary = selectors.results(assessment)

    assert expected == 425
    assert summary.points == 425  # rounding each criterion first would give 450
    assert summary.recognition is None
    page = client_for(world.qm).get(reverse("org:assessment_results", kwargs={
        "org_slug": "freiburg", "assessment_id": assessment.public_id})).content.decode()
    assert "Sterne" not in page
    assert "erste, subjektive Einschätzung" in page


def _items_by_criterion(assessment):  # noqa: ANN001, ANN202
    grouped = {}
    for item in assessment.items.select_related("unit__criterion").order_by("order", "id"):
        grouped.setdefault(item.unit.criterion.code, []).append(item)
    return grouped
