"""Writes that run a survey: waves, access codes, invitations, reminders, publication."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import log_created, log_deleted, log_event, update_fields
from kosmos.core.models import User
from kosmos.core.urls_absolute import absolute_url
from kosmos.surveys.models import (
    Question,
    Survey,
    SurveyInvitation,
    Token,
    TokenBatch,
    TokenBatchKind,
    Wave,
    WaveMode,
    WaveState,
    WaveStatus,
)
from kosmos.surveys.services.building import unresolved_placeholders

WAVE_FIELDS = ["name", "mode", "starts_on", "ends_on", "invited_count"]
MAX_TOKENS_PER_BATCH = 2000
MAX_INVITATIONS = 5000
TOKEN_LENGTH = 16  # base32 characters: 80 bits


# --- access codes ----------------------------------------------------------------------------


def token_code(seed: uuid.UUID) -> str:
    """The access code of a token: derived from its random seed and the secret key, never stored."""
    digest = hmac.new(settings.SECRET_KEY.encode(), b"kosmos-survey-token:" + seed.bytes, hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:TOKEN_LENGTH].lower()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def hash_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("ascii", "ignore")).hexdigest()


def format_code(code: str) -> str:
    """``abcdefgh…`` → ``abcd-efgh-…`` for reading and typing."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def token_link(code: str, request: HttpRequest | None = None) -> str:
    """The entry page with the code after ``#``: a browser never sends that part to the server,
    so the code is in no request line and no access log (the page posts it, see views/respond.py)."""
    return absolute_url(request, reverse("survey_token_entry")) + "#" + code


def wave_link(wave: Wave, request: HttpRequest | None = None) -> str:
    return absolute_url(request, reverse("survey_respond", kwargs={"wave_id": wave.public_id}))


# --- waves -----------------------------------------------------------------------------------


def _validate_period(starts_on: dt.date, ends_on: dt.date) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The last day must not be before the first day.")})


@transaction.atomic
def do_create_wave(
    *,
    acting_user: User,
    survey: Survey,
    starts_on: dt.date,
    ends_on: dt.date,
    mode: str = WaveMode.LINK,
    name: str = "",
    invited_count: int | None = None,
) -> Wave:
    """A new wave asks the same questions again (t0, t1, …)."""
    _validate_period(starts_on, ends_on)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    number = (survey.waves.aggregate(m=Max("number"))["m"] or 0) + 1
    wave = Wave.objects.create(
        survey=survey, number=number, name=name or f"t{number - 1}", mode=mode, starts_on=starts_on,
        ends_on=ends_on, invited_count=invited_count,
    )
    log_created(wave, actor=acting_user, organisation=survey.organisation, action="wave.created",
                fields=["name", "mode", "starts_on", "ends_on"])
    return wave


@transaction.atomic
def do_update_wave(*, acting_user: User, wave: Wave, data: dict[str, object]) -> Wave:
    fields = [f for f in WAVE_FIELDS if f in data]
    if wave.status != WaveStatus.DRAFT and "mode" in data and data["mode"] != wave.mode:
        raise ValidationError({"mode": _("The access cannot be changed after the start.")})
    if wave.state == WaveState.CLOSED:
        # An ended wave is final, also when it ended by date: a new period would let it run again,
        # and results read before and after would differ by the few responses in between.
        raise ValidationError(_("An ended wave cannot be changed."))

    def validate(w: Wave) -> None:
        _validate_period(w.starts_on, w.ends_on)
        w.full_clean(exclude=["survey"])

    update_fields(wave, {f: data[f] for f in fields}, actor=acting_user, organisation=wave.survey.organisation,
                  action="wave.updated", clean=validate)
    return wave


