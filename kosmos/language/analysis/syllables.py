"""German syllable counting by vowel groups.

The rule: every maximal run of vowel letters is split into nuclei, where the
German diphthongs and long-vowel digraphs (ei, ai, au, eu, äu, ie, ey, ay, aa,
ee, oo, ou) count as one nucleus and every other vowel letter as one nucleus.
A few general phonotactic exceptions follow below; no word list is involved.
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = "aeiouäöüyéèêáàâóôíúøå"
_VOWEL_RUN = re.compile(f"[{_VOWELS}]+")
_DIGRAPHS = frozenset({"ei", "ai", "au", "eu", "äu", "ie", "ey", "ay", "aa", "ee", "oo", "ou"})
# "ie" is a long i and never stands before a doubled consonant: there it is i-e
# (spe-zi-el-les, Hen-ri-et-te).
_IE_HIATUS_DOUBLE = re.compile(r"ie(?=(bb|dd|ff|gg|kk|ll|mm|nn|pp|rr|ss|tt|zz|ck))")
# Latin-derived -ilie/-ilien (Fa-mi-li-e, U-ten-si-li-en) and -eum/-äum (Mu-se-um).
_IE_HIATUS_ILIE = re.compile(r"(?<=[aeiouäöü]l)ie(?=n?$|n[^aeiouäöüy])")
_EUM_HIATUS = re.compile(r"(?<=[^aeiou])(e|ä)um$")
_LETTERS = re.compile(r"[^\W\d_]")


def _count_part(part: str) -> int:
    if not part:
        return 0
    w = part.lower()
    # "qu" is a consonant cluster; "y" before a vowel at the start is a consonant.
    w = w.replace("qu", "qw")
    if w.startswith("y") and len(w) > 1 and w[1] in _VOWELS:
        w = "j" + w[1:]
    # Mark hiatus positions: insert a separator so the vowel run is split.
    w = _IE_HIATUS_DOUBLE.sub("i|e", w)
    w = _IE_HIATUS_ILIE.sub("i|e", w)
    w = _EUM_HIATUS.sub(lambda m: m.group(1) + "|um", w)
    count = 0
    for run in _VOWEL_RUN.findall(w):
        i = 0
        n = len(run)
        while i < n:
            if i + 1 < n and run[i : i + 2] in _DIGRAPHS:
                i += 2
            else:
                i += 1
            count += 1
    return count


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Number of syllables of a German word (at least 1 if it has letters).

    Acronyms without a vowel ("SGB", "KdU") are spelled out letter by letter.
    Digits and symbols contribute nothing; a token without letters has 0.
    """
    letters = _LETTERS.findall(word)
    if not letters:
        return 0
    parts = re.split(r"[-·/]+", word)
    total = 0
    for part in parts:
        letter_part = "".join(_LETTERS.findall(part))
        if not letter_part:
            continue
        n = _count_part(letter_part)
        if n == 0:
            # No vowel at all: an acronym read letter by letter (max. 5).
            n = min(len(letter_part), 5) if letter_part[:1].isupper() else 1
        total += n
    return max(total, 1)


def letter_count(word: str) -> int:
    """Number of letters in a token (digits, hyphens and dots excluded)."""
    return len(_LETTERS.findall(word))
