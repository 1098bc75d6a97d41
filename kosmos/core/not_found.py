"""The German "page not found" on public pages, also in development mode.

With ``DEBUG`` on, Django answers an unknown address with its English technical 404 page. Staff
developers want that; a survey respondent who mistyped a link must never see it. For the public
prefixes below every 404 (an address that matches no pattern, or a view raising ``Http404``)
is the normal German page, in every mode.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

PUBLIC_PREFIXES = ("/b/",)
"""Pages for people without an account (survey respondents)."""


def _public(request: HttpRequest) -> bool:
    return request.path_info.startswith(PUBLIC_PREFIXES)


def german_not_found(request: HttpRequest) -> HttpResponse:
    response = render(request, "public_404.html", status=404)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    # The path of a token page carries the code: keep it out of Django's request log.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


class PublicNotFoundMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _public(request):
            try:
                resolve(request.path_info)
            except Resolver404:
                return german_not_found(request)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Http404) and _public(request):
            return german_not_found(request)
        return None
