"""German syllable counting."""

from __future__ import annotations

import pytest

from kosmos.language.analysis.datasets import read_csv
from kosmos.language.analysis.syllables import count_syllables


def test_accuracy_on_duden_dev_list() -> None:
    rows = read_csv("syllables_dev.csv")
    assert len(rows) == 1000
    correct = sum(1 for r in rows if count_syllables(r["word"]) == r["syllabified"].count("|") + 1)
    assert correct / len(rows) >= 0.96, correct


@pytest.mark.parametrize(
    ("word", "n"),
    [
        ("Bürgergeld", 3),
        ("Eingliederungsvereinbarung", 8),
        ("Bedarfsgemeinschaft", 5),
        ("Heizung", 2),  # ei = one nucleus
        ("Häuser", 2),  # äu
        ("Bauer", 2),  # au + e
        ("Miete", 2),  # ie
        ("Familie", 4),  # -ilie: Fa-mi-li-e
        ("Museum", 3),  # -eum: Mu-se-um
        ("Quelle", 2),  # qu is a consonant
        ("Boot", 1),  # oo
        ("SGB", 3),  # acronym spelled out
        ("Hohe·priester", 4),
    ],
)
def test_general_rules(word: str, n: int) -> None:
    assert count_syllables(word) == n


def test_no_letters_no_syllables() -> None:
    assert count_syllables("§") == 0
    assert count_syllables("123") == 0
