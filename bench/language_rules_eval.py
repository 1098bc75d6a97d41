"""Measure the rules on the project's own test sets (tests/language/data/).

Prints one JSON object:
- officialese recall: share of officialese phrases in letter sentences that a word-level
  finding overlaps (``any_lexical``), and the stricter share found by the officialese,
  Funktionsverbgefüge and legal-reference rules alone (``officialese_rules``);
- plain sentences: share of plain sentences that get any finding (goal ≤ 10 %);
- passive voice: precision/recall of the hand-written pattern and, if the package
  HanTa is installed, of a HanTa-based detector (werden/sein + VV(PP)).

Run: .venv/bin/python bench/language_rules_eval.py [--misses]
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kosmos.language.analysis import analyse  # noqa: E402

DATA = ROOT / "tests" / "language" / "data"
SENTENCE_WIDE = {"long_sentence", "nested_sentence", "nominal_style", "negation", "passive"}
OFFICIALESE_RULES = {"officialese", "function_verb", "legal_reference", "legal_abbreviation"}


def _rules(f) -> set[str]:
    return set(getattr(f, "rules", None) or (f.rule,))


def officialese_recall(show: bool = False) -> dict[str, object]:
    with (DATA / "officialese_sentences.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    lexical = strict = 0
    misses = []
    for row in rows:
        text, phrase = row["sentence"], row["phrase"]
        start = text.index(phrase)
        end = start + len(phrase)
        hits = [f for f in analyse(text).findings if f.start < end and start < f.end]
        rules = set().union(*(_rules(f) for f in hits)) if hits else set()
        if rules - SENTENCE_WIDE:
            lexical += 1
        else:
            misses.append(phrase)
        if rules & OFFICIALESE_RULES:
            strict += 1
    out: dict[str, object] = {
        "phrases": len(rows),
        "any_lexical": f"{lexical}/{len(rows)} ({100 * lexical / len(rows):.0f} %)",
        "officialese_rules": f"{strict}/{len(rows)} ({100 * strict / len(rows):.0f} %)",
    }
    if show:
        out["missed"] = misses
    return out


def plain_false_positives(show: bool = False) -> dict[str, object]:
    lines = [ln.strip() for ln in (DATA / "plain_sentences.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    flagged = []
    for line in lines:
        found = analyse(line).findings
        if found:
            flagged.append(f"{line} -> {sorted(set().union(*(_rules(f) for f in found)))}")
    out: dict[str, object] = {
        "sentences": len(lines),
        "with_any_finding": f"{len(flagged)}/{len(lines)} ({100 * len(flagged) / len(lines):.0f} %)",
    }
    if show:
        out["flagged"] = flagged
    return out


def _prf(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "tp": tp, "fp": fp, "fn": fn}


def passive_comparison() -> dict[str, object]:
    with (DATA / "passive_sentences.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    gold = [r["passive"] == "1" for r in rows]
    t0 = time.perf_counter()
    pattern = [any("passive" in _rules(f) for f in analyse(r["sentence"]).findings) for r in rows]
    out: dict[str, object] = {"sentences": len(rows), "pattern": _prf(pattern, gold)}
    try:
        from HanTa import HanoverTagger  # type: ignore[import-not-found]
    except ImportError:
        out["hanta"] = "not installed (pip install HanTa)"
        return out
    from kosmos.language.analysis.tokens import tokenize

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    t0 = time.perf_counter()
    tokens = 0
    hanta = []
    for r in rows:
        words = [t.text for t in tokenize(r["sentence"])]
        tokens += len(words)
        tags = tagger.tag_sent(words, taglevel=1)
        lemmas = [lemma for _, lemma, _ in tags]
        has_werden = any(lemma == "werden" and tag.startswith("VA") for _, lemma, tag in tags)
        has_pp = any(tag == "VV(PP)" for _, _, tag in tags)
        hanta.append(has_werden and has_pp and "werden" in lemmas)
    ms_per_token = 1000 * (time.perf_counter() - t0) / tokens
    out["hanta"] = {**_prf(hanta, gold), "ms_per_token": round(ms_per_token, 3)}
    return out


def main() -> None:
    show = "--misses" in sys.argv
    print(
        json.dumps(
            {
                "officialese": officialese_recall(show),
                "plain": plain_false_positives(show),
                "passive": passive_comparison(),
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
