"""Reproduce the calibration of the comprehensibility score.

Fits the per-sentence model of kosmos/language/analysis/score.py by ordinary
least squares on TextComplexityDE (MOS_Complexity of 1,000 sentences), prints
the coefficients, the in-sample and 5-fold cross-validated Spearman ρ, and the
share of DEplain pairs in which the plain version gets the better text score.

Run: .venv/bin/python bench/language_fit.py   (prints one JSON object)
"""

from __future__ import annotations

import csv
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kosmos.language.analysis import analyse  # noqa: E402
from kosmos.language.analysis.datasets import shared_language_dir  # noqa: E402
from kosmos.language.analysis.score import WEIGHTS as SHIPPED_WEIGHTS  # noqa: E402
from kosmos.language.analysis.score import (  # noqa: E402
    complexity,
    sentence_features,
    sentence_score,
)
from kosmos.language.analysis.stats import spearman  # noqa: E402
from kosmos.language.analysis.tokens import tokenize  # noqa: E402

DATA = shared_language_dir()


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def ols(x: list[list[float]], y: list[float]) -> list[float]:
    k = len(x[0])
    a = [[sum(row[i] * row[j] for row in x) for j in range(k)] for i in range(k)]
    b = [sum(row[i] * t for row, t in zip(x, y, strict=True)) for i in range(k)]
    return _solve(a, b)


def design(f) -> list[float]:
    return [1.0, math.sqrt(f.words), f.letters_per_word, f.mean_zipf, f.min_zipf]


HOLDOUT_SEED = 16
HOLDOUT_SIZE = 20
MODEL_WEIGHTS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _weights(model_weight: float) -> dict[str, float]:
    rest = (1.0 - model_weight) / 6
    return {k: (model_weight if k == "model" else rest) for k in SHIPPED_WEIGHTS}


def _pair_ok(weights: dict[str, float], orig: dict[str, float], simp: dict[str, float]) -> bool:
    return sum(w * simp[k] for k, w in weights.items()) > sum(w * orig[k] for k, w in weights.items())


def fit_text_weights(pairs: list[dict[str, str]]) -> dict[str, object]:
    """Choose the text score's model weight by 5-fold cross-validation on a development split of
    DEplain and report the pair accuracy on a held-out split that the choice never saw."""
    subs = [(analyse(p["original"], "web").subscores, analyse(p["simplification"], "web").subscores) for p in pairs]
    order = list(range(len(pairs)))
    random.Random(HOLDOUT_SEED).shuffle(order)
    held, dev = order[:HOLDOUT_SIZE], order[HOLDOUT_SIZE:]

    def accuracy(weights: dict[str, float], rows: list[int]) -> float:
        return sum(_pair_ok(weights, *subs[i]) for i in rows) / len(rows)

    folds = [dev[k::5] for k in range(5)]
    fold_report = []
    chosen_per_fold = []
    for k, test in enumerate(folds):
        train = [i for i in dev if i not in test]
        best = max(MODEL_WEIGHTS, key=lambda w: (accuracy(_weights(w), train), -abs(w - 0.4)))
        chosen_per_fold.append(best)
        fold_report.append({"fold": k + 1, "model_weight": best, "train_acc": round(accuracy(_weights(best), train), 3),
                            "test_acc": round(accuracy(_weights(best), test), 3), "test_pairs": len(test)})
    final = max(MODEL_WEIGHTS, key=lambda w: (accuracy(_weights(w), dev), -abs(w - 0.4)))
    cv_acc = sum(r["test_acc"] * r["test_pairs"] for r in fold_report) / len(dev)
    return {
        "split": f"{len(dev)} development pairs, {len(held)} held-out pairs (seed {HOLDOUT_SEED})",
        "folds": fold_report,
        "cv_accuracy_dev": round(cv_acc, 3),
        "chosen_model_weight": final,
        "shipped_model_weight": SHIPPED_WEIGHTS["model"],
        "dev_accuracy_chosen": round(accuracy(_weights(final), dev), 3),
        "heldout_accuracy_chosen": round(accuracy(_weights(final), held), 3),
        "heldout_accuracy_shipped": round(accuracy(SHIPPED_WEIGHTS, held), 3),
        "heldout_pairs_correct_shipped": f"{sum(_pair_ok(SHIPPED_WEIGHTS, *subs[i]) for i in held)}/{len(held)}",
    }


def main() -> None:
    with (DATA / "textcomplexityde_ratings.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    feats = [sentence_features(tokenize(r["Sentence"])) for r in rows]
    y = [float(r["MOS_Complexity"]) for r in rows]
    x = [design(f) for f in feats]
    w = ols(x, y)
    pred = [sum(a * b for a, b in zip(row, w, strict=True)) for row in x]

    idx = list(range(len(y)))
    random.Random(1).shuffle(idx)
    cv = [0.0] * len(y)
    fold_rho = []
    for k in range(5):
        test = set(idx[k::5])
        train = [i for i in idx if i not in test]
        wk = ols([x[i] for i in train], [y[i] for i in train])
        for i in test:
            cv[i] = sum(a * b for a, b in zip(x[i], wk, strict=True))
        tl = sorted(test)
        fold_rho.append(round(spearman([cv[i] for i in tl], [y[i] for i in tl]), 4))

    shipped = [sentence_score(f) for f in feats]
    shipped_c = [complexity(f) for f in feats]
    doc_scores = [analyse(r["Sentence"]).score for r in rows]
    words_only = [f.words for f in feats]

    with (DATA / "deplain_web_auto_dev.csv").open(encoding="utf-8") as fh:
        pairs = list(csv.DictReader(fh))
    better = sum(
        1 for p in pairs if analyse(p["simplification"], "web").score > analyse(p["original"], "web").score
    )
    weights_report = fit_text_weights(pairs)
    print(
        json.dumps(
            {
                "fit_coefficients": {
                    "C0": round(w[0], 4),
                    "C_LEN": round(w[1], 4),
                    "C_LET": round(w[2], 4),
                    "C_MEAN": round(w[3], 4),
                    "C_MIN": round(w[4], 4),
                },
                "spearman_fit_in_sample": round(spearman(pred, y), 4),
                "spearman_fit_5fold_cv": round(spearman(cv, y), 4),
                "spearman_5fold_per_fold": fold_rho,
                "spearman_shipped_complexity": round(spearman(shipped_c, y), 4),
                "spearman_shipped_sentence_score": round(spearman(shipped, y), 4),
                "spearman_text_score_per_sentence": round(spearman(doc_scores, y), 4),
                "spearman_sentence_length_only": round(spearman(words_only, y), 4),
                "deplain_plain_better_all_50": f"{better}/{len(pairs)}",
                "text_weights": weights_report,
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
