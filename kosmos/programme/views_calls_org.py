"""Calls as a Jobcenter sees them (organisation pages): open calls, own application, submit."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.programme import services_calls
from kosmos.programme.forms_calls import ApplicationForm
from kosmos.programme.models import Application, Call, CallDocument, CallState
from kosmos.programme.services_calls import APPLICATION_FIELDS
from kosmos.programme.views_calls import document_response

# Jobcenters see calls once they are open; drafts stay with the office.
VISIBLE = (CallState.OPEN, CallState.REVIEW, CallState.DECIDED)


def _call_or_404(call_id: str) -> Call:
    return get_object_or_404(Call, public_id=call_id, state__in=VISIBLE)


def _own(request: HttpRequest, call: Call) -> Application | None:
    return (Application.objects.filter(call=call, organisation=request.organisation)
            .select_related("topic", "submitted_by").first())


@org_permission_required("programme.calls")
def calls(request: HttpRequest, org_slug: str) -> HttpResponse:
    visible = list(Call.objects.filter(state__in=VISIBLE).order_by("-deadline"))
    own = {a.call_id: a for a in Application.objects.filter(organisation=request.organisation, call__in=visible)}
    for call in visible:
        call.own_application = own.get(call.pk)
    return render(request, "programme/call_list_org.html", {
        "calls": visible, "can_apply": request.org_access.has("programme.apply"),
    })


@org_permission_required("programme.calls")
def call_page(request: HttpRequest, org_slug: str, call_id: str) -> HttpResponse:
    call = _call_or_404(call_id)
    return render(request, "programme/call_org.html", {
        "call": call,
        "topics": list(call.topics.all()),
        "documents": list(call.documents.all()),
        "application": _own(request, call),
        "can_apply": request.org_access.has("programme.apply") and request.organisation.is_jobcenter,
    })


@org_permission_required("programme.calls")
def call_document_org(request: HttpRequest, org_slug: str, call_id: str, document_id: str) -> HttpResponse:
    call = _call_or_404(call_id)
    return document_response(get_object_or_404(CallDocument, call=call, public_id=document_id))


@org_permission_required("programme.apply")
def application_edit(request: HttpRequest, org_slug: str, call_id: str) -> HttpResponse:
    call = _call_or_404(call_id)
    if not request.organisation.is_jobcenter:
        raise PermissionDenied
    application = _own(request, call)
    initial = {f: getattr(application, f) for f in APPLICATION_FIELDS} if application else {}
    form = ApplicationForm(request.POST or None, initial=initial, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            application = services_calls.do_save_application(
                acting_user=request.user, call=call, organisation=request.organisation,
                application=application, **form.cleaned_data)
            if "submit" in request.POST:
                services_calls.do_submit_application(acting_user=request.user, application=application)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            if "submit" in request.POST:
                messages.success(request, _("Your application has been submitted. A confirmation has been sent "
                                            "to %(email)s.") % {"email": request.user.email})
            else:
                messages.success(request, _("Your application has been saved."))
            return redirect("org:programme_call", org_slug=org_slug, call_id=call.public_id)
    return render(request, "programme/application_form.html", {
        "call": call, "form": form, "application": application,
    })


@org_permission_required("programme.apply")
@require_POST
def application_withdraw(request: HttpRequest, org_slug: str, call_id: str) -> HttpResponse:
    call = _call_or_404(call_id)
    application = _own(request, call)
    if application is None:
        messages.error(request, _("Your organisation has no application to this call."))
    else:
        try:
            services_calls.do_withdraw_application(acting_user=request.user, application=application)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The application has been withdrawn."))
    return redirect("org:programme_call", org_slug=org_slug, call_id=call.public_id)
