"""The dashboard and the organisation edit page, end to end in German."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kosmos.core.models import AuditEvent, Office

pytestmark = pytest.mark.django_db


def edit_url(slug: str = "freiburg") -> str:
    return reverse("org:organisation_edit", kwargs={"org_slug": slug})


def form_data(**changes: str) -> dict[str, str]:
    data = {
        "name": "Jobcenter Freiburg",
        "form": "ge",
        "state": "BW",
        "staff_count": "217",
        "offices": "",
        "bg_count": "",
        "unemployment_rate": "",
        "unemployment_month": "",
        "region_description": "",
        "project_topic": "",
    }
    data.update(changes)
    return data


def test_the_dashboard_shows_the_facts_in_german(world, client_for):
    world.freiburg.bg_count = 7356
    world.freiburg.unemployment_rate = Decimal("5.0")
    world.freiburg.unemployment_month = dt.date(2022, 7, 1)
    world.freiburg.save()
    Office.objects.create(organisation=world.freiburg, name="Breisach")

    response = client_for(world.staff).get(reverse("org:dashboard", kwargs={"org_slug": "freiburg"}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1 class=\"kern-heading-large\">Jobcenter Freiburg</h1>" in html
    assert "Gemeinsame Einrichtung (gE) · Baden-Württemberg" in html
    assert "<dt>Mitarbeitende</dt><dd>217</dd>" in html
    assert "<dt>Bedarfsgemeinschaften</dt><dd>7356</dd>" in html
    assert "5,0 % (Juli 2022)" in html
    assert "Breisach" in html
    assert "4 Personen arbeiten hier mit der Plattform." in html


def test_staff_sees_no_edit_link_and_no_activity_but_the_quality_manager_does(world, client_for):
    url = reverse("org:dashboard", kwargs={"org_slug": "freiburg"})

    staff_html = client_for(world.staff).get(url).content.decode()
    qm_html = client_for(world.qm).get(url).content.decode()

    assert edit_url() not in staff_html
    assert "Letzte Aktivitäten" not in staff_html
    assert edit_url() in qm_html
    assert "Letzte Aktivitäten" in qm_html


def test_the_edit_form_shows_the_month_as_mm_yyyy_and_offices_one_per_line(world, client_for):
    world.freiburg.unemployment_month = dt.date(2022, 6, 1)
    world.freiburg.save()
    Office.objects.create(organisation=world.freiburg, name="Breisach")
    Office.objects.create(organisation=world.freiburg, name="Freiburg-Mitte")

    html = client_for(world.qm).get(edit_url()).content.decode()

    assert 'value="06/2022"' in html
    assert ">\nBreisach\nFreiburg-Mitte</textarea>" in html
    assert "Angaben zur Organisation bearbeiten" in html
    assert "Eine Geschäftsstelle pro Zeile." in html


def test_saving_the_form_parses_the_month_and_replaces_the_offices(world, client_for):
    client = client_for(world.qm)

    response = client.post(
        edit_url(),
        form_data(unemployment_month="06/2022", unemployment_rate="5.0", offices="Breisach\nFreiburg-Mitte\n"),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("org:dashboard", kwargs={"org_slug": "freiburg"})
    world.freiburg.refresh_from_db()
    assert world.freiburg.unemployment_month == dt.date(2022, 6, 1)
    assert world.freiburg.unemployment_rate == Decimal("5.0")
    assert sorted(world.freiburg.offices.values_list("name", flat=True)) == ["Breisach", "Freiburg-Mitte"]
    dashboard = client.get(response["Location"]).content.decode()
    assert "Die Angaben zur Organisation wurden gespeichert." in dashboard
    assert "(Juni 2022)" in dashboard


@pytest.mark.parametrize("typed", ["06/2022", "2022-06", "06.2022", " 6/2022 "])
def test_the_month_is_accepted_in_the_usual_spellings(world, client_for, typed):
    response = client_for(world.qm).post(edit_url(), form_data(unemployment_month=typed))

    assert response.status_code == 302
    world.freiburg.refresh_from_db()
    assert world.freiburg.unemployment_month == dt.date(2022, 6, 1)


def test_a_month_13_is_refused_with_a_german_message_and_the_typed_values_are_kept(world, client_for):
    response = client_for(world.qm).post(
        edit_url(), form_data(unemployment_month="13/2022", staff_count="230", project_topic="EFQM im Team")
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie den Monat als MM/JJJJ ein, zum Beispiel 06/2022." in html
    assert 'value="13/2022"' in html
    assert 'value="230"' in html
    assert 'value="EFQM im Team"' in html
    world.freiburg.refresh_from_db()
    assert world.freiburg.staff_count == 217
    assert not AuditEvent.objects.filter(action="organisation.updated").exists()


def test_the_error_summary_comes_first_and_links_to_the_fields(world, client_for):
    response = client_for(world.qm).post(edit_url(), form_data(unemployment_month="13/2022", name=""))

    html = response.content.decode()
    summary = html.index('class="kern-alert kern-alert--danger kosmos-error-summary"')
    assert "Bitte korrigieren Sie 2 Angaben:" in html
    assert summary < html.index('id="id_name"')
    assert 'href="#id_name"' in html
    assert 'href="#id_unemployment_month"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_unemployment_month-error"' in html


def test_the_programme_office_has_no_form_of_organisation_field(world, client_for):
    response = client_for(world.programme).get(edit_url("programmbuero"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="name"' in html
    assert 'name="form"' not in html


def test_a_jobcenter_must_have_a_form_of_organisation(world, client_for):
    response = client_for(world.qm).post(edit_url(), form_data(form=""))

    assert response.status_code == 200
    assert 'href="#id_form"' in response.content.decode()
    world.freiburg.refresh_from_db()
    assert world.freiburg.form == "ge"


def test_the_programme_office_page_shows_no_jobcenter_facts(world, client_for):
    """Issue 15: the programme office's own page showed Bedarfsgemeinschaften and the unemployment
    rate as "nicht angegeben"."""
    from kosmos.core.models import Membership

    office = Membership.objects.filter(user=world.programme).select_related("organisation").first()
    organisation = office.organisation if office else None
    assert organisation is not None and not organisation.serves_customers
    page = client_for(world.programme).get(f"/o/{organisation.slug}/").content.decode()
    form = client_for(world.programme).get(f"/o/{organisation.slug}/organisation/bearbeiten/").content.decode()

    assert "Bedarfsgemeinschaften" not in page and "Arbeitslosenquote" not in page
    assert 'name="bg_count"' not in form and 'name="offices"' not in form
