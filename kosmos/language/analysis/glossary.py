"""Organisation glossary: preferred terms, terms to avoid, terms to explain.

A glossary is passed in as data, e.g. from JSON::

    {
      "preferred": [{"term": "Kooperationsplan", "variants": ["Eingliederungsvereinbarung"]}],
      "avoid":     [{"term": "Kunde", "replacement": "Sie"}],
      "explain":   [{"term": "Bedarfsgemeinschaft",
                     "explanation": "alle Menschen in Ihrem Haushalt, die zusammen Bürgergeld bekommen"}]
    }

* ``preferred``: the organisation writes *term*; each of the *variants* in a
  text produces a finding that suggests *term*.
* ``avoid``: *term* should not be used; the finding suggests *replacement*.
* ``explain``: *term* must stay but needs an explanation at its first use;
  no finding if the explanation already stands in the text.

Terms of all three kinds are never flagged as rare or foreign words.
Matching ignores case and allows German inflection endings (-e, -en, -n, -s, -es, -er, -ern).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

PREFERRED = "preferred"
AVOID = "avoid"
EXPLAIN = "explain"
_KINDS = (PREFERRED, AVOID, EXPLAIN)


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: str
    kind: str  # "preferred" | "avoid" | "explain"
    replacement: str = ""
    explanation: str = ""
    variants: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValueError(f"Unbekannte Glossar-Art {self.kind!r}: erlaubt sind {', '.join(_KINDS)}.")
        if not self.term.strip():
            raise ValueError("Ein Glossar-Eintrag braucht einen Begriff.")


def term_pattern(term: str) -> re.Pattern[str]:
    """Case-insensitive pattern for *term* with optional inflection ending."""
    words = [re.escape(w) for w in term.split()]
    body = r"\s+".join(words)
    return re.compile(rf"(?<![\w]){body}(?:e|en|n|s|es|er|ern)?(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...] = ()
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> Glossary:
        """Build from a mapping {kind: [entry, …]} or a list of entries with a "kind" key."""
        entries: list[GlossaryEntry] = []
        if isinstance(data, Mapping):
            items = [(kind, e) for kind in _KINDS for e in data.get(kind, [])]
            unknown = set(data) - set(_KINDS)
            if unknown:
                raise ValueError(f"Unbekannte Glossar-Art: {', '.join(sorted(unknown))}.")
        else:
            items = [(str(e.get("kind", "")), e) for e in data]
        for kind, raw in items:
            if isinstance(raw, str):
                raw = {"term": raw}
            entries.append(
                GlossaryEntry(
                    term=str(raw.get("term", "")).strip(),
                    kind=kind,
                    replacement=str(raw.get("replacement", "") or ""),
                    explanation=str(raw.get("explanation", "") or ""),
                    variants=tuple(str(v) for v in raw.get("variants", ()) or ()),
                )
            )
        return cls(tuple(entries))

    def pattern(self, term: str) -> re.Pattern[str]:
        pat = self._patterns.get(term)
        if pat is None:
            pat = term_pattern(term)
            self._patterns[term] = pat
        return pat

    def known_words(self) -> frozenset[str]:
        """Lower-case words that the organisation uses on purpose."""
        words: set[str] = set()
        for e in self.entries:
            if e.kind in (PREFERRED, EXPLAIN):
                words.update(w.lower() for w in e.term.split())
            if e.kind == AVOID and e.replacement:
                words.update(w.lower() for w in e.replacement.split())
        return frozenset(words)
