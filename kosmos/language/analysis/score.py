"""Comprehensibility score 0–20 (higher = easier), per sentence and per text.

Per sentence
    complexity = C0 + C_LEN·√words + C_LET·letters_per_word + C_MEAN·mean_zipf + C_MIN·min_zipf
    score      = clamp(5 · (5 − complexity), 0, 20)

``complexity`` predicts the learners' complexity rating (MOS 1 = easy … 7 =
hard) of TextComplexityDE; ``mean_zipf``/``min_zipf`` are the mean and the
lowest wordfreq Zipf value of the sentence's content words (domain words of
the allow-list count at least 4.0). MOS 1 maps to 20 points, MOS 5 to 0.

Per text (HIX-like: a weighted mean of sub-scores that are each 0–20)
    40 % model:   clamp(5 · (5 − word-weighted mean complexity of the sentences))
    10 % Flesch:  clamp(Flesch-Amstad / 5)
    10 % WSTF:    clamp(20 · (15 − WSTF1) / 11)
    10 % LIX:     clamp(20 · (70 − LIX) / 50)
    10 % SMOG:    clamp(20 · (12 − SMOG_de) / 10)
    10 % long sentences: clamp(20 · (1 − 2 · share of sentences > 20 words))
    10 % long clauses:   clamp(20 · (1 − 2 · share of clauses > 12 words))

The coefficients C0…C_MIN come from a least-squares fit on all 1,000 rated
sentences of TextComplexityDE (``bench/language_fit.py`` reproduces them);
the sub-score anchors and weights are set by hand and published in
docs/sprache-bewertung.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import familiarity, is_function_word
from .measures import Measures
from .syllables import letter_count
from .tokens import Token

# Least-squares fit of MOS_Complexity on TextComplexityDE (1,000 sentences),
# produced by `python bench/language_fit.py`; 5-fold cross-validated Spearman
# of the prediction is reported there and in docs/sprache-bewertung.md.
C0 = 0.2957
C_LEN = 0.6893
C_LET = 0.2162
C_MEAN = -0.35
C_MIN = -0.0925

# Zipf value assumed for a sentence without any content word.
NO_CONTENT_ZIPF = 6.0

WEIGHTS: dict[str, float] = {
    "model": 0.4,
    "flesch": 0.1,
    "wstf": 0.1,
    "lix": 0.1,
    "smog": 0.1,
    "long_sentences": 0.1,
    "long_clauses": 0.1,
}


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    words: int
    letters_per_word: float
    mean_zipf: float
    min_zipf: float
    content_words: int
    rare_words: int


def is_content_word(token: Token) -> bool:
    if token.kind != "word" or any(ch.isdigit() for ch in token.text):
        return False
    return letter_count(token.text) >= 2 and not is_function_word(token.text)


def sentence_features(
    tokens: Sequence[Token], known: frozenset[str] = frozenset(), rare_below: float = 3.0
) -> SentenceFeatures:
    words = [t for t in tokens if t.is_word]
    n = len(words)
    letters = sum(letter_count(t.text) for t in words)
    fams = [familiarity(t.text, known) for t in tokens if is_content_word(t)]
    if fams:
        mean_z = sum(fams) / len(fams)
        min_z = min(fams)
    else:
        mean_z = min_z = NO_CONTENT_ZIPF
    return SentenceFeatures(
        words=n,
        letters_per_word=(letters / n) if n else 0.0,
        mean_zipf=mean_z,
        min_zipf=min_z,
        content_words=len(fams),
        rare_words=sum(1 for f in fams if f < rare_below),
    )


def complexity(f: SentenceFeatures) -> float:
    """Predicted learner complexity rating (≈ MOS 1 … 7) of one sentence."""
    return (
        C0
        + C_LEN * math.sqrt(f.words)
        + C_LET * f.letters_per_word
        + C_MEAN * f.mean_zipf
        + C_MIN * f.min_zipf
    )


def _clamp(value: float) -> float:
    return max(0.0, min(20.0, value))


def complexity_to_score(c: float) -> float:
    return _clamp(5.0 * (5.0 - c))


def sentence_score(f: SentenceFeatures) -> float:
    return round(complexity_to_score(complexity(f)), 1)


def subscores(measures: Measures, features: Sequence[SentenceFeatures]) -> dict[str, float]:
    total_words = sum(f.words for f in features)
    mean_c = sum(complexity(f) * f.words for f in features) / total_words if total_words else 5.0
    return {
        "model": complexity_to_score(mean_c),
        "flesch": _clamp(measures.flesch_amstad / 5.0),
        "wstf": _clamp(20.0 * (15.0 - measures.wstf1) / 11.0),
        "lix": _clamp(20.0 * (70.0 - measures.lix) / 50.0),
        "smog": _clamp(20.0 * (12.0 - measures.smog_de) / 10.0),
        "long_sentences": _clamp(20.0 * (1.0 - 2.0 * measures.long_sentence_share)),
        "long_clauses": _clamp(20.0 * (1.0 - 2.0 * measures.long_clause_share)),
    }


def document_score(measures: Measures, features: Sequence[SentenceFeatures]) -> tuple[float, dict[str, float]]:
    """Overall score 0–20 (1 decimal) and the sub-scores it is made of."""
    subs = subscores(measures, features)
    total = sum(WEIGHTS[k] * v for k, v in subs.items())
    return round(_clamp(total), 1), {k: round(v, 1) for k, v in subs.items()}
