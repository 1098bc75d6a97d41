"""The Excel import of a knowledge base: upload, preview with mapping, all or nothing, only valid rows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from kosmos.core.documents import Sheet, to_xlsx
from kosmos.core.models import AuditEvent
from kosmos.core.models.search import SearchDocument
from kosmos.knowledge import imports
from kosmos.knowledge.models import Category, Entry, EntryImport, Partner
from tests.factories import build_world

pytestmark = pytest.mark.django_db

HEADER = ["Angebot", "Träger", "Kategorie", "PLZ", "Ort", "Gültig ab", "Kostenlos", "Zielgruppe", "E-Mail"]
GOOD = [
    ["Rückenfit im Alltag", "AOK Südlicher Oberrhein", "Bewegung", "79098", "", "01.03.2026", "ja", "Ü50",
     "rueckenfit@example.org"],
    ["Suchtberatung Nord", "Caritas Freiburg", "Sucht", 79106, "Freiburg", dt.datetime(2026, 1, 15), "ja", "",
     ""],
    ["Psychosoziale Beratung", "", "", "79100", "", "", "nein", "U25; single_parents", ""],
]
BAD = [
    ["Schuldnerberatung", "", "", "79098", "", "31.02.2024", "ja", "", ""],  # row 5: no such date
    ["Ernährungskurs", "", "", "12345", "", "", "ja", "", ""],  # row 6: no such postcode
    ["Rückenfit im Alltag", "", "", "79098", "", "", "ja", "", ""],  # row 7: duplicate of row 2
]


@pytest.fixture(scope="module")
def setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    """One world for the module (rolled back at its end); each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def _xlsx(rows: list[list[object]], header: list[str] = HEADER) -> bytes:
    return to_xlsx([Sheet("Wissensdatenbank", [header, *rows])])


def _upload(client, world, content: bytes, name: str = "wissensdatenbank.xlsx"):  # noqa: ANN001, ANN202
    url = reverse("org:knowledge_import", kwargs={"org_slug": world.freiburg.slug})
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def _preview_url(world, staged: EntryImport) -> str:  # noqa: ANN001
    return reverse("org:knowledge_import_preview", kwargs={"org_slug": world.freiburg.slug,
                                                           "import_id": staged.public_id})


def _errors_of(page: str) -> str:
    """The text of the error table (and the heading above it), tags and extra spaces removed."""
    start = page.find('id="import-errors-title"')
    return " ".join(re.sub(r"<[^>]+>", " ", page[start:page.find("</table>", start)]).split())


def _mapping_post(staged: EntryImport, **extra: str) -> dict[str, str]:
    data = {f"map_{key}": str(index) for key, index in staged.mapping.items()}
    data.update(extra)
    return data


def test_upload_keeps_the_rows_server_side_and_suggests_the_mapping(setup, client_for):  # noqa: ANN001
    response = _upload(client_for(setup.qm), setup, _xlsx(GOOD))

    staged = EntryImport.objects.get(organisation=setup.freiburg)
    assert response.status_code == 302 and response["Location"] == _preview_url(setup, staged)
    assert staged.header == HEADER and len(staged.rows) == 3
    assert staged.rows[1][5] == "2026-01-15"  # a date cell kept as an ISO date
    assert staged.mapping == {"title": 0, "partner": 1, "category": 2, "postcode": 3, "place": 4, "valid_from": 5,
                              "free_of_charge": 6, "target_groups": 7, "contact_email": 8}
    assert AuditEvent.objects.filter(action="knowledge.import_uploaded", organisation=setup.freiburg).exists()
    assert Entry.objects.filter(organisation=setup.freiburg).count() == 0


