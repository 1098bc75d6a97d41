"""Absolute links for things that leave the browser: survey links, QR codes, posters, cards and
e-mails.

``KOSMOS_BASE_URL`` names the address the platform is reached under. Where it is not set, the
link is built from the request (the host and scheme the user's browser used), so a platform
served on another port or host never prints a dead address. Without a request and without the
setting (e.g. a background job) the development address is the last resort.

``base_url_warning`` tells the pages that print links when the configured address differs from
the one the page was opened under.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

FALLBACK_BASE_URL = "http://127.0.0.1:8000"


def configured_base_url() -> str:
    return (getattr(settings, "BASE_URL", "") or "").rstrip("/")


def absolute_url(request: HttpRequest | None, path: str) -> str:
    """``path`` (starting with ``/``) as an absolute link."""
    base = configured_base_url()
    if base:
        return base + path
    if request is not None:
        return request.build_absolute_uri(path)
    return FALLBACK_BASE_URL + path


def base_url_warning(request: HttpRequest) -> str:
    """A warning when ``KOSMOS_BASE_URL`` points elsewhere than the address of this request."""
    base = configured_base_url()
    if not base:
        return ""
    configured = urlsplit(base)
    actual_host = request.get_host()
    if configured.netloc.lower() == actual_host.lower() and configured.scheme == request.scheme:
        return ""
    return _("Links, QR codes and posters point to %(configured)s (KOSMOS_BASE_URL), but this page was opened "
             "under %(actual)s. Check the setting before you print or send anything.") % {
        "configured": base, "actual": f"{request.scheme}://{actual_host}"}