@transaction.atomic
def do_start_wave(*, acting_user: User, wave: Wave) -> Wave:
    """Start a wave: respondents can answer from the first day; the questions are locked."""
    wave = Wave.objects.select_for_update().select_related("survey__organisation").get(pk=wave.pk)
    if wave.status != WaveStatus.DRAFT:
        raise ValidationError(_("This wave has already been started."))
    if not Question.objects.filter(survey=wave.survey).exclude(kind="statement").exists():
        raise ValidationError(_("Add at least one question before you start the survey."))
    placeholders = unresolved_placeholders(wave.survey)
    if placeholders:
        raise ValidationError(
            _("Replace the example answers (such as “%(label)s”) of the question “%(question)s” with your own "
              "before you start the survey; the questions cannot be changed afterwards.")
            % {"label": placeholders[0].choices.filter(placeholder=True).first().label,
               "question": placeholders[0].text}
        )
    if wave.ends_on < timezone.localdate():
        raise ValidationError(_("The last day of this wave has passed. Change the period first."))
    update_fields(wave, {"status": WaveStatus.RUNNING}, actor=acting_user, organisation=wave.survey.organisation,
                  action="wave.started")
    if not wave.survey.structure_locked:
        wave.survey.structure_locked = True
        wave.survey.save(update_fields=["structure_locked"])
    return wave


@transaction.atomic
def do_close_wave(*, acting_user: User, wave: Wave) -> Wave:
    """End a wave now (it also ends by itself after its last day)."""
    wave = Wave.objects.select_for_update().select_related("survey__organisation").get(pk=wave.pk)
    if wave.status != WaveStatus.RUNNING:
        raise ValidationError(_("Only a started wave can be ended."))
    update_fields(wave, {"status": WaveStatus.CLOSED}, actor=acting_user, organisation=wave.survey.organisation,
                  action="wave.closed")
    # Drafts saved to continue later are of no use any more.
    from kosmos.surveys.models import ResumeDraft

    ResumeDraft.objects.filter(wave=wave).delete()
    return wave


@transaction.atomic
def do_set_results_published(*, acting_user: User, wave: Wave, published: bool) -> Wave:
    """Publish the results of an ended wave to all staff of the organisation (or withdraw them)."""
    if published and not wave.is_closed:
        raise ValidationError(_("Results can be published once the wave has ended."))
    update_fields(wave, {"results_published": published}, actor=acting_user, organisation=wave.survey.organisation,
                  action="wave.results_published" if published else "wave.results_withdrawn")
    return wave


@transaction.atomic
def do_delete_wave(*, acting_user: User, wave: Wave) -> None:
    """Delete a wave that has not been started."""
    if wave.status != WaveStatus.DRAFT:
        raise ValidationError(_("Only a wave in preparation can be deleted."))
    log_deleted(wave, actor=acting_user, organisation=wave.survey.organisation, action="wave.deleted",
                fields=["name"])
    wave.delete()


# --- tokens ------------------------------------------------------------------------------------


def _require_token_wave(wave: Wave) -> None:
    if wave.mode != WaveMode.TOKENS:
        raise ValidationError(_("This wave uses an open link, not access codes."))
    if wave.is_closed:
        raise ValidationError(_("This wave has ended."))


def _new_tokens(wave: Wave, batch: TokenBatch, count: int) -> list[tuple[Token, str]]:
    tokens = []
    for _i in range(count):
        seed = uuid.uuid4()
        code = token_code(seed)
        tokens.append((Token(wave=wave, batch=batch, seed=seed, code_hash=hash_code(code)), code))
    Token.objects.bulk_create([t for t, _c in tokens])
    return tokens


@transaction.atomic
def do_generate_token_cards(*, acting_user: User, wave: Wave, count: int) -> TokenBatch:
    """Create ``count`` one-time codes to print on cards (the cards are a PDF of the batch)."""
    _require_token_wave(wave)
    if not 1 <= count <= MAX_TOKENS_PER_BATCH:
        raise ValidationError({"count": _("Enter a number from 1 to %(max)d.") % {"max": MAX_TOKENS_PER_BATCH}})
    batch = TokenBatch.objects.create(wave=wave, kind=TokenBatchKind.CARDS, size=count, created_by=acting_user)
    _new_tokens(wave, batch, count)
    log_event(actor=acting_user, organisation=wave.survey.organisation, action="wave.tokens_created", obj=wave,
              changes={"cards": [None, count]})
    return batch


def batch_codes(batch: TokenBatch, *, unused_only: bool = True) -> list[str]:
    tokens = Token.objects.filter(batch=batch)
    if unused_only:
        tokens = tokens.filter(used=False)
    return [token_code(seed) for seed in tokens.order_by("id").values_list("seed", flat=True)]