def test_every_bad_row_is_named_in_german_and_nothing_is_written(setup, client_for):  # noqa: ANN001
    client = client_for(setup.qm)
    _upload(client, setup, _xlsx(GOOD + BAD))
    staged = EntryImport.objects.get(organisation=setup.freiburg)

    page = _errors_of(client.get(_preview_url(setup, staged)).content.decode())
    with translation.override("de"):  # the field's label as the entry form shows it
        valid_from, postcode, title = (imports.field_label(k) for k in ("valid_from", "postcode", "title"))
    assert f"Zeile 5, {valid_from}: „31.02.2024“ ist kein gültiges Datum (z. B. 31.12.2024)." in page
    assert f"Zeile 6, {postcode}: Die Postleitzahl „12345“ gibt es nicht." in page
    assert f"Zeile 7, {title}: Der gleiche Eintrag (Titel und PLZ) steht schon in Zeile 2." in page
    assert "3 Zeilen haben Fehler" in page

    response = client.post(_preview_url(setup, staged), _mapping_post(staged, action="import"))
    assert response.status_code == 200
    assert "Es wurde nichts importiert: 3 Zeilen haben Fehler." in response.content.decode()
    assert Entry.objects.filter(organisation=setup.freiburg).count() == 0
    assert Category.objects.filter(organisation=setup.freiburg).count() == 0
    assert Partner.objects.filter(organisation=setup.freiburg).count() == 0


def test_only_the_valid_rows_need_an_explicit_confirmation(setup, client_for):  # noqa: ANN001
    client = client_for(setup.qm)
    _upload(client, setup, _xlsx(GOOD + BAD))
    staged = EntryImport.objects.get(organisation=setup.freiburg)

    unconfirmed = client.post(_preview_url(setup, staged), _mapping_post(staged, action="import_valid"))
    assert unconfirmed.status_code == 200
    assert Entry.objects.filter(organisation=setup.freiburg).count() == 0

    confirmed = client.post(_preview_url(setup, staged),
                            _mapping_post(staged, action="import_valid", only_valid="on"))
    assert confirmed.status_code == 302
    entries = {e.title: e for e in Entry.objects.filter(organisation=setup.freiburg)}
    assert sorted(entries) == ["Psychosoziale Beratung", "Rückenfit im Alltag", "Suchtberatung Nord"]
    ruecken = entries["Rückenfit im Alltag"]
    assert ruecken.place == "Freiburg im Breisgau" and ruecken.latitude is not None
    assert ruecken.valid_from == dt.date(2026, 3, 1) and ruecken.free_of_charge
    assert ruecken.target_group_codes == ["ue50"] and ruecken.partner.name == "AOK Südlicher Oberrhein"
    assert ruecken.category.name == "Bewegung" and ruecken.review_due is not None
    assert entries["Psychosoziale Beratung"].target_group_codes == ["u25", "single_parents"]
    assert entries["Suchtberatung Nord"].postcode == "79106"
    event = AuditEvent.objects.get(action="knowledge.entries_imported")
    assert event.changes == {"created": [None, 3], "skipped_rows": [None, 3]}
    assert SearchDocument.objects.filter(organisation=setup.freiburg, object_type="knowledge.entry").count() == 3
    staged.refresh_from_db()
    assert staged.applied_at is not None and staged.rows == []
    with pytest.raises(ValidationError):
        imports.do_import_entries(acting_user=setup.qm, organisation=setup.freiburg, staged=staged)


def test_a_changed_mapping_is_remembered_and_rechecked(setup, client_for):  # noqa: ANN001
    client = client_for(setup.qm)
    _upload(client, setup, _xlsx(GOOD))
    staged = EntryImport.objects.get(organisation=setup.freiburg)
    data = _mapping_post(staged, action="check")
    data["map_place"] = ""  # the column Ort is not imported
    data["map_title"] = ""  # and no title at all

    response = client.post(_preview_url(setup, staged), data)
    assert response.status_code == 200  # the required title is missing: the form says so
    assert "Titel" in response.content.decode()

    data["map_title"] = "0"
    assert client.post(_preview_url(setup, staged), data).status_code == 302
    staged.refresh_from_db()
    assert "place" not in staged.mapping and staged.mapping["title"] == 0


def test_a_valid_file_imports_all_rows_in_one_go(setup):  # noqa: ANN001
    header, rows = imports.read_workbook(_xlsx(GOOD), "wissen.xlsx")
    staged = imports.do_stage_import(acting_user=setup.qm, organisation=setup.freiburg, file_name="wissen.xlsx",
                                     header=header, rows=rows)
    created, skipped = imports.do_import_entries(acting_user=setup.qm, organisation=setup.freiburg, staged=staged)
    assert (created, skipped) == (3, 0)

    again = imports.do_stage_import(acting_user=setup.qm, organisation=setup.freiburg, file_name="wissen.xlsx",
                                    header=header, rows=rows)
    result = imports.check_staged(again)
    assert [imports.message(e) for e in result.errors][0].startswith("Zeile 2, Titel: „Rückenfit im Alltag“")
    with pytest.raises(ValidationError):
        imports.do_import_entries(acting_user=setup.qm, organisation=setup.freiburg, staged=again)
    assert Entry.objects.filter(organisation=setup.freiburg).count() == 3


