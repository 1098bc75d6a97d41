"""read_upload(): text encodings, .docx, .odt and broken files."""

from __future__ import annotations

import io

import pytest

from kosmos.language.analysis import TextInputError, read_upload

TEXT = "Sehr geehrte Frau Müller,\nSie bekommen ab 1. April mehr Bürgergeld. Grüße aus Köln."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("cp1252"),
        TEXT.encode("latin-1"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252", "latin-1"],
)
def test_txt_encodings(data: bytes) -> None:
    assert read_upload("brief.txt", data) == TEXT


def test_cp1252_typographic_quotes() -> None:
    text = "„Bitte“ – das ist wichtig."
    assert read_upload("a.TXT", text.encode("cp1252")) == text


def test_crlf_is_normalised() -> None:
    assert read_upload("a.txt", b"Zeile eins.\r\nZeile zwei.") == "Zeile eins.\nZeile zwei."


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("a.txt", b"", "leer"),
        ("a.txt", b"   \n  ", "keinen Text"),
        ("a.txt", b"\x00\x01\x02binary\x00", "keine Textdatei"),
        ("a.txt", bytes(range(128, 256)) * 4, "Zeichenkodierung"),
        ("a.pdf", b"%PDF-1.4", "Format"),
        ("a", b"Text", "Format"),
        ("a.docx", b"PK\x03\x04 kaputt", "beschädigt"),
        ("a.docx", b"kein zip", "beschädigt"),
        ("a.odt", b"kein zip", "beschädigt"),
        ("a.txt", b"\xef\xbb\xbf\xff\xfe", "UTF-8"),
    ],
)
def test_bad_files_raise_german_errors(name: str, data: bytes, fragment: str) -> None:
    with pytest.raises(TextInputError) as err:
        read_upload(name, data)
    assert fragment in err.value.message_de


def _docx_bytes() -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading("Ihr Bescheid", level=1)
    doc.add_paragraph("Sie bekommen Bürgergeld.")
    table = doc.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "Betrag: 563 Euro"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_docx() -> None:
    text = read_upload("bescheid.docx", _docx_bytes())
    assert text.splitlines()[:2] == ["Ihr Bescheid", "Sie bekommen Bürgergeld."]
    assert "Betrag: 563 Euro" in text


def _odt_bytes() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P, Span

    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Ihr Bescheid"))
    p = P(text="Sie bekommen ")
    p.addElement(Span(text="Bürgergeld."))
    doc.text.addElement(p)
    buf = io.BytesIO()
    doc.write(buf)
    return buf.getvalue()


def test_odt() -> None:
    assert read_upload("bescheid.odt", _odt_bytes()) == "Ihr Bescheid\nSie bekommen Bürgergeld."


def test_docx_that_is_an_odt_is_rejected() -> None:
    with pytest.raises(TextInputError, match="kein Word-Dokument"):
        read_upload("falsch.docx", _odt_bytes())


def test_odt_with_broken_xml_is_rejected() -> None:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content><nicht geschlossen")
    with pytest.raises(TextInputError, match="beschädigt"):
        read_upload("kaputt.odt", buf.getvalue())
