"""Storage order: no database may return a wave's responses in the order they were submitted.

SQLite hands out rowids in insertion order, and PostgreSQL keeps rows in insertion order on disk
(``ctid``) with the id of the writing transaction (``xmin``); the old row version of a used token
carries that same transaction id as ``xmax``. Together with token cards handed out by name or an
access log, the order or the transaction id links a person to their answers.

``do_shuffle_wave_storage`` rewrites a wave's responses, answers and free texts in one
transaction, in random order (the random response ids stay), and rewrites the wave's used tokens
in the same transaction. Afterwards every response row and every used token carries the id of
that one transaction, and the row order is random. It runs when a wave's results are first read
after its end (``results.ensure_cube``) and, for running waves, from the periodic command
``manage.py surveys_shuffle`` (e.g. hourly, see docs/betrieb.md).

Residual risk (docs/befragungen.md): between a submission and the next rewrite the order and,
on PostgreSQL, the transaction ids are still there; and PostgreSQL keeps the dead row versions
(with their old ids) until VACUUM reclaims them, which the command starts after the rewrite
(``VACUUM`` cannot run inside a transaction); their bytes may stay in free space until overwritten.
"""

from __future__ import annotations

import random

from django.db import connection, transaction

from kosmos.surveys.models import Answer, Response, TextAnswer, Token, Wave

TABLES = (Response, Answer, TextAnswer, Token)


def do_shuffle_wave_storage(wave: Wave, rng: random.Random | None = None) -> int:
    """Rewrite the wave's response rows in random order; return the number of responses.

    Not audited: an audit event would put a time next to the rewrite, and it changes no content.
    """
    shuffle = (rng or random.SystemRandom()).shuffle
    with transaction.atomic():
        Wave.objects.select_for_update().filter(pk=wave.pk).first()
        responses = list(Response.objects.filter(wave=wave).values_list(
            "id", "submitted_on", "language", "g1", "g2", "g3"))
        if not responses:
            return 0
        answers = list(Answer.objects.filter(wave=wave).values_list("response_id", "question_id", "value"))
        texts = list(TextAnswer.objects.filter(wave=wave).values_list("response_id", "question_id", "text"))
        # The ids stay: they are random (no order in them), and released free texts refer to them.
        new_id = {old: old for old, *_rest in responses}
        groups = {old: (g1, g2, g3) for old, _d, _l, g1, g2, g3 in responses}
        with connection.cursor() as cursor:  # three statements, whatever the number of rows
            for model in (TextAnswer, Answer, Response):
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)} "  # noqa: S608
                               "WHERE wave_id = %s", [wave.pk])
        shuffle(responses)
        shuffle(answers)
        shuffle(texts)
        Response.objects.bulk_create([
            Response(id=new_id[old], wave=wave, submitted_on=day, language=language, g1=g1, g2=g2, g3=g3)
            for old, day, language, g1, g2, g3 in responses
        ], batch_size=2000)
        Answer.objects.bulk_create([
            Answer(response_id=new_id[old], wave=wave, question_id=q, value=v, g1=groups[old][0],
                   g2=groups[old][1], g3=groups[old][2])
            for old, q, v in answers
        ], batch_size=5000)
        TextAnswer.objects.bulk_create([
            TextAnswer(response_id=new_id[old], wave=wave, question_id=q, text=text, g1=groups[old][0],
                       g2=groups[old][1], g3=groups[old][2])
            for old, q, text in texts
        ], batch_size=2000)
        Token.objects.filter(wave=wave, used=True).update(used=True)
    return len(responses)


def vacuum_response_tables() -> None:
    """PostgreSQL: reclaim the dead row versions the rewrite left (outside any transaction)."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in TABLES:
            cursor.execute(f"VACUUM {connection.ops.quote_name(model._meta.db_table)}")
