"""The public entry points: analyse() and compare()."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import measures as m
from .errors import TextInputError
from .findings import RULE_LABELS, SEVERITY_ORDER, Finding
from .glossary import Glossary
from .rewrite import propose_rewrites
from .rules import Context, SentenceInfo, run_rules
from .rules.wording import legal_references
from .score import document_score, sentence_features, sentence_score
from .splitter import LIST_ITEM, split
from .structure import Part, assign_parts, group_parts, running_indices
from .texttypes import TEXT_TYPES, TRAFFIC_LIGHT_LABELS, traffic_light
from .tokens import tokenize

MAX_CHARS = 1_000_000
RARE_ZIPF = 3.0  # for the measure rare_word_share


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or heading, list item, salutation) with its offsets."""

    index: int
    start: int
    end: int
    text: str
    kind: str  # "sentence" | "heading" | "list_item" | "salutation"
    words: int
    score: float  # 0–20, higher = easier
    part: str = "body"  # the letter part (structure.PART_LABELS)
    running: bool = True  # measured as a sentence of the running text

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "words": self.words,
            "score": self.score,
            "part": self.part,
            "running": self.running,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    text_type: str
    measures: m.Measures
    score: float  # 0–20, 1 decimal, higher = easier
    traffic_light: str  # "gruen" | "gelb" | "rot"
    sentences: tuple[Sentence, ...]
    findings: tuple[Finding, ...]
    subscores: dict[str, float]
    parts: tuple[Part, ...] = ()
    running_text: dict[str, Any] = field(default_factory=dict)
    rewrites: tuple[Any, ...] = ()

    @property
    def traffic_light_label(self) -> str:
        return TRAFFIC_LIGHT_LABELS[self.traffic_light]

    @property
    def text_type_label(self) -> str:
        return TEXT_TYPES[self.text_type].label

    def finding_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            for rule in f.rules:
                counts[rule] = counts.get(rule, 0) + 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "text_type": self.text_type,
            "text_type_label": self.text_type_label,
            "score": self.score,
            "traffic_light": self.traffic_light,
            "traffic_light_label": self.traffic_light_label,
            "subscores": dict(self.subscores),
            "measures": self.measures.to_dict(),
            "sentences": [s.to_dict() for s in self.sentences],
            "findings": [f.to_dict() for f in self.findings],
            "finding_counts": self.finding_counts(),
            "parts": [p.to_dict() for p in self.parts],
            "running_text": dict(self.running_text),
            "rewrites": [r.to_dict() for r in self.rewrites],
        }


def _validate(text: object, text_type: str) -> None:
    if not isinstance(text, str):
        raise TextInputError("Bitte geben Sie einen Text ein.")
    if text_type not in TEXT_TYPES:
        allowed = ", ".join(f"„{k}“" for k in TEXT_TYPES)
        raise TextInputError(f"Unbekannte Textart „{text_type}“. Erlaubt sind: {allowed}.")
    if len(text) > MAX_CHARS:
        count = f"{len(text):,}".replace(",", ".")
        raise TextInputError(
            f"Der Text ist zu lang ({count} Zeichen). Es sind höchstens 1.000.000 Zeichen möglich. "
            "Bitte prüfen Sie den Text in Teilen."
        )
    if not text.strip():
        raise TextInputError("Der Text ist leer. Bitte geben Sie einen Text ein.")


@lru_cache(maxsize=128)
def measure(text: str) -> m.Measures:
    """Only the formula measures (no word frequencies, no findings, no score): the fast path.

    Results are cached per text (Measures is immutable); rare_word_share stays 0.
    """
    _validate(text, "brief")
    tokens = tokenize(text)
    if not any(t.is_word for t in tokens):
        raise TextInputError(
            "Der Text enthält keine Wörter, nur Zahlen oder Zeichen. Bitte geben Sie einen Text mit Wörtern ein."
        )
    spans = split(text, tokens)
    sentences = _span_tokens(tokens, spans)
    counts = [sum(1 for t in toks if t.is_word) for toks in sentences]
    parts = assign_parts(text, spans, counts)
    return m.compute([sentences[i] for i in running_indices(spans, parts)])


