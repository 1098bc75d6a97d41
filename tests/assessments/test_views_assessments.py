"""The pages of an assessment: list, creation, overview with its steps, timeline, group, rating."""

from __future__ import annotations

import re

from django.urls import reverse

from kosmos.assessments.models import Assessment, Method, Phase, Rating
from tests.assessments import builders


def _url(name: str, assessment=None, **kwargs) -> str:  # noqa: ANN001
    if assessment is not None:
        kwargs["assessment_id"] = assessment.public_id
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


def test_the_quality_manager_starts_a_workshop_assessment_with_its_timeline(world, client_for):
    response = client_for(world.qm).post(_url("assessment_create"), {
        "title": "Selbstbewertung 2026", "method": "workshop", "start_date": "2026-03-02", "weeks": ""})

    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert assessment.weeks == 10  # the variant's usual duration
    assert assessment.milestones.count() == 8
    html = client_for(world.staff).get(_url("assessment_timeline", assessment)).content.decode()
    assert "Belegrecherche" in html and "Tage je Person" in html


def test_a_wrong_duration_is_explained_and_the_input_kept(world, client_for):
    response = client_for(world.qm).post(_url("assessment_create"), {
        "title": "Zu lang", "method": "workshop", "start_date": "2026-03-02", "weeks": "30"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "8 bis 12 Wochen" in html
    assert 'value="Zu lang"' in html


def test_the_overview_lists_the_steps_and_only_links_what_the_viewer_may_open(world, workshop, client_for):
    staff_html = client_for(world.staff).get(_url("assessment_detail", workshop)).content.decode()
    qm_html = client_for(world.qm).get(_url("assessment_detail", workshop)).content.decode()

    assert "Belegrecherche" in staff_html
    assert _url("assessment_evidence", workshop) not in staff_html
    assert _url("assessment_evidence", workshop) in qm_html
    assert 'name="phase" value="rating"' in qm_html
    assert 'name="phase"' not in staff_html


def test_the_group_page_shows_the_composition_warnings(world, workshop, client_for):
    html = client_for(world.staff).get(_url("assessment_group", workshop)).content.decode()

    assert "Empfohlen sind 9 bis 12" in html
    assert world.assessor.full_name in html


def test_a_member_is_added_through_the_form(world, workshop, client_for):
    response = client_for(world.qm).post(_url("assessment_group_add", workshop), {
        "user": world.staff.pk, "gender": "w", "level": "mitarbeitende", "department": "Kundenreaktionsmanagement",
        "functions": ["kundenreaktionsmanagement"], "criteria": ["6", "7"]})

    assert response.status_code == 302
    member = workshop.group_members.get(user=world.staff)
    assert member.functions == ["kundenreaktionsmanagement"] and member.criteria == ["6", "7"]


def test_the_workshop_rating_form_asks_for_the_seven_radar_attributes(world, rating_phase, client_for):
    item = builders.first_item(rating_phase)
    url = _url("assessment_rating_item", rating_phase, item_id=item.public_id)

    html = client_for(world.assessor).get(url).content.decode()
    response = client_for(world.assessor).post(url, {
        "attr_sound": "40", "attr_integrated": "45", "attr_implemented": "30", "attr_structured": "",
        "strengths": "Leitbild liegt vor\n\n", "improvements": "", "action": "next"})

    assert html.count("<select") == 7
    assert response.status_code == 302
    rating = Rating.objects.get(item=item, rater=world.assessor)
    assert rating.score == 40  # mean of 40, 45, 30 → 38.3 → 40
    assert item.findings.get(author=world.assessor).text == "Leitbild liegt vor"


def test_the_quick_check_is_answered_on_one_page(world, quick_check, client_for):
    from kosmos.assessments import services

    assessment = services.do_change_phase(acting_user=world.qm, assessment=quick_check, phase=Phase.RATING)
    data = {f"item_{item.public_id}": "3" for item in assessment.items.all()}

    response = client_for(world.management).post(_url("assessment_rating", assessment), data)

    assert response.status_code == 302
    assert set(Rating.objects.filter(rater=world.management).values_list("level", "score")) == {(3, 60)}


def test_the_award_simulation_collects_an_application_text_per_criterion(world, client_for):
    assessment = builders.prepare(builders.create(world.freiburg, world.qm, Method.AWARD_SIMULATION), world.qm,
                                  [world.assessor])
    url = _url("assessment_application_edit", assessment, criterion_code="4")

    client_for(world.assessor).post(url, {"text": "Wir gestalten unsere Angebote mit den Kund:innen."})

    html = client_for(world.assessor).get(_url("assessment_application", assessment)).content.decode()
    assert assessment.application_texts.get(criterion__code="4").text.startswith("Wir gestalten")
    assert "Ben Bewertung" in html
    workshop = builders.create(world.freiburg, world.qm, title="Workshop")
    assert client_for(world.qm).get(_url("assessment_application", workshop)).status_code == 404


def test_the_phase_form_reports_what_is_missing(world, client_for):
    assessment = builders.create(world.freiburg, world.qm)

    response = client_for(world.qm).post(_url("assessment_phase", assessment), {"phase": "rating"}, follow=True)

    html = response.content.decode()
    assert "Kalibrierung" in html
    assessment.refresh_from_db()
    assert assessment.phase == Phase.PREPARATION


def test_the_list_shows_every_assessment_of_the_organisation_only(world, completed, pforzheim, client_for):
    organisation, qm_p, _staff = pforzheim
    builders.create(organisation, qm_p, title="Pforzheims Selbstbewertung")

    html = client_for(world.staff).get(_url("assessment_list")).content.decode()

    assert completed.title in html
    assert "Pforzheims Selbstbewertung" not in html


def test_a_completed_assessment_shows_no_next_milestone_on_its_page_or_the_dashboard(world, client_for):
    # Issue 15: a finished assessment still announced "Vorgespräch mit der Geschäftsführung".
    assessment = builders.assessment_in_phase(world, Phase.COMPLETED)
    assert assessment.milestones.filter(done=False).exists()  # the plan was not ticked off
    detail = client_for(world.staff).get(_url("assessment_detail", assessment)).content.decode()
    dashboard = client_for(world.staff).get(reverse("org:dashboard", kwargs={"org_slug": "freiburg"})).content.decode()

    assert "Nächster Meilenstein" not in detail
    assert "Nächster Meilenstein" not in dashboard and assessment.title in dashboard
    running = builders.create(world.freiburg, world.qm, Method.WORKSHOP, title="Selbstbewertung 2027")
    assert running.next_milestone() is not None
    assert "Nächster Meilenstein" in client_for(world.staff).get(_url("assessment_detail", running)).content.decode()


def test_counted_statuses_on_the_overview_use_the_singular_for_one(world, client_for):
    # Issue 15: "1 Warnungen" – counted texts go through ngettext. A group of one member.
    assessment = builders.assessment_in_phase(world, Phase.PREPARATION, members=[world.assessor])

    html = client_for(world.qm).get(_url("assessment_detail", assessment)).content.decode()

    assert "1 Mitglied " in html or "1 Mitglied<" in html, re.findall(r"\d+ Mitglied\w*[^<]{0,40}", html)
    assert "von 1 Mitglied hat" in html, re.findall(r"\d+ Mitglied[^<]{0,60}", html)
    assert not re.search(r"\b1 (Mitglieder|Mitgliedern|Warnungen|Meilensteine|Belege|Fragen)\b", html)
