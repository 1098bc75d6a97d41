"""Storing a response: all or nothing, exactly once, and with nothing that points to the respondent.

The submission is anonymous, so it is *not* written to the audit log (an audit event would
give every response a timestamp and could be joined to it).

One transaction, in this order:

1. the form's nonce is inserted first, in the same statement that checks that the wave is open
   (a late submission is refused and stores nothing); a second submission of the same form
   (double click, resend, two threads) fails on the unique constraint before doing any other
   work and is answered with the thank-you page; nothing is stored twice;
3. for a token wave the wave row is locked, the token is checked and marked used, and every
   used token of the wave is rewritten in the same statement. In PostgreSQL each row version
   carries the id of the transaction that wrote it; without the rewrite, the token's and the
   response's transaction ids would be equal and join them. After it, all used tokens carry
   the id of the latest submission;
4. the response (random UUID, the day, the language, the group codes) and its answers.

If anything fails — an exception, a killed process — the transaction is rolled back and
nothing remains: no nonce, no used token, no response, no answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from kosmos.surveys.content import Answers, Questionnaire
from kosmos.surveys.models import (
    Answer,
    QuestionKind,
    Response,
    ResumeDraft,
    SubmissionNonce,
    TextAnswer,
    Token,
    Wave,
    WaveMode,
    WaveStatus,
)
from kosmos.surveys.models.structure import MAX_TEXT_LENGTH
from kosmos.surveys.services.running import hash_code

RESUME_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
RESUME_CODE_LENGTH = 12


class SubmissionRefused(Exception):  # noqa: N818 - reads better at the call site
    """The submission cannot be stored; ``reason`` names the message for the respondent."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class StoredRows:
    g: tuple[int, int, int]
    answers: list[tuple[int, int]]  # (question id, value)
    texts: list[tuple[int, str]]  # (question id, text)


def answer_rows(questionnaire: Questionnaire, answers: Answers) -> StoredRows:
    """Translate validated answers into rows; raise ``SubmissionRefused("invalid")`` for anything
    that is not a possible answer (unknown key or option, number out of range, text too long),
    or when a required question is unanswered."""
    checked = questionnaire.validate(answers)
    if not checked.is_valid:
        raise SubmissionRefused("invalid")
    answers = dict(checked.answers)
    g = [0, 0, 0]
    rows: list[tuple[int, int]] = []
    texts: list[tuple[int, str]] = []
    for key, value in answers.items():
        item = questionnaire.by_key[key]
        if value in (None, "", []):
            continue
        if item.kind == QuestionKind.MATRIX:
            raise SubmissionRefused("invalid")
        if item.kind in {QuestionKind.SINGLE, QuestionKind.LIKERT, QuestionKind.STATEMENT}:
            option = item.option(value) if isinstance(value, str) else None
            if option is None:
                raise SubmissionRefused("invalid")
            if item.is_group:
                g[(item.group_slot or 1) - 1] = option.code
            else:
                rows.append((item.id, option.code))
        elif item.kind == QuestionKind.MULTIPLE:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SubmissionRefused("invalid")
            options = [item.option(v) for v in dict.fromkeys(value)]
            if any(o is None for o in options):
                raise SubmissionRefused("invalid")
            rows.append((item.id, Answer.ANSWERED))
            rows += [(item.id, o.code) for o in options if o is not None]
        elif item.kind == QuestionKind.NUMBER:
            if isinstance(value, bool) or not isinstance(value, int):
                raise SubmissionRefused("invalid")
            low = item.number_min if item.number_min is not None else -2_000_000_000
            high = item.number_max if item.number_max is not None else 2_000_000_000
            if not low <= value <= high:
                raise SubmissionRefused("invalid")
            rows.append((item.id, value))
        elif item.kind == QuestionKind.TEXT:
            if not isinstance(value, str) or len(value) > MAX_TEXT_LENGTH:
                raise SubmissionRefused("invalid")
            text = value.strip()
            if text:
                texts.append((item.id, text))
    return StoredRows((g[0], g[1], g[2]), rows, texts)


def new_nonce() -> str:
    return secrets.token_urlsafe(24)


