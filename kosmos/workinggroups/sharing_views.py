"""Working groups shared with partner organisations (e.g. a network meeting of neighbouring
Jobcenters, or a Jobcenter and its Agentur), through ``kosmos.core.sharing``.

The owner decides who may read the group (``workinggroup_share``); a partner reads its framework
concept, its meetings and its approved results under its *own* address
(``/o/<reader>/arbeitskreise/geteilt/<uuid>/``). Only the owner changes the group.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kosmos.core import sharing
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.core.sharing_forms import ShareForm
from kosmos.workinggroups import selectors
from kosmos.workinggroups.models import WorkingGroup
from kosmos.workinggroups.views import _access, _require


@org_permission_required("workinggroups.view")
@require_http_methods(["GET", "POST"])
def group_share(request: HttpRequest, org_slug: str, group_id: str) -> HttpResponse:
    group = selectors.group_or_404(request.organisation, group_id)
    _members, access = _access(request, group)
    _require(access.steer)
    query = request.GET.get("suche", "")
    form = ShareForm(request.POST if request.method == "POST" else None, obj=group, query=query)
    if request.method == "POST" and form.is_valid():
        try:
            sharing.do_share(acting_user=request.user, obj=group, visibility=form.cleaned_data["visibility"],
                             partners=form.cleaned_data["partners"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Who may see the working group has been saved."))
            return redirect("org:workinggroup_detail", org_slug=org_slug, group_id=group.public_id)
    return render(request, "workinggroups/share.html", {
        "group": group, "form": form, "query": query, "partners": group.shared_with.all()})


@org_permission_required("workinggroups.view")
def shared_group(request: HttpRequest, org_slug: str, group_id: str) -> HttpResponse:
    """Read-only: the framework concept, the meetings and the approved results of another
    organisation's group."""
    group = sharing.shared_object_or_404(WorkingGroup.objects.select_related("organisation"), request.organisation,
                                         public_id=group_id)
    if group.organisation_id == request.organisation.pk:
        return redirect("org:workinggroup_detail", org_slug=org_slug, group_id=group.public_id)
    return render(request, "workinggroups/shared_group.html", {
        "group": group, "meetings": list(selectors.series(group)), **selectors.group_results(group)})
