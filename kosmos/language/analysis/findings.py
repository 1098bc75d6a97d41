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

    @property
    def label(self) -> str:
        return RULE_LABELS.get(self.rule, self.rule)

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
        }
