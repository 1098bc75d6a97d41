"""The selection: the balanced proposal, the office's decisions (optimistic locking), decision e-mails."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import log_event, update_fields
from kosmos.core.models import Membership, User
from kosmos.core.roles import Role
from kosmos.programme.domain.selection import Candidate, Proposal, Rules, propose
from kosmos.programme.models import Application, ApplicationState, Call, CallState, Decision
from kosmos.programme.selectors_committee import Board, board


class StaleDecision(ValidationError):
    """Somebody else saved decisions of the call since the form was loaded."""


def proposal(call: Call, current: Board | None = None) -> tuple[Proposal, Board]:
    """The balanced proposal from the board's ranking (applications without scores are not ranked)."""
    current = current or board(call)
    ranked = [
        Candidate(key=str(r.application.public_id), label=r.label, form=r.application.organisation.form,
                  state=r.application.organisation.state, topic=r.application.topic.name if r.application.topic else "")
        for r in current.rows if r.rank is not None
    ]
    topics = tuple(call.topics.values_list("name", flat=True)) if call.cover_topics else ()
    rules = Rules(count=call.select_count, min_ge=call.min_ge, min_zkt=call.min_zkt,
                  max_per_state=call.max_per_state, topics=topics)
    return propose(ranked, rules), current


def do_decide(*, acting_user: User, call: Call, decisions: Mapping[str, str], version: int) -> int:
    """Save the office's decisions (application public id → decision); returns the number changed.

    Optimistic locking: ``version`` is the call's decision version when the form was loaded; if
    another office member saved in between, nothing is saved and ``StaleDecision`` is raised (the
    view shows the form again with the user's choices, so nothing typed is lost).
    """
    with transaction.atomic():
        locked = Call.objects.select_for_update().get(pk=call.pk)
        if locked.decision_version != version:
            stale = True
        else:
            stale = False
            changed = _apply(acting_user, locked, decisions)
    if stale:
        log_event(actor=acting_user, organisation=None, action="programme.decision_stale", obj=call,
                  changes={"version": [version, locked.decision_version]})
        raise StaleDecision(_("Another member of the programme office changed the decisions while you were "
                              "editing. Nothing has been saved; your choices are still shown below. Please "
                              "check them against the current state and save again."))
    call.decision_version = locked.decision_version
    return changed


def _apply(acting_user: User, call: Call, decisions: Mapping[str, str]) -> int:
    if call.state not in (CallState.REVIEW, CallState.DECIDED):
        raise ValidationError(_("Decisions can be made once the call is in review."))
    applications = {str(a.public_id): a for a in call.applications.filter(state=ApplicationState.SUBMITTED)
                    .select_related("organisation")}
    changed = 0
    now = timezone.now()
    for key, decision in decisions.items():
        application = applications.get(key)
        if application is None or decision not in Decision.values:
            raise ValidationError(_("The selection contains an unknown application or decision."))
        if application.decision == decision:
            continue
        touch = {"decided_at": now} if decision != Decision.OPEN else {"decided_at": None}
        if application.decision_mailed_at is not None:
            raise ValidationError(_("The decision on %(name)s has already been sent and cannot be changed here.")
                                  % {"name": application.organisation.name})
        update_fields(application, {"decision": decision}, actor=acting_user, organisation=None,
                      action="programme.decision_changed", touch=touch,
                      object_repr=f"{application.organisation.name}: {application.project_title}")
        changed += 1
    if changed:
        call.decision_version += 1
        call.save(update_fields=["decision_version"])
    return changed


@transaction.atomic
def do_link_profile(*, acting_user: User, application: Application, profile: object | None) -> None:
    """Link an accepted application to its project profile (practice), or remove the link."""
    if profile is not None and (application.decision != Decision.ACCEPTED
                                or profile.organisation_id != application.organisation_id):
        raise ValidationError(_("Only an accepted application can be linked, and only to a profile of the same "
                                "Jobcenter."))
    update_fields(application, {"profile": profile}, actor=acting_user, organisation=None,
                  action="programme.profile_linked",
                  object_repr=f"{application.organisation.name}: {application.project_title}")


def _recipients(application: Application) -> list[str]:
    emails = set(Membership.objects.filter(
        organisation_id=application.organisation_id, role__in=[Role.QUALITY_MANAGER, Role.MANAGEMENT],
    ).values_list("user__email", flat=True))
    if application.submitted_by_id:
        emails.add(application.submitted_by.email)
    return sorted(emails)


@transaction.atomic
def do_send_decision_mails(*, acting_user: User, call: Call) -> int:
    """Send the decision letters (accepted; not accepted with the invitation to the exchange formats).

    All submitted applications must be decided; the call moves to "decided". Returns the number of letters.
    """
    applications = list(call.applications.filter(state=ApplicationState.SUBMITTED)
                        .select_related("organisation", "submitted_by"))
    if any(a.decision == Decision.OPEN for a in applications):
        raise ValidationError(_("Please decide on every application before sending the decisions."))
    messages = []
    for application in applications:
        if application.decision_mailed_at is not None:
            continue
        template = ("programme/email/decision_accepted.txt" if application.decision == Decision.ACCEPTED
                    else "programme/email/decision_rejected.txt")
        subject = _("Decision on your application: %(call)s") % {"call": call.title}
        body = render_to_string(template, {"application": application, "call": call})
        recipients = _recipients(application)
        if recipients:
            messages.append((subject, body, None, recipients))
        update_fields(application, {"decision_mailed_at": timezone.now()}, actor=acting_user, organisation=None,
                      action="programme.decision_sent",
                      object_repr=f"{application.organisation.name}: {application.project_title}")
    if call.state != CallState.DECIDED:
        update_fields(call, {"state": CallState.DECIDED}, actor=acting_user, organisation=None,
                      action="programme.call_state")
    transaction.on_commit(lambda: send_mass_mail(messages))
    return len(messages)