def _span_tokens(tokens: list[Any], spans: list[Any]) -> list[list[Any]]:
    out = []
    ti = 0
    for sp in spans:
        while ti < len(tokens) and tokens[ti].start < sp.start:
            ti += 1
        tj = ti
        while tj < len(tokens) and tokens[tj].start < sp.end:
            tj += 1
        out.append(tokens[ti:tj])
        ti = tj
    return out


def analyse(text: str, text_type: str = "brief", glossary: Glossary | None = None) -> Analysis:
    """Analyse *text* as *text_type* ("brief", "web" or "leicht").

    Raises TextInputError (German message) for empty text, text without any
    word (only numbers or symbols), text over 1,000,000 characters and an
    unknown text type.
    """
    _validate(text, text_type)
    tt = TEXT_TYPES[text_type]
    tokens = tokenize(text)
    if not any(t.is_word for t in tokens):
        raise TextInputError(
            "Der Text enthält keine Wörter, nur Zahlen oder Zeichen. Bitte geben Sie einen Text mit Wörtern ein."
        )
    spans = split(text, tokens)
    known = glossary.known_words() if glossary else frozenset()

    span_tokens = _span_tokens(tokens, spans)
    counts = [sum(1 for t in toks if t.is_word) for toks in span_tokens]
    parts = assign_parts(text, spans, counts)
    infos = [
        SentenceInfo(idx, sp.start, sp.end, sp.kind, tuple(toks), parts[idx])
        for idx, (sp, toks) in enumerate(zip(spans, span_tokens, strict=True))
    ]
    running = set(running_indices(spans, parts))

    feats = [sentence_features(s.tokens, known, RARE_ZIPF) for s in infos]
    run_feats = [f for i, f in enumerate(feats) if i in running]
    measures = m.compute(
        [s.tokens for s in infos if s.index in running],
        rare_words=sum(f.rare_words for f in run_feats),
        content_words=sum(f.content_words for f in run_feats),
    )
    score, subs = document_score(measures, run_feats)
    sentences = tuple(
        Sentence(s.index, s.start, s.end, text[s.start : s.end], s.kind, f.words, sentence_score(f), s.part, s.index in running)
        for s, f in zip(infos, feats, strict=True)
    )
    ctx = Context(text=text, tokens=tokens, sentences=infos, text_type=tt, glossary=glossary, known_words=known)
    findings = tuple(run_rules(ctx))
    items = [s for s in infos if s.kind == LIST_ITEM and s.part == "list"]
    running_text = {
        "sentences": measures.sentences,
        "words": measures.words,
        "list_items": len(items),
        "list_item_words": sum(counts[s.index] for s in items),
        "excluded_units": len(infos) - len(running),
        "legal_references": sum(c for s in infos for _, _, c in legal_references(text, s.start, s.end)),
    }
    return Analysis(
        text_type=text_type,
        measures=measures,
        score=score,
        traffic_light=traffic_light(score, tt),
        sentences=sentences,
        findings=findings,
        subscores=subs,
        parts=tuple(group_parts(spans, parts, counts)),
        running_text=running_text,
        rewrites=tuple(propose_rewrites(text, infos, findings, tt)),
    )


# ------------------------------------------------------------------ compare

# Measures where a higher value means easier text; for all others lower is easier.
_HIGHER_IS_BETTER = frozenset({"flesch_amstad", "score", "monosyllable_percent"})
_NEUTRAL = frozenset({"words", "sentences", "syllables", "letters", "clauses"})

