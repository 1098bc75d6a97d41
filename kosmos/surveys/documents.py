"""QR codes (segno) for survey links, access cards and posters.

The QR codes go into PDFs as ``data:`` addresses (``qr_data_uri``), the only kind the shared PDF
renderer (``kosmos.core.documents``) reads.
"""

from __future__ import annotations

import base64
import io

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(link: str, *, scale: int = 4, title: str = "") -> str:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="svg", scale=scale, xmldecl=False, svgns=True, light="#fff",
                                    title=title or None, svgclass="kosmos-qr-code")
    return buffer.getvalue().decode("utf-8")


def qr_inline(link: str, *, scale: int = 4) -> SafeString:
    """The QR code as inline SVG for a page (hidden from screen readers: the link is written next to it)."""
    svg = qr_svg(link, scale=scale)
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))  # noqa: S308 - segno output


def qr_png(link: str, *, scale: int = 10) -> bytes:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_data_uri(link: str, *, scale: int = 8) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(link, scale=scale).encode()).decode("ascii")
