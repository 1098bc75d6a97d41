"""Writes of calls and applications (do_* with acting_user, one transaction, audit log)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import log_created, log_deleted, log_event, update_fields
from kosmos.core.models import Organisation, User
from kosmos.programme.mail import send_after_commit
from kosmos.programme.models import (
    Application,
    ApplicationState,
    Call,
    CallDocument,
    CallState,
    CallTopic,
)

CALL_FIELDS = (
    "title", "summary", "eligibility", "deadline", "period_start", "period_end",
    "weight_situation", "weight_transferability", "weight_relevance", "weight_evidence",
    "blind_review", "disagreement_threshold", "rank_by", "select_count", "min_ge", "min_zkt",
    "max_per_state", "cover_topics",
)
APPLICATION_FIELDS = (
    "topic", "project_title", "starting_situation", "goals", "approach", "transferability",
    "strategic_relevance", "evidence", "contact_role",
)
# The form's fields that must be filled before an application can be submitted.
REQUIRED_TO_SUBMIT = ("topic", "project_title", "starting_situation", "goals", "transferability",
                      "strategic_relevance")
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# The states a call may move to from each state (the office may also reopen a call in review).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    CallState.DRAFT: (CallState.OPEN,),
    CallState.OPEN: (CallState.REVIEW, CallState.DRAFT),
    CallState.REVIEW: (CallState.DECIDED, CallState.OPEN),
    CallState.DECIDED: (CallState.REVIEW,),
}


def _clean_weights(call: Call) -> None:
    if sum(call.weights.values()) <= 0:
        raise ValidationError({"weight_situation": _("At least one criterion needs a weight above 0.")})
    if call.period_start and call.period_end and call.period_end < call.period_start:
        raise ValidationError({"period_end": _("The project period ends before it starts.")})


def _topic_names(names: Sequence[str]) -> list[str]:
    cleaned: list[str] = []
    for name in names:
        name = name.strip()
        if name and name.lower() not in {n.lower() for n in cleaned}:
            cleaned.append(name)
    if not cleaned:
        raise ValidationError({"topics": _("Name at least one topic.")})
    return cleaned


def _replace_topics(call: Call, names: list[str]) -> dict[str, list[Any]]:
    """Keep topics that stay (applications point to them), add new ones, delete unused ones."""
    before = list(call.topics.values_list("name", flat=True))
    if before == names:
        return {}
    existing = {t.name: t for t in call.topics.all()}
    for position, name in enumerate(names):
        topic = existing.pop(name, None)
        if topic is None:
            CallTopic.objects.create(call=call, name=name, position=position)
        elif topic.position != position:
            topic.position = position
            topic.save(update_fields=["position"])
    for topic in existing.values():
        if topic.applications.exists():
            raise ValidationError({"topics": _("The topic %(topic)s has applications and cannot be removed.")
                                   % {"topic": topic.name}})
        topic.delete()
    return {"topics": [before, names]}


@transaction.atomic
def do_create_call(*, acting_user: User, topics: Sequence[str], **values: Any) -> Call:
    call = Call(created_by=acting_user, **{k: values[k] for k in CALL_FIELDS if k in values})
    _clean_weights(call)
    names = _topic_names(topics)
    call.save()
    for position, name in enumerate(names):
        CallTopic.objects.create(call=call, name=name, position=position)
    log_created(call, actor=acting_user, organisation=None, action="programme.call_created",
                fields={**{k: getattr(call, k) for k in ("title", "deadline", "select_count")}, "topics": names})
    return call


@transaction.atomic
def do_update_call(*, acting_user: User, call: Call, topics: Sequence[str], **values: Any) -> dict[str, list[Any]]:
    extra = _replace_topics(call, _topic_names(topics))
    return update_fields(call, {k: values[k] for k in CALL_FIELDS if k in values}, actor=acting_user,
                         organisation=None, action="programme.call_changed", clean=_clean_weights,
                         extra_changes=extra)


@transaction.atomic
def do_set_call_state(*, acting_user: User, call: Call, state: str) -> Call:
    locked = Call.objects.select_for_update().get(pk=call.pk)
    if state not in TRANSITIONS.get(locked.state, ()):
        raise ValidationError(_("A call in the state “%(state)s” cannot move to “%(new)s”.")
                              % {"state": locked.get_state_display(), "new": CallState(state).label})
    if state == CallState.OPEN and locked.deadline_passed:
        raise ValidationError(_("The deadline has passed; set a later deadline before opening the call."))
    update_fields(locked, {"state": state}, actor=acting_user, organisation=None, action="programme.call_state")
    call.state = locked.state
    return call


def check_document(upload: Any) -> None:
    """A PDF of at most 10 MB (checked by its first bytes, not its name)."""
    if (getattr(upload, "size", 0) or 0) > MAX_DOCUMENT_BYTES:
        raise ValidationError({"file": _("The file is larger than 10 MB.")})
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError({"file": _("Please upload a PDF file.")})


@transaction.atomic
def do_add_call_document(*, acting_user: User, call: Call, title: str, upload: Any) -> CallDocument:
    check_document(upload)
    document = CallDocument(call=call, title=title)
    document.file.save(upload.name, upload, save=True)
    log_created(document, actor=acting_user, organisation=None, action="programme.call_document_added",
                fields={"title": title, "call": call.title})
    return document


@transaction.atomic
def do_delete_call_document(*, acting_user: User, document: CallDocument) -> None:
    log_deleted(document, actor=acting_user, organisation=None, action="programme.call_document_deleted",
                fields={"title": document.title, "call": document.call.title})
    storage, name = document.file.storage, document.file.name
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))


# --------------------------------------------------------------------------- applications


def _check_open(call: Call, organisation: Organisation, acting_user: User, *, what: str) -> None:
    """Refuse a write after the deadline; the refusal is logged (outside any rollback)."""
    if call.state == CallState.OPEN and not call.deadline_passed:
        return
    if call.deadline_passed and call.state != CallState.DRAFT:
        log_event(actor=acting_user, organisation=organisation, action="programme.application_late",
                  obj=call, changes={"attempt": [None, what], "deadline": [None, call.deadline]})
        raise ValidationError(
            _("The deadline of this call was %(deadline)s. Applications can no longer be changed or submitted.")
            % {"deadline": timezone.localtime(call.deadline).strftime("%d.%m.%Y, %H:%M")}
        )
    raise ValidationError(_("This call is not open for applications."))


def _clean_topic(call: Call, values: Mapping[str, Any]) -> None:
    topic = values.get("topic")
    if topic is not None and topic.call_id != call.pk:
        raise ValidationError({"topic": _("Please choose one of the call's topics.")})


def do_save_application(
    *, acting_user: User, call: Call, organisation: Organisation, application: Application | None = None,
    **values: Any,
) -> Application:
    """Create or change a draft (also a submitted application until the deadline)."""
    _check_open(call, organisation, acting_user, what="save")
    return _save_application(acting_user=acting_user, call=call, organisation=organisation,
                             application=application, values=values)


@transaction.atomic
def _save_application(*, acting_user: User, call: Call, organisation: Organisation,
                      application: Application | None, values: Mapping[str, Any]) -> Application:
    _clean_topic(call, values)
    fields = {k: values[k] for k in APPLICATION_FIELDS if k in values}
    if application is None:
        if Application.objects.filter(call=call, organisation=organisation).exists():
            raise ValidationError(_("Your organisation has already started an application to this call."))
        application = Application.objects.create(call=call, organisation=organisation, **fields)
        log_created(application, actor=acting_user, organisation=organisation,
                    action="programme.application_created", fields=["project_title", "topic"])
        return application
    update_fields(application, fields, actor=acting_user, organisation=organisation,
                  action="programme.application_changed")
    return application


def do_submit_application(*, acting_user: User, application: Application) -> Application:
    """Submit before the deadline (checked on the server) and send the confirmation e-mail."""
    _check_open(application.call, application.organisation, acting_user, what="submit")
    return _submit(acting_user=acting_user, application=application)


@transaction.atomic
def _submit(*, acting_user: User, application: Application) -> Application:
    missing = [f for f in REQUIRED_TO_SUBMIT if not getattr(application, f if f != "topic" else "topic_id")]
    if missing:
        raise ValidationError({f: _("Please fill in this field before submitting.") for f in missing})
    if application.state == ApplicationState.SUBMITTED:
        raise ValidationError(_("This application has already been submitted."))
    update_fields(application, {"state": ApplicationState.SUBMITTED, "submitted_at": timezone.now(),
                                "submitted_by": acting_user},
                  actor=acting_user, organisation=application.organisation, action="programme.application_submitted")
    send_after_commit(subject=_("Your application has been received: %(call)s") % {"call": application.call.title},
                      template="programme/email/application_confirmation.txt",
                      context={"application": application, "call": application.call, "user": acting_user},
                      recipients=[acting_user.email])
    return application


def do_withdraw_application(*, acting_user: User, application: Application) -> None:
    _check_open(application.call, application.organisation, acting_user, what="withdraw")
    _withdraw(acting_user=acting_user, application=application)


@transaction.atomic
def _withdraw(*, acting_user: User, application: Application) -> None:
    log_deleted(application, actor=acting_user, organisation=application.organisation,
                action="programme.application_withdrawn", fields=["project_title", "state"])
    application.delete()
