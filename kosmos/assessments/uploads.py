"""Checks for uploaded evidence files: allowed types, recognised by their content, and size."""

from __future__ import annotations

import logging
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError


@dataclass(frozen=True)
class FileType:
    code: str
    label: str
    extensions: tuple[str, ...]
    content_type: str


FILE_TYPES = {
    "pdf": FileType("pdf", "PDF", (".pdf",), "application/pdf"),
    "docx": FileType("docx", "Word (DOCX)", (".docx",),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": FileType("xlsx", "Excel (XLSX)", (".xlsx",),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "png": FileType("png", "PNG", (".png",), "image/png"),
    "jpg": FileType("jpg", "JPEG", (".jpg", ".jpeg"), "image/jpeg"),
}


def max_bytes() -> int:
    return int(getattr(settings, "KOSMOS_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))


def _office_kind(upload: UploadedFile) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def detect_type(upload: UploadedFile) -> str | None:
    """The file type by its first bytes (and, for Office files, by the parts inside the archive)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(upload)
    return None


def validate_evidence_file(upload: UploadedFile) -> FileType:
    """Raise a German ``ValidationError`` unless the file is an allowed type of at most 10 MB
    whose content matches its extension."""
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is larger than %(mb)s MB. Please upload a smaller file or add a link instead.")
            % {"mb": limit // (1024 * 1024)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    extension = PurePath(upload.name or "").suffix.lower()
    detected = detect_type(upload)
    allowed = ", ".join(t.label for t in FILE_TYPES.values())
    if detected is None:
        raise ValidationError(
            _("This file type is not allowed or the file is damaged. Allowed: %(types)s.") % {"types": allowed}
        )
    file_type = FILE_TYPES[detected]
    if extension not in file_type.extensions:
        raise ValidationError(
            _("The file's content (%(type)s) does not match its name ending “%(ext)s”.")
            % {"type": file_type.label, "ext": extension or "–"}
        )
    if detected == "pdf":
        _require_readable_pdf(upload)
    return file_type


def _require_readable_pdf(upload: UploadedFile) -> None:
    """A file that starts like a PDF must also be one: its structure is read and it has a page."""
    upload.seek(0)
    try:
        logging.getLogger("pypdf").disabled = True  # damaged files make pypdf log warnings
        pages = len(PdfReader(upload).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        pages = 0
    finally:
        logging.getLogger("pypdf").disabled = False
        upload.seek(0)
    if pages < 1:
        raise ValidationError(_("The PDF file cannot be read; it may be damaged or incomplete. "
                                "Please save it again as PDF and upload it once more."))
