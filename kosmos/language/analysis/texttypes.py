"""Text types with their own targets (thresholds are data, not code)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextType:
    code: str
    label: str
    description: str
    # Sentence length in words: above these limits a sentence is flagged.
    sentence_hint: int
    sentence_warn: int
    sentence_critical: int
    # Subordinate clauses (comma + conjunction/relative pronoun) per sentence.
    nested_max: int
    # Nominalisations (-ung, -heit, -keit, -ion, -tät) per sentence.
    nominal_max: int
    # Words whose Zipf frequency is below this value count as rare.
    rare_zipf: float
    # Legal references (§, Art.) allowed in one sentence.
    legal_refs_max: int
    # Negations allowed in one sentence.
    negations_max: int
    # Severities of word-level rules.
    abbreviation_severity: str
    foreign_severity: str
    officialese_severity: str
    passive_severity: str
    # Traffic light: score ≥ green → "gruen", ≥ yellow → "gelb", else "rot".
    green_from: float
    yellow_from: float
    # Flag every abbreviation (Leichte Sprache) or only unexplained/uncommon ones.
    flag_all_abbreviations: bool = False


TEXT_TYPES: dict[str, TextType] = {
    "brief": TextType(
        code="brief",
        label="Brief / Bescheid",
        description="Schreiben an Kundinnen und Kunden: Briefe, Bescheide, Einladungen.",
        sentence_hint=20,
        sentence_warn=25,
        sentence_critical=35,
        nested_max=2,
        nominal_max=3,
        rare_zipf=2.0,
        legal_refs_max=1,
        negations_max=2,
        abbreviation_severity="hinweis",
        foreign_severity="hinweis",
        officialese_severity="hinweis",
        passive_severity="hinweis",
        green_from=14.0,
        yellow_from=10.0,
    ),
    "web": TextType(
        code="web",
        label="Webtext / Merkblatt",
        description="Texte für die Website, Merkblätter und Flyer.",
        sentence_hint=15,
        sentence_warn=20,
        sentence_critical=30,
        nested_max=2,
        nominal_max=2,
        rare_zipf=2.5,
        legal_refs_max=1,
        negations_max=2,
        abbreviation_severity="hinweis",
        foreign_severity="hinweis",
        officialese_severity="hinweis",
        passive_severity="hinweis",
        green_from=16.0,
        yellow_from=12.0,
    ),
    "leicht": TextType(
        code="leicht",
        label="Leichte Sprache",
        description="Texte in Leichter Sprache: ein Gedanke pro Satz, etwa 8 Wörter, keine Abkürzungen, keine Fremdwörter.",
        sentence_hint=8,
        sentence_warn=12,
        sentence_critical=15,
        nested_max=0,
        nominal_max=1,
        rare_zipf=3.0,
        legal_refs_max=0,
        negations_max=1,
        abbreviation_severity="warnung",
        foreign_severity="warnung",
        officialese_severity="warnung",
        passive_severity="warnung",
        green_from=18.0,
        yellow_from=15.0,
        flag_all_abbreviations=True,
    ),
}

TRAFFIC_LIGHT_LABELS = {"gruen": "Grün: gut verständlich", "gelb": "Gelb: teilweise schwer", "rot": "Rot: schwer verständlich"}


def traffic_light(score: float, text_type: TextType) -> str:
    if score >= text_type.green_from:
        return "gruen"
    if score >= text_type.yellow_from:
        return "gelb"
    return "rot"
