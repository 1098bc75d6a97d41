"""Word-level rules: officialese, abbreviations, legal references, foreign and rare words."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from ..data.abbreviations import KNOWN_ACRONYMS, ROMAN_NUMERALS
from ..data.officialese import OFFICIALESE
from ..data.style import ACRONYMS, FOREIGN_PHRASES, FOREIGN_WORDS
from ..findings import Finding
from ..lexicon import familiarity, is_domain_word, is_function_word
from ..syllables import letter_count
from ..tokens import Token, abbreviation_long_form
from .base import Context
from .patterns import compile_phrases, find_phrases

# ---------------------------------------------------------------- officialese

_OFFICIALESE = compile_phrases([(p, alt) for p, alt in OFFICIALESE])


def officialese(ctx: Context) -> Iterator[Finding]:
    sev = ctx.text_type.officialese_severity
    for m, alt in find_phrases(_OFFICIALESE, ctx.text, ctx.lowered):
        if ctx.is_known(m.group()):
            continue
        alt = str(alt)
        yield ctx.finding(
            "officialese",
            m.start(),
            m.end(),
            sev,
            f"„{m.group()}“ ist Amtsdeutsch. Viele Menschen verstehen es schwer.",
            f"Schreiben Sie einfacher: {alt}." if alt.startswith("(") else f"Schreiben Sie einfacher: „{alt}“.",
        )


# ------------------------------------------------------------- legal references

_LEGAL_START = re.compile(r"§§?|Art\.|Artikel(?=\s+\d)")
_LEGAL_CONT = re.compile(
    r"\s*(?:\d+[a-z]?|,|und|bis|f\.|ff\.|Abs\.|Absatz|S\.|Satz|Nr\.|Nummer|Buchst\.|Buchstabe|[a-z]\)"
    r"|i\.\s?V\.\s?m\.|§§?|[IVX]{1,4}(?!\w)|[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,6}(?=[\s.,;:)]|$))"
)


_NUMBER = re.compile(r"\d+[a-z]?")
_SUBDIVISIONS = frozenset({"Abs.", "Absatz", "S.", "Satz", "Nr.", "Nummer"})


def legal_references(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, count) of legal references between *start* and *end*."""
    out = []
    pos = start
    while True:
        m = _LEGAL_START.search(text, pos, end)
        if not m:
            break
        s, e = m.start(), m.end()
        count = 0
        previous = ""
        while True:
            c = _LEGAL_CONT.match(text, e, end)
            if not c or c.end() == e:
                break
            piece = c.group().strip()
            # A number counts as a reference unless it numbers a paragraph, sentence or item.
            if _NUMBER.fullmatch(piece) and previous not in _SUBDIVISIONS:
                count += 1
            previous = piece
            e = c.end()
        out.append((s, e, max(count, 1)))
        pos = e
    return out


CITATION_SENTENCE_WORDS = 3  # "Das steht in § 60 und § 66 SGB I."


def legal_reference(ctx: Context) -> Iterator[Finding]:
    limit = ctx.text_type.legal_refs_max
    for s in ctx.sentences:
        refs = legal_references(ctx.text, s.start, s.end)
        n = sum(c for _, _, c in refs)
        if n <= limit:
            continue
        outside = sum(1 for t in s.words if not any(a <= t.start < b for a, b, _ in refs))
        if outside <= CITATION_SENTENCE_WORDS:
            continue  # "Das steht in § 60 und § 66 SGB I.": the sentence of its own that the rule asks for
        start, end = refs[0][0], refs[-1][1]
        while end > start and ctx.text[end - 1] in " ,.;:":
            end -= 1
        yield ctx.finding(
            "legal_reference",
            start,
            end,
            "warnung" if n > limit + 1 else "hinweis",
            f"Dieser Satz enthält {n} Verweise auf Gesetze. Das unterbricht den Lesefluss.",
            "Sagen Sie zuerst, was gilt. Stellen Sie Paragrafen ans Ende oder in einen eigenen Satz, "
            "z. B.: „Das steht in § 32 SGB II.“",
        )


# --------------------------------------------------------------- abbreviations

_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜa-zäöü]*[A-ZÄÖÜ][A-ZÄÖÜa-zäöü]*|[a-z][A-ZÄÖÜ]{2,}")
_COMMON_DOTTED = frozenset({"Dr.", "Prof.", "Nr.", "Tel.", "Str.", "ca.", "Hr.", "Fr.", "usw.", "z. B.", "z.B."})


