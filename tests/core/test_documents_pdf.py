"""The shared PDF renderer reads only ``data:`` addresses: no local file, no request."""

from __future__ import annotations

import base64
import http.server
import threading
import urllib.request
from collections.abc import Iterator

import pytest

from kosmos.core.documents.pdf import data_only_fetcher, html_to_pdf, render_pdf

PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def opened_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every ``file:`` URL that urllib (WeasyPrint's fetcher) opens."""
    opened: list[str] = []
    original = urllib.request.FileHandler.file_open

    def spy(self, req):  # noqa: ANN001, ANN202
        opened.append(req.full_url)
        return original(self, req)

    monkeypatch.setattr(urllib.request.FileHandler, "file_open", spy)
    return opened


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every path requested from it."""
    requested: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            requested.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PIXEL)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", requested
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.org/x.css",
                                 "ftp://example.org/x"])
def test_the_fetcher_refuses_every_protocol_but_data(url: str) -> None:
    with pytest.raises(ValueError, match="disallowed protocol"):
        data_only_fetcher().fetch(url)


def test_the_fetcher_reads_data_urls() -> None:
    response = data_only_fetcher().fetch("data:image/png;base64," + base64.b64encode(PIXEL).decode())

    assert response.read() == PIXEL


def test_a_template_with_a_local_file_does_not_load_it(opened_files: list[str], tmp_path) -> None:  # noqa: ANN001
    html = '<p>Bericht</p><img src="file:///etc/passwd"><link rel="stylesheet" href="file:///etc/passwd">'

    pdf = html_to_pdf(html)

    assert pdf.startswith(b"%PDF")
    assert opened_files == []

    # Control: WeasyPrint's default fetcher would have read the file.
    from weasyprint import HTML

    HTML(string=html).write_pdf()
    assert "file:///etc/passwd" in opened_files


def test_a_template_with_a_web_address_sends_no_request(http_server: tuple[str, list[str]]) -> None:
    base, requested = http_server
    html = f'<img src="{base}/bild.png"><link rel="stylesheet" href="{base}/stil.css">'

    html_to_pdf(html)

    assert requested == []

    # Control: WeasyPrint's default fetcher would have asked the server.
    from weasyprint import HTML

    HTML(string=html).write_pdf()
    assert "/bild.png" in requested


def test_a_django_template_renders_to_pdf_with_embedded_images(opened_files: list[str]) -> None:
    pdf = render_pdf("surveys/pdf/poster.html", {
        "wave": None, "survey": {"title": "Zufriedenheit"}, "organisation": {"name": "Jobcenter Freiburg"},
        "link": "https://example.org/b/x", "qr": "data:image/png;base64," + base64.b64encode(PIXEL).decode(),
    })

    assert pdf.startswith(b"%PDF")
    assert opened_files == []


def test_pdfs_are_tagged_with_language_and_structure() -> None:
    import io

    import pypdf

    pdf = html_to_pdf('<html lang="de"><head><title>Bericht</title></head><body><h1>Bericht</h1>'
                      "<table><tr><th>Kanal</th></tr><tr><td>Telefon</td></tr></table></body></html>")
    root = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert root["/Lang"] == "de"
    assert bool(root["/MarkInfo"]["/Marked"])
    top = root["/StructTreeRoot"]["/K"].get_object()
    document = (top[0] if isinstance(top, list) else top).get_object()
    kids = document["/K"] if isinstance(document["/K"], list) else [document["/K"]]
    assert document["/S"] == "/Document"
    assert [kid.get_object()["/S"] for kid in kids] == ["/H1", "/Table"]
