"""A quality manager builds a survey with a condition and previews it as respondents see it."""

from __future__ import annotations

import pytest

from kosmos.surveys.models import Question, Response, Survey
from tests.factories import PASSWORD, build_world

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db, settings, live_server):  # noqa: ANN001
    settings.BASE_URL = live_server.url
    return build_world()


def _submit(visitor, selector: str = "main button[type=submit]") -> None:  # noqa: ANN001
    with visitor.page.expect_navigation():
        visitor.page.click(selector)


def test_the_quality_manager_builds_a_survey_with_a_condition_and_previews_it(world, visitor_factory):  # noqa: ANN001
    visitor = visitor_factory()
    visitor.login(world.qm.email, PASSWORD)
    page = visitor.page

    visitor.goto("/o/freiburg/befragungen/")
    visitor.assert_accessible()
    page.click("text=Neue Befragung")
    visitor.assert_accessible()
    page.fill("#id_title", "Online-Termine")
    page.check("input[name=template][value='']")
    _submit(visitor)
    survey = Survey.objects.get(title="Online-Termine")
    assert f"/befragungen/{survey.public_id}/" in page.url
    visitor.assert_accessible()

    # A single-choice question on page 1.
    page.select_option("select[name=art]", "single")
    _submit(visitor, "main form.kosmos-filter button")
    visitor.assert_accessible()
    page.fill("#id_text", "Haben Sie schon einen Termin online gebucht?")
    page.fill("#id_options", "Ja\nNein")
    page.check("#id_required")
    _submit(visitor, "main form button[type=submit]")

    # Page 2 with a question shown only to those who answered "Ja".
    page.click("text=Seite (Abschnitt) hinzufügen")
    page.fill("#id_title", "Ihre Erfahrung")
    _submit(visitor, "main form button[type=submit]")
    page.locator("select[name=art]").last.select_option("text")
    _submit(visitor, "main form.kosmos-filter >> nth=-1 >> button")
    page.fill("#id_text", "Was hat Ihnen an der Online-Buchung gefallen?")
    source = Question.objects.get(survey=survey, kind="single")
    page.select_option("#id_condition", f"{source.public_id}=ja")
    visitor.assert_accessible()
    _submit(visitor, "main form button[type=submit]")
    assert page.locator("text=Nur beantworten, wenn Sie bei").count() == 1
    visitor.assert_accessible()

    # Preview: "Nein" skips page 2, "Ja" shows it.
    page.click("text=Vorschau")
    visitor.assert_accessible()
    field = f"input[name=q_{source.key}]"
    assert page.locator("text=Vorschau: So sehen Befragte den Fragebogen").count() == 1
    page.check(f"{field}[value=nein]")
    _submit(visitor, "button[value=next]")
    assert page.locator("h1").inner_text() == "Vielen Dank!"
    assert page.locator("text=Ende der Vorschau").count() == 1

    visitor.goto(f"/o/freiburg/befragungen/{survey.public_id}/vorschau/")
    page.check(f"{field}[value=ja]")
    _submit(visitor, "button[value=next]")
    assert page.locator("text=Was hat Ihnen an der Online-Buchung gefallen?").count() == 1
    assert page.locator("text=Teil 2 von 2").count() == 1
    visitor.assert_accessible()
    _submit(visitor, "button[value=submit]")
    assert Response.objects.count() == 0  # the preview stores nothing


def test_wave_link_qr_code_and_results_pages_are_accessible(world, visitor_factory):  # noqa: ANN001
    from tests.surveys.conftest import answers_for, build_survey, close_wave, open_wave, submit

    survey = build_survey(world)
    wave = open_wave(survey, world.qm)
    for i in range(6):
        submit(wave, answers_for(survey, bereich="leistung" if i < 5 else "service", kommentar=f"Hinweis {i}"))
    close_wave(wave)
    visitor = visitor_factory()
    visitor.login(world.qm.email, PASSWORD)
    base = f"/o/freiburg/befragungen/{survey.public_id}/wellen/{wave.public_id}/"
    for path in (base, base + "ergebnisse/?gruppe1=service", base + "ergebnisse/"):
        assert visitor.goto(path) == 200
        visitor.assert_accessible()
    assert visitor.page.locator("svg[role=img]").count() >= 3
