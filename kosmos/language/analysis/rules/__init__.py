"""All rules. Each rule is a function ``(Context) -> Iterable[Finding]``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding
from .base import Context, SentenceInfo
from .glossary_rules import glossary
from .grammar import function_verb, nominal_style, passive
from .merge import merge_findings
from .sentence import long_sentence, nested_sentence
from .tone import commanding_tone, impersonal_address, negation, pressure_word, threatening_tone
from .wording import abbreviation, foreign_word, legal_abbreviation, legal_reference, officialese, rare_word

Rule = Callable[[Context], Iterable[Finding]]

RULES: tuple[Rule, ...] = (
    long_sentence,
    nested_sentence,
    passive,
    nominal_style,
    function_verb,
    officialese,
    abbreviation,
    legal_reference,
    legal_abbreviation,
    foreign_word,
    rare_word,
    impersonal_address,
    commanding_tone,
    pressure_word,
    threatening_tone,
    negation,
    glossary,
)


def run_rules(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for rule in RULES:
        out.extend(rule(ctx))
    out = [f for f in out if ctx.checks(f.start)]
    return merge_findings(out, ctx.text)


__all__ = ["RULES", "Context", "SentenceInfo", "run_rules"]
