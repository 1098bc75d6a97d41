"""Read uploaded files (.txt, .docx, .odt) into plain text.

Every problem becomes a TextInputError with a German message; nothing else
escapes from read_upload().
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import PurePath

from .errors import TextInputError

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
SUPPORTED = (".txt", ".docx", ".odt")

# Characters that appear in cp1252 decodings of binary or wrongly encoded data.
_SUSPICIOUS = set("¤¦¨©ª¬®¯±²³´µ¶¸¹º¼½¾¿×÷ÃÂÐÞþð")


def read_upload(filename: str, data: bytes) -> str:
    """Text content of an uploaded file; raises TextInputError (German) on any problem."""
    name = PurePath(filename or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise TextInputError(
            f"Die Datei „{name or 'ohne Namen'}“ hat ein Format, das wir nicht lesen können. "
            "Bitte laden Sie eine .txt-, .docx- oder .odt-Datei hoch."
        )
    if not data:
        raise TextInputError(f"Die Datei „{name}“ ist leer.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise TextInputError(f"Die Datei „{name}“ ist zu groß. Erlaubt sind höchstens 20 MB.")
    try:
        if suffix == ".txt":
            text = decode_text(data, name)
        elif suffix == ".docx":
            text = _read_docx(data, name)
        else:
            text = _read_odt(data, name)
    except TextInputError:
        raise
    except Exception as exc:  # a broken file must never crash the caller
        raise TextInputError(
            f"Die Datei „{name}“ ist beschädigt oder kein gültiges {suffix[1:].upper()}-Dokument."
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TextInputError(f"Die Datei „{name}“ enthält keinen Text.")
    return text


def decode_text(data: bytes, name: str = "") -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/Latin-1."""
    label = f"„{name}“" if name else "Die Datei"
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TextInputError(f"Die Datei {label} ist als UTF-8 markiert, enthält aber ungültige Zeichen.") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise TextInputError(f"Die Datei {label} ist als UTF-16 markiert, enthält aber ungültige Zeichen.") from exc
    if b"\x00" in data:
        raise TextInputError(
            f"Die Datei {label} ist keine Textdatei (sie enthält Binärdaten). "
            "Bitte speichern Sie den Text als .txt, .docx oder .odt."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    raise TextInputError(
        f"Die Zeichenkodierung der Datei {label} ist unbekannt. "
        "Bitte speichern Sie die Datei als Text mit der Kodierung UTF-8."
    )


def _plausible(text: str) -> bool:
    """A decoded 8-bit text looks like real text: few control or odd characters."""
    if not text:
        return False
    odd = 0
    for ch in text:
        if ch in "\n\r\t":
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("C") or ch in _SUSPICIOUS:
            odd += 1
    return odd / len(text) < 0.02


def _check_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise TextInputError(
            f"Die Datei „{name}“ ist beschädigt oder kein Office-Dokument (.docx oder .odt)."
        ) from exc
    if sum(i.file_size for i in zf.infolist()) > MAX_UNPACKED_BYTES:
        raise TextInputError(f"Die Datei „{name}“ ist entpackt zu groß.")
    return zf


def _read_docx(data: bytes, name: str) -> str:
    zf = _check_zip(data, name)
    if "word/document.xml" not in zf.namelist():
        raise TextInputError(f"Die Datei „{name}“ ist kein Word-Dokument (.docx).")
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts: list[str] = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def _read_odt(data: bytes, name: str) -> str:
    zf = _check_zip(data, name)
    if "content.xml" not in zf.namelist():
        raise TextInputError(f"Die Datei „{name}“ ist kein OpenDocument-Text (.odt).")
    from odf import teletype
    from odf.opendocument import load

    doc = load(io.BytesIO(data))
    return "\n".join(teletype.extractText(el) for el in _paragraphs(doc.text))


_TEXTNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_PARAGRAPH_NAMES = ((_TEXTNS, "p"), (_TEXTNS, "h"))


def _paragraphs(node: object) -> Iterator[object]:
    """Paragraphs and headings of an ODF tree in document order."""
    for child in getattr(node, "childNodes", []):
        qname = getattr(child, "qname", None)
        if qname in _PARAGRAPH_NAMES:
            yield child
        elif qname is not None:
            yield from _paragraphs(child)
