"""Word-level difference of two texts (pure Python, difflib).

``word_diff(before, after)`` returns a list of ``(op, text)`` pieces in reading
order: ``"equal"``, ``"delete"`` (only in *before*) or ``"insert"`` (only in
*after*); a replaced passage is a delete followed by an insert. Whitespace and
line breaks travel with the words, so joining the "equal" and "insert" pieces
gives *after* again, and "equal" and "delete" give *before*.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_PIECE = re.compile(r"\S+\s*|\s+")
MAX_WORDS = 20_000  # beyond this, the texts are compared as one block each


def _pieces(text: str) -> list[str]:
    return _PIECE.findall(text)


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    a, b = _pieces(before), _pieces(after)
    if len(a) > MAX_WORDS or len(b) > MAX_WORDS:
        return [("delete", before), ("insert", after)] if before != after else [("equal", before)]
    # Compare the words without their trailing whitespace, so a re-wrapped line still matches.
    ka, kb = [p.strip() for p in a], [p.strip() for p in b]
    out: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", "".join(b[j1:j2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return out


def diff_counts(pieces: list[tuple[str, str]]) -> dict[str, int]:
    """Words deleted, inserted and kept."""
    counts = {"equal": 0, "delete": 0, "insert": 0}
    for op, text in pieces:
        counts[op] += len(text.split())
    return counts