def parse_addresses(text: str) -> tuple[list[str], list[str]]:
    """Split pasted addresses (lines, commas, semicolons); return (valid, invalid)."""
    valid, invalid = [], []
    for raw in text.replace(";", "\n").replace(",", "\n").split():
        address = raw.strip().strip("<>").lower()
        if not address:
            continue
        try:
            validate_email(address)
        except ValidationError:
            invalid.append(address)
        else:
            if address not in valid:
                valid.append(address)
    return valid, invalid


def _send(wave: Wave, pairs: list[tuple[str, str]], *, reminder: bool, request: HttpRequest | None = None) -> None:
    """Send one e-mail per (address, code) over one connection."""
    survey = wave.survey
    template = "surveys/email/reminder.txt" if reminder else "surveys/email/invitation.txt"
    subject = (_("Reminder: %(title)s") if reminder else _("Invitation: %(title)s")) % {"title": survey.title}
    messages = [
        EmailMessage(
            subject=subject,
            body=render_to_string(
                template,
                {"survey": survey, "wave": wave, "organisation": survey.organisation,
                 "link": token_link(code, request)},
            ),
            to=[address],
        )
        for address, code in pairs
    ]
    with get_connection() as connection:
        connection.send_messages(messages)


@transaction.atomic
def do_invite_by_email(*, acting_user: User, wave: Wave, addresses: Iterable[str],
                       request: HttpRequest | None = None) -> int:
    """Send every address its own one-time link. Addresses already invited to this wave are skipped.

    The address list is kept only for reminders (and can be deleted, see
    ``do_delete_address_list``); the audit log records the number, never the addresses.
    """
    _require_token_wave(wave)
    addresses = list(dict.fromkeys(a.lower() for a in addresses))
    known = set(SurveyInvitation.objects.filter(wave=wave, email__in=addresses).values_list("email", flat=True))
    new = [a for a in addresses if a not in known]
    if not new:
        return 0
    if len(new) + SurveyInvitation.objects.filter(wave=wave).count() > MAX_INVITATIONS:
        raise ValidationError({"addresses": _("At most %(max)d addresses per wave.") % {"max": MAX_INVITATIONS}})
    batch = TokenBatch.objects.create(wave=wave, kind=TokenBatchKind.EMAIL, size=len(new), created_by=acting_user)
    tokens = _new_tokens(wave, batch, len(new))
    today = timezone.localdate()
    SurveyInvitation.objects.bulk_create(
        [SurveyInvitation(wave=wave, token=token, email=address, sent_on=today)
         for address, (token, _code) in zip(new, tokens, strict=True)]
    )
    pairs = [(address, code) for address, (_token, code) in zip(new, tokens, strict=True)]
    transaction.on_commit(lambda: _send(wave, pairs, reminder=False, request=request))
    log_event(actor=acting_user, organisation=wave.survey.organisation, action="wave.invitations_sent", obj=wave,
              changes={"invitations": [None, len(new)]})
    return len(new)


@transaction.atomic
def do_send_reminders(*, acting_user: User, wave: Wave, request: HttpRequest | None = None) -> int:
    """Remind everybody on the address list whose link has not been used."""
    _require_token_wave(wave)
    if not wave.is_open:
        raise ValidationError(_("Reminders can be sent while the wave is running."))
    pending = list(
        SurveyInvitation.objects.filter(wave=wave, token__used=False).select_related("token").order_by("id")
    )
    if not pending:
        return 0
    SurveyInvitation.objects.filter(pk__in=[i.pk for i in pending]).update(reminded_on=timezone.localdate())
    pairs = [(i.email, token_code(i.token.seed)) for i in pending]
    transaction.on_commit(lambda: _send(wave, pairs, reminder=True, request=request))
    log_event(actor=acting_user, organisation=wave.survey.organisation, action="wave.reminders_sent", obj=wave,
              changes={"reminders": [None, len(pending)]})
    return len(pending)


@transaction.atomic
def do_delete_address_list(*, acting_user: User, wave: Wave) -> int:
    """Delete the e-mail addresses of a wave. The links sent stay valid; reminders are no longer possible."""
    count, _details = SurveyInvitation.objects.filter(wave=wave).delete()
    if count:
        log_event(actor=acting_user, organisation=wave.survey.organisation, action="wave.addresses_deleted",
                  obj=wave, changes={"addresses": [count, 0]})
    return count
