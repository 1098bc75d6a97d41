"""The programme office's home page: the landing page of the office, calls with application
counts, projects in progress with milestones, platform figures from real data, bounded queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from kosmos.core.models import User
from kosmos.programme.models import ApplicationState, CommitteeMember, Decision
from kosmos.programme.views_home import modules_in_use, organisation_figures, projects_in_progress
from tests.programme import exchange_builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german():  # noqa: ANN202
    with translation.override("de"):
        yield


def test_the_programme_office_lands_on_its_home_page_and_others_do_not(world, client_for):
    response = client_for(world.programme).get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("programme_home")
    assert client_for(world.qm).get(reverse("home"))["Location"] == "/o/freiburg/"


def test_a_committee_member_or_a_jobcenter_cannot_open_the_office_pages(world, client_for):
    call = build.call()
    member = User.objects.create_user("gremium@test.example", "Test-Passwort-2026!", full_name="Greta Gremium")
    CommitteeMember.objects.create(call=call, user=member, institution="bmas")
    for user in (member, world.qm):
        for url in (reverse("programme_home"), reverse("programme_report", kwargs={"call_id": call.public_id}),
                    reverse("programme_event_list")):
            assert client_for(user).get(url).status_code == 403, (user.email, url)


def test_calls_show_their_state_and_application_counts_and_projects_their_next_milestone(world, client_for):
    call = build.call(period_end=dt.date(2099, 12, 31))
    regensburg = build.jobcenter("regensburg", "Jobcenter Regensburg")
    profile = build.profile(regensburg, "Wissensdatenbank", milestones=(("2020-01", "Start"), ("2098-05", "Abschluss")))
    build.application(call, regensburg, profile=profile)
    build.application(call, world.ulm, decision=Decision.REJECTED)
    draft = build.application(call, world.freiburg, decision=Decision.OPEN)
    draft.state = ApplicationState.DRAFT
    draft.save(update_fields=["state"])

    response = client_for(world.programme).get(reverse("programme_home"))
    html = response.content.decode()

    [project] = projects_in_progress(dt.date(2026, 12, 3))
    assert project.application.organisation == regensburg and project.next_milestone.title == "Abschluss"
    assert "Jobcenter Regensburg" in html and "2098-05: Abschluss" in html
    assert reverse("programme_report", kwargs={"call_id": call.public_id}) in html
    [shown] = response.context["calls"]
    assert (shown.submitted_count, shown.draft_count, shown.accepted_count) == (2, 1, 1)
    assert shown.get_state_display() in html


def test_platform_figures_count_organisations_by_kind_and_form_and_modules_by_organisations_with_data(world):
    from kosmos.workinggroups.models import WorkingGroup

    figures = {(f["kind"], f["form"]): f["count"] for f in organisation_figures()}
    assert figures == {("jobcenter", "ge"): 3, ("programme_office", ""): 1}
    before = {m.name: m.organisations for m in modules_in_use()}
    WorkingGroup.objects.create(organisation=world.freiburg, name="Arbeitskreis Gesundheit", topic="health")
    WorkingGroup.objects.create(organisation=world.freiburg, name="Arbeitskreis Digital", topic="digital")
    WorkingGroup.objects.create(organisation=world.ulm, name="Arbeitskreis Sprache", topic="health")
    after = {m.name: m.organisations for m in modules_in_use()}
    assert before["Arbeitskreise"] == 0 and after["Arbeitskreise"] == 2


def test_the_home_page_runs_the_same_number_of_queries_with_more_calls_projects_and_organisations(world, client_for):
    client = client_for(world.programme)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("programme_home")).status_code == 200
        return len(captured)

    call = build.call(period_end=dt.date(2099, 1, 1))
    organisation = build.jobcenter("jc-a", "Jobcenter A")
    build.application(call, organisation, profile=build.profile(organisation, "A"))
    build.event(the_call=call)
    before = queries()
    for index in range(5):
        other_call = build.call(title=f"Welle {index}", period_end=dt.date(2099, 1, 1))
        organisation = build.jobcenter(f"jc-{index}", f"Jobcenter {index}", form="zkt")
        build.application(other_call, organisation, profile=build.profile(organisation, f"P{index}"))
        build.event(title=f"Austausch {index}", the_call=other_call)
    assert queries() == before
