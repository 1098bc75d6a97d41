"""The catalogue's XLSX layout: export, re-import, and bad rows named per sheet, row and column
with nothing half-saved."""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kosmos.channels import services_check
from kosmos.channels.domain import catalogue_rows
from kosmos.channels.models import Catalogue, Channel, LevelText
from kosmos.channels.services_check import ensure_default_catalogue
from kosmos.core.models import AuditEvent
from tests.channels import check_builders
from tests.channels.check_builders import uniform


def _sheets() -> dict[str, list[list[object]]]:
    return catalogue_rows.rows_of(catalogue_rows.default_parsed())


def _xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _import(client, data: bytes):  # noqa: ANN001, ANN202
    return client.post(reverse("org:channel_catalogue_import", kwargs={"org_slug": "freiburg"}),
                       {"file": SimpleUploadedFile("katalog.xlsx", data)})


def test_the_default_catalogue_reads_back_without_errors():
    parsed, errors = catalogue_rows.parse(_sheets())
    assert errors == []
    assert len(parsed.channels) == 9 and len(parsed.levels) == 40 and len(parsed.recommendations) == 32


def test_bad_rows_are_named_with_sheet_row_and_column():
    sheets = _sheets()
    sheets["Kanäle"].append(["Chat Bot!", "Chatbot", "", "vielleicht"])
    sheets["Kanäle"].append(["telefon", "Telefon doppelt", "", "nein"])
    sheets["Stufen"][3][1] = "7"
    sheets["Empfehlungen"].append(["unbekannt", 2, "Etwas tun"])
    sheets["Stufen"] = [row for row in sheets["Stufen"] if row[:2] != ["steuerung", 4]]
    _parsed, errors = catalogue_rows.parse(sheets)
    found = {(e.sheet, e.row, e.column) for e in errors}
    assert ("Kanäle", 11, "Schlüssel") in found and ("Kanäle", 12, "Schlüssel") in found
    assert ("Stufen", 4, "Stufe") in found
    assert ("Empfehlungen", 34, "Dimension") in found
    assert any(e.sheet == "Stufen" and "steuerung" in str(e.message) for e in errors)


def test_a_missing_sheet_or_column_is_reported():
    sheets = _sheets()
    del sheets["Dimensionen"]
    sheets["Kanäle"][0] = ["Key", "Name"]
    _parsed, errors = catalogue_rows.parse(sheets)
    assert {(e.sheet, e.row) for e in errors} >= {("Dimensionen", 0), ("Kanäle", 1)}


def test_export_and_reimport_round_trip_into_an_own_copy(world, client_for):
    ensure_default_catalogue()
    client = client_for(world.qm)
    exported = client.get(reverse("org:channel_catalogue_export", kwargs={"org_slug": "freiburg"}))
    workbook = load_workbook(io.BytesIO(exported.content))
    assert workbook.sheetnames == ["Kanäle", "Dimensionen", "Stufen", "Empfehlungen"]
    sheets = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in workbook.worksheets}
    sheets["Kanäle"][1][1] = "Telefon (Service-Center)"

    response = _import(client, _xlsx(sheets))

    assert response.status_code == 302
    own = Catalogue.objects.get(organisation=world.freiburg)
    assert Channel.objects.get(catalogue=own, key="telefon").name == "Telefon (Service-Center)"
    assert Channel.objects.get(catalogue__organisation__isnull=True, key="telefon").name == "Telefon"


def test_a_file_with_one_bad_row_imports_nothing(world, client_for):
    ensure_default_catalogue()
    sheets = _sheets()
    sheets["Stufen"][1][2] = "Neu geschrieben"
    sheets["Stufen"][2][1] = "x"
    response = _import(client_for(world.qm), _xlsx(sheets))
    assert response.status_code == 200
    assert "Zeile 3" in response.content.decode()
    assert not Catalogue.objects.filter(organisation=world.freiburg).exists()
    assert not LevelText.objects.filter(text="Neu geschrieben").exists()


def test_channels_in_use_cannot_be_left_out(world, client_for):
    check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    client = client_for(world.qm)
    client.post(reverse("org:channel_catalogue_copy", kwargs={"org_slug": "freiburg"}))
    services_check.do_start_check(acting_user=world.qm, organisation=world.freiburg, check_date=dt.date(2026, 9, 1))
    sheets = _sheets()
    sheets["Kanäle"] = [row for row in sheets["Kanäle"] if row[0] != "video"]
    response = _import(client, _xlsx(sheets))
    assert response.status_code == 200
    assert Channel.objects.filter(catalogue__organisation=world.freiburg, key="video").exists()


def test_a_broken_file_is_a_german_form_error(world, client_for):
    response = _import(client_for(world.qm), b"PK\x03\x04 not really a workbook")
    assert response.status_code == 200
    assert not Catalogue.objects.filter(organisation=world.freiburg).exists()


def test_the_programme_office_reimports_the_platform_default(world, client_for):
    ensure_default_catalogue()
    sheets = _sheets()
    sheets["Empfehlungen"].append(["steuerung", 4, "Tauschen Sie Kennzahlen im Arbeitskreis aus."])
    url = reverse("channel_platform_catalogue")
    assert client_for(world.qm).get(url).status_code == 403
    response = client_for(world.programme).post(url, {"file": SimpleUploadedFile("katalog.xlsx", _xlsx(sheets))})
    assert response.status_code == 302
    default = Catalogue.objects.get(organisation__isnull=True)
    assert default.channels.count() == 9
    assert "Tauschen Sie Kennzahlen im Arbeitskreis aus." in [
        r.text for d in default.dimensions.all() for r in d.recommendations.all()]
    assert client_for(world.programme).get(url, {"export": "xlsx"})["Content-Type"].startswith(
        "application/vnd.openxmlformats")


def test_the_quality_manager_edits_a_dimension_of_the_own_copy(world, client_for):
    dimension = check_builders.own_dimension(world)
    url = reverse("org:channel_catalogue_dimension", kwargs={"org_slug": "freiburg", "dimension_id": dimension.public_id})
    client = client_for(world.qm)
    data = {"name": "Messen und steuern", "question": dimension.question}
    for level in range(5):
        data[f"level_{level}"] = dimension.levels.get(level=level).text
    data["level_4"] = "Wir steuern mit Zahlen und lernen von anderen."
    data["recommendations_4"] = "Vergleichen Sie sich jedes Jahr.\nTauschen Sie sich im Arbeitskreis aus."

    assert client.post(url, data).status_code == 302

    dimension.refresh_from_db()
    assert dimension.name == "Messen und steuern"
    assert dimension.levels.get(level=4).text == "Wir steuern mit Zahlen und lernen von anderen."
    assert list(dimension.recommendations.filter(level=4).values_list("text", flat=True)) == [
        "Vergleichen Sie sich jedes Jahr.", "Tauschen Sie sich im Arbeitskreis aus."]
    assert list(dimension.recommendations.filter(level=1).values_list("text", flat=True)) == []
    event = AuditEvent.objects.get(action="channels.dimension_changed")
    assert "level_4" in event.changes and "recommendations_4" in event.changes
    default = Catalogue.objects.get(organisation__isnull=True).dimensions.get(key="steuerung")
    other = reverse("org:channel_catalogue_dimension", kwargs={"org_slug": "freiburg", "dimension_id": default.public_id})
    assert client.get(other).status_code == 404
