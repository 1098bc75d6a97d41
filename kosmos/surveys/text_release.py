"""Reads around released free-text answers: what the moderation page lists and what the
published results and the PDF report show instead of the raw answers.

Published results show only what a quality manager released (``models.ReleasedText``), and only
where the suppression plan shows the question's free texts for the chosen filter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Count

from kosmos.surveys.content import Questionnaire
from kosmos.surveys.models import ReleasedText, TextAnswer, Wave
from kosmos.surveys.models.releases import text_hash

PAGE_SIZE = 50
"""Answers per moderation page."""


def released_texts(wave: Wave, group_filter: Mapping[int, int] | None = None) -> dict[int, list[str]]:
    """Question id → the released wordings for the filter (one query), in a stable random order
    (by the release's random id, so the order says nothing about when someone answered)."""
    conditions = {f"g{slot}": code for slot, code in (group_filter or {}).items()}
    rows = (ReleasedText.objects.filter(wave=wave, **conditions)
            .order_by("public_id").values_list("question_id", "text"))
    result: dict[int, list[str]] = defaultdict(list)
    for question_id, text in rows:
        result[question_id].append(text)
    return dict(result)


def with_released_texts(blocks: Iterable, wave: Wave, questionnaire: Questionnaire,
                        group_filter: Mapping[int, int] | None = None) -> list:
    """The result blocks with every free-text block holding only the released answers.

    A block the plan suppresses stays suppressed. ``text_count`` keeps the number of answers
    given, so the page can say "3 of 41 answers released".
    """
    released = released_texts(wave, group_filter)
    ids = {item.key: item.id for item in questionnaire.items}
    result = []
    for block in blocks:
        if block.kind == "text" and not block.suppressed:
            block.texts = released.get(ids.get(block.key), [])
            block.released_only = True
        result.append(block)
    return result


@dataclass
class ModerationRow:
    response_id: str
    text: str
    released: ReleasedText | None


def moderation_rows(wave: Wave, question_id: int, page: int) -> tuple[list[ModerationRow], int]:
    """One page of a question's free-text answers with their releases (two queries), and the
    number of pages. Ordered by the response's random id: a stable order that reveals nothing."""
    base = TextAnswer.objects.filter(wave=wave, question_id=question_id)
    total = base.count()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    answers = list(base.order_by("response_id").values_list("response_id", "text")
                   [(page - 1) * PAGE_SIZE: page * PAGE_SIZE])
    hashes = {rid: text_hash(text) for rid, text in answers}
    releases = {r.source_hash: r for r in ReleasedText.objects.filter(
        wave=wave, question_id=question_id, source_hash__in=set(hashes.values()))}
    return [ModerationRow(str(rid), text, releases.get(hashes[rid])) for rid, text in answers], pages


def release_counts(wave: Wave) -> dict[int, int]:
    """Question id → number of released answers (one query)."""
    return dict(ReleasedText.objects.filter(wave=wave).values_list("question_id").annotate(n=Count("*")).order_by())