def _is_acronym(t: Token) -> bool:
    w = t.text
    if t.kind != "word" or len(w) < 2 or len(w) > 7 or "-" in w or not _ACRONYM.fullmatch(w):
        return False
    if w in ROMAN_NUMERALS:
        return False
    uppers = sum(1 for ch in w if ch.isupper())
    return uppers >= 2 and uppers >= len(w) / 2


def _explained(text: str, acronym: str) -> bool:
    return bool(
        re.search(rf"\(\s*{re.escape(acronym)}\b", text)
        or re.search(rf"\b{re.escape(acronym)}\s*\((?!\s*\d)", text)
    )


def abbreviation(ctx: Context) -> Iterator[Finding]:
    tt = ctx.text_type
    sev = tt.abbreviation_severity
    legal = [(a, b) for s in ctx.sentences for a, b, _ in legal_references(ctx.text, s.start, s.end)]
    legal_starts = [a for a, _ in legal]
    seen_acronyms: set[str] = set()
    toks = ctx.tokens
    for i, t in enumerate(toks):
        if t.kind not in ("abbrev", "word"):
            continue
        j = bisect_right(legal_starts, t.start) - 1
        if j >= 0 and t.start < legal[j][1] and not tt.flag_all_abbreviations:
            continue  # part of a legal reference: the legal_reference rule speaks for it
        if t.kind == "abbrev":
            norm = re.sub(r"\.\s*", ". ", t.text).strip()
            if not tt.flag_all_abbreviations and (norm in _COMMON_DOTTED or t.text in _COMMON_DOTTED):
                continue
            # A single capital with a period before a capitalised word is an initial (M. Muster).
            if re.fullmatch(r"[A-ZÄÖÜ]\.", t.text) and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
                continue
            long = abbreviation_long_form(t.text)
            yield ctx.finding(
                "abbreviation",
                t.start,
                t.end,
                sev,
                f"Abkürzung „{t.text}“: Nicht alle Menschen kennen sie.",
                f"Schreiben Sie das Wort aus: „{long}“." if long else "Schreiben Sie das Wort aus.",
            )
        elif _is_acronym(t):
            w = t.text
            if w in seen_acronyms or ctx.is_known(w):
                continue
            seen_acronyms.add(w)
            if not tt.flag_all_abbreviations and (w in KNOWN_ACRONYMS or _explained(ctx.text, w)):
                continue
            if w.isupper() and len(w) >= 5 and familiarity(w) >= 3.0:
                continue  # an ordinary word written in capitals for emphasis
            long = ACRONYMS.get(w)
            yield ctx.finding(
                "abbreviation",
                t.start,
                t.end,
                sev,
                f"Die Abkürzung „{w}“ wird nicht erklärt.",
                f"Schreiben Sie beim ersten Mal das ganze Wort und die Abkürzung in Klammern: „{long} ({w})“."
                if long
                else "Schreiben Sie beim ersten Mal das ganze Wort und die Abkürzung in Klammern.",
            )


# ------------------------------------------------------------- foreign words

_FOREIGN_PHRASES = compile_phrases([(p, alt) for p, alt in FOREIGN_PHRASES])


@lru_cache(maxsize=65536)
def _foreign_alternative(word: str) -> str | None:
    w = word.lower()
    if w in FOREIGN_WORDS:
        return FOREIGN_WORDS[w]
    for suffix in ("s", "n", "en", "e"):
        if w.endswith(suffix) and w[: -len(suffix)] in FOREIGN_WORDS:
            return FOREIGN_WORDS[w[: -len(suffix)]]
    return None


def foreign_word(ctx: Context) -> Iterator[Finding]:
    sev = ctx.text_type.foreign_severity
    for t in ctx.tokens:
        if t.kind != "word" or ctx.is_known(t.text) or is_domain_word(t.text):
            continue
        alt = _foreign_alternative(t.text)
        if alt is None:
            continue
        yield ctx.finding(
            "foreign_word",
            t.start,
            t.end,
            sev,
            f"„{t.text}“ ist ein Fremdwort oder Anglizismus. Nicht alle Menschen verstehen es.",
            f"Schreiben Sie ein deutsches Wort: „{alt}“.",
        )
    for m, alt in find_phrases(_FOREIGN_PHRASES, ctx.text, ctx.lowered):
        yield ctx.finding(
            "foreign_word",
            m.start(),
            m.end(),
            sev,
            f"„{m.group()}“ ist ein Fremdwort. Nicht alle Menschen verstehen es.",
            f"Schreiben Sie: „{alt}“.",
        )


# ----------------------------------------------------------------- rare words

