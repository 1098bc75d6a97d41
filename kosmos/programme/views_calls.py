"""The programme office's pages of calls: list, create, edit, state, documents, committee."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.core import documents
from kosmos.core.access import platform_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.core.models import User
from kosmos.practice.models import Profile
from kosmos.programme import services_calls, services_committee, services_selection
from kosmos.programme.forms_calls import CallDocumentForm, CallForm, CommitteeMemberForm, call_initial
from kosmos.programme.models import (
    Application,
    ApplicationState,
    Call,
    CallDocument,
    CallState,
    CommitteeMember,
)
from kosmos.programme.services_calls import TRANSITIONS
from kosmos.programme.services_events import MANAGE as OFFICE


def call_or_404(call_id: object) -> Call:
    return get_object_or_404(Call, public_id=call_id)


@platform_permission_required(OFFICE)
def call_list(request: HttpRequest) -> HttpResponse:
    calls = Call.objects.order_by("-deadline").annotate(
        submitted=Count("applications", filter=Q(applications__state=ApplicationState.SUBMITTED), distinct=True),
        members=Count("committee", distinct=True),
    )
    return render(request, "programme/call_list.html", {"calls": calls})


@platform_permission_required(OFFICE)
def call_create(request: HttpRequest) -> HttpResponse:
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services_calls.do_create_call(acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The call has been created as a draft."))
            return redirect("programme_call_detail", call_id=call.public_id)
    return render(request, "programme/call_form.html", {"form": form})


@platform_permission_required(OFFICE)
def call_edit(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    form = CallForm(request.POST or None, initial=call_initial(call))
    if request.method == "POST" and form.is_valid():
        try:
            services_calls.do_update_call(acting_user=request.user, call=call, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The call has been saved."))
            return redirect("programme_call_detail", call_id=call.public_id)
    return render(request, "programme/call_form.html", {"form": form, "call": call})


@platform_permission_required(OFFICE)
def call_detail(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    applications = (call.applications.select_related("organisation", "topic")
                    .order_by("state", "organisation__name"))
    return render(request, "programme/call_detail.html", {
        "call": call,
        "topics": list(call.topics.all()),
        "documents": list(call.documents.all()),
        "applications": applications,
        "committee": list(call.committee.select_related("user")),
        "transitions": [(s, CallState(s).label) for s in TRANSITIONS[call.state]],
        "document_form": CallDocumentForm(),
        "member_form": CommitteeMemberForm(),
    })


@platform_permission_required(OFFICE)
@require_POST
def call_state(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    state = request.POST.get("state", "")
    if state not in CallState.values:
        messages.error(request, _("Please choose a valid state."))
    else:
        try:
            services_calls.do_set_call_state(acting_user=request.user, call=call, state=state)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The call is now: %(state)s.") % {"state": CallState(state).label})
    return redirect("programme_call_detail", call_id=call.public_id)


@platform_permission_required(OFFICE)
def call_document_add(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    form = CallDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_calls.do_add_call_document(acting_user=request.user, call=call, title=form.cleaned_data["title"],
                                                upload=form.cleaned_data["file"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The document has been added."))
            return redirect("programme_call_detail", call_id=call.public_id)
    return render(request, "programme/call_document_form.html", {"form": form, "call": call})


def document_response(document: CallDocument) -> HttpResponse:
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return documents.file_download(handle, document.file.name.rsplit("/", 1)[-1])


@platform_permission_required(OFFICE)
def call_document(request: HttpRequest, call_id: str, document_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    return document_response(get_object_or_404(CallDocument, call=call, public_id=document_id))


@platform_permission_required(OFFICE)
@require_POST
def call_document_delete(request: HttpRequest, call_id: str, document_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    document = get_object_or_404(CallDocument, call=call, public_id=document_id)
    services_calls.do_delete_call_document(acting_user=request.user, document=document)
    messages.success(request, _("The document has been removed."))
    return redirect("programme_call_detail", call_id=call.public_id)


@platform_permission_required(OFFICE)
def committee_add(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    form = CommitteeMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(email__iexact=form.cleaned_data["email"], is_active=True).first()
        if user is None:
            form.add_error("email", _("There is no account with this e-mail address."))
        else:
            try:
                services_committee.do_add_committee_member(
                    acting_user=request.user, call=call, user=user,
                    institution=form.cleaned_data["institution"], state=form.cleaned_data["state"])
            except ValidationError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("%(name)s is now on the committee.") % {"name": user.full_name})
                return redirect("programme_call_detail", call_id=call.public_id)
    return render(request, "programme/committee_form.html", {"form": form, "call": call})


@platform_permission_required(OFFICE)
@require_POST
def committee_remove(request: HttpRequest, call_id: str, member_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    member = get_object_or_404(CommitteeMember.objects.select_related("user"), call=call, public_id=member_id)
    try:
        services_committee.do_remove_committee_member(acting_user=request.user, member=member)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s has left the committee.") % {"name": member.user.full_name})
    return redirect("programme_call_detail", call_id=call.public_id)


@platform_permission_required(OFFICE)
def application_office(request: HttpRequest, call_id: str, application_id: str) -> HttpResponse:
    """The office reads an application with every member's scores and comments."""
    call = call_or_404(call_id)
    application = get_object_or_404(Application.objects.select_related("organisation", "topic", "submitted_by"),
                                    call=call, public_id=application_id)
    profiles = list(Profile.objects.filter(organisation=application.organisation).order_by("title"))
    if request.method == "POST":
        chosen = next((p for p in profiles if str(p.public_id) == request.POST.get("profile")), None)
        try:
            services_selection.do_link_profile(acting_user=request.user, application=application, profile=chosen)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The link to the project profile has been saved."))
        return redirect("programme_application_office", call_id=call.public_id, application_id=application.public_id)
    scores = list(application.scores.select_related("member__user").order_by("member__user__full_name"))
    declarations = list(application.declarations.select_related("member__user"))
    return render(request, "programme/application_office.html", {
        "call": call, "application": application, "scores": scores, "declarations": declarations,
        "profiles": profiles,
    })
