"""Tokenizer for German administrative text.

Tokens keep their character offsets into the original text. Kinds:

* ``word``   – a run of letters (with inner hyphens, apostrophes, middle dots
  and gender forms such as ``Antragsteller:innen``); may contain digits
  ("A4", "SGB-II").
* ``abbrev`` – an abbreviation with its period(s): "z. B.", "ggf.", "Nr.".
  It counts as one word.
* ``number`` – digits with inner separators: "2025", "14.03.2025", "1,5".
  Numbers are not words: they have no syllables and do not count as words.
* ``punct``  – any other visible character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .data.abbreviations import AMBIGUOUS, MULTI_PART, SINGLE


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "word" | "abbrev" | "number" | "punct"

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "abbrev")


_L = r"[^\W\d_]"  # one letter (Unicode aware)


def _multi_part_pattern() -> str:
    parts = []
    for abbr in sorted(MULTI_PART, key=len, reverse=True):
        pieces = [re.escape(p.rstrip(".")) for p in abbr.split()]
        parts.append(r"\.\s?".join(pieces) + r"\.")
    return "|".join(parts)


def _single_pattern() -> str:
    plain = sorted((a for a in SINGLE if len(a) > 1 and a not in AMBIGUOUS), key=len, reverse=True)
    ambiguous = sorted(AMBIGUOUS, key=len, reverse=True)
    return (
        r"(?:" + "|".join(re.escape(a) for a in plain) + r")\."
        + r"|(?:" + "|".join(re.escape(a) for a in ambiguous) + r")\.(?=\s?[\d\-–,/])"
    )


_TOKEN_RE = re.compile(
    rf"""
    (?P<abbrev>
        (?<!{_L})(?:{_multi_part_pattern()})
      | (?<![\w.])(?:{_single_pattern()})(?!{_L})
      | (?<![\w.]){_L}\.(?!\w)            # single letter with period: initials, "S.", "f."
    )
  | (?P<word>
        {_L}(?:[\w'’·]|-(?=\w))*
        (?:[:*_/]-?(?:innen|in)(?!{_L})|/-?(?:in|innen|e|r)(?!{_L}))?
    )
  | (?P<number>\d+(?:[.,:/]\d+)*)
  | (?P<punct>[^\s\w])
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[Token]:
    """Split *text* into tokens with offsets (whitespace is dropped)."""
    return list(_tokenize_cached(text))


@lru_cache(maxsize=64)
def _tokenize_cached(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        out.append(Token(m.group(), m.start(), m.end(), kind))
    return tuple(out)


def abbreviation_long_form(token_text: str) -> str | None:
    """Written-out form of an abbreviation token, if known."""
    norm = re.sub(r"\.\s*", ". ", token_text).strip()
    if norm in MULTI_PART:
        return MULTI_PART[norm]
    base = token_text.rstrip(".")
    return SINGLE.get(base)
