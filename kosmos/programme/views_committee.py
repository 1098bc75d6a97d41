"""The committee's pages: one's seats, the board, reading and scoring an application, abstaining.

Access: a logged-in account with a seat on the call's committee (``CommitteeMember``); everybody
else gets 404. A member with a conflict of interest (own organisation, own Land, or declared)
gets a 403 page with the reason, and the attempt is logged.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.core.forms_base import add_service_error
from kosmos.programme import selectors_committee as selectors
from kosmos.programme import services_committee as services
from kosmos.programme.forms_calls import ConflictForm, ScoreForm
from kosmos.programme.models import CallState, CommitteeMember
from kosmos.programme.models.calls import CRITERIA

# Members read applications once the call is in review (after the deadline) and afterwards.
READABLE = (CallState.REVIEW, CallState.DECIDED)


@login_required
def seats(request: HttpRequest) -> HttpResponse:
    mine = (CommitteeMember.objects.filter(user=request.user).select_related("call")
            .order_by("-call__deadline"))
    return render(request, "programme/committee_seats.html", {"seats": mine})


@login_required
def member_board(request: HttpRequest, call_id: str) -> HttpResponse:
    seat = selectors.seat_or_404(request.user, call_id)
    board = selectors.board(seat.call, viewer=seat) if seat.call.state in READABLE else None
    return render(request, "programme/committee_board.html", {"seat": seat, "call": seat.call, "board": board})


def _blocked(request: HttpRequest, seat: CommitteeMember, application: object, reason: str) -> HttpResponse:
    services.record_blocked_access(acting_user=request.user, member=seat, application=application, reason=reason)
    return render(request, "programme/committee_blocked.html", {"call": seat.call, "reason": reason}, status=403)


@login_required
def member_application(request: HttpRequest, call_id: str, application_id: str) -> HttpResponse:
    seat = selectors.seat_or_404(request.user, call_id)
    call = seat.call
    if call.state not in READABLE:
        return render(request, "programme/committee_blocked.html",
                      {"call": call, "reason": None}, status=403)
    application = selectors.application_or_404(call, application_id)
    reason = selectors.conflict_reason(seat, application)
    if reason is not None:
        return _blocked(request, seat, application, reason)
    score = selectors.own_score(seat, application)
    initial = {c: getattr(score, c) for c in (*CRITERIA, "comment")} if score else {}
    form = ScoreForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_score(acting_user=request.user, member=seat, application=application,
                              **form.cleaned_data)
        except services.ConflictOfInterest:  # declared in another tab meanwhile (logged by the service)
            return render(request, "programme/committee_blocked.html",
                          {"call": call, "reason": selectors.conflict_reason(seat, application)}, status=403)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Your scores have been saved."))
            return redirect("programme_member_application", call_id=call.public_id,
                            application_id=application.public_id)
    blind = call.blind_review
    return render(request, "programme/committee_application.html", {
        "seat": seat, "call": call, "application": application, "blind": blind,
        "label": selectors.pseudonym(application) if blind else application.organisation.name,
        "form": form, "score": score, "can_score": call.state == CallState.REVIEW,
        "others": selectors.others_scores(seat, application), "conflict_form": ConflictForm(),
    })


@login_required
@require_POST
def member_conflict(request: HttpRequest, call_id: str, application_id: str) -> HttpResponse:
    seat = selectors.seat_or_404(request.user, call_id)
    application = selectors.application_or_404(seat.call, application_id)
    form = ConflictForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.do_declare_conflict(acting_user=request.user, member=seat, application=application, reason=reason)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("You have declared a conflict of interest and abstain from this application."))
    return redirect("programme_member_board", call_id=seat.call.public_id)
