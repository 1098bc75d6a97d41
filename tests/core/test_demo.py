"""The demo data: the 16 Jobcenters of the report, a programme office, an adviser and demo users."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client, override_settings

from kosmos.core.demo import DATA_DIR, DEMO_PASSWORD, demo_logins, load_demo
from kosmos.core.models import AdviserAssignment, AuditEvent, Membership, Office, Organisation, User
from kosmos.core.roles import PlatformRole, Role

pytestmark = pytest.mark.django_db

JOBCENTERS = json.loads((DATA_DIR / "jobcenters.json").read_text(encoding="utf-8"))
DEVELOPMENT = override_settings(DEBUG=True, KOSMOS_DEMO_ACCOUNTS=True)
PRODUCTION = override_settings(DEBUG=False, KOSMOS_DEMO_ACCOUNTS=False)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    """Load the demo once for this module, in a transaction rolled back at its end.

    Each test runs in a savepoint inside it (pytest-django's ``db``), so changes stay per test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Organisation, User, Membership, AdviserAssignment, Office, AuditEvent)
    }


def test_the_data_file_holds_the_16_jobcenters_of_the_report():
    assert len(JOBCENTERS) == 16
    assert len({entry["slug"] for entry in JOBCENTERS}) == 16
    assert sum(entry["form"] == "zkt" for entry in JOBCENTERS) == 3


def test_the_16_jobcenters_are_created_from_the_data_file(demo):
    jobcenters = Organisation.objects.filter(kind="jobcenter")

    assert jobcenters.count() == 16
    assert set(jobcenters.values_list("slug", flat=True)) == {entry["slug"] for entry in JOBCENTERS}
    assert jobcenters.filter(form="zkt").count() == 3


def test_freiburg_has_the_facts_of_the_report(demo):
    freiburg = Organisation.objects.get(slug="freiburg")

    assert freiburg.form == "ge"
    assert freiburg.state == "BW"
    assert freiburg.staff_count == 217
    assert freiburg.bg_count == 7356
    assert freiburg.unemployment_rate == Decimal("5.0")
    assert freiburg.unemployment_month == dt.date(2022, 7, 1)


def test_the_offices_of_the_report_are_created(demo):
    anhalt = Organisation.objects.get(slug="anhalt-bitterfeld")

    assert sorted(anhalt.offices.values_list("name", flat=True)) == ["Bitterfeld-Wolfen", "Köthen", "Zerbst"]


def test_there_is_a_programme_office_with_its_user(demo):
    office = Organisation.objects.get(kind="programme_office")
    user = User.objects.get(platform_role=PlatformRole.PROGRAMME_OFFICE)

    assert office.slug == "programmbuero"
    assert Membership.objects.filter(user=user, organisation=office).exists()


def test_the_adviser_accompanies_several_jobcenters(demo):
    adviser = User.objects.get(platform_role=PlatformRole.ADVISER)
    assigned = set(AdviserAssignment.objects.filter(adviser=adviser).values_list("organisation__slug", flat=True))

    assert len(assigned) >= 2
    assert "freiburg" in assigned
    assert assigned <= {entry["slug"] for entry in JOBCENTERS}


@pytest.mark.parametrize("role", Role.values)
def test_there_is_a_demo_user_for_every_role_in_freiburg(demo, role):
    assert Membership.objects.filter(organisation__slug="freiburg", role=role, user__is_demo=True).exists()


def test_every_jobcenter_has_a_quality_manager(demo):
    without = Organisation.objects.filter(kind="jobcenter").exclude(memberships__role=Role.QUALITY_MANAGER)

    assert list(without) == []


def test_every_demo_user_is_marked_as_demo_and_uses_the_documented_password(demo):
    users = User.objects.all()

    assert users.count() == demo["users"]
    assert all(user.is_demo for user in users)
    assert all(user.check_password(DEMO_PASSWORD) for user in users)


def test_the_listed_demo_logins_exist(demo):
    emails = [email for email, _ in demo_logins()]

    assert User.objects.filter(email__in=emails).count() == len(emails)


def test_the_demo_names_are_invented_not_taken_from_the_report(demo):
    """The report names real people; the demo uses invented example addresses only."""
    assert not User.objects.exclude(email__endswith=".example").exists()


def test_loading_twice_creates_no_duplicates(demo):
    before = counts()

    again = load_demo()

    assert counts() == before
    assert again == demo


def test_loading_again_repairs_a_changed_fact(demo):
    Organisation.objects.filter(slug="freiburg").update(staff_count=1)

    load_demo()

    assert Organisation.objects.get(slug="freiburg").staff_count == 217


def test_a_demo_user_logs_in_in_development_mode(demo):
    client = Client()

    with DEVELOPMENT:
        response = client.post("/anmelden/", {"username": "qm@freiburg.example", "password": DEMO_PASSWORD})

    assert response.status_code == 302


def test_a_demo_user_cannot_log_in_in_production(demo):
    with PRODUCTION:
        response = Client().post("/anmelden/", {"username": "qm@freiburg.example", "password": DEMO_PASSWORD})

    assert response.status_code == 200


def test_the_command_refuses_to_run_in_production(demo):
    Organisation.objects.filter(slug="freiburg").update(staff_count=1)

    with PRODUCTION, pytest.raises(CommandError, match="KOSMOS_DEBUG=1"):
        call_command("load_demo")

    assert Organisation.objects.get(slug="freiburg").staff_count == 1


def test_the_command_loads_the_demo_in_development_mode(demo, capsys):
    Organisation.objects.filter(slug="freiburg").update(staff_count=1)

    with DEVELOPMENT:
        call_command("load_demo")

    output = capsys.readouterr().out
    assert f"Demo-Daten geladen: {Organisation.objects.count()} Organisationen" in output
    assert DEMO_PASSWORD in output
    assert Organisation.objects.get(slug="freiburg").staff_count == 217
