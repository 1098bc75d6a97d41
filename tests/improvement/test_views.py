"""Pages of the improvement module: overview, accessible matrix, prioritising, SMART, dashboard."""

from __future__ import annotations

import datetime as dt
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kosmos.assessments.models import Finding, Phase
from kosmos.improvement.models import ActionField
from tests.assessments import builders as assessment_builders
from tests.improvement import builders


def _url(name: str, **kwargs) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


def test_the_matrix_is_an_accessible_table_with_quick_wins(world, client_for):
    field = builders.action_field(world, impact=3, effort=1)

    html = client_for(world.staff).get(_url("improvement_matrix")).content.decode()

    assert "<caption>" in html and 'scope="row"' in html and 'scope="col"' in html
    assert "Wirkung hoch" in html and "Aufwand niedrig" in html
    assert "Schnelle Erfolge" in html and field.title in html


def test_prioritising_works_without_javascript(world, client_for):
    first = builders.action_field(world, title="Erstes Feld")
    second = builders.action_field(world, title="Zweites Feld")

    response = client_for(world.management).post(_url("improvement_prioritise"), {
        f"impact-{first.public_id}": "3", f"effort-{first.public_id}": "2",
        f"impact-{second.public_id}": "", f"effort-{second.public_id}": ""})

    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.impact, first.effort) == (3, 2)
    assert ActionField.objects.get(pk=second.pk).impact is None


def test_an_action_field_is_created_from_the_potentials_of_an_assessment(world, client_for):
    assessment = assessment_builders.assessment_in_phase(world, Phase.COMPLETED)
    potential = Finding.objects.filter(assessment=assessment, is_consensus=True, kind="improvement").first()
    url = _url("improvement_action_field_create") + f"?quelle=assessments.assessment&objekt={assessment.public_id}"

    form = client_for(world.management).get(url).content.decode()
    response = client_for(world.management).post(url, {
        "quelle": "assessments.assessment", "objekt": str(assessment.public_id), "findings": [str(potential.public_id)],
        "title": "Kundenstimmen nutzen", "topic_key": potential.criterion.code, "status": "open"})

    assert potential.text in form
    assert response.status_code == 302
    field = ActionField.objects.get()
    assert field.findings.get().text == potential.text
    assert field.topic == potential.criterion.label


def test_an_unknown_source_of_findings_is_a_404(world, client_for):
    for query in ("?quelle=assessments.assessment&objekt=kein-uuid", "?quelle=unbekannt&objekt=x"):
        response = client_for(world.qm).get(_url("improvement_action_field_create") + query)
        assert response.status_code == 404, query


def test_the_smart_check_is_shown_for_an_action_field(world, client_for):
    field = builders.action_field(world, goal="Besser werden")

    html = client_for(world.staff).get(_url("improvement_action_field_detail", field_id=field.public_id)).content.decode()

    assert "SMART" in html
    assert "Legen Sie einen Termin fest" in html


def test_a_fulfilled_smart_letter_shows_its_info_hint_as_a_suggestion_not_as_a_finding(world, client_for):
    # Issue 15: "A – erfüllt" stood next to an "A:" hint. The owner is named (no warning for A), but the goal
    # does not say what it is for (an info hint for A).
    field = builders.action_field(world, goal="Die Wartezeit auf einen Termin von 20 auf 10 Tage senken.",
                                  owner="Teamleitung Eingangszone", indicator="Wartezeit in Tagen",
                                  due_date=dt.date.today() + dt.timedelta(days=200))

    html = client_for(world.staff).get(_url("improvement_action_field_detail", field_id=field.public_id)).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))

    assert "A – Attraktiv/Akzeptiert: erfüllt" in text
    assert "Vorschlag zu A:" in text
    assert not re.search(r"<li>A: ", html)  # no finding for a fulfilled letter
    assert "Zu prüfen" not in text


def test_project_progress_is_on_the_dashboard(world, client_for):
    project = builders.project(world, builders.action_field(world))

    html = client_for(world.staff).get(reverse("org:dashboard", kwargs={"org_slug": "freiburg"})).content.decode()

    assert "Verbesserungsprojekte" in html and project.title in html
    assert '<progress max="100" value="0"' in html


def test_milestones_are_ticked_off_on_the_project_page(world, client_for):
    project = builders.project(world)
    milestone = project.milestones.first()

    client_for(world.management).post(_url("improvement_milestone_toggle", milestone_id=milestone.public_id))
    html = client_for(world.staff).get(_url("improvement_project_detail", project_id=project.public_id)).content.decode()

    assert 'value="50"' in html
    assert "erledigt" in html


def test_the_overview_runs_a_fixed_number_of_queries(world, client_for):
    client = client_for(world.staff)
    counts = []
    for round_ in range(2):
        for index in range(3 * (round_ + 1)):
            builders.project(world, builders.action_field(world, title=f"Feld {round_}-{index}"),
                             title=f"Projekt {round_}-{index}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url("improvement_overview")).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
