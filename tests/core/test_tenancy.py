"""Who sees which organisation: advisers, the programme office, the switcher and the navigation."""

from __future__ import annotations

import re

import pytest

from kosmos.core.models import AdviserAssignment, Membership
from kosmos.core.roles import Role

pytestmark = pytest.mark.django_db


def switcher_links(html: str) -> list[str]:
    """Organisation names in the header's switcher menu ([] when there is no switcher)."""
    menu = re.search(r'<nav aria-label="Organisation wechseln">(.*?)</nav>', html, re.S)
    if menu is None:
        return []
    return re.findall(r'<a href="/o/[^"]+/"[^>]*>([^<]+)</a>', menu.group(1))


def nav_labels(html: str) -> list[str]:
    nav = re.search(r'<nav class="kosmos-nav kosmos-nav--wide" aria-label="Bereiche">(.*?)</nav>', html, re.S)
    if nav is None:
        return []
    return re.findall(r"<a href=\"[^\"]+\"[^>]*>([^<]+)</a>", nav.group(1))


def without_csrf_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


# --- advisers and the programme office ------------------------------------------------------


def test_the_adviser_sees_the_assigned_jobcenter(world, client_for):
    client = client_for(world.adviser)

    assert client.get("/o/freiburg/").status_code == 200
    assert client.get("/o/freiburg/protokoll/").status_code == 200


def test_the_adviser_gets_404_for_a_jobcenter_not_assigned(world, client_for):
    response = client_for(world.adviser).get("/o/ulm/")

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_a_foreign_organisation_looks_exactly_like_a_missing_one(world, client_for):
    client = client_for(world.outsider)

    foreign = client.get("/o/freiburg/mitglieder/")
    missing = client.get("/o/gibt-es-nicht/mitglieder/")

    assert foreign.status_code == missing.status_code == 404
    assert without_csrf_token(foreign.content.decode()) == without_csrf_token(missing.content.decode())


def test_the_adviser_reads_but_does_not_manage(world, client_for):
    client = client_for(world.adviser)

    assert client.get("/o/freiburg/mitglieder/einladen/").status_code == 403
    assert client.get("/o/freiburg/organisation/bearbeiten/").status_code == 403


def test_the_programme_office_sees_every_organisations_dashboard(world, client_for):
    client = client_for(world.programme)

    for slug in ("freiburg", "ulm", "programmbuero"):
        assert client.get(f"/o/{slug}/").status_code == 200, slug


def test_the_programme_office_gets_403_on_members_management(world, client_for):
    client = client_for(world.programme)

    response = client.get("/o/ulm/mitglieder/einladen/")

    assert response.status_code == 403
    assert "Sie haben keinen Zugriff auf diese Seite" in response.content.decode()
    assert client.post(f"/o/ulm/mitglieder/{world.outsider.public_id}/entfernen/").status_code == 403
    assert Membership.objects.filter(user=world.outsider).exists()


def test_the_programme_office_does_not_read_a_jobcenters_audit_log(world, client_for):
    assert client_for(world.programme).get("/o/ulm/protokoll/").status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(world, client_for):
    response = client_for(None).get("/o/freiburg/")

    assert response.status_code == 302
    assert response["Location"] == "/anmelden/?next=/o/freiburg/"


# --- the organisation switcher -------------------------------------------------------------


def test_a_member_of_one_organisation_gets_no_switcher(world, client_for):
    html = client_for(world.staff).get("/o/freiburg/").content.decode()

    assert switcher_links(html) == []
    assert '<span class="kosmos-header__org">Jobcenter Freiburg</span>' in html


def test_the_switcher_lists_exactly_the_users_organisations(world, client_for):
    Membership.objects.create(user=world.staff, organisation=world.ulm, role=Role.STAFF)

    html = client_for(world.staff).get("/o/ulm/").content.decode()

    assert switcher_links(html) == ["Jobcenter Freiburg", "Jobcenter Ulm"]
    assert '<a href="/o/ulm/" aria-current="true">Jobcenter Ulm</a>' in html


def test_the_switcher_lists_an_advisers_assigned_organisations(world, client_for):
    AdviserAssignment.objects.create(adviser=world.adviser, organisation=world.ulm)

    html = client_for(world.adviser).get("/o/freiburg/").content.decode()

    assert switcher_links(html) == ["Jobcenter Freiburg", "Jobcenter Ulm"]


def test_the_programme_office_visiting_a_jobcenter_sees_it_named_but_not_listed(world, client_for):
    html = client_for(world.programme).get("/o/ulm/").content.decode()

    assert switcher_links(html) == ["Programmbüro"]
    assert re.search(r"<summary>\s*<span class=\"kern-sr-only\">Organisation:</span>\s*Jobcenter Ulm", html)


def test_the_start_page_sends_a_member_of_one_organisation_to_its_dashboard(world, client_for):
    assert client_for(world.staff).get("/")["Location"] == "/o/freiburg/"


def test_the_start_page_lists_the_organisations_of_a_member_of_two(world, client_for):
    Membership.objects.create(user=world.staff, organisation=world.ulm, role=Role.STAFF)

    response = client_for(world.staff).get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/o/freiburg/"' in html
    assert 'href="/o/ulm/"' in html


# --- navigation ----------------------------------------------------------------------------------


def test_staff_navigation_lists_only_pages_staff_may_open(world, client_for):
    html = client_for(world.staff).get("/o/freiburg/").content.decode()

    labels = nav_labels(html)
    assert "Übersicht" in labels
    assert "Mitglieder" in labels
    assert "Protokoll" not in labels
    assert "Organisation" not in labels


def test_quality_manager_navigation_includes_the_audit_log_and_the_organisation(world, client_for):
    html = client_for(world.qm).get("/o/freiburg/").content.decode()

    labels = nav_labels(html)
    assert labels[0] == "Übersicht"
    assert labels[-3:] == ["Mitglieder", "Protokoll", "Organisation"]


def test_every_navigation_entry_opens_for_the_role_that_sees_it(world, client_for):
    for user in (world.qm, world.management, world.assessor, world.staff, world.adviser, world.programme):
        client = client_for(user)
        html = client.get("/o/freiburg/").content.decode()
        nav = re.search(r'<nav class="kosmos-nav kosmos-nav--wide" aria-label="Bereiche">(.*?)</nav>', html, re.S).group(1)
        for url in re.findall(r'<a href="([^"]+)"', nav):
            assert client.get(url).status_code == 200, (user.email, url)


def test_the_current_page_is_marked_in_the_navigation(world, client_for):
    html = client_for(world.qm).get("/o/freiburg/mitglieder/einladen/").content.decode()

    assert '<a href="/o/freiburg/mitglieder/" aria-current="page">Mitglieder</a>' in html
