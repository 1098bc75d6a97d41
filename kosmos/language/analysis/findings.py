"""The Finding dataclass: one place in the text that a rule flags."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES: dict[str, str] = {"hinweis": "Hinweis", "warnung": "Warnung", "kritisch": "Kritisch"}
SEVERITY_ORDER: dict[str, int] = {"hinweis": 0, "warnung": 1, "kritisch": 2}

RULE_LABELS: dict[str, str] = {
    "long_sentence": "Langer Satz",
    "nested_sentence": "Verschachtelter Satz",
    "passive": "Passiv",
    "nominal_style": "Nominalstil",
    "function_verb": "Funktionsverbgefüge",
    "officialese": "Amtsdeutsch",
    "abbreviation": "Abkürzung",
    "legal_reference": "Viele Rechtsverweise",
    "foreign_word": "Fremdwort / Anglizismus",
    "rare_word": "Seltenes Wort",
    "impersonal_address": "Unpersönliche Anrede",
    "commanding_tone": "Befehlston",
    "pressure_word": "Druck-Wort",
    "threatening_tone": "Drohende Formulierung",
    "negation": "Gehäufte Verneinung",
    "glossary_avoid": "Begriff vermeiden (Glossar)",
    "glossary_preferred": "Bevorzugter Begriff (Glossar)",
    "glossary_explain": "Begriff erklären (Glossar)",
    "legal_abbreviation": "Abkürzung im Gesetzesverweis",
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule's view of a flagged place (a merged finding has several)."""

    rule: str
    severity: str
    message: str
    suggestion: str

    @property
    def label(self) -> str:
        return RULE_LABELS.get(self.rule, self.rule)

    def to_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "label": self.label,
            "severity": self.severity,
            "severity_label": SEVERITIES[self.severity],
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """A flagged place: ``text == analysed_text[start:end]``."""

    rule: str
    start: int
    end: int
    text: str
    severity: str  # "hinweis" | "warnung" | "kritisch"
    message: str  # plain German explanation
    suggestion: str  # German suggestion
    # All rules that flag this place (the first is ``rule``); empty for a single-rule finding.
    reasons: tuple[Reason, ...] = ()

    @property
    def label(self) -> str:
        return RULE_LABELS.get(self.rule, self.rule)

    @property
    def rules(self) -> tuple[str, ...]:
        """Every rule that flags this place, the main one first."""
        return tuple(r.rule for r in self.reasons) if self.reasons else (self.rule,)

    def all_reasons(self) -> tuple[Reason, ...]:
        return self.reasons or (Reason(self.rule, self.severity, self.message, self.suggestion),)

    @property
    def severity_label(self) -> str:
        return SEVERITIES[self.severity]

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "severity": self.severity,
            "severity_label": self.severity_label,
            "message": self.message,
            "suggestion": self.suggestion,
            "rules": list(self.rules),
            "reasons": [r.to_dict() for r in self.all_reasons()],
        }
