"""Ids taken from a request's query string or form, validated before any lookup.

A malformed id (``?basis=kein-uuid``) must answer 404 like an unknown one, never 500 from the
database or Django's UUID field. Every view that reads an id from ``request.GET`` or
``request.POST`` goes through :func:`uuid_param`.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _


def parse_uuid(raw: object) -> uuid.UUID | None:
    """The UUID in ``raw``, or None when it is not one."""
    if not isinstance(raw, str) or len(raw) > 64:
        return None
    try:
        return uuid.UUID(raw.strip())
    except ValueError:
        return None


def uuid_param(request: HttpRequest, name: str) -> str | None:
    """The id ``name`` from the query string (or else the posted form); None when absent.

    Raises ``Http404`` with a German message when the parameter is there but is not a UUID.
    """
    raw = request.GET.get(name) or request.POST.get(name)
    if not raw:
        return None
    value = parse_uuid(raw)
    if value is None:
        raise Http404(_("The address names an object with an invalid id."))
    return str(value)