def do_submit_response(
    *,
    wave: Wave,
    questionnaire: Questionnaire,
    answers: Answers,
    language: str,
    nonce: str,
    token_code: str | None = None,
    token_hash: str | None = None,
    resume_code_hash: str | None = None,
) -> str:
    """Store one response. Returns ``"stored"``, or ``"duplicate"`` when this form was stored before.

    Raises ``SubmissionRefused`` with reason ``closed``, ``token_invalid``, ``token_used`` or
    ``invalid``; then nothing is stored.
    """
    if not nonce or len(nonce) > 64:
        raise SubmissionRefused("invalid")
    rows = answer_rows(questionnaire, answers)
    if token_code is not None:
        token_hash = hash_code(token_code)
    try:
        if wave.mode == WaveMode.LINK and token_hash is None and connection.vendor == "postgresql":
            if not _store_in_one_statement(wave, rows, language, nonce, resume_code_hash):
                raise SubmissionRefused("closed")
            return "stored"
        with transaction.atomic():
            if wave.mode == WaveMode.TOKENS:
                SubmissionNonce.objects.create(wave_id=wave.pk, nonce=nonce)
                wave = Wave.objects.select_for_update().get(pk=wave.pk)
                if not wave.is_open:
                    raise SubmissionRefused("closed")
                _use_token(wave, token_hash)
            else:
                if token_hash is not None:
                    raise SubmissionRefused("token_invalid")
                if not _insert_nonce_if_open(wave, nonce):
                    raise SubmissionRefused("closed")
            _store(wave, rows, language)
            if resume_code_hash:
                ResumeDraft.objects.filter(wave=wave, code_hash=resume_code_hash).delete()
    except IntegrityError:
        if SubmissionNonce.objects.filter(nonce=nonce).exists():
            return "duplicate"
        raise
    except SubmissionRefused as refused:
        # The same form may have been stored a moment before the wave ended (a double click at midnight).
        if refused.reason == "closed" and SubmissionNonce.objects.filter(nonce=nonce).exists():
            return "duplicate"
        raise
    return "stored"


def _store_in_one_statement(wave: Wave, rows: StoredRows, language: str, nonce: str,
                            resume_code_hash: str | None) -> bool:
    """PostgreSQL, open link: nonce, response, answers and free texts in one statement.

    A statement is atomic by itself, so no BEGIN and COMMIT are needed: the busiest path costs
    one round trip. Every insert takes its rows from the one before, so when the wave is not open
    (no nonce row) nothing at all is written. Returns whether the response was stored.
    """
    g1, g2, g3 = rows.g
    today = timezone.localdate()
    tables = {m.__name__: m._meta.db_table for m in (SubmissionNonce, Wave, Response, Answer, TextAnswer, ResumeDraft)}
    params: list[object] = [nonce, wave.pk, WaveStatus.RUNNING, today, today,
                            uuid.uuid4(), today, language[:12], g1, g2, g3]
    parts = [
        f"WITH n AS (INSERT INTO {tables['SubmissionNonce']} (wave_id, nonce) "  # noqa: S608 - table names
        f"SELECT id, %s FROM {tables['Wave']} WHERE id = %s AND status = %s AND starts_on <= %s AND ends_on >= %s "
        "RETURNING wave_id)",
        f"r AS (INSERT INTO {tables['Response']} (id, wave_id, submitted_on, language, g1, g2, g3) "  # noqa: S608
        "SELECT %s, wave_id, %s, %s, %s, %s, %s FROM n RETURNING id, wave_id, g1, g2, g3)",
    ]
    if rows.answers:
        values = ", ".join(["(%s::integer, %s::integer)"] * len(rows.answers))
        parts.append(
            f"a AS (INSERT INTO {tables['Answer']} (response_id, wave_id, question_id, value, g1, g2, g3) "  # noqa: S608
            f"SELECT r.id, r.wave_id, v.q, v.v, r.g1, r.g2, r.g3 FROM r CROSS JOIN (VALUES {values}) AS v(q, v))"
        )
        params += [x for pair in rows.answers for x in pair]
    if rows.texts:
        values = ", ".join(["(%s::integer, %s::text)"] * len(rows.texts))
        parts.append(
            f"t AS (INSERT INTO {tables['TextAnswer']} (response_id, wave_id, question_id, text, g1, g2, g3) "  # noqa: S608
            f"SELECT r.id, r.wave_id, v.q, v.t, r.g1, r.g2, r.g3 FROM r CROSS JOIN (VALUES {values}) AS v(q, t))"
        )
        params += [x for pair in rows.texts for x in pair]
    if resume_code_hash:
        parts.append(f"d AS (DELETE FROM {tables['ResumeDraft']} WHERE wave_id IN (SELECT wave_id FROM n) "  # noqa: S608
                     "AND code_hash = %s)")
        params.append(resume_code_hash)
    sql = ", ".join(parts) + " SELECT COUNT(*) FROM r"  # noqa: S608
    # Inside an outer transaction (tests, a caller's atomic block) a savepoint keeps it usable
    # after a duplicate nonce; on its own the statement needs none.
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with guard, connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0] == 1


