"""PDFs from HTML templates (WeasyPrint) — the one PDF renderer of the platform.

A PDF is rendered from a Django template like a page. WeasyPrint may only read ``data:``
addresses: images, QR codes and charts are embedded, stylesheets are passed as text. So
rendering never sends a request (``http:``) and never reads a local file (``file:``), whatever
a user managed to put into the HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from django.template.loader import render_to_string

PDF_CONTENT_TYPE = "application/pdf"
ALLOWED_PROTOCOLS = frozenset({"data"})


def data_only_fetcher():  # noqa: ANN201 - weasyprint.urls.URLFetcher, imported lazily
    """A WeasyPrint URL fetcher that refuses everything but ``data:`` (no redirects)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=set(ALLOWED_PROTOCOLS), allow_redirects=False)


def html_to_pdf(html: str, *, stylesheets: Sequence[Path] = ()) -> bytes:
    """Render HTML to PDF; ``stylesheets`` are local CSS files of the code base, read as text.

    The PDF is tagged (structure tree from the HTML headings, lists and tables; ``lang`` and title
    from the document) so that screen readers can read it."""
    from weasyprint import CSS, HTML

    fetcher = data_only_fetcher()
    css = [CSS(string=Path(path).read_text(encoding="utf-8"), url_fetcher=fetcher) for path in stylesheets]
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=css, pdf_tags=True)


def render_pdf(template: str, context: dict, *, stylesheets: Sequence[Path] = ()) -> bytes:
    """Render a Django template to PDF through the ``data:``-only fetcher."""
    return html_to_pdf(render_to_string(template, context), stylesheets=stylesheets)
