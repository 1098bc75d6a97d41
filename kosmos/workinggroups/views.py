"""Pages of the working groups."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kosmos.core.access import org_permission_required
from kosmos.workinggroups import selectors


@org_permission_required("workinggroups.view")
def group_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "workinggroups/list.html", {"groups": selectors.groups(request.organisation)})
