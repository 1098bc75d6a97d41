"""Qualitätskosmos language checker ("Verständliche Sprache"): pure Python, no Django.

Public API (stable; the Django pages call exactly this)
--------------------------------------------------------

``analyse(text: str, text_type: str = "brief", glossary: Glossary | None = None) -> Analysis``
    Analyses a German text. ``text_type`` is ``"brief"`` (letter, Bescheid),
    ``"web"`` (web text, leaflet) or ``"leicht"`` (Leichte Sprache); each has
    its own thresholds (see ``TEXT_TYPES``). Raises ``TextInputError`` with a
    German ``message_de`` for empty text, text without words (only numbers or
    symbols), text over 1,000,000 characters and an unknown text type.

``Analysis``
    ``.measures``      ``Measures``: words, sentences, syllables, letters, clauses,
                       avg_sentence_length, avg_syllables_per_word, avg_letters_per_word,
                       polysyllable_percent (MS), long_word_percent (IW), monosyllable_percent (ES),
                       flesch_amstad, wstf1 … wstf4 (and ``.wstf`` as a tuple), lix, smog_de,
                       long_sentence_share (> 20 words), long_clause_share (> 12 words),
                       rare_word_share (content words with Zipf < 3). Shares are 0 … 1.
    ``.score``         0–20, one decimal, higher = easier (formula in docs/sprache-bewertung.md).
    ``.traffic_light`` ``"gruen"`` | ``"gelb"`` | ``"rot"`` by the text type's thresholds
                       (``.traffic_light_label`` in German).
    ``.sentences``     tuple of ``Sentence(index, start, end, text, kind, words, score)``;
                       ``kind`` is "sentence" | "heading" | "list_item" | "salutation".
    ``.findings``      tuple of ``Finding(rule, start, end, text, severity, message, suggestion)``
                       sorted by start; ``text == analysed_text[start:end]``; ``severity`` is
                       "hinweis" | "warnung" | "kritisch" (``.severity_label``, ``.label`` German).
    ``.subscores``     the sub-scores (0–20) the score is made of.
    ``.parts``         tuple of ``Part(part, start, end, units, words)``: letterhead, reference,
                       subject, salutation, heading, body, list, closing, signature, legal_remedy,
                       attachments (``structure.PART_LABELS``). Measures and score use the running
                       text only (body sentences; ``Sentence.running``), see ``.running_text``.
    ``.rewrites``      proposals that split the longest sentences (``rewrite.Rewrite``).
    Findings that overlap are merged: ``Finding.rules`` / ``Finding.reasons`` name every rule.
    ``.to_dict()``     JSON-ready dict of all of the above.

``measure(text: str) -> Measures``
    Only the formula measures (fast path: no word frequencies, findings or score);
    same validation as ``analyse``.

``compare(before: Analysis, after: Analysis) -> Comparison``
    ``.measures`` and ``.findings`` are tuples of ``Change(name, label, before, after,
    direction)`` with direction "improved" | "worsened" | "unchanged" | "changed" (counts
    like words have no better/worse); ``.improved`` / ``.worsened`` list the names.

``read_upload(filename: str, data: bytes) -> str``
    Text of an uploaded .txt (UTF-8, UTF-8 with BOM, UTF-16 with BOM, cp1252/Latin-1),
    .docx or .odt file. Any problem raises ``TextInputError`` (German message).

``Glossary.from_data({"preferred": [...], "avoid": [...], "explain": [...]})``
    The organisation's terminology; see ``kosmos.language.analysis.glossary``.

Rule ids of findings: long_sentence, nested_sentence, passive, nominal_style,
function_verb, officialese, abbreviation, legal_reference, foreign_word, rare_word,
impersonal_address, commanding_tone, pressure_word, threatening_tone, negation,
legal_abbreviation, glossary_avoid, glossary_preferred, glossary_explain (German labels in ``RULE_LABELS``).
"""

from __future__ import annotations

from .api import MAX_CHARS, Analysis, Change, Comparison, Sentence, analyse, compare, measure
from .errors import TextInputError
from .findings import RULE_LABELS, SEVERITIES, Finding
from .glossary import Glossary, GlossaryEntry
from .measures import Measures
from .reader import read_upload
from .texttypes import TEXT_TYPES, TRAFFIC_LIGHT_LABELS, TextType

__all__ = [
    "MAX_CHARS",
    "RULE_LABELS",
    "SEVERITIES",
    "TEXT_TYPES",
    "TRAFFIC_LIGHT_LABELS",
    "Analysis",
    "Change",
    "Comparison",
    "Finding",
    "Glossary",
    "GlossaryEntry",
    "Measures",
    "Sentence",
    "TextInputError",
    "TextType",
    "analyse",
    "compare",
    "measure",
    "read_upload",
]
