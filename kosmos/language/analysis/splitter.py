"""German sentence splitter for letters, notices and web texts.

Works in two steps:

1. **Lines to blocks.** Blank lines, list items ("- …", "• …", "1. …", "a) …"),
   salutation lines ("Sehr geehrte Frau Muster,") and lines without final
   punctuation (headings, address lines, "Mit freundlichen Grüßen") end a
   unit. Long lines without final punctuation followed by a non-empty line are
   taken as soft-wrapped text and joined with the next line.
2. **Blocks to sentences.** Inside a block, ``.``, ``!``, ``?`` and ``…`` end a
   sentence only if whitespace and an upper-case letter, a digit or an opening
   quote follow, and the period does not belong to an abbreviation ("z. B.",
   "i. V. m.", "Nr."), a date or an ordinal ("am 3. Mai", "ab dem 1. Juli").

Spans without any word (a date line, "---") are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .data.abbreviations import MONTHS, SENTENCE_FINAL_OK
from .tokens import Token

# Kinds of units.
SENTENCE = "sentence"
HEADING = "heading"
LIST_ITEM = "list_item"
SALUTATION = "salutation"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str


_LIST_MARKER = re.compile(r"[ \t]*(?:[-–—•*·▪►✓→◦]|\d{1,2}[.)]|\(\d{1,2}\)|[a-z]\)|\([a-z]\))[ \t]+\S")
_SALUTATION = re.compile(
    r"[ \t]*(?:Sehr\s+geehrte[rsn]?|Liebe[rs]?|Lieber|Hallo|Guten\s+Tag|Guten\s+Morgen|Moin|Grüß\s+Gott)\b[^\n]{0,80}[,!]?[ \t]*$"
)
_TERMINAL_AT_END = re.compile(r"[.!?…:;,][\"“”»«’')\]]*\s*$")
_SENT_END = re.compile(r"[.!?…]+")
_CLOSERS = "\"“”»«’')]"
_OPENERS = "„\"»«‚‘“([„"

# Words after which a number followed by a period is an ordinal ("am 3. Mai").
_ORDINAL_CONTEXT = frozenset(
    ["am", "ab", "bis", "zum", "zur", "vom", "im", "in", "an", "den", "dem", "der", "des", "die", "das", "ihr", "ihre", "ihrem", "ihren", "ihres", "sein", "seine", "seinem", "seinen", "unser", "unsere", "unserem", "unseren", "mein", "meine", "meinem", "meinen", "jeden", "jedem", "jeder", "jedes", "seit", "für", "vor", "nach", "per", "ihres", "bis", "spätestens", "diesem", "dieses", "dieser", "diesen"]
)

# Words that typically start a sentence: after an abbreviation like "usw." or a
# date without year, a following word from this list starts a new sentence.
SENTENCE_STARTERS = frozenset(
    ["Die", "Der", "Das", "Dies", "Diese", "Dieser", "Dieses", "Sie", "Wir", "Ich", "Er", "Es", "Bitte", "Dann", "Wenn", "Falls", "Ihr", "Ihre", "Ihnen", "Damit", "Deshalb", "Daher", "Darum", "Außerdem", "Auch", "Aber", "Und", "Oder", "So", "Hier", "Wer", "Was", "Wie", "Wo", "Warum", "Wann", "Weil", "Unsere", "Unser", "Mein", "Meine", "Kein", "Keine", "Eine", "Ein", "Einen", "Alle", "Jeder", "Jede", "Man", "Leider", "Vielen", "Danke", "Mit", "Haben", "Sind", "Können", "Gibt", "Dazu", "Zudem", "Trotzdem", "Jetzt", "Heute", "Nun", "Sollten", "Melden", "Rufen", "Schicken", "Kommen", "Senden", "Beachten", "Füllen", "Geben", "Legen", "Denken", "Nehmen", "Bringen"]
)


def split(text: str, tokens: list[Token]) -> list[Span]:
    """Split *text* (already tokenized into *tokens*) into sentence spans."""
    starts = [t.start for t in tokens]
    spans: list[Span] = []
    for b_start, b_end, kind in _blocks(text):
        spans.extend(_split_block(text, tokens, starts, b_start, b_end, kind))
    # Keep only spans that contain at least one word.
    out: list[Span] = []
    for span in spans:
        i = bisect_left(starts, span.start)
        while i < len(tokens) and tokens[i].start < span.end:
            if tokens[i].is_word:
                out.append(span)
                break
            i += 1
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without the line break."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        out.append((pos, pos + len(stripped)))
        pos += len(line)
    return out


def _blocks(text: str) -> list[tuple[int, int, str]]:
    """Cut the text into blocks at line-level boundaries."""
    blocks: list[tuple[int, int, str]] = []
    lines = _lines(text)
    cur_start: int | None = None
    cur_kind = SENTENCE

    def close(end: int, kind: str) -> None:
        nonlocal cur_start
        if cur_start is not None:
            blocks.append((cur_start, end, kind))
        cur_start = None

    for idx, (ls, le) in enumerate(lines):
        line = text[ls:le]
        if not line.strip():
            close(ls, cur_kind)
            continue
        is_list = bool(_LIST_MARKER.match(line))
        is_salutation = bool(_SALUTATION.match(line)) and len(line.split()) <= 12
        if is_list or is_salutation or cur_start is None:
            close(ls, cur_kind)
            cur_start = ls
            cur_kind = LIST_ITEM if is_list else SALUTATION if is_salutation else SENTENCE
        if is_salutation:
            close(le, SALUTATION)
            continue
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        next_line = text[nxt[0] : nxt[1]] if nxt else ""
        next_blank = not next_line.strip()
        next_list = bool(_LIST_MARKER.match(next_line)) if not next_blank else False
        if _TERMINAL_AT_END.search(line):
            if next_list:
                close(le, cur_kind)
            continue
        # No final punctuation: a unit of its own unless it is a soft-wrapped line.
        soft_wrapped = len(line.strip()) >= 50 and not next_blank and not next_list
        if not soft_wrapped:
            kind = cur_kind if cur_kind == LIST_ITEM else HEADING
            if cur_kind == SENTENCE and cur_start < ls:
                kind = SENTENCE  # the last line of a wrapped paragraph without a period
            close(le, kind)
    if cur_start is not None:
        blocks.append((cur_start, len(text), cur_kind))
    return blocks


def _split_block(
    text: str, tokens: list[Token], starts: list[int], b_start: int, b_end: int, kind: str
) -> list[Span]:
    spans: list[Span] = []
    seg_start = b_start
    search_from = b_start
    if kind == LIST_ITEM:
        marker = _LIST_MARKER.match(text, b_start, b_end)
        if marker:
            search_from = marker.end() - 1  # the marker's own period is no sentence end
    for m in _SENT_END.finditer(text, search_from, b_end):
        p = m.start()
        # A period inside an abbreviation or number token is never a boundary.
        i = bisect_left(starts, p + 1) - 1
        if i >= 0 and tokens[i].start <= p < tokens[i].end and tokens[i].kind in ("abbrev", "number"):
            tok = tokens[i]
            if tok.kind == "number" or tok.end != m.start() + 1:
                continue
            # The period ends an abbreviation: only a boundary for sentence-final
            # abbreviations followed by a typical sentence start.
            nxt = _next_word(tokens, i + 1, b_end)
            norm = re.sub(r"\.\s*", ". ", tok.text).strip()
            # "SGB I. Das …": a Roman numeral after a law's acronym ends the sentence like "usw.".
            roman_book = tok.text in ("I.", "V.", "X.") and i > 0 and tokens[i - 1].text.isupper() and len(tokens[i - 1].text) >= 2
            if (norm in SENTENCE_FINAL_OK or roman_book) and nxt is not None and nxt.text in SENTENCE_STARTERS:
                end = _boundary_end(text, m.end(), b_end)
                if end is not None:
                    spans.append(Span(seg_start, end, kind))
                    seg_start = end
            continue
        end = _boundary_end(text, m.end(), b_end)
        if end is None:
            continue
        if m.group().startswith(".") and len(m.group()) == 1 and not _period_ends_sentence(tokens, starts, p, b_end):
            continue
        spans.append(Span(seg_start, end, kind))
        seg_start = end
    spans.append(Span(seg_start, b_end, kind))
    return [s for s in (_trim(text, sp) for sp in spans) if s is not None]


def _boundary_end(text: str, pos: int, b_end: int) -> int | None:
    """End offset of a sentence whose final punctuation ends at *pos*, or None.

    Closing quotes and brackets belong to the sentence (also "! “" with a space
    before the quote). The next visible character must be an upper-case letter,
    a digit or an opening quote/bracket, with whitespace in between.
    """
    end = pos
    while end < b_end and text[end] in _CLOSERS:
        end += 1
    if end == pos and end + 2 <= b_end and text[end] == " " and text[end + 1] in "“”\"»«" and (
        end + 2 == b_end or text[end + 2].isspace()
    ):
        end += 2
    if end >= b_end:
        return None  # the block end is a boundary anyway
    j = end
    while j < b_end and text[j].isspace():
        j += 1
    if j == end or j >= b_end:
        return None
    c = text[j]
    if c.isupper() or c.isdigit() or c in _OPENERS or c in "§-–•":
        return end
    return None


def _next_word(tokens: list[Token], i: int, b_end: int) -> Token | None:
    while i < len(tokens) and tokens[i].start < b_end:
        if tokens[i].kind != "punct":
            return tokens[i]
        if tokens[i].text not in _OPENERS:
            return None
        i += 1
    return None


def _period_ends_sentence(tokens: list[Token], starts: list[int], p: int, b_end: int) -> bool:
    """Decide for a single period at *p* that is followed by a capital or digit."""
    i = bisect_left(starts, p) - 1  # token right before the period
    if i < 0:
        return True
    prev = tokens[i]
    if prev.end != p:
        return True  # "Text ." – a stray period
    nxt = _next_word(tokens, bisect_left(starts, p + 1), b_end)
    if prev.kind == "number":
        if nxt is None:
            return True
        if nxt.kind == "number":
            return False  # "14. 03. 2025"
        if nxt.text in MONTHS:
            return False  # "am 3. Mai", "ab 1. April"
        if re.fullmatch(r"\d{1,2}\.\d{1,2}", prev.text):
            return nxt.text in SENTENCE_STARTERS  # "bis 31.12. Bitte" vs. "ab dem 01.04. Leistungen"
        before = tokens[i - 1] if i > 0 else None
        if (
            before is not None
            and before.kind == "word"
            and before.text.lower() in _ORDINAL_CONTEXT
            and prev.text.isdigit()
            and len(prev.text) <= 3
        ):
            return nxt.text in SENTENCE_STARTERS and nxt.text not in ("Ein", "Eine", "Einen")
        return True
    return True


def _trim(text: str, span: Span) -> Span | None:
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s >= e:
        return None
    return Span(s, e, span.kind)
