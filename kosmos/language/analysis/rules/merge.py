"""Merge overlapping findings: one finding per place, with every rule's reason.

Whole-sentence findings (long, nested, nominal style) of the same sentence become one
finding; word-level findings whose spans overlap become one finding over the union of
their spans. The main rule is the most severe one, ties broken by ``PRIORITY``.
"""

from __future__ import annotations

from ..findings import SEVERITY_ORDER, Finding, Reason

SENTENCE_WIDE = frozenset({"long_sentence", "nested_sentence", "nominal_style"})

# Which rule's explanation comes first when several flag the same place (most specific first).
PRIORITY: tuple[str, ...] = (
    "glossary_avoid",
    "glossary_preferred",
    "glossary_explain",
    "commanding_tone",
    "threatening_tone",
    "pressure_word",
    "legal_reference",
    "legal_abbreviation",
    "function_verb",
    "officialese",
    "impersonal_address",
    "passive",
    "abbreviation",
    "foreign_word",
    "negation",
    "rare_word",
    "long_sentence",
    "nested_sentence",
    "nominal_style",
)
_RANK = {rule: i for i, rule in enumerate(PRIORITY)}


def _key(f: Finding) -> tuple[int, int]:
    return (-SEVERITY_ORDER[f.severity], _RANK.get(f.rule, len(PRIORITY)))


def _combine(group: list[Finding], text: str) -> Finding:
    if len(group) == 1:
        return group[0]
    ordered = sorted(group, key=_key)
    main = ordered[0]
    reasons: list[Reason] = []
    seen: set[tuple[str, str]] = set()
    for f in ordered:
        for r in f.all_reasons():
            if (r.rule, r.message) not in seen:
                seen.add((r.rule, r.message))
                reasons.append(r)
    start = min(f.start for f in group)
    end = max(f.end for f in group)
    return Finding(main.rule, start, end, text[start:end], main.severity, main.message, main.suggestion, tuple(reasons))


def merge_findings(findings: list[Finding], text: str) -> list[Finding]:
    wide: dict[tuple[int, int], list[Finding]] = {}
    local: list[Finding] = []
    for f in findings:
        if f.rule in SENTENCE_WIDE:
            wide.setdefault((f.start, f.end), []).append(f)
        else:
            local.append(f)
    out = [_combine(group, text) for group in wide.values()]
    local.sort(key=lambda f: (f.start, f.end))
    group: list[Finding] = []
    group_end = -1
    for f in local:
        if group and f.start < group_end:
            group.append(f)
            group_end = max(group_end, f.end)
            continue
        if group:
            out.append(_combine(group, text))
        group, group_end = [f], f.end
    if group:
        out.append(_combine(group, text))
    out.sort(key=lambda f: (f.start, f.end, f.rule))
    return out