def _insert_nonce_if_open(wave: Wave, nonce: str) -> bool:
    """Insert the nonce only if the wave is open, checked in the same statement (one round trip
    on the busiest path); a second insert of the same nonce fails on the unique constraint."""
    today = timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {SubmissionNonce._meta.db_table} (wave_id, nonce) "  # noqa: S608 - table names only
            f"SELECT id, %s FROM {Wave._meta.db_table} WHERE id = %s AND status = %s AND starts_on <= %s "
            "AND ends_on >= %s",
            [nonce, wave.pk, WaveStatus.RUNNING, today, today],
        )
        return cursor.rowcount == 1


def _use_token(wave: Wave, token_hash: str | None) -> None:
    if not token_hash:
        raise SubmissionRefused("token_invalid")
    token = Token.objects.select_for_update().filter(wave=wave, code_hash=token_hash).first()
    if token is None:
        raise SubmissionRefused("token_invalid")
    if token.used:
        raise SubmissionRefused("token_used")
    Token.objects.filter(pk=token.pk).update(used=True)
    # Rewrite all used tokens so that none keeps the id of the transaction that used it.
    Token.objects.filter(wave=wave, used=True).update(used=True)


def _store(wave: Wave, rows: StoredRows, language: str) -> None:
    g1, g2, g3 = rows.g
    response = Response.objects.create(
        wave=wave, submitted_on=timezone.localdate(), language=language[:12], g1=g1, g2=g2, g3=g3
    )
    Answer.objects.bulk_create(
        [
            Answer(response=response, wave=wave, question_id=qid, value=value, g1=g1, g2=g2, g3=g3)
            for qid, value in rows.answers
        ]
    )
    if rows.texts:
        TextAnswer.objects.bulk_create(
            [
                TextAnswer(response=response, wave=wave, question_id=qid, text=text, g1=g1, g2=g2, g3=g3)
                for qid, text in rows.texts
            ]
        )


# --- save and continue later -----------------------------------------------------------------


def new_resume_code() -> str:
    return "".join(secrets.choice(RESUME_CODE_ALPHABET) for _ in range(RESUME_CODE_LENGTH))


def format_resume_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def hash_resume_code(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(("resume:" + cleaned).encode("ascii", "ignore")).hexdigest()


@transaction.atomic
def do_save_draft(*, wave: Wave, state: dict, previous_code_hash: str | None = None) -> tuple[str, dt.date]:
    """Keep the answers so far under a new resume code until the wave's last day.

    The draft holds no token and no time; an earlier draft of the same form is replaced.
    """
    if not wave.is_open:
        raise SubmissionRefused("closed")
    if previous_code_hash:
        ResumeDraft.objects.filter(wave=wave, code_hash=previous_code_hash).delete()
    code = new_resume_code()
    ResumeDraft.objects.create(wave=wave, code_hash=hash_resume_code(code), data=state, expires_on=wave.ends_on)
    return code, wave.ends_on


def find_draft(wave: Wave, code: str) -> ResumeDraft | None:
    draft = ResumeDraft.objects.filter(wave=wave, code_hash=hash_resume_code(code)).first()
    if draft is None or draft.expires_on < timezone.localdate():
        return None
    return draft
