"""Word familiarity from the wordfreq German list (offline, loaded once)."""

from __future__ import annotations

import math
import threading
from functools import lru_cache

from .data.words import DOMAIN_WORDS, FUNCTION_WORDS

_lock = threading.Lock()
_freq: dict[str, float] | None = None

# Zipf value given to domain words of the allow-list (a common word's level).
DOMAIN_ZIPF = 4.0


def _frequencies() -> dict[str, float]:
    global _freq
    if _freq is None:
        with _lock:
            if _freq is None:
                from wordfreq import get_frequency_dict

                _freq = get_frequency_dict("de", wordlist="best")
    return _freq


def warm_up() -> None:
    """Load the frequency list now (it takes about half a second once)."""
    _frequencies()


@lru_cache(maxsize=131072)
def zipf(word: str) -> float:
    """Zipf frequency (0 … ~7.5) of *word* in German; 0.0 if unknown.

    Hyphenated compounds take their rarest part. A closed compound that is not
    in the list but splits into two known words ("Kernlochbohrung") gets the
    rarer part's value minus 1 (compounds are harder than their parts).
    """
    # wordfreq stores case-folded words ("grüßen" → "grüssen").
    w = word.casefold().replace("·", "").replace("’", "'")
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        return min((zipf(p) for p in parts), default=0.0)
    freq = _frequencies().get(w)
    if freq:
        return round(math.log10(freq) + 9.0, 2)
    return _compound_zipf(w)


def _compound_zipf(w: str) -> float:
    freqs = _frequencies()
    best = 0.0
    n = len(w)
    if n < 8 or n > 40:
        return 0.0
    for i in range(4, n - 3):
        head, tail = w[:i], w[i:]
        tf = freqs.get(tail)
        if not tf:
            continue
        hf = freqs.get(head) or (freqs.get(head[:-1]) if head.endswith(("s", "n", "e")) else None)
        if not hf:
            continue
        value = math.log10(min(hf, tf)) + 9.0 - 1.0
        best = max(best, value)
    return round(max(best, 0.0), 2)


@lru_cache(maxsize=65536)
def is_domain_word(word: str) -> bool:
    """Domain word of the allow-list, also inflected ("Regelbedarfs", "Jobcentern")."""
    low = word.lower()
    if low in DOMAIN_WORDS:
        return True
    return any(low.endswith(e) and low[: -len(e)] in DOMAIN_WORDS for e in ("s", "es", "n", "en", "e", "er", "ern"))


def is_function_word(word: str) -> bool:
    return word.lower() in FUNCTION_WORDS


def familiarity(word: str, extra_known: frozenset[str] = frozenset()) -> float:
    """Zipf value used for scoring: domain words count as common words."""
    if is_domain_word(word) or word.lower() in extra_known:
        return max(zipf(word), DOMAIN_ZIPF)
    return zipf(word)
