"""Safe reading of zip-based office files: a zip bomb is refused before anything parses it."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kosmos.core.documents.office import ArchiveLimits, guard_archive, parse_office_file, parse_time_limit

BOMB_MESSAGE = "wird beim Entpacken weit größer als ein übliches Office-Dokument"


def docx_bytes(*paragraphs: str) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bomb_docx(paragraphs: int) -> bytes:
    """A real .docx whose body holds ``paragraphs`` tiny paragraphs: a few hundred kB on disk, tens of
    MB unpacked (like the upload that kept the language checker busy for a minute)."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes("Guten Tag")))
    document = source.read("word/document.xml").decode()
    head, tail = document.split("<w:body>", 1)
    body = head + "<w:body>" + "<w:p><w:r><w:t>Bitte</w:t></w:r></w:p>" * paragraphs + tail
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            data = body if info.filename == "word/document.xml" else source.read(info.filename)
            archive.writestr(info.filename, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return bomb_docx(1_000_000)  # about 40 MB unpacked


def unpacked_size(data: bytes) -> int:
    return sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())


def test_the_bomb_is_small_on_disk_and_huge_unpacked(bomb: bytes) -> None:
    assert len(bomb) < 1024 * 1024  # under the language checker's upload limit
    assert unpacked_size(bomb) > 30 * 1024 * 1024


def test_a_zip_bomb_is_refused_in_german_before_it_is_parsed(bomb: bytes) -> None:
    parsed = []

    with pytest.raises(ValidationError) as raised:
        parse_office_file(bomb, name="brief.docx", parse=parsed.append)

    assert parsed == []
    assert raised.value.code == "archive_too_large"
    assert "„brief.docx“" in raised.value.messages[0] and BOMB_MESSAGE in raised.value.messages[0]


def test_a_highly_compressed_member_is_refused_below_the_size_limit() -> None:
    data = bomb_docx(200_000)  # about 8 MB unpacked, compressed more than 100 times
    assert unpacked_size(data) < 20 * 1024 * 1024

    with pytest.raises(ValidationError, match="Entpacken"):
        guard_archive(data, name="brief.docx")
    guard_archive(data, name="brief.docx", limits=ArchiveLimits(max_ratio=10_000))  # the ratio decided


def test_an_archive_with_too_many_members_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(30):
            archive.writestr(f"teil{number}.xml", "<a/>")

    with pytest.raises(ValidationError):
        guard_archive(buffer.getvalue(), name="viele.odt", limits=ArchiveLimits(max_members=20))
    guard_archive(buffer.getvalue(), name="viele.odt", limits=ArchiveLimits(max_members=30))


@pytest.mark.parametrize("limit_mb", [1, 20])
def test_the_unpacked_size_limit_comes_from_the_settings(settings, limit_mb: int) -> None:  # noqa: ANN001
    settings.KOSMOS_OFFICE_MAX_UNPACKED_MB = limit_mb
    settings.KOSMOS_OFFICE_MAX_RATIO = 10_000
    data = bomb_docx(100_000)  # about 4 MB unpacked

    if limit_mb == 1:
        with pytest.raises(ValidationError):
            guard_archive(data, name="brief.docx")
    else:
        guard_archive(data, name="brief.docx")


def test_an_ordinary_document_and_data_that_is_no_zip_pass_to_the_parser() -> None:
    letter = docx_bytes(*["Bitte schicken Sie uns Ihre Kontoauszüge bis zum 15. Mai."] * 200)

    assert parse_office_file(letter, name="brief.docx", parse=len) == len(letter)
    assert parse_office_file(b"PK\x03\x04 kaputt", name="kaputt.docx", parse=len) == 11


def test_a_parse_that_runs_too_long_is_stopped_with_a_german_message() -> None:
    def slow_parser_that_hides_its_errors(data: bytes) -> str:
        try:
            time.sleep(30)
        except Exception:  # noqa: BLE001 - as the parsers do: any problem means "broken file"
            return "broken"
        return "parsed"

    with pytest.raises(ValidationError) as raised:
        parse_office_file(b"", name="langsam.odt", parse=slow_parser_that_hides_its_errors, seconds=0.2)

    assert raised.value.code == "parse_timeout"
    assert "Das Lesen der Datei „langsam.odt“ hat zu lange gedauert" in raised.value.messages[0]


def test_the_time_limit_is_cleared_after_the_block() -> None:
    import signal

    with parse_time_limit(name="x.docx", seconds=5):
        pass

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.django_db
def test_the_language_checker_refuses_a_zip_bomb_without_parsing_it(world, client_for, bomb, monkeypatch):  # noqa: ANN001
    import kosmos.language.forms

    def must_not_parse(name: str, data: bytes) -> str:
        raise AssertionError("the bomb reached the parser")

    monkeypatch.setattr(kosmos.language.forms, "read_upload", must_not_parse)
    response = client_for(world.staff).post(
        reverse("org:language_check", kwargs={"org_slug": world.freiburg.slug}),
        {"text_type": "brief", "text": "Mein getippter Text.", "file": SimpleUploadedFile("bombe.docx", bomb)},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Die Datei „bombe.docx“ " + BOMB_MESSAGE in html.replace("\n", " ")
    assert "Mein getippter Text." in html


@pytest.mark.django_db
def test_the_language_checker_still_reads_an_ordinary_docx(world, client_for) -> None:  # noqa: ANN001
    letter = docx_bytes("Guten Tag,", "bitte schicken Sie uns Ihre Kontoauszüge bis zum 15. Mai.")
    response = client_for(world.staff).post(
        reverse("org:language_check", kwargs={"org_slug": world.freiburg.slug}),
        {"text_type": "brief", "text": "", "file": SimpleUploadedFile("brief.docx", letter)},
    )

    assert "Kontoauszüge bis zum 15. Mai" in response.content.decode()
    assert BOMB_MESSAGE not in response.content.decode()
