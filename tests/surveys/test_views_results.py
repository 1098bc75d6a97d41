"""Results: only after the end, small groups hidden everywhere, publication to staff, exports, PDF."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from kosmos.surveys import services
from kosmos.surveys.models import Wave
from tests.surveys.conftest import close_wave, open_wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(wave, fill) -> Wave:  # noqa: ANN001
    """Leistung 8, Markt und Integration 6, Service 2 (a small group)."""
    fill(wave, 8, bereich="leistung", zufrieden="5", kommentar="Gute Beratung")
    fill(wave, 6, bereich="markt_und_integration", zufrieden="2", warum="Zu wenig Zeit", kanaele=["telefon"],
         kommentar="Mehr Personal")
    fill(wave, 2, bereich="service", zufrieden="1", kommentar="Ich bin die einzige im Service")
    return close_wave(wave)


def results_url(wave: Wave, **params: str) -> str:
    base = reverse("org:survey_wave_results", kwargs={"org_slug": "freiburg", "survey_id": wave.survey.public_id,
                                               "wave_id": wave.public_id})
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{base}?{query}" if query else base


def page_text(response) -> str:  # noqa: ANN001
    import html
    import re

    body = response.content.decode()
    body = body[body.find("<main"):body.find("</main>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def test_while_the_wave_runs_only_the_total_is_shown(wave, fill, client_for, world):
    fill(wave, 7, bereich="leistung")

    text = page_text(client_for(world.qm).get(results_url(wave)))

    assert "7 Antworten" in text
    assert "Ergebnisse werden nach dem Ende der Welle gezeigt" in text
    assert "Leistung" not in text and "Mittelwert" not in text


def test_small_groups_and_their_complements_are_hidden(ended, client_for, world):
    text = page_text(client_for(world.qm).get(results_url(ended)))

    assert "16 Antworten" in text
    assert "Leistung 8" in text
    assert "Service nicht angezeigt" in text
    assert "Markt und Integration nicht angezeigt" in text  # else 16 - 8 - 6 = 2 could be calculated
    assert "Ich bin die einzige im Service" in text  # the whole wave is large enough for free texts


def test_a_filter_on_a_small_group_shows_nothing(ended, client_for, world):
    text = page_text(client_for(world.qm).get(results_url(ended, gruppe1="service")))

    assert "Diese Auswahl wird nicht angezeigt." in text
    assert "Ich bin die einzige im Service" not in text
    assert "Mittelwert" not in text


def test_a_filter_on_a_large_group_shows_its_results_and_free_texts(ended, client_for, world):
    text = page_text(client_for(world.qm).get(results_url(ended, gruppe1="leistung")))

    assert "Filter: In welchem Bereich arbeiten Sie?: Leistung – 8 Antworten" in text
    assert "Gute Beratung" in text
    assert "Ich bin die einzige im Service" not in text
    assert "Mittelwert 5,0" in text


def test_staff_see_results_only_when_published(ended, client_for, world):
    staff = client_for(world.staff)
    published_url = reverse("org:survey_wave_results_published", kwargs={
        "org_slug": "freiburg", "survey_id": ended.survey.public_id, "wave_id": ended.public_id})

    assert staff.get(results_url(ended)).status_code == 403
    assert staff.get(published_url).status_code == 404

    response = client_for(world.qm).post(reverse("org:survey_wave_publish", kwargs={
        "org_slug": "freiburg", "survey_id": ended.survey.public_id, "wave_id": ended.public_id}),
        {"veroeffentlichen": "1"})
    assert response.status_code == 302

    page = staff.get(published_url)
    text = page_text(page)
    assert page.status_code == 200
    assert "Service nicht angezeigt" in text
    assert "Herunterladen" not in text  # no exports for staff
    assert staff.get(published_url + "?gruppe1=service").content.decode().count("Diese Auswahl wird nicht angezeigt") == 1


def test_a_running_wave_cannot_be_published(wave, world):
    with pytest.raises(Exception):  # noqa: B017 - ValidationError with a German message
        services.do_set_results_published(acting_user=world.qm, wave=wave, published=True)


def _export(client, wave: Wave, kind: str, fmt: str, **params: str):  # noqa: ANN001, ANN202
    base = reverse("org:survey_wave_export", kwargs={"org_slug": "freiburg", "survey_id": wave.survey.public_id,
                                              "wave_id": wave.public_id, "kind": kind, "fmt": fmt})
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.get(f"{base}?{query}" if query else base)


def test_the_summary_exports_open_in_excel_and_hide_what_the_page_hides(ended, client_for, world):
    client = client_for(world.management)

    xlsx = _export(client, ended, "zusammenfassung", "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:5] == ("Frage", "Text", "Aussage", "Antwort", "Anzahl")
    groups = {r[3]: r[4] for r in rows if r[0] == "in_welchem_bereich_arbeiten_sie"}
    assert groups == {"Leistung": 8, "Markt und Integration": "nicht angezeigt (Schutz kleiner Gruppen)",
                      "Service": "nicht angezeigt (Schutz kleiner Gruppen)"}
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")

    csv_response = _export(client, ended, "zusammenfassung", "csv")
    text = csv_response.content.decode("utf-8-sig")
    reader = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert reader[0][0] == "Frage"
    assert any(r[3] == "Sehr zufrieden" and r[4] == "8" for r in reader)

    small = _export(client, ended, "zusammenfassung", "csv", gruppe1="service").content.decode("utf-8-sig")
    assert "Schutz kleiner Gruppen" in small and "Sehr unzufrieden" not in small


def test_the_raw_export_leaves_out_a_group_column_the_plan_hides_and_has_no_date_or_order(ended, client_for, world):
    xlsx = _export(client_for(world.qm), ended, "antworten", "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]

    assert len(body) == 16
    # Markt (6) and Service (2) are hidden on the pages: labelling only the 8 Leistung rows would let
    # "all rows minus Leistung" be compared with other pages, so the column goes as a whole.
    assert not any(str(h).startswith("in_welchem_bereich") for h in header)
    legend = " ".join(str(v) for row in book.worksheets[1].iter_rows(values_only=True) for v in row)
    assert "in_welchem_bereich_arbeiten_sie" in legend
    assert [r[0] for r in body] == list(range(1, 17))
    assert not any("datum" in str(h).lower() or "sprache" in str(h).lower() for h in header)

    raw_csv = _export(client_for(world.qm), ended, "antworten", "csv").content.decode("utf-8-sig")
    assert "Ich bin die einzige im Service" in raw_csv
    assert len(list(csv.reader(io.StringIO(raw_csv), delimiter=";"))) == 17


def test_a_formula_in_a_free_text_is_exported_as_text(wave, fill, client_for, world):
    fill(wave, 5, kommentar="=HYPERLINK(\"http://example.com\")")
    close_wave(wave)

    raw = _export(client_for(world.qm), wave, "antworten", "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(raw.content)).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    assert "'=HYPERLINK" in _export(client_for(world.qm), wave, "antworten", "csv").content.decode("utf-8-sig")


def test_a_wave_below_the_minimum_group_size_has_no_raw_export(wave, fill, client_for, world):
    fill(wave, 3)
    close_wave(wave)

    response = _export(client_for(world.qm), wave, "antworten", "csv")

    assert response.status_code == 302


def test_the_report_is_a_pdf(ended, client_for, world):
    response = client_for(world.qm).get(reverse("org:survey_wave_report", kwargs={
        "org_slug": "freiburg", "survey_id": ended.survey.public_id, "wave_id": ended.public_id}))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"


def test_two_waves_are_compared_per_question_with_both_n(survey, world, fill, client_for):
    first = open_wave(survey, world.qm)
    fill(first, 6, zufrieden="2")
    close_wave(first)
    second = open_wave(survey, world.qm)
    fill(second, 7, zufrieden="4")
    close_wave(second)

    response = client_for(world.management).get(reverse("org:survey_compare", kwargs={
        "org_slug": "freiburg", "survey_id": survey.public_id}))
    text = page_text(response)

    assert response.status_code == 200
    assert "Wie zufrieden sind Sie insgesamt? 6 7 2,0 4,0 +2,0" in text
    assert "<svg" in response.content.decode()
