"""Preparing the consensus meeting (Bewertungszirkel): statistics over individual ratings and merged texts.

- :func:`rating_stats` summarises the individual ratings of one item (percentages; ``None`` = not rated).
  The standard deviation is the *population* standard deviation: the group is the whole set of raters,
  not a sample. ``needs_discussion`` is set when max − min ≥ 30 percentage points.
- :func:`order_for_discussion` puts the items with the largest disagreement first.
- :func:`merge_statements` merges strengths or areas for improvement from several members: entries that
  differ only in case, whitespace, punctuation or gender notation are merged, and so are entries whose
  normalised texts have a ``difflib`` similarity ratio ≥ 0.9. Counts are kept.
"""

from __future__ import annotations

import difflib
import re
import statistics
import unicodedata
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

from ._numbers import Number, as_number, to_fraction
from .scoring import round_to_step

DISCUSSION_SPREAD = 30
SIMILARITY_THRESHOLD = 0.9

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class RatingStats:
    n: int  # number of given ratings
    n_missing: int  # "not rated"
    mean: float | int | None
    median: float | int | None
    minimum: float | int | None
    maximum: float | int | None
    spread: float | int  # range: max − min (0 with fewer than two ratings)
    stdev: float  # population standard deviation (0.0 with fewer than two ratings)
    needs_discussion: bool
    proposal: int | None  # mean rounded half-up to a multiple of 5, as a starting point for the discussion


def rating_stats(
    ratings: Iterable[Number | None], *, discussion_spread: Number = DISCUSSION_SPREAD
) -> RatingStats:
    """Statistics of the individual ratings of one item."""
    given: list[Fraction] = []
    missing = 0
    for value in ratings:
        if value is None:
            missing += 1
            continue
        exact = to_fraction(value)
        if not 0 <= exact <= 100:
            raise ValueError(f"rating {value!r} is not between 0 and 100")
        given.append(exact)
    if not given:
        return RatingStats(0, missing, None, None, None, None, 0, 0.0, False, None)
    lo, hi = min(given), max(given)
    spread = hi - lo
    average = sum(given, Fraction(0)) / len(given)
    return RatingStats(
        n=len(given),
        n_missing=missing,
        mean=as_number(average),
        median=as_number(Fraction(statistics.median(given))),
        minimum=as_number(lo),
        maximum=as_number(hi),
        spread=as_number(spread),
        stdev=float(statistics.pstdev(given)) if len(given) > 1 else 0.0,
        needs_discussion=spread >= to_fraction(discussion_spread),
        proposal=round_to_step(average),
    )


@dataclass(frozen=True, slots=True)
class ItemStats(Generic[K]):
    key: K
    stats: RatingStats


def order_for_discussion(
    items: Mapping[K, Iterable[Number | None]] | Iterable[tuple[K, Iterable[Number | None]]],
    *,
    discussion_spread: Number = DISCUSSION_SPREAD,
) -> list[ItemStats[K]]:
    """Items ordered for the consensus meeting.

    First the items that need discussion, then by descending spread and standard deviation; items nobody
    rated come last. Ties keep the input order (e.g. the order of the catalogue).
    """
    pairs = items.items() if isinstance(items, Mapping) else items
    computed = [
        ItemStats(key, rating_stats(values, discussion_spread=discussion_spread)) for key, values in pairs
    ]
    return sorted(
        computed,
        key=lambda item: (
            item.stats.n == 0,
            not item.stats.needs_discussion,
            -to_fraction(item.stats.spread),
            -item.stats.stdev,
        ),
    )


# --------------------------------------------------------------------------------------------------
# Merging texts
# --------------------------------------------------------------------------------------------------

_INNER_MARK = re.compile(r"(?<=\w)[:*_·/'’\-](?=\w)")
_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")


def normalise_statement(text: str) -> str:
    """Comparison key: NFKC, case-folded, gender marks inside words removed, punctuation -> space.

    ``"Kund:innen werden gut beraten!"`` and ``"kundinnen werden gut beraten"`` give the same key.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _INNER_MARK.sub("", folded)
    folded = _NON_WORD.sub(" ", folded).replace("_", " ")
    return _SPACES.sub(" ", folded).strip()


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class MergedStatement:
    text: str  # the first wording, whitespace-cleaned
    count: int  # how many entries were merged into this one
    variants: tuple[str, ...]  # distinct wordings in order of appearance
    key: str  # normalised comparison key of ``text``


def _similar(a: str, b: str, threshold: float) -> bool:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


def merge_statements(
    texts: Iterable[str | None], *, threshold: float = SIMILARITY_THRESHOLD
) -> list[MergedStatement]:
    """Merge near-identical entries; most frequent first, ties in order of first appearance."""
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    groups: list[dict] = []
    by_key: dict[str, int] = {}
    for raw in texts:
        if raw is None:
            continue
        cleaned = _clean(raw)
        key = normalise_statement(cleaned)
        if not key:
            continue
        index = by_key.get(key)
        if index is None:
            index = next((i for i, g in enumerate(groups) if _similar(key, g["key"], threshold)), None)
        if index is None:
            groups.append({"key": key, "text": cleaned, "count": 0, "variants": []})
            index = len(groups) - 1
        by_key.setdefault(key, index)
        group = groups[index]
        group["count"] += 1
        if cleaned not in group["variants"]:
            group["variants"].append(cleaned)
    ordered = sorted(enumerate(groups), key=lambda pair: (-pair[1]["count"], pair[0]))
    return [MergedStatement(g["text"], g["count"], tuple(g["variants"]), g["key"]) for _i, g in ordered]


def merge_findings(
    findings: Iterable[tuple[str, str | None]], *, threshold: float = SIMILARITY_THRESHOLD
) -> dict[str, list[MergedStatement]]:
    """Merge ``(kind, text)`` pairs per kind, e.g. ``("strength", ...)`` and ``("improvement", ...)``."""
    by_kind: dict[str, list[str | None]] = {}
    for kind, text in findings:
        by_kind.setdefault(kind, []).append(text)
    return {kind: merge_statements(texts, threshold=threshold) for kind, texts in by_kind.items()}
