"""The platform search page: everything the user may see, across organisations and modules."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kosmos.core.modules import modules
from kosmos.core.search import providers, search
from kosmos.core.search.query import MAX_QUERY_LENGTH, PAGE_SIZE

MAX_PAGES = 50


def _page_number(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_PAGES)
    except ValueError:
        return 1


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    text = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    searchable = [m for m in modules() if m.label in providers()]
    module = request.GET.get("modul") or None
    if module not in {m.label for m in searchable}:
        module = None
    page = _page_number(request.GET.get("seite"))
    results = None
    if text:
        results = search(request.user, text, module=module, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    filters = []
    if results is not None:
        filters = [
            {"label": m.label, "name": m.name, "count": results.by_module.get(m.label, 0)}
            for m in searchable
            if results.by_module.get(m.label)
        ]
    has_next = results is not None and page * PAGE_SIZE < results.total and page < MAX_PAGES
    return render(
        request,
        "core/search.html",
        {
            "text": text,
            "module": module,
            "results": results,
            "filters": filters,
            "page": page,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if has_next else None,
            "first_number": (page - 1) * PAGE_SIZE + 1,
        },
    )
