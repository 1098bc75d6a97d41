"""Writes of the Quali-Kompass: completions, the team lead, exemptions, minimum, import."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from kosmos.core.models import AuditEvent
from kosmos.training import services
from kosmos.training.models import Completion, Exemption, StaffProfile
from tests.training import builders

TODAY = timezone.localdate()


def _url(name: str, **kwargs) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


def test_a_staff_member_confirms_her_own_completion_and_it_is_logged(world, client_for):
    training = builders.training(world, validity_months=24)
    builders.profile(world, world.staff)

    response = client_for(world.staff).post(_url("training_complete", training_id=training.public_id),
                                            {"completed_on": "2026-01-05"})

    assert response.status_code == 302
    completion = Completion.objects.get(training=training)
    assert completion.source == "self" and completion.valid_until == dt.date(2028, 1, 5)
    assert AuditEvent.objects.filter(action="training.completion_confirmed", actor=world.staff).exists()


def test_a_future_date_is_refused(world):
    training = builders.training(world)
    profile = builders.profile(world, world.staff)
    with pytest.raises(ValidationError, match="Zukunft"):
        services.do_confirm_completion(acting_user=world.staff, organisation=world.freiburg, profile=profile,
                                       training=training, completed_on=TODAY + dt.timedelta(days=1))


def test_the_team_lead_confirms_for_her_team_but_nobody_else_can(world, client_for):
    training = builders.training(world)
    lead = builders.profile(world, world.assessor)
    member = builders.profile(world, world.staff, lead=lead)

    response = client_for(world.assessor).post(_url("training_team"), {
        "profile": member.pk, "training": training.pk, "completed_on": TODAY.isoformat()})

    assert response.status_code == 302
    assert Completion.objects.get(profile=member).source == "lead"
    with pytest.raises(ValidationError):
        services.do_confirm_completion(acting_user=world.management, organisation=world.freiburg, profile=member,
                                       training=training, completed_on=TODAY)


def test_an_exemption_keeps_its_reason_and_needs_one(world):
    training = builders.training(world)
    profile = builders.profile(world, world.staff)
    with pytest.raises(ValidationError):
        services.do_exempt(acting_user=world.qm, organisation=world.freiburg, profile=profile, training=training,
                           reason="  ")
    services.do_exempt(acting_user=world.qm, organisation=world.freiburg, profile=profile, training=training,
                       reason="Gleichwertiger Nachweis")
    assert Exemption.objects.get(profile=profile).reason == "Gleichwertiger Nachweis"


def test_a_new_deadline_moves_the_due_dates_of_the_department(world):
    training = builders.training(world)
    profile = builders.profile(world, world.staff, start=dt.date(2026, 1, 1))
    services.do_set_requirements(acting_user=world.qm, organisation=world.freiburg, department=profile.department,
                                 trainings=[training], deadline_days=30)
    profile.refresh_from_db()
    assert profile.required_by == dt.date(2026, 1, 31)


def test_a_new_validity_recomputes_the_stored_end_of_validity(world):
    training = builders.training(world)
    profile = builders.profile(world, world.staff)
    services.do_confirm_completion(acting_user=world.staff, organisation=world.freiburg, profile=profile,
                                   training=training, completed_on=dt.date(2025, 3, 1))
    values = {"validity_months": 12}
    services.do_save_training(acting_user=world.qm, organisation=world.freiburg, values=values,
                              departments=list(training.departments.all()), training=training)
    assert Completion.objects.get(profile=profile).valid_until == dt.date(2026, 3, 1)


def test_a_member_sets_up_her_own_compass(world, client_for):
    dep = builders.department(world)
    response = client_for(world.staff).post(_url("training_profile"), {
        "department": dep.pk, "start_date": "2026-01-01"})
    assert response.status_code == 302
    profile = StaffProfile.objects.get(membership__user=world.staff)
    assert profile.required_by == dt.date(2026, 1, 1) + dt.timedelta(days=dep.deadline_days)


# --- import ----------------------------------------------------------------------------------------


def _upload(client, name: str, data: bytes):  # noqa: ANN001, ANN202
    return client.post(_url("training_import"), {"file": _file(name, data)})


def _file(name: str, data: bytes):  # noqa: ANN202
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_a_csv_export_is_imported_in_one_go(world, client_for):
    training = builders.training(world, code="BA-4711")
    builders.profile(world, key="HRO0001")
    builders.profile(world, world.staff)
    csv = "Person;Schulung;Abschlussdatum\nHRO0001;BA-4711;03.02.2026\nteam@test.example;BA-4711;2026-01-31\n"

    response = _upload(client_for(world.qm), "export.csv", csv.encode("utf-8"))

    assert response.status_code == 302
    assert Completion.objects.filter(training=training, source="import").count() == 2


def test_one_bad_row_imports_nothing_and_every_problem_is_named_in_german(world, client_for):
    builders.training(world, code="BA-4711")
    builders.profile(world, key="HRO0001")
    future = (TODAY + dt.timedelta(days=3)).strftime("%d.%m.%Y")
    csv = (f"Person;Schulung;Abschlussdatum\nHRO0001;BA-4711;03.02.2026\nHRO9999;BA-4711;03.02.2026\n"
           f"HRO0001;XX-1;03.02.2026\nHRO0001;BA-4711;32.13.2026\nHRO0001;BA-4711;{future}\n")

    html = _upload(client_for(world.qm), "export.csv", csv.encode("utf-8")).content.decode()

    assert Completion.objects.count() == 0
    assert "Zeile 3, Person: „HRO9999“" in html
    assert "Zeile 4, Schulung: „XX-1“" in html
    assert "Zeile 5, Abschlussdatum: „32.13.2026“ ist kein Datum" in html
    assert f"Zeile 6, Abschlussdatum: Das Datum {future} liegt in der Zukunft" in html


def test_an_xlsx_export_is_read_and_other_files_are_refused(world, client_for):
    builders.training(world, code="BA-4711")
    builders.profile(world, key="HRO0001")
    book = Workbook()
    sheet = book.active
    sheet.append(["Person", "Schulung", "Abschlussdatum"])
    sheet.append(["HRO0001", "BA-4711", dt.datetime(2026, 2, 3)])
    data = io.BytesIO()
    book.save(data)
    client = client_for(world.qm)

    assert _upload(client, "export.xlsx", data.getvalue()).status_code == 302
    assert Completion.objects.get().completed_on == dt.date(2026, 2, 3)
    html = _upload(client, "export.xlsx", b"not a zip").content.decode()
    assert "Excel" in html
    assert "CSV" in _upload(client, "export.pdf", b"%PDF").content.decode()


def test_own_material_is_a_pdf_and_downloads_privately(world, client_for):
    training = builders.training(world)
    url = _url("training_edit", training_id=training.public_id)
    data = {"title": training.title, "kind": "guide", "level": "basic", "active": "on"}
    client = client_for(world.qm)

    refused = client.post(url, {**data, "document": _file("leitfaden.pdf", b"MZ not a pdf")})
    assert "PDF" in refused.content.decode()
    assert client.post(url, {**data, "document": _file("leitfaden.pdf", b"%PDF-1.4 x")}).status_code == 302

    response = client_for(world.staff).get(_url("training_document", training_id=training.public_id))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
    assert AuditEvent.objects.filter(action="training.training_updated").exists()


def test_the_quality_manager_assigns_a_member_to_a_department_and_a_team_lead(world, client_for):
    dep = builders.department(world)
    lead = builders.profile(world, world.assessor)
    from kosmos.core.models import Membership

    membership = Membership.objects.get(user=world.staff, organisation=world.freiburg)
    response = client_for(world.qm).post(_url("training_person_create"), {
        "membership": membership.pk, "full_name": "Tara Team", "personnel_key": "FR-7", "department": dep.pk,
        "team_lead": lead.pk, "start_date": "2026-02-01"})

    assert response.status_code == 302
    profile = StaffProfile.objects.get(personnel_key="FR-7")
    assert profile.team_lead == lead and profile.membership == membership
    duplicate = client_for(world.qm).post(_url("training_person_create"), {
        "full_name": "Andere", "personnel_key": "fr-7", "department": dep.pk, "start_date": "2026-02-01"})
    assert duplicate.status_code == 200 and StaffProfile.objects.count() == 2
    assert client_for(world.qm).get(_url("training_people")).status_code == 200
