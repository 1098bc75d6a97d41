"""Security headers and a strict Content-Security-Policy that the templates can live with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

import kosmos

KOSMOS_DIR = Path(kosmos.__file__).resolve().parent
# Templates under a ``pdf/`` folder are rendered by WeasyPrint into PDF files and never reach a
# browser, so the page policy does not apply to them (they carry their print styles inline).
TEMPLATES = sorted(
    p for p in KOSMOS_DIR.glob("**/templates/**/*.html") if "node_modules" not in p.parts and "pdf" not in p.parts
)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*["']""", re.I)


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def html_pages(world, client_for):  # noqa: ANN001
    """A page for anonymous users, a form page and an organisation page."""
    return [
        client_for(None).get("/anmelden/"),
        client_for(world.qm).get("/o/freiburg/mitglieder/einladen/"),
        client_for(world.qm).get("/o/freiburg/"),
    ]


@pytest.mark.django_db
def test_html_pages_send_a_strict_content_security_policy(html_pages):
    for response in html_pages:
        assert response.status_code == 200
        header = response["Content-Security-Policy"]
        directives = csp_directives(header)
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["default-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert "unsafe-inline" not in header
        assert "unsafe-eval" not in header


@pytest.mark.django_db
def test_html_pages_forbid_framing_and_sniffing(html_pages):
    for response in html_pages:
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_rendered_pages_have_no_inline_script_or_style(html_pages):
    for response in html_pages:
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html)
        assert not STYLE_ATTRIBUTE.search(html)
        assert "<style" not in html


def test_the_template_scan_finds_the_templates():
    assert KOSMOS_DIR / "templates" / "base.html" in TEMPLATES
    assert len(TEMPLATES) >= 30


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(KOSMOS_DIR)))
def test_no_template_has_an_inline_script_or_a_style_attribute(template: Path):
    text = template.read_text(encoding="utf-8")

    assert not INLINE_SCRIPT.search(text), "inline <script> is blocked by script-src 'self'"
    assert not STYLE_ATTRIBUTE.search(text), "style= attributes are blocked by style-src 'self'"
    assert "<style" not in text


def test_the_scan_patterns_catch_what_they_should():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert INLINE_SCRIPT.search('<script type="module">x()</script>')
    assert not INLINE_SCRIPT.search('<script src="/static/x.js" defer></script>')
    assert STYLE_ATTRIBUTE.search('<div style="color: red">')
    assert not STYLE_ATTRIBUTE.search('<link rel="stylesheet" href="/x.css">')


def test_cookies_and_framing_settings():
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.CSRF_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
