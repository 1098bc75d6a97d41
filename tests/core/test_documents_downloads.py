"""The one download response: private, typed, with an RFC 6266 file name that cannot break the header."""

from __future__ import annotations

import io
import re
from urllib.parse import unquote

import pytest

from kosmos.core.documents.downloads import ascii_filename, content_disposition, download, file_download

TOKEN = re.compile(r"^[A-Za-z0-9._-]+$")


def test_a_download_is_private_typed_and_an_attachment() -> None:
    response = download(b"%PDF-1.7", "bericht.pdf")

    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="bericht.pdf"'


@pytest.mark.parametrize(("name", "content_type"), [
    ("a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("a.csv", "text/csv; charset=utf-8"), ("a.svg", "image/svg+xml"), ("a.png", "image/png"),
    ("a.unbekannt", "application/octet-stream"),
])
def test_the_content_type_follows_the_name(name: str, content_type: str) -> None:
    assert download(b"x", name)["Content-Type"] == content_type


def test_an_inline_download_is_still_private() -> None:
    response = download(b"<svg/>", "qr.svg", inline=True)

    assert response["Content-Disposition"].startswith("inline; ")
    assert response["Cache-Control"] == "private, no-store"


def test_a_german_name_has_an_ascii_fallback_and_the_full_name_encoded() -> None:
    value = content_disposition("Befragung Kund:innen – Übersicht 2026.xlsx")

    fallback = re.search(r'filename="([^"]*)"', value).group(1)
    encoded = re.search(r"filename\*=UTF-8''(\S+)$", value).group(1)
    assert fallback == "Befragung-Kund-innen-Uebersicht-2026.xlsx"
    assert unquote(encoded) == "Befragung Kund-innen – Übersicht 2026.xlsx"
    assert value.isascii()


@pytest.mark.parametrize("name", [
    "../../etc/passwd", "C:\\Windows\\system.ini", 'a"; filename="b.exe', "zeile\r\nSet-Cookie: x=1.pdf",
    ".versteckt", "", "ä" * 400 + ".pdf",
])
def test_a_hostile_name_cannot_break_the_header_or_point_elsewhere(name: str) -> None:
    value = content_disposition(name)

    assert "\r" not in value and "\n" not in value and value.isascii()
    fallback = re.search(r'filename="([^"]*)"', value).group(1)
    assert TOKEN.match(fallback) and not fallback.startswith(".")
    full = unquote(value.split("filename*=UTF-8''", 1)[1]) if "filename*=" in value else fallback
    assert "/" not in full and "\\" not in full and '"' not in full and len(full) <= 150
    download(b"x", name)  # Django accepts the header


def test_the_ascii_fallback_keeps_the_suffix_of_a_long_name() -> None:
    assert ascii_filename("Ä" * 400 + ".pdf").endswith(".pdf")


def test_a_stored_file_is_streamed_as_a_private_download() -> None:
    response = file_download(io.BytesIO(b"PK\x03\x04"), "Beleg Größe.docx")

    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"].startswith('attachment; filename="Beleg-Groesse.docx"; filename*=')
    assert b"".join(response.streaming_content) == b"PK\x03\x04"
