"""The parts of a German administrative letter (and of a web text).

A letter: letterhead (sender, address, date), reference line (Ihr Zeichen,
Aktenzeichen, Kundennummer …), subject (Betreff), salutation, body with
headings and lists, closing ("Mit freundlichen Grüßen"), signature, legal
remedy notice (Rechtsbehelfsbelehrung) and attachments (Anlagen). A web text
has headings, running text and lists. Text without these signs is all body.

The measures are computed on the running text: the sentences of the body.
Headings, list items, salutation, closing and signature are not sentences of
the running text; list items are reported as list items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .splitter import HEADING, LIST_ITEM, SALUTATION, SENTENCE, Span

PART_LABELS: dict[str, str] = {
    "letterhead": "Briefkopf",
    "reference": "Bezugszeichen",
    "subject": "Betreff",
    "salutation": "Anrede",
    "heading": "Zwischenüberschrift",
    "body": "Brieftext",
    "list": "Aufzählung",
    "closing": "Grußformel",
    "signature": "Unterschrift",
    "legal_remedy": "Rechtsbehelfsbelehrung",
    "attachments": "Anlagen",
}
PARTS = tuple(PART_LABELS)

_CLOSING = re.compile(
    r"(?:Mit\s+(?:freundlichen|besten|herzlichen|vielen)\s+Grüßen|(?:Freundliche|Viele|Beste|Herzliche|Liebe)\s+Grüße"
    r"|Hochachtungsvoll|Ihr(?:e)?\s+Jobcenter\s*$)",
)
_LEGAL_REMEDY = re.compile(
    r"(?:Rechtsbehelfsbelehrung|Rechtsmittelbelehrung|Widerspruchsbelehrung|Belehrung\s+über\s+(?:Ihre\s+)?Rechtsbehelfe"
    r"|Ihre\s+Rechte?\s*:?\s*$|Was\s+können\s+Sie\s+tun,\s+wenn\s+Sie\s+nicht\s+einverstanden\s+sind)",
)
_ATTACHMENTS = re.compile(r"Anlagen?\b\s*:?")
_SUBJECT = re.compile(r"(?:Betreff|Betr\.|Betrifft)\s*:?")
_REFERENCE = re.compile(
    r"(?:Ihr(?:e)?\s+(?:Zeichen|Nachricht|Schreiben)|Unser\s+Zeichen|Aktenzeichen|Az\.|Geschäftszeichen|Kunden-?nummer"
    r"|BG-?Nummer|Nummer\s+der\s+Bedarfsgemeinschaft|Bedarfsgemeinschaftsnummer|Datum\b|Telefon|Tel\.|E-Mail|Fax"
    r"|Zimmer|Sprechzeiten|Bearbeiter|Ansprechpartner)",
)


@dataclass(frozen=True, slots=True)
class Part:
    """Consecutive units of the same part."""

    part: str
    start: int
    end: int
    units: int
    words: int

    @property
    def label(self) -> str:
        return PART_LABELS[self.part]

    def to_dict(self) -> dict[str, Any]:
        return {"part": self.part, "label": self.label, "start": self.start, "end": self.end,
                "units": self.units, "words": self.words}


def _is_short_line(kind: str, words: int) -> bool:
    return kind in (HEADING, SALUTATION) or words <= 8


def assign_parts(text: str, spans: Sequence[Span], word_counts: Sequence[int]) -> list[str]:
    """The part of every span (same order)."""
    n = len(spans)
    heads = [text[s.start : s.end].lstrip("-–•*· \t") for s in spans]
    parts = ["body"] * n
    sal = next((i for i, s in enumerate(spans) if s.kind == SALUTATION), None)
    subject = next(
        (i for i in range(sal if sal is not None else min(n, 12)) if _SUBJECT.match(heads[i])), None
    )
    body_from = 0
    if sal is not None:
        body_from = sal + 1
        for i in range(sal):
            parts[i] = "reference" if _REFERENCE.match(heads[i]) else "letterhead"
        if subject is None:
            # Without "Betreff:" the subject is the last heading line before the salutation.
            for i in range(sal - 1, -1, -1):
                if spans[i].kind == HEADING and parts[i] == "letterhead" and word_counts[i] >= 2:
                    subject = i
                    break
        if subject is not None:
            parts[subject] = "subject"
        parts[sal] = "salutation"
    elif subject is not None:
        for i in range(subject):
            parts[i] = "reference" if _REFERENCE.match(heads[i]) else "letterhead"
        parts[subject] = "subject"
        body_from = subject + 1

    closing = next(
        (i for i in range(body_from, n) if _is_short_line(spans[i].kind, word_counts[i]) and _CLOSING.match(heads[i])),
        None,
    )
    remedy = next(
        (i for i in range(body_from, n) if _is_short_line(spans[i].kind, word_counts[i]) and _LEGAL_REMEDY.match(heads[i])),
        None,
    )
    attachments = next(
        (i for i in range(body_from, n) if _is_short_line(spans[i].kind, word_counts[i]) and _ATTACHMENTS.match(heads[i])
         and (closing is None or i > closing)),
        None,
    )
    ends = [i for i in (closing, remedy, attachments) if i is not None]
    body_to = min(ends) if ends else n
    for i in range(body_from, body_to):
        kind = spans[i].kind
        parts[i] = "list" if kind == LIST_ITEM else "heading" if kind == HEADING else "salutation" if kind == SALUTATION else "body"
    if closing is not None:
        parts[closing] = "closing"
        i = closing + 1
        while i < n and i not in (remedy, attachments) and _is_short_line(spans[i].kind, word_counts[i]) and i - closing <= 6:
            parts[i] = "signature"
            i += 1
        while i < n and i not in (remedy, attachments) and parts[i] == "body":
            i += 1  # a postscript after the signature stays body
    if remedy is not None:
        stop = attachments if attachments is not None and attachments > remedy else n
        if closing is not None and remedy < closing:
            stop = min(stop, closing)
        for i in range(remedy, stop):
            parts[i] = "legal_remedy"
    if attachments is not None:
        stop = remedy if remedy is not None and remedy > attachments else n
        for i in range(attachments, stop):
            parts[i] = "attachments"
    return parts


def running_indices(spans: Sequence[Span], parts: Sequence[str]) -> list[int]:
    """Indices of the units measured as running text: body sentences.

    Falls back to body and list units, then to every unit, so that a text made only of a
    list or of headings is still measured.
    """
    body = [i for i, (s, p) in enumerate(zip(spans, parts, strict=True)) if p == "body" and s.kind == SENTENCE]
    if body:
        return body
    loose = [i for i, p in enumerate(parts) if p in ("body", "list", "legal_remedy")]
    return loose or list(range(len(spans)))


def group_parts(spans: Sequence[Span], parts: Sequence[str], word_counts: Sequence[int]) -> list[Part]:
    out: list[Part] = []
    for span, part, words in zip(spans, parts, word_counts, strict=True):
        if out and out[-1].part == part:
            last = out[-1]
            out[-1] = Part(part, last.start, span.end, last.units + 1, last.words + words)
        else:
            out.append(Part(part, span.start, span.end, 1, words))
    return out