_NAME_TRIGGERS = frozenset(["Frau", "Herr", "Herrn", "Familie", "Dr.", "Prof."])


def rare_word(ctx: Context) -> Iterator[Finding]:
    limit = ctx.text_type.rare_zipf
    seen: set[str] = set()
    toks = ctx.tokens
    for i, t in enumerate(toks):
        if t.kind != "word" or letter_count(t.text) < 4 or any(ch.isdigit() for ch in t.text):
            continue
        low = t.text.lower()
        if low in seen or is_function_word(low) or is_domain_word(low) or ctx.is_known(low):
            continue
        if _is_acronym(t) or _foreign_alternative(t.text) is not None:
            continue  # handled by the abbreviation and foreign-word rules
        if i > 0 and toks[i - 1].text in _NAME_TRIGGERS:
            continue  # a name: "Frau Muster"
        if familiarity(t.text, ctx.known_words) >= limit:
            continue
        seen.add(low)
        yield ctx.finding(
            "rare_word",
            t.start,
            t.end,
            "hinweis",
            f"„{t.text}“ ist ein seltenes Wort. Viele Menschen kennen es nicht.",
            "Verwenden Sie ein bekanntes Wort oder erklären Sie es. "
            "Lange Wörter können Sie mit Bindestrich gliedern (Miet-Vertrag).",
        )


# ------------------------------------------------- abbreviations in legal references

_LEGAL_ABBREVIATION = re.compile(r"§§|\b(?:ff|f|Abs|S|Nr|Buchst|Art|Satz|Abschn)\.|i\.\s?V\.\s?m\.")
_SGB_BOOKS = {
    "I": "Erstes", "II": "Zweites", "III": "Drittes", "IV": "Viertes", "V": "Fünftes", "VI": "Sechstes",
    "VII": "Siebtes", "VIII": "Achtes", "IX": "Neuntes", "X": "Zehntes", "XI": "Elftes", "XII": "Zwölftes",
}
_SPELLED = (
    (re.compile(r"§§\s*"), "Paragrafen "),
    (re.compile(r"§\s*"), "Paragraf "),
    (re.compile(r"\bff\."), "und folgende"),
    (re.compile(r"\bf\."), "und der folgende"),
    (re.compile(r"\bAbs\."), "Absatz"),
    (re.compile(r"\bS\.(?=\s*\d)"), "Satz"),
    (re.compile(r"\bNr\."), "Nummer"),
    (re.compile(r"\bBuchst\."), "Buchstabe"),
    (re.compile(r"\bArt\."), "Artikel"),
    (re.compile(r"\bi\.\s?V\.\s?m\."), "in Verbindung mit"),
    (re.compile(r"\bSGB\s+([IVX]{1,4})\b"), lambda m: f"im {_SGB_BOOKS[m.group(1)][:-1]}n Buch Sozialgesetzbuch" if m.group(1) in _SGB_BOOKS else m.group()),
)


def spell_out_reference(reference: str) -> str:
    """A legal reference in words: "§§ 60 ff. SGB I" -> "Paragrafen 60 und folgende Erstes Buch Sozialgesetzbuch"."""
    out = reference
    for pattern, repl in _SPELLED:
        out = pattern.sub(repl, out)
    return " ".join(out.split())


def legal_abbreviation(ctx: Context) -> Iterator[Finding]:
    """Abbreviations inside legal references (§§, Abs., ff., i. V. m., S., Nr.): name the rule in words once."""
    sev = ctx.text_type.abbreviation_severity
    first = True
    for s in ctx.sentences:
        for start, end, _count in legal_references(ctx.text, s.start, s.end):
            while end > start and ctx.text[end - 1] in " ,;:":
                end -= 1
            ref = ctx.text[start:end]
            if not _LEGAL_ABBREVIATION.search(ref):
                continue
            words = spell_out_reference(ref)
            suggestion = (
                f"Nennen Sie die Regel einmal in Worten und sagen Sie, was sie bedeutet, z. B.: „… steht im Gesetz "
                f"({words})“. Danach reicht ein kurzer Verweis am Ende des Satzes."
                if first
                else f"Schreiben Sie die Abkürzungen aus: „{words}“ – oder lassen Sie den Verweis weg, wenn Sie die Regel schon genannt haben."
            )
            first = False
            yield ctx.finding(
                "legal_abbreviation",
                start,
                end,
                sev,
                f"„{' '.join(ref.split())}“: Abkürzungen in Gesetzesverweisen (§§, Abs., ff., i. V. m.) verstehen viele Menschen nicht.",
                suggestion,
            )
