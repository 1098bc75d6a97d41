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
    for k in range(5):
        test = set(idx[k::5])
        train = [i for i in idx if i not in test]
        wk = ols([x[i] for i in train], [y[i] for i in train])
        for i in test:
            cv[i] = sum(a * b for a, b in zip(x[i], wk, strict=True))

    shipped = [sentence_score(f) for f in feats]
    shipped_c = [complexity(f) for f in feats]
    doc_scores = [analyse(r["Sentence"]).score for r in rows]
    words_only = [f.words for f in feats]

    with (DATA / "deplain_web_auto_dev.csv").open(encoding="utf-8") as fh:
        pairs = list(csv.DictReader(fh))
    better = sum(
        1 for p in pairs if analyse(p["simplification"], "web").score > analyse(p["original"], "web").score
    )
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
                "spearman_shipped_complexity": round(spearman(shipped_c, y), 4),
                "spearman_shipped_sentence_score": round(spearman(shipped, y), 4),
                "spearman_text_score_per_sentence": round(spearman(doc_scores, y), 4),
                "spearman_sentence_length_only": round(spearman(words_only, y), 4),
                "deplain_plain_better": f"{better}/{len(pairs)}",
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
