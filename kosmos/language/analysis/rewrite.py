"""Rewrite help: split the longest sentences into shorter ones, by rule (no model).

A proposal, never an automatic change: the split uses the sentence's visible
structure only.

- a semicolon ends a sentence;
- ", und/oder" before a new subject, ", aber/denn/doch" start a new sentence;
- a relative clause at the end becomes a sentence of its own: the verb moves from
  the end to the second place ("…, die Sie erhalten haben." → "Diese haben Sie erhalten.");
- ", sodass …" becomes "Deshalb …", ", wobei …" becomes "Dabei …",
  ", weil/da <pronoun> …" becomes "Der Grund: <pronoun> …".

Where the structure does not allow a safe split, no proposal is made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

NOTE = "Vorschlag, automatisch nach Regeln geteilt – bitte prüfen Sie Sinn und Grammatik, bevor Sie ihn übernehmen."
MAX_PROPOSALS = 3
MIN_WORDS = 4

_SUBJECTS = frozenset(
    ["sie", "wir", "ich", "er", "es", "ihr", "ihre", "unser", "unsere", "die", "der", "das", "dies", "diese", "dieser", "man", "sie"]
)
_PRONOUN_SUBJECTS = frozenset(["Sie", "sie", "wir", "ich", "er", "es", "Wir", "Ich", "Er", "Es"])
_AUX = frozenset(
    ["haben", "hat", "hatte", "hatten", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "kann", "können",
     "konnte", "konnten", "muss", "müssen", "musste", "mussten", "soll", "sollen", "sollte", "sollten", "darf", "dürfen",
     "will", "wollen", "möchte", "möchten", "würde", "würden", "habe", "sei", "seien"]
)
_SEPARABLE = ("zurück", "zusammen", "weiter", "heraus", "vorbei", "fest", "nach", "mit", "vor", "ein", "aus", "auf", "an", "ab", "bei", "zu", "dar", "weg")
_DEMONSTRATIVE = {
    "der": "Dieser", "die": "Diese", "das": "Dieses", "dem": "Diesem", "den": "Diesen", "denen": "Diesen",
    "deren": "Deren", "dessen": "Dessen", "welcher": "Dieser", "welche": "Diese", "welches": "Dieses",
    "welchem": "Diesem", "welchen": "Diesen",
}
_COORD = re.compile(r",\s+(und|oder|aber|denn|doch)\s+")
_RELATIVE = re.compile(r",\s+(der|die|das|dem|den|denen|deren|dessen|welche[rsmn]?)\s+")
_SO_THAT = re.compile(r",\s+(?:sodass|so dass)\s+")
_WHEREBY = re.compile(r",\s+wobei\s+")
_BECAUSE = re.compile(r",\s+(?:weil|da)\s+(?=(?:Sie|sie|wir|ich|er|es)\s)")


@dataclass(frozen=True, slots=True)
class Rewrite:
    sentence_index: int
    start: int
    end: int
    original: str
    proposal: tuple[str, ...]
    note: str = NOTE

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence_index": self.sentence_index,
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "proposal": list(self.proposal),
            "note": self.note,
        }


def _words(s: str) -> list[str]:
    return s.split()


def _cap(s: str) -> str:
    s = s.strip()
    return s[:1].upper() + s[1:] if s else s


def _finish(s: str, end: str = ".") -> str:
    s = s.strip().rstrip(",;:")
    return s if s.endswith((".", "!", "?", "…")) else s + end


def _to_v2(first: str, clause: str) -> str | None:
    """A verb-final clause as a main clause: *first* word, finite verb, rest, verb particle."""
    words = _words(clause)
    if len(words) < 2:
        return None
    verb = words[-1]
    if not verb.isalpha() or not verb[:1].islower() or "zu" in verb[2:-2]:
        return None
    rest = words[:-1]
    if verb in _AUX:
        return " ".join([first, verb, *rest])
    if len(rest) >= 1 and rest[-1].isalpha() and rest[-1][:1].islower() and rest[-1] in _AUX:
        return None  # "… erhalten haben können": leave it
    for prefix in _SEPARABLE:
        stem = verb[len(prefix):]
        if verb.startswith(prefix) and len(stem) >= 4 and stem.endswith(("t", "en")) and not stem.startswith(("ge", "be", "er", "ver")):
            return " ".join([first, stem, *rest, prefix])
    return " ".join([first, verb, *rest])


def _split_once(sentence: str) -> list[str] | None:
    body = sentence.rstrip()
    end = body[-1] if body[-1:] in ".!?" else "."
    core = body[:-1] if body[-1:] in ".!?" else body
    if ";" in core:
        pieces = [p for p in core.split(";") if p.strip()]
        if len(pieces) > 1 and all(len(_words(p)) >= MIN_WORDS - 1 for p in pieces):
            return [_finish(_cap(p)) for p in pieces[:-1]] + [_finish(_cap(pieces[-1]), end)]
    for m in _COORD.finditer(core):
        left, right = core[: m.start()], core[m.end():]
        conj = m.group(1)
        if len(_words(left)) < MIN_WORDS or len(_words(right)) < MIN_WORDS:
            continue
        rw = _words(right)
        if conj in ("und", "oder") and rw[0].lower() not in _SUBJECTS and rw[1] not in ("Sie", "wir"):
            continue
        lead = "" if conj == "und" else conj.capitalize() + " "
        return [_finish(_cap(left)), _finish(lead + (right if lead else _cap(right)), end)]
    tail = core.rsplit(",", 1)
    if len(tail) == 2 and "," not in tail[1]:
        m = _RELATIVE.search(core, len(tail[0]))
        if m and len(_words(tail[0])) >= MIN_WORDS and len(_words(core[m.end():])) >= MIN_WORDS - 1:
            v2 = _to_v2(_DEMONSTRATIVE[m.group(1).lower()], core[m.end():])
            if v2:
                return [_finish(_cap(tail[0])), _finish(v2, end)]
        m = _SO_THAT.search(core, len(tail[0]))
        if m and len(_words(tail[0])) >= MIN_WORDS:
            v2 = _to_v2("Deshalb", core[m.end():])
            if v2:
                return [_finish(_cap(tail[0])), _finish(v2, end)]
        m = _WHEREBY.search(core, len(tail[0]))
        if m and len(_words(tail[0])) >= MIN_WORDS:
            v2 = _to_v2("Dabei", core[m.end():])
            if v2:
                return [_finish(_cap(tail[0])), _finish(v2, end)]
        m = _BECAUSE.search(core, len(tail[0]))
        if m and len(_words(tail[0])) >= MIN_WORDS:
            words = _words(core[m.end():])
            v2 = _to_v2(words[0], " ".join(words[1:]))
            if v2:
                return [_finish(_cap(tail[0])), _finish("Der Grund: " + v2, end)]
    return None


def split_sentence(sentence: str, depth: int = 3) -> list[str]:
    """The sentence as shorter sentences (a single item when no rule applies)."""
    pieces = _split_once(" ".join(sentence.split()))
    if not pieces or depth <= 0:
        return [" ".join(sentence.split())]
    out: list[str] = []
    for p in pieces:
        out.extend(split_sentence(p, depth - 1))
    return out


def propose_rewrites(text: str, sentences: Sequence[Any], findings: Iterable[Any], text_type: Any) -> list[Rewrite]:
    """Proposals for the longest sentences of the running text (at most MAX_PROPOSALS)."""
    del findings  # the candidates are chosen by length; findings may refine this later
    long = [
        s for s in sentences
        if s.kind == "sentence" and s.part in ("body", "legal_remedy") and len(s.words) > text_type.sentence_hint
    ]
    long.sort(key=lambda s: -len(s.words))
    out: list[Rewrite] = []
    for s in long:
        original = text[s.start : s.end]
        proposal = split_sentence(original)
        if len(proposal) > 1:
            out.append(Rewrite(s.index, s.start, s.end, " ".join(original.split()), tuple(proposal)))
        if len(out) >= MAX_PROPOSALS:
            break
    out.sort(key=lambda r: r.start)
    return out
