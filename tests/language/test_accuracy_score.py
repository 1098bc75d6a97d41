"""Accuracy targets of the comprehensibility score against rated data."""

from __future__ import annotations

import pytest

from kosmos.language.analysis import analyse
from kosmos.language.analysis.datasets import read_csv
from kosmos.language.analysis.score import sentence_features, sentence_score
from kosmos.language.analysis.stats import ranks, spearman
from kosmos.language.analysis.tokens import tokenize


def test_spearman_helper() -> None:
    assert ranks([10, 20, 20, 5]) == [2.0, 3.5, 3.5, 1.0]
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # Textbook example with ties: ρ = Pearson of the ranks.
    assert round(spearman([1, 2, 2, 3], [1, 3, 2, 4]), 4) == 0.9487


def test_sentence_score_tracks_learner_complexity() -> None:
    rows = read_csv("textcomplexityde_ratings.csv")
    assert len(rows) == 1000
    scores = [sentence_score(sentence_features(tokenize(r["Sentence"]))) for r in rows]
    mos = [float(r["MOS_Complexity"]) for r in rows]
    rho = spearman(scores, mos)
    # Higher score = easier, higher MOS = harder: the correlation is negative.
    assert rho <= -0.75, rho


def test_api_sentence_scores_match_the_model() -> None:
    a = analyse("Sie bekommen Geld. Die Eingliederungsvereinbarung wird unter Berücksichtigung der Umstände angepasst.")
    easy, hard = a.sentences
    assert easy.score > hard.score
    assert all(0.0 <= s.score <= 20.0 for s in a.sentences)


def test_plain_versions_score_better_on_deplain() -> None:
    pairs = read_csv("deplain_web_auto_dev.csv")
    assert len(pairs) == 50
    better = sum(1 for p in pairs if analyse(p["simplification"], "web").score > analyse(p["original"], "web").score)
    assert better / len(pairs) >= 0.90, better
