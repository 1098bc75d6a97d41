"""Building the question set: balance rules live (htmx) and without JavaScript."""

from __future__ import annotations

from django.urls import reverse

from kosmos.assessments.models import CatalogueQuestion
from tests.assessments import builders


def _url(name: str, assessment) -> str:  # noqa: ANN001
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", "assessment_id": assessment.public_id})


def _ids(assessment, criterion: str, count: int) -> list[str]:  # noqa: ANN001
    return [str(q.public_id) for q in CatalogueQuestion.objects.filter(
        catalogue=assessment.catalogue, organisation=None, unit__criterion__code=criterion).order_by("order")[:count]]


def test_the_balance_panel_updates_for_a_selection(world, client_for):
    assessment = builders.create(world.freiburg, world.qm)

    response = client_for(world.qm).post(_url("assessment_question_set_balance", assessment),
                                         {"questions": _ids(assessment, "1", 7)}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html  # a fragment for htmx
    assert 'id="balance"' in html
    assert "nur" not in html.split("Zweck")[0]
    assert "7 Fragen. Empfohlen sind 4 bis 6" in html
    assert "ist im Fragenset nicht vertreten" in html


def test_without_javascript_the_check_button_shows_the_balance_without_saving(world, client_for):
    assessment = builders.create(world.freiburg, world.qm)
    chosen = _ids(assessment, "1", 3)

    response = client_for(world.qm).post(_url("assessment_question_set_edit", assessment),
                                         {"questions": chosen, "action": "check"})

    html = response.content.decode()
    assert "3 Fragen ausgewählt" in html
    assert html.count("checked") == 3
    assert assessment.items.count() == 0


def test_saving_and_fixing_a_balanced_set(world, client_for):
    assessment = builders.create(world.freiburg, world.qm)
    chosen = [i for code in "1234567" for i in _ids(assessment, code, 5)]

    client_for(world.qm).post(_url("assessment_question_set_edit", assessment), {"questions": chosen, "action": "save"})
    page = client_for(world.qm).get(_url("assessment_question_set", assessment)).content.decode()
    client_for(world.qm).post(_url("assessment_question_set_confirm", assessment), {})

    assessment.refresh_from_db()
    assert assessment.items.count() == 35
    assert "Das Fragenset ist ausgewogen." in page
    assert assessment.question_set_confirmed_at is not None


def test_an_unbalanced_set_needs_the_explicit_confirmation(world, client_for):
    assessment = builders.create(world.freiburg, world.qm)
    client_for(world.qm).post(_url("assessment_question_set_edit", assessment),
                              {"questions": _ids(assessment, "1", 2), "action": "save"})

    refused = client_for(world.qm).post(_url("assessment_question_set_confirm", assessment), {"note": "kurz"})
    assessment.refresh_from_db()
    assert assessment.question_set_confirmed_at is None
    assert "kosmos-error-summary" in refused.content.decode()
    assert 'kurz</textarea>' in refused.content.decode()

    client_for(world.qm).post(_url("assessment_question_set_confirm", assessment),
                              {"accept_warnings": "on", "note": "Nur ein Schwerpunkt in diesem Jahr"})
    assessment.refresh_from_db()
    assert assessment.question_set_note == "Nur ein Schwerpunkt in diesem Jahr"


def test_the_starter_set_can_be_preselected(world, client_for):
    assessment = builders.create(world.freiburg, world.qm)

    html = client_for(world.qm).get(_url("assessment_question_set_edit", assessment) + "?vorschlag=start").content.decode()

    assert html.count(" checked") == 35
    assert 'hx-post="' in html and 'hx-trigger="change"' in html


def test_own_questions_appear_in_the_catalogue_with_their_original(world, client_for):
    original = CatalogueQuestion.objects.get(code="K-1.1-01", organisation=None)
    create = reverse("org:assessment_question_create", kwargs={"org_slug": "freiburg"})

    response = client_for(world.qm).post(f"{create}?basis={original.public_id}", {
        "basis": str(original.public_id), "text": "Wie gut kennen unsere Träger das Leitbild?", "evidence": "Leitbild"})

    assert response.status_code == 302
    html = client_for(world.staff).get(reverse("org:assessment_catalogue", kwargs={"org_slug": "freiburg"})).content.decode()
    assert "Wie gut kennen unsere Träger das Leitbild?" in html
    assert "K-1.1-01" in html
