"""The shared document kit: every PDF, XLSX, CSV and download of the platform goes through it.

- ``pdf``: ``render_pdf(template, context)`` — WeasyPrint with a ``data:``-only URL fetcher.
- ``tables``: ``Sheet``, ``to_xlsx(sheets)``, ``to_csv(rows)`` — formula-safe; CSV for German Excel.
- ``downloads``: ``download(content, filename)``, ``file_download(handle, filename)`` — always
  ``Cache-Control: private, no-store`` and an RFC 6266 Content-Disposition.
- ``office``: ``guard_archive``, ``parse_time_limit``, ``parse_office_file`` — zip-bomb-safe reading of
  uploaded .docx/.odt/.xlsx.

A new module uses these and nothing else (``grep`` for ``Content-Disposition``, ``url_fetcher``,
``openpyxl.Workbook``, ``csv.writer`` or ``HTML(string`` finds only this package).
"""

from kosmos.core.documents.downloads import content_disposition, download, file_download
from kosmos.core.documents.office import guard_archive, parse_office_file, parse_time_limit
from kosmos.core.documents.pdf import render_pdf
from kosmos.core.documents.tables import Sheet, to_csv, to_xlsx

__all__ = [
    "Sheet",
    "content_disposition",
    "download",
    "file_download",
    "guard_archive",
    "parse_office_file",
    "parse_time_limit",
    "render_pdf",
    "to_csv",
    "to_xlsx",
]
