"""What every rule gets: the text, its tokens and sentences, type and glossary."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..findings import SEVERITIES, Finding
from ..glossary import Glossary
from ..texttypes import TextType
from ..tokens import Token

# Parts of a letter whose lines are names, addresses and numbers: no findings there.
UNCHECKED_PARTS = frozenset({"letterhead", "reference", "signature"})


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    index: int
    start: int
    end: int
    kind: str
    tokens: tuple[Token, ...]
    part: str = "body"  # see structure.PARTS

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]


@dataclass
class Context:
    text: str
    tokens: list[Token]
    sentences: list[SentenceInfo]
    text_type: TextType
    glossary: Glossary | None = None
    known_words: frozenset[str] = frozenset()
    token_starts: list[int] = field(default_factory=list)
    lowered: str = ""
    sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.token_starts:
            self.token_starts = [t.start for t in self.tokens]
        if not self.lowered:
            self.lowered = self.text.lower()
            if len(self.lowered) != len(self.text):  # a few characters change length when lower-cased
                self.lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in self.text)
        self.sentence_starts = [s.start for s in self.sentences]

    def finding(self, rule: str, start: int, end: int, severity: str, message: str, suggestion: str) -> Finding:
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r}")
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        return Finding(rule, start, end, self.text[start:end], severity, message, suggestion)

    def sentence_at(self, pos: int) -> SentenceInfo | None:
        i = bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def checks(self, pos: int) -> bool:
        """Whether findings at *pos* are shown: not in the letterhead, reference line or signature."""
        s = self.sentence_at(pos)
        return s is None or s.part not in UNCHECKED_PARTS

    def token_index(self, pos: int) -> int:
        return bisect_left(self.token_starts, pos)

    def is_known(self, word: str) -> bool:
        return word.lower() in self.known_words