MEASURE_LABELS: dict[str, str] = {
    "score": "Verständlichkeit (0–20)",
    "words": "Wörter",
    "sentences": "Sätze",
    "syllables": "Silben",
    "letters": "Buchstaben",
    "clauses": "Teilsätze",
    "avg_sentence_length": "Wörter pro Satz",
    "avg_syllables_per_word": "Silben pro Wort",
    "avg_letters_per_word": "Buchstaben pro Wort",
    "polysyllable_percent": "Anteil Wörter mit 3+ Silben (%)",
    "long_word_percent": "Anteil Wörter mit mehr als 6 Buchstaben (%)",
    "monosyllable_percent": "Anteil einsilbiger Wörter (%)",
    "flesch_amstad": "Flesch-Wert (Amstad)",
    "wstf1": "Wiener Sachtextformel 1",
    "wstf2": "Wiener Sachtextformel 2",
    "wstf3": "Wiener Sachtextformel 3",
    "wstf4": "Wiener Sachtextformel 4",
    "lix": "LIX",
    "smog_de": "SMOG (deutsch)",
    "long_sentence_share": "Anteil Sätze über 20 Wörter",
    "long_clause_share": "Anteil Teilsätze über 12 Wörter",
    "rare_word_share": "Anteil seltener Wörter",
}

FINDING_ROW_LABELS = {"legal_reference": "Gesetzesverweise (Anzahl)"}

CHANGE_LABELS = {"improved": "besser", "worsened": "schlechter", "unchanged": "gleich", "changed": "verändert"}


@dataclass(frozen=True, slots=True)
class Change:
    name: str
    label: str
    before: float
    after: float
    direction: str  # "improved" | "worsened" | "unchanged" | "changed"

    @property
    def direction_label(self) -> str:
        return CHANGE_LABELS[self.direction]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "before": self.before,
            "after": self.after,
            "direction": self.direction,
            "direction_label": self.direction_label,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    measures: tuple[Change, ...]
    findings: tuple[Change, ...]

    @property
    def improved(self) -> list[str]:
        return [c.name for c in (*self.measures, *self.findings) if c.direction == "improved"]

    @property
    def worsened(self) -> list[str]:
        return [c.name for c in (*self.measures, *self.findings) if c.direction == "worsened"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "measures": [c.to_dict() for c in self.measures],
            "findings": [c.to_dict() for c in self.findings],
            "improved": self.improved,
            "worsened": self.worsened,
        }


def _direction(name: str, before: float, after: float) -> str:
    if abs(after - before) < 1e-9:
        return "unchanged"
    if name in _NEUTRAL:
        return "changed"
    better = after > before if name in _HIGHER_IS_BETTER else after < before
    return "improved" if better else "worsened"


def compare(before: Analysis, after: Analysis) -> Comparison:
    """Which measures and finding counts got better or worse from *before* to *after*."""
    b = {"score": before.score, **before.measures.to_dict(6)}
    a = {"score": after.score, **after.measures.to_dict(6)}
    changes = tuple(
        Change(k, MEASURE_LABELS.get(k, k), float(b[k]), float(a[k]), _direction(k, float(b[k]), float(a[k])))
        for k in b
    )
    bc, ac = before.finding_counts(), after.finding_counts()
    # "Viele Rechtsverweise" is compared by the number of legal references, not by the number of
    # sentences flagged: moving references into one sentence of their own is an improvement.
    if "legal_reference" in bc or "legal_reference" in ac:
        bc["legal_reference"] = before.running_text.get("legal_references", bc.get("legal_reference", 0))
        ac["legal_reference"] = after.running_text.get("legal_references", ac.get("legal_reference", 0))
    rules = sorted(set(bc) | set(ac), key=lambda r: list(RULE_LABELS).index(r) if r in RULE_LABELS else 99)
    finding_changes = tuple(
        Change(r, FINDING_ROW_LABELS.get(r) or RULE_LABELS.get(r, r), float(bc.get(r, 0)), float(ac.get(r, 0)),
               _direction(r, float(bc.get(r, 0)), float(ac.get(r, 0))))
        for r in rules
    )
    return Comparison(changes, finding_changes)


def most_severe(findings: tuple[Finding, ...]) -> str | None:
    """Highest severity among *findings* (None if there are none)."""
    if not findings:
        return None
    return max(findings, key=lambda f: SEVERITY_ORDER[f.severity]).severity
