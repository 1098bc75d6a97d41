"""Readability measures, exactly as in the published formulas.

Definitions (see docs/sprache-bewertung.md):

* ASL = words ÷ sentences; ASW = syllables ÷ words
* MS = % of words with ≥ 3 syllables; IW = % of words with more than 6 letters;
  ES = % of words with one syllable
* Flesch-Amstad = 180 − ASL − 58.5 × ASW
* WSTF 1 = 0.1935·MS + 0.1672·ASL + 0.1297·IW − 0.0327·ES − 0.875
* WSTF 2 = 0.2007·MS + 0.1682·ASL + 0.1373·IW − 2.779
* WSTF 3 = 0.2963·MS + 0.1905·ASL − 1.1144
* WSTF 4 = 0.2744·MS + 0.2656·ASL − 1.693
* LIX = ASL + IW
* German SMOG = √(30 × words with ≥ 3 syllables ÷ sentences) − 2

Words are word and abbreviation tokens; numbers are not words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from .syllables import count_syllables, letter_count
from .tokens import Token

LONG_SENTENCE_WORDS = 20
LONG_CLAUSE_WORDS = 12
_CLAUSE_BREAKS = frozenset(",;:–—()[]\"„“”»«")


@dataclass(frozen=True, slots=True)
class Measures:
    """Counts and readability measures of a text (or of one sentence)."""

    words: int
    sentences: int
    syllables: int
    letters: int
    clauses: int
    avg_sentence_length: float
    avg_syllables_per_word: float
    avg_letters_per_word: float
    polysyllable_percent: float
    long_word_percent: float
    monosyllable_percent: float
    flesch_amstad: float
    wstf1: float
    wstf2: float
    wstf3: float
    wstf4: float
    lix: float
    smog_de: float
    long_sentence_share: float
    long_clause_share: float
    rare_word_share: float = 0.0

    @property
    def wstf(self) -> tuple[float, float, float, float]:
        return (self.wstf1, self.wstf2, self.wstf3, self.wstf4)

    def to_dict(self, ndigits: int = 3) -> dict[str, float | int]:
        out: dict[str, float | int] = {}
        for key, value in asdict(self).items():
            out[key] = round(value, ndigits) if isinstance(value, float) else value
        return out


def word_tokens(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if t.is_word]


def clause_word_counts(tokens: Sequence[Token]) -> list[int]:
    """Words per clause; clauses are separated by , ; : dashes, brackets and quotes."""
    counts: list[int] = []
    n = 0
    for t in tokens:
        if t.kind == "punct" and t.text in _CLAUSE_BREAKS:
            if n:
                counts.append(n)
            n = 0
        elif t.is_word:
            n += 1
    if n:
        counts.append(n)
    return counts


def compute(sentences: Sequence[Sequence[Token]], rare_words: int = 0, content_words: int = 0) -> Measures:
    """Measures over sentences given as token lists (sentences without words are ignored)."""
    n_sent = 0
    n_words = n_syll = n_letters = 0
    poly = mono = long_words = 0
    long_sentences = 0
    n_clauses = long_clauses = 0
    for sent in sentences:
        words = word_tokens(sent)
        if not words:
            continue
        n_sent += 1
        n_words += len(words)
        if len(words) > LONG_SENTENCE_WORDS:
            long_sentences += 1
        for w in words:
            s = count_syllables(w.text)
            n_syll += s
            letters = letter_count(w.text)
            n_letters += letters
            if s >= 3:
                poly += 1
            elif s == 1:
                mono += 1
            if letters > 6:
                long_words += 1
        for c in clause_word_counts(sent):
            n_clauses += 1
            if c > LONG_CLAUSE_WORDS:
                long_clauses += 1
    return from_counts(
        words=n_words,
        sentences=n_sent,
        syllables=n_syll,
        letters=n_letters,
        polysyllables=poly,
        monosyllables=mono,
        long_words=long_words,
        long_sentences=long_sentences,
        clauses=n_clauses,
        long_clauses=long_clauses,
        rare_words=rare_words,
        content_words=content_words,
    )


def from_counts(
    *,
    words: int,
    sentences: int,
    syllables: int,
    letters: int,
    polysyllables: int,
    monosyllables: int,
    long_words: int,
    long_sentences: int = 0,
    clauses: int = 0,
    long_clauses: int = 0,
    rare_words: int = 0,
    content_words: int = 0,
) -> Measures:
    """Apply the formulas to raw counts. With no words, every measure is 0."""
    if words == 0 or sentences == 0:
        return Measures(0, sentences, 0, 0, clauses, *([0.0] * 15))
    asl = words / sentences
    asw = syllables / words
    ms = 100.0 * polysyllables / words
    iw = 100.0 * long_words / words
    es = 100.0 * monosyllables / words
    return Measures(
        words=words,
        sentences=sentences,
        syllables=syllables,
        letters=letters,
        clauses=clauses,
        avg_sentence_length=asl,
        avg_syllables_per_word=asw,
        avg_letters_per_word=letters / words,
        polysyllable_percent=ms,
        long_word_percent=iw,
        monosyllable_percent=es,
        flesch_amstad=180.0 - asl - 58.5 * asw,
        wstf1=0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875,
        wstf2=0.2007 * ms + 0.1682 * asl + 0.1373 * iw - 2.779,
        wstf3=0.2963 * ms + 0.1905 * asl - 1.1144,
        wstf4=0.2744 * ms + 0.2656 * asl - 1.693,
        lix=asl + iw,
        smog_de=math.sqrt(30.0 * polysyllables / sentences) - 2.0,
        long_sentence_share=long_sentences / sentences,
        long_clause_share=(long_clauses / clauses) if clauses else 0.0,
        rare_word_share=(rare_words / content_words) if content_words else 0.0,
    )
