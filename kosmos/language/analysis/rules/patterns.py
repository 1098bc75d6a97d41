"""Fast matching of many phrase patterns: a cheap literal pre-check per pattern.

Running 200 regular expressions (or one alternation of 200 branches) over a
long text is slow in Python. Most patterns begin with a literal word, so a
pattern is only run when one of its literal "anchors" occurs in the
lower-cased text at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_META = set(".^$*+?{}[]\\|()")


def _top_level_branches(pattern: str) -> list[str]:
    branches, depth, cur, i = [], 0, [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            cur.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    branches.append("".join(cur))
    return branches


def _anchor(branch: str) -> str | None:
    """Literal start of a branch (at least 3 characters), lower-cased; None if there is none."""
    out = []
    for i, ch in enumerate(branch):
        if ch in _META:
            # An optional last character ("zum Zwecke?") is not part of the anchor.
            if ch in "?*{" and out:
                out.pop()
            break
        out.append(ch)
        if i > 40:
            break
    literal = "".join(out).lower()
    return literal if len(literal) >= 3 else None


@dataclass(frozen=True)
class PhrasePattern:
    regex: re.Pattern[str]
    anchors: tuple[str, ...] | None  # None: always run
    payload: object

    def may_match(self, lowered_text: str) -> bool:
        return self.anchors is None or any(a in lowered_text for a in self.anchors)


def compile_phrases(entries: list[tuple[str, object]], flags: int = re.IGNORECASE) -> list[PhrasePattern]:
    out = []
    for pattern, payload in entries:
        anchors = [_anchor(b) for b in _top_level_branches(pattern)]
        out.append(
            PhrasePattern(
                re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", flags),
                None if any(a is None for a in anchors) else tuple(a for a in anchors if a),
                payload,
            )
        )
    return out


def find_phrases(patterns: list[PhrasePattern], text: str, lowered: str | None = None) -> Iterator[tuple[re.Match[str], object]]:
    """Non-overlapping matches of all patterns, longest first at each position, in text order."""
    low = lowered if lowered is not None else text.lower()
    hits: list[tuple[int, int, re.Match[str], object]] = []
    for p in patterns:
        if not p.may_match(low):
            continue
        for m in p.regex.finditer(text):
            if m.end() > m.start():
                hits.append((m.start(), -(m.end() - m.start()), m, p.payload))
    hits.sort(key=lambda h: (h[0], h[1]))
    last_end = -1
    for start, _neg_len, m, payload in hits:
        if start < last_end:
            continue
        last_end = m.end()
        yield m, payload
