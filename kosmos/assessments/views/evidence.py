"""Evidence research: evidence per question or sub-criterion, links and checked uploads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.assessments import selectors, services
from kosmos.assessments.forms import EvidenceForm
from kosmos.assessments.models import Evidence
from kosmos.assessments.numbering import number_items
from kosmos.assessments.uploads import FILE_TYPES
from kosmos.assessments.views._common import assessment_for, require_participant
from kosmos.core import documents
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error


@org_permission_required("assessments.rate")
def evidence_list(request: HttpRequest, org_slug: str, assessment_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    require_participant(request, assessment)
    items = list(
        selectors.items_of(assessment).prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.select_related("added_by").order_by("created_at"))
        )
    )
    number_items(items)
    without = sum(1 for item in items if not item.evidence.all())
    return render(request, "assessments/evidence_list.html", {
        "assessment": assessment,
        "items": items,
        "without": without,
        "can_add": assessment.phase != "completed",
    })


@org_permission_required("assessments.rate")
def evidence_add(request: HttpRequest, org_slug: str, assessment_id: str, item_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    require_participant(request, assessment)
    item = selectors.get_item(assessment, item_id)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.do_add_evidence(
                acting_user=request.user, item=item, title=data["title"], description=data["description"],
                url=data["url"], upload=data["file"] or None, source=data["source"],
                evidence_date=data["evidence_date"], confidentiality=data["confidentiality"],
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The evidence has been added."))
            return redirect(_safe_next(request, assessment))
    return render(request, "assessments/evidence_form.html", {
        "form": form, "assessment": assessment, "item": item, "next": request.GET.get("next", ""),
    })


def _safe_next(request: HttpRequest, assessment) -> str:  # noqa: ANN001
    """Only back to a page of the same assessment."""
    from django.urls import reverse

    target = request.POST.get("next", "")
    prefix = reverse("org:assessment_detail", kwargs={"org_slug": request.organisation.slug,
                                                      "assessment_id": assessment.public_id})
    if target.startswith(prefix) and "//" not in target:
        return target
    return reverse("org:assessment_evidence", kwargs={"org_slug": request.organisation.slug,
                                                       "assessment_id": assessment.public_id})


def _evidence(assessment, evidence_id: str) -> Evidence:  # noqa: ANN001
    return get_object_or_404(Evidence.objects.select_related("item__unit"), assessment=assessment,
                             public_id=evidence_id)


@org_permission_required("assessments.rate")
def evidence_download(request: HttpRequest, org_slug: str, assessment_id: str, evidence_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    require_participant(request, assessment)
    evidence = _evidence(assessment, evidence_id)
    if not evidence.file:
        raise Http404
    file_type = FILE_TYPES.get(evidence.file_type)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return documents.file_download(
        handle, evidence.file_name or evidence.file.name.rsplit("/", 1)[-1],
        content_type=file_type.content_type if file_type else "application/octet-stream",
    )


@org_permission_required("assessments.rate")
@require_POST
def evidence_delete(request: HttpRequest, org_slug: str, assessment_id: str, evidence_id: str) -> HttpResponse:
    assessment = assessment_for(request, assessment_id)
    require_participant(request, assessment)
    evidence = _evidence(assessment, evidence_id)
    if evidence.added_by_id != request.user.id and not request.org_access.has("assessments.manage"):
        raise PermissionDenied
    services.do_delete_evidence(acting_user=request.user, evidence=evidence)
    messages.success(request, _("The evidence has been removed."))
    return redirect("org:assessment_evidence", org_slug=org_slug, assessment_id=assessment.public_id)