def test_another_organisations_upload_is_not_found(setup, client_for):  # noqa: ANN001
    staged = imports.do_stage_import(acting_user=setup.partner, organisation=setup.loerrach, file_name="x.xlsx",
                                     header=["Titel"], rows=[["Kurs"]])
    assert client_for(setup.qm).get(_preview_url(setup, staged)).status_code == 404
    with pytest.raises(PermissionDenied):
        imports.do_import_entries(acting_user=setup.qm, organisation=setup.freiburg, staged=staged)
    assert Entry.objects.filter(organisation=setup.loerrach).count() == 0


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "geschuetzt.xlsx", "kennwortgeschützt"),
    (b"PK\x03\x04 kaputt" * 20, "kaputt.xlsx", "konnte nicht als Excel-Arbeitsmappe gelesen werden"),
    (b"Titel;PLZ\nKurs;79098\n", "liste.csv", "Bitte laden Sie eine Excel-Arbeitsmappe (.xlsx) hoch."),
])
def test_broken_protected_or_foreign_files_get_a_german_message(setup, client_for, content, name, message):  # noqa: ANN001
    response = _upload(client_for(setup.qm), setup, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EntryImport.objects.filter(organisation=setup.freiburg).exists()


def test_a_file_without_data_rows_is_refused():
    with pytest.raises(ValidationError, match="keine Überschriftenzeile oder keine Datenzeilen"):
        imports.read_workbook(_xlsx([]), "leer.xlsx")


def test_a_file_over_the_row_limit_gets_a_clear_message():
    # The 100,000-row file of the issue is measured in bench/knowledge_import.py (refused after the limit).
    content = to_xlsx([Sheet("Groß", [["Titel", "PLZ"], *([f"Angebot {i}", "79098"] for i in range(1_200))])])
    with pytest.raises(ValidationError, match="mehr als 1.000 Zeilen"):
        imports.read_workbook(content, "gross.xlsx", max_rows=1_000)
    header, rows = imports.read_workbook(content, "gross.xlsx", max_rows=1_200)
    assert header == ["Titel", "PLZ"] and len(rows) == 1_200


def test_the_import_and_edit_pages_are_for_editors_only(setup, client_for):  # noqa: ANN001
    url = reverse("org:knowledge_import", kwargs={"org_slug": setup.freiburg.slug})
    assert client_for(setup.qm).get(url).status_code == 200
    assert client_for(setup.staff).get(url).status_code == 403


def test_uploads_older_than_a_day_are_removed_with_the_next_upload(setup):  # noqa: ANN001
    old = imports.do_stage_import(acting_user=setup.qm, organisation=setup.freiburg, file_name="alt.xlsx",
                                  header=["Titel"], rows=[["Kurs"]])
    EntryImport.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(hours=25))
    recent = imports.do_stage_import(acting_user=setup.qm, organisation=setup.freiburg, file_name="neu.xlsx",
                                     header=["Titel"], rows=[["Kurs"]])
    assert list(EntryImport.objects.filter(organisation=setup.freiburg)) == [recent]


def test_an_unknown_heading_asks_for_the_title_column_and_offers_no_import(setup, client_for):  # noqa: ANN001
    client = client_for(setup.qm)
    _upload(client, setup, _xlsx([["Yoga am Morgen", "79098"]], header=["Kursname", "PLZ"]))
    staged = EntryImport.objects.get(organisation=setup.freiburg)
    assert staged.mapping == {"postcode": 1}

    page = client.get(_preview_url(setup, staged)).content.decode()
    with translation.override("de"):
        title = imports.field_label("title")
    assert f"Spaltenzuordnung, {title}: Bitte wählen Sie eine Spalte für dieses Feld." in _errors_of(page)
    assert 'value="import"' not in page and 'value="import_valid"' not in page
