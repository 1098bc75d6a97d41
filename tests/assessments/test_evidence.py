"""Evidence: links and uploads, checked by content (type and size), served to the group only."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from kosmos.assessments import services
from kosmos.assessments.models import Evidence
from kosmos.assessments.uploads import validate_evidence_file
from tests.assessments import builders


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = _pdf()
FAKE_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"  # starts like a PDF, is none
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _office(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("leitbild.pdf", PDF, "pdf"), ("foto.png", PNG, "png"), ("foto.JPEG", JPG, "jpg"),
    ("protokoll.docx", _office("word/document.xml"), "docx"), ("kennzahlen.xlsx", _office("xl/workbook.xml"), "xlsx"),
])
def test_allowed_types_are_recognised_by_their_content(name, content, kind):
    assert validate_evidence_file(SimpleUploadedFile(name, content)).code == kind


@pytest.mark.parametrize(("name", "content"), [
    ("programm.pdf", b"MZ\x90\x00 not a pdf"),  # an executable renamed to .pdf
    ("bild.png", PDF),  # content and extension disagree
    ("archiv.docx", _office("other/part.xml")),  # a zip that is no Word document
    ("notiz.txt", b"just text"),
    ("leer.pdf", b""),
    ("kaputt.pdf", FAKE_PDF),  # the 29-byte "PDF" that used to be accepted
    ("abgeschnitten.pdf", PDF[: len(PDF) // 2]),
])
def test_files_whose_content_is_not_allowed_are_refused(name, content):
    with pytest.raises(ValidationError):
        validate_evidence_file(SimpleUploadedFile(name, content))


def test_files_above_ten_megabytes_are_refused(settings):
    settings.KOSMOS_EVIDENCE_MAX_BYTES = 1024

    with pytest.raises(ValidationError) as error:
        validate_evidence_file(SimpleUploadedFile("gross.pdf", PDF + b"0" * 2048))

    assert "MB" in str(error.value)


def test_a_member_uploads_evidence_and_the_group_downloads_it(world, workshop, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = builders.first_item(workshop)
    url = reverse("org:assessment_evidence_add", kwargs={"org_slug": "freiburg", "assessment_id": workshop.public_id,
                                                         "item_id": item.public_id})

    response = client_for(world.assessor).post(url, {
        "title": "Leitbild 2021", "file": SimpleUploadedFile("leitbild.pdf", PDF), "confidentiality": "confidential",
        "source": "Stabsstelle", "evidence_date": "2021-11-30"})

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.file_type, evidence.file_name, evidence.file_size) == ("pdf", "leitbild.pdf", len(PDF))
    assert "leitbild" not in evidence.file.name  # stored under an unguessable name
    download = reverse("org:assessment_evidence_file", kwargs={
        "org_slug": "freiburg", "assessment_id": workshop.public_id, "evidence_id": evidence.public_id})
    got = client_for(world.management).get(download)
    assert got.status_code == 200
    assert b"".join(got.streaming_content) == PDF
    assert got["Content-Type"] == "application/pdf"
    assert "attachment" in got["Content-Disposition"]
    assert client_for(world.staff).get(download).status_code == 403


def test_a_rejected_upload_keeps_what_was_typed(world, workshop, client_for):
    item = builders.first_item(workshop)
    url = reverse("org:assessment_evidence_add", kwargs={"org_slug": "freiburg", "assessment_id": workshop.public_id,
                                                         "item_id": item.public_id})

    response = client_for(world.assessor).post(url, {
        "title": "Mein Beleg", "file": SimpleUploadedFile("virus.pdf", b"MZ\x90"), "confidentiality": "internal"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mein Beleg"' in html
    assert "kosmos-error-summary" in html
    assert not Evidence.objects.exists()


def test_evidence_needs_a_link_a_file_or_an_observation(world, workshop):
    with pytest.raises(ValidationError):
        services.do_add_evidence(acting_user=world.assessor, item=builders.first_item(workshop), title="Nichts")


def test_a_written_observation_is_evidence(world, workshop, client_for):
    item = builders.first_item(workshop)
    url = reverse("org:assessment_evidence_add", kwargs={"org_slug": "freiburg", "assessment_id": workshop.public_id,
                                                         "item_id": item.public_id})

    response = client_for(world.assessor).post(url, {
        "title": "Teambesprechung Leistung", "confidentiality": "internal",
        "description": "Am 12.03. besprach das Team die Kennzahlen; Maßnahmen wurden protokolliert."})

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert not evidence.file and not evidence.url
    assert evidence.description.startswith("Am 12.03.")


def test_only_the_author_or_the_facilitator_removes_evidence(world, workshop, client_for):
    evidence = services.do_add_evidence(acting_user=world.management, item=builders.first_item(workshop),
                                        title="Protokoll", url="https://intranet.example/p")
    url = reverse("org:assessment_evidence_delete", kwargs={
        "org_slug": "freiburg", "assessment_id": workshop.public_id, "evidence_id": evidence.public_id})

    assert client_for(world.assessor).post(url).status_code == 403
    assert client_for(world.qm).post(url).status_code == 302
    assert not Evidence.objects.exists()


def test_items_without_evidence_are_flagged_on_the_rating_page(world, rating_phase, client_for):
    url = reverse("org:assessment_rating", kwargs={"org_slug": "freiburg", "assessment_id": rating_phase.public_id})

    html = client_for(world.assessor).get(url).content.decode()

    assert html.count("kein Beleg") == rating_phase.items.count()
