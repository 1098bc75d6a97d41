"""Readability measures: the hand-checkable example of plain-language.md."""

from __future__ import annotations

import math

import pytest

from kosmos.language.analysis import analyse
from kosmos.language.analysis.measures import from_counts
from kosmos.language.analysis.syllables import count_syllables

HAND_EXAMPLE = "Sie bekommen mehr Geld. Das Geld kommt auf Ihr Konto."


def test_hand_example_exact_values() -> None:
    m = analyse(HAND_EXAMPLE).measures
    assert (m.words, m.sentences, m.syllables) == (10, 2, 13)
    assert m.avg_sentence_length == 5.0
    assert m.avg_syllables_per_word == pytest.approx(1.3)
    assert round(m.flesch_amstad, 2) == 98.95
    assert round(m.lix, 1) == 15.0
    assert [round(v, 3) for v in m.wstf] == [0.577, 1.442, 2.801, 2.379]
    assert m.smog_de == pytest.approx(math.sqrt(15) - 2)
    assert m.polysyllable_percent == 10.0  # "bekommen"
    assert m.long_word_percent == 10.0
    assert m.monosyllable_percent == 80.0
    assert m.long_sentence_share == 0.0
    assert m.long_clause_share == 0.0


def test_numbers_have_no_syllables_and_are_not_words() -> None:
    m = analyse("Sie bekommen 563 Euro ab 2025.").measures
    assert m.words == 4  # Sie, bekommen, Euro, ab
    assert m.syllables == 1 + 3 + 2 + 1
    assert count_syllables("2025") == 0


def test_long_sentence_and_clause_shares() -> None:
    long = "Wir " + "prüfen " * 21 + "das."  # 23 words, one clause
    m = analyse(long + " Das ist gut.").measures
    assert m.long_sentence_share == 0.5
    assert m.long_clause_share == 0.5
    assert m.clauses == 2


def test_formulas_from_counts() -> None:
    m = from_counts(
        words=100, sentences=5, syllables=170, letters=600, polysyllables=20, monosyllables=50, long_words=30
    )
    assert m.avg_sentence_length == 20.0
    assert m.flesch_amstad == pytest.approx(180 - 20 - 58.5 * 1.7)
    assert m.wstf1 == pytest.approx(0.1935 * 20 + 0.1672 * 20 + 0.1297 * 30 - 0.0327 * 50 - 0.875)
    assert m.wstf2 == pytest.approx(0.2007 * 20 + 0.1682 * 20 + 0.1373 * 30 - 2.779)
    assert m.wstf3 == pytest.approx(0.2963 * 20 + 0.1905 * 20 - 1.1144)
    assert m.wstf4 == pytest.approx(0.2744 * 20 + 0.2656 * 20 - 1.693)
    assert m.lix == pytest.approx(50.0)
    assert m.smog_de == pytest.approx(math.sqrt(30 * 20 / 5) - 2)


def test_from_counts_without_words_is_all_zero() -> None:
    m = from_counts(words=0, sentences=0, syllables=0, letters=0, polysyllables=0, monosyllables=0, long_words=0)
    assert m.words == 0 and m.flesch_amstad == 0.0 and m.lix == 0.0
