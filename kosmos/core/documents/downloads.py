"""Download responses — the one way the platform sends a file.

Every download is private: ``Cache-Control: private, no-store`` (an export of survey answers must
not stay in a browser cache or a proxy), ``X-Content-Type-Options: nosniff``, a correct
Content-Type and a Content-Disposition after RFC 6266: an ASCII ``filename`` for old clients and
the full name as ``filename*`` (UTF-8, percent-encoded), both free of paths, quotes and control
characters.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath
from typing import BinaryIO
from urllib.parse import quote

from django.http import FileResponse, HttpResponse

from kosmos.core.documents.pdf import PDF_CONTENT_TYPE
from kosmos.core.documents.tables import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE

CONTENT_TYPES = {
    ".pdf": PDF_CONTENT_TYPE,
    ".xlsx": XLSX_CONTENT_TYPE,
    ".csv": CSV_CONTENT_TYPE,
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
}
FALLBACK_CONTENT_TYPE = "application/octet-stream"
MAX_NAME_LENGTH = 150

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]+')
_NOT_ASCII_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def content_type_for(filename: str) -> str:
    return CONTENT_TYPES.get(PurePath(filename).suffix.lower(), FALLBACK_CONTENT_TYPE)


def safe_filename(filename: str, default: str = "download") -> str:
    """The name without any path, control characters, quotes or separators, and not hidden."""
    name = unicodedata.normalize("NFC", str(filename)).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("-", name).strip(" .-")
    if not name:
        return default
    if len(name) > MAX_NAME_LENGTH:
        path = PurePath(name)
        suffix = path.suffix if len(path.suffix) <= 10 else ""
        name = name[: MAX_NAME_LENGTH - len(suffix)].rstrip(" .-") + suffix
    return name


def ascii_filename(filename: str, default: str = "download") -> str:
    """The ASCII fallback: umlauts transliterated (ä → ae), everything else outside
    ``A-Z a-z 0-9 . _ -`` becomes ``-``."""
    name = unicodedata.normalize("NFKD", safe_filename(filename, default).translate(_GERMAN))
    name = name.encode("ascii", "ignore").decode("ascii")
    name = _NOT_ASCII_SAFE.sub("-", name).strip(".-")
    return name or default


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """``attachment; filename="…"; filename*=UTF-8''…`` (RFC 6266 with the RFC 8187 encoding)."""
    name = safe_filename(filename)
    fallback = ascii_filename(name)
    value = f'{"inline" if inline else "attachment"}; filename="{fallback}"'
    if fallback != name:
        value += f"; filename*=UTF-8''{quote(name, safe='')}"
    return value


def _private(response: HttpResponse, filename: str, inline: bool) -> HttpResponse:
    response["Content-Disposition"] = content_disposition(filename, inline=inline)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def download(content: bytes, filename: str, *, content_type: str | None = None,
             inline: bool = False) -> HttpResponse:
    """A file made in memory (PDF, XLSX, CSV, QR code) as a private download."""
    response = HttpResponse(content, content_type=content_type or content_type_for(filename))
    return _private(response, filename, inline)


def file_download(handle: BinaryIO, filename: str, *, content_type: str | None = None,
                  inline: bool = False) -> FileResponse:
    """A stored file (an uploaded evidence document), streamed, as a private download."""
    response = FileResponse(handle, content_type=content_type or content_type_for(filename))
    _private(response, filename, inline)
    return response
