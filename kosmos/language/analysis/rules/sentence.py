"""Sentence-level rules: long sentences and nested sentences."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from .base import Context

SUBORDINATORS = frozenset(
    ["dass", "daß", "weil", "wenn", "ob", "obwohl", "obgleich", "damit", "sodass", "nachdem", "bevor", "ehe", "während", "falls", "sofern", "soweit", "indem", "als", "seit", "seitdem", "sobald", "solange", "bis", "wo", "wer", "was", "wie"]
)
RELATIVES = frozenset(["der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches", "welchem", "welchen"])
PREPOSITIONS = frozenset(
    ["an", "auf", "aus", "bei", "durch", "für", "gegen", "in", "mit", "nach", "über", "um", "unter", "von", "vor", "zu", "zwischen", "wegen", "trotz"]
)


def long_sentence(ctx: Context) -> Iterator[Finding]:
    tt = ctx.text_type
    for s in ctx.sentences:
        if s.kind not in ("sentence", "list_item"):
            continue
        n = len(s.words)
        if n <= tt.sentence_hint:
            continue
        severity = "kritisch" if n > tt.sentence_critical else "warnung" if n > tt.sentence_warn else "hinweis"
        yield ctx.finding(
            "long_sentence",
            s.start,
            s.end,
            severity,
            f"Dieser Satz hat {n} Wörter. Für „{tt.label}“ sind bis zu {tt.sentence_hint} Wörter gut lesbar.",
            "Teilen Sie den Satz in zwei oder mehr kurze Sätze. Schreiben Sie einen Gedanken pro Satz.",
        )


def count_subordinate_clauses(tokens: tuple) -> int:
    count = 0
    for i in range(1, len(tokens)):
        prev = tokens[i - 1]
        if prev.kind != "punct" or prev.text not in ",;–(":
            continue
        word = tokens[i].text.lower()
        if word in SUBORDINATORS or word in RELATIVES or word in PREPOSITIONS and i + 1 < len(tokens) and tokens[i + 1].text.lower() in RELATIVES:
            count += 1
    return count


def nested_sentence(ctx: Context) -> Iterator[Finding]:
    limit = ctx.text_type.nested_max
    for s in ctx.sentences:
        k = count_subordinate_clauses(s.tokens)
        if k <= limit:
            continue
        severity = "warnung" if k > limit + 1 else "hinweis"
        clauses = "einen Nebensatz" if k == 1 else f"{k} Nebensätze"
        yield ctx.finding(
            "nested_sentence",
            s.start,
            s.end,
            severity,
            f"Dieser Satz hat {clauses}. Verschachtelte Sätze sind schwer zu verstehen.",
            "Machen Sie aus den Nebensätzen eigene Hauptsätze. Beginnen Sie mit dem Wichtigsten.",
        )
