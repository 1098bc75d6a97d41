"""The shared form-handling helper of the knowledge pages."""

from __future__ import annotations

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from kosmos.knowledge.view_helpers import save_posted_form


class _Form(forms.Form):
    name = forms.CharField()


def _post(data: dict[str, str]):  # noqa: ANN202
    request = RequestFactory().post("/", data)
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_valid_post_is_saved_reported_and_redirected_to_what_was_saved() -> None:
    request = _post({"name": "Tafel"})
    form = _Form(request.POST)
    response = save_posted_form(request, form, lambda: "tafel", message="Saved.", to=lambda saved: f"/x/{saved}/")
    assert response is not None and response.status_code == 302 and response["Location"] == "/x/tafel/"
    assert [str(m) for m in get_messages(request)] == ["Saved."]


def test_a_service_error_lands_on_the_form_and_nothing_is_redirected() -> None:
    request = _post({"name": "Tafel"})
    form = _Form(request.POST)

    def save() -> None:
        raise ValidationError({"name": "Taken.", "other": "Elsewhere."})

    assert save_posted_form(request, form, save, message="Saved.", to="/x/") is None
    assert form.errors["name"] == ["Taken."] and form.non_field_errors() == ["Elsewhere."]
    assert list(get_messages(request)) == []


def test_an_invalid_form_or_a_get_does_not_save() -> None:
    calls: list[int] = []
    request = _post({})
    assert save_posted_form(request, _Form(request.POST), lambda: calls.append(1), message="m", to="/") is None
    get = RequestFactory().get("/")
    assert save_posted_form(get, _Form(), lambda: calls.append(1), message="m", to="/") is None
    assert calls == []
