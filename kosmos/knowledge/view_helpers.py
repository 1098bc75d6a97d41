"""The one form-handling shape the knowledge pages share: validate, save through a service, report."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from kosmos.core.forms_base import add_service_error


def save_posted_form(request: HttpRequest, form: forms.BaseForm, save: Callable[[], object], *,
                     message: str, to: str | Callable[[object], str]) -> HttpResponse | None:
    """On a valid POST run ``save()``; on success flash ``message`` and redirect to ``to`` (a URL,
    or a function of what ``save`` returned). A service's ValidationError goes onto the form and
    ``None`` is returned, so that the caller renders the form again with nothing typed lost."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save()
    except ValidationError as exc:
        add_service_error(form, exc)
        return None
    messages.success(request, message)
    return redirect(to(saved) if callable(to) else to)
