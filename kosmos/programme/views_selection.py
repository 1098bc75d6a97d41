"""The office's scoring board, the balanced proposal and the decisions (with optimistic locking)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.core.access import platform_permission_required
from kosmos.core.i18n import translate
from kosmos.programme import services_selection
from kosmos.programme.models import Decision
from kosmos.programme.selectors_committee import board as build_board
from kosmos.programme.views_calls import OFFICE, call_or_404


@platform_permission_required(OFFICE)
def office_board(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    return render(request, "programme/committee_board_office.html", {"call": call, "board": build_board(call)})


def _selection_page(request: HttpRequest, call: object, *, chosen: dict[str, str] | None = None,
                    version: int | None = None, stale: bool = False, status: int = 200) -> HttpResponse:
    proposal, current = services_selection.proposal(call)
    proposed = proposal.selected_keys
    rows = []
    for row in current.rows:
        key = str(row.application.public_id)
        stored = row.application.decision
        rows.append({
            "row": row,
            "key": key,
            "proposed": key in proposed,
            "stored": stored,
            # the user's choice after a stale submit; otherwise what is stored
            "value": (chosen or {}).get(key, stored),
            "changed_meanwhile": stale and chosen is not None and key in chosen and chosen[key] != stored,
        })
    return render(request, "programme/selection.html", {
        "call": call,
        "rows": rows,
        "proposal": proposal,
        "swaps": [translate(s.explanation) for s in proposal.swaps],
        "problems": [translate(p) for p in proposal.problems],
        "decisions": Decision.choices,
        "version": version if version is not None else call.decision_version,
        "stale": stale,
        "undecided": sum(1 for r in rows if r["stored"] == Decision.OPEN),
        "unsent": sum(1 for r in rows if r["row"].application.decision_mailed_at is None),
    }, status=status)


@platform_permission_required(OFFICE)
def selection(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    if request.method != "POST":
        return _selection_page(request, call)
    keys = [k for k in request.POST if k.startswith("decision-")]
    chosen = {k.removeprefix("decision-"): request.POST[k] for k in keys}
    if request.POST.get("apply_proposal"):
        proposal, _board = services_selection.proposal(call)
        chosen = {str(r.application.public_id): (Decision.ACCEPTED if str(r.application.public_id)
                                                 in proposal.selected_keys else Decision.REJECTED)
                  for r in _board.rows if r.application.decision_mailed_at is None}
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, _("The form was incomplete. Please try again."))
        return redirect("programme_selection", call_id=call.public_id)
    try:
        changed = services_selection.do_decide(acting_user=request.user, call=call, decisions=chosen, version=version)
    except services_selection.StaleDecision as exc:
        messages.error(request, " ".join(exc.messages))
        call.refresh_from_db()
        # the user's choices stay in the form, with the current version: saving again is deliberate
        return _selection_page(request, call, chosen=chosen, stale=True, status=409)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _selection_page(request, call, chosen=chosen, version=version, status=400)
    messages.success(request, ngettext("The decisions have been saved (%(count)s changed).",
                                       "The decisions have been saved (%(count)s changed).", changed)
                     % {"count": changed})
    return redirect("programme_selection", call_id=call.public_id)


@platform_permission_required(OFFICE)
@require_POST
def decision_mails(request: HttpRequest, call_id: str) -> HttpResponse:
    call = call_or_404(call_id)
    try:
        sent = services_selection.do_send_decision_mails(acting_user=request.user, call=call)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, ngettext("%(count)s decision letter has been sent.",
                                           "%(count)s decision letters have been sent.", sent) % {"count": sent})
    return redirect("programme_selection", call_id=call.public_id)
