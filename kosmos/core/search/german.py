"""German text analysis for the platform search (pure Python, no Django).

The same analysis serves indexing and queries, so that both sides agree:

* ``words(text)`` splits text into lower-case words (letters and digits; ``Kund:innen`` is two words);
* ``stem(word)`` is the Snowball German stemmer (the algorithm behind PostgreSQL's ``german``
  configuration): ``Beratungen`` and ``Beratung`` → ``berat``, ``Anträge`` → ``antrag``,
  ``Straße`` → ``strass``;
* ``compound_parts(word)`` splits a compound into known words against a frequency lexicon
  (wordfreq, offline): ``Suchtberatung`` → ``sucht``, ``beratung``;
  ``Gesundheitsförderung`` → ``gesundheit``, ``förderung``. The parts are indexed beside the
  text, so a search for "Beratung" finds the "Suchtberatung".

Splitting follows Koehn & Knight (2003): a word is split when the geometric mean of its parts'
frequencies is higher than the frequency of the whole word; parts are at least three letters
long, may be joined by a linking element (Fugen-s, -es, -n, -en, -er, -e), and are never stop
words or verb particles (so "Ausbildung" stays whole).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# PostgreSQL's german.stop (the Snowball list), so that both databases drop the same words.
STOP_WORDS = frozenset(
    ["aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere", "anderem", "anderen", "anderer", "anderes", "anderm", "andern", "anderr", "anders", "auch", "auf", "aus", "bei", "bin", "bis", "bist", "da", "damit", "dann", "der", "den", "des", "dem", "die", "das", "daß", "derselbe", "derselben", "denselben", "desselben", "demselben", "dieselbe", "dieselben", "dasselbe", "dazu", "dein", "deine", "deinem", "deinen", "deiner", "deines", "denn", "derer", "dessen", "dich", "dir", "du", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "einig", "einige", "einigem", "einigen", "einiger", "einiges", "einmal", "er", "ihn", "ihm", "es", "etwas", "euer", "eure", "eurem", "euren", "eurer", "eures", "für", "gegen", "gewesen", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin", "hinter", "ich", "mich", "mir", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "euch", "im", "in", "indem", "ins", "ist", "jede", "jedem", "jeden", "jeder", "jedes", "jene", "jenem", "jenen", "jener", "jenes", "jetzt", "kann", "kein", "keine", "keinem", "keinen", "keiner", "keines", "können", "könnte", "machen", "man", "manche", "manchem", "manchen", "mancher", "manches", "mein", "meine", "meinem", "meinen", "meiner", "meines", "mit", "muss", "musste", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen", "seiner", "seines", "selbst", "sich", "sie", "ihnen", "sind", "so", "solche", "solchem", "solchen", "solcher", "solches", "soll", "sollte", "sondern", "sonst", "über", "um", "und", "uns", "unse", "unsem", "unsen", "unser", "unses", "unter", "viel", "vom", "von", "vor", "während", "war", "waren", "warst", "was", "weg", "weil", "weiter", "welche", "welchem", "welchen", "welcher", "welches", "wenn", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wirst", "wo", "wollen", "wollte", "würde", "würden", "zu", "zum", "zur", "zwar", "zwischen"]
)

# Verb particles and prefixes that are words of their own but never the first part of a compound
# we want to split ("Ausbildung", "Antrag", "Vorbereitung", "Zusammenarbeit").
_PARTICLES = frozenset(
    ["ab", "an", "auf", "aus", "be", "bei", "da", "dar", "durch", "ein", "ent", "er", "fort", "ge", "her", "hin", "los", "mit", "miss", "nach", "neben", "ober", "über", "um", "un", "unter", "ver", "vor", "weg", "wider", "zer", "zu", "zurück", "zusammen", "voll", "wieder", "gegen"]
)
# Derivational endings that are words in the lexicon but never a part of their own.
_SUFFIXES = frozenset(["heit", "keit", "schaft", "ung", "ungen", "tung", "lich", "isch", "bar", "ende", "enden", "lose", "ner", "sagen", "tur", "ten"])
_LINKS = ("", "s", "es", "n", "en", "er", "e")
MIN_PART = 3
MIN_COMPOUND = 7
MIN_PART_FREQUENCY = 5e-7  # Zipf 2.7: ordinary words, not typos or names
PREFIX_MIN = 5  # query stems of this length or longer also match words that start with them
PREFIX_MIN_BARE = 4  # … and from this length when the word was typed bare ("Arzt", "Reha")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("german")


def words(text: str) -> list[str]:
    """The lower-case words of a text (letters and digits)."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball German stem of one lower-case word (umlauts folded, ß → ss)."""
    return _stemmer.stemWord(word)


def content_words(text: str) -> list[str]:
    """The words of a text without stop words."""
    return [w for w in words(text) if w not in STOP_WORDS]


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return {w: f for w, f in get_frequency_dict("de").items() if f >= MIN_PART_FREQUENCY and w.isalpha()}


def _frequency(word: str) -> float:
    return _lexicon().get(word, 0.0)


def _is_part(word: str) -> bool:
    if len(word) < MIN_PART or word in _PARTICLES or word in _SUFFIXES or _frequency(word) == 0:
        return False
    return word not in STOP_WORDS or len(word) >= 5  # "selbst" may begin a compound, "und" may not


@lru_cache(maxsize=100_000)
def _best_split(word: str) -> tuple[tuple[str, ...], float]:
    """The split of ``word`` into the fewest known parts, and its score (mean log frequency).

    Fewest parts first, so that "Kundenzufriedenheit" becomes "kunden" + "zufriedenheit" rather
    than four frequent fragments; among equally short splits the more frequent parts win.
    """
    best: tuple[tuple[str, ...], float] = ((), -math.inf)
    if _is_part(word):
        return ((word,), math.log(_frequency(word)))
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head_with_link, tail = word[:cut], word[cut:]
        tail_parts, tail_score = _best_split(tail)
        if not tail_parts:
            continue
        for link in _LINKS:
            if link and not head_with_link.endswith(link):
                continue
            head = head_with_link[: len(head_with_link) - len(link)] if link else head_with_link
            if not _is_part(head):
                continue
            parts = (head, *tail_parts)
            score = (math.log(_frequency(head)) + tail_score * len(tail_parts)) / len(parts)
            if not best[0] or (len(parts), -score) < (len(best[0]), -best[1]):
                best = (parts, score)
    return best


def _split(word: str) -> tuple[tuple[str, ...], float]:
    """Like ``_best_split`` but never keeps the word whole (the caller compares with the whole)."""
    best: tuple[tuple[str, ...], float] = ((), -math.inf)
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        for link in _LINKS:
            head_with_link, tail = word[:cut], word[cut:]
            if link and not head_with_link.endswith(link):
                continue
            head = head_with_link[: len(head_with_link) - len(link)] if link else head_with_link
            if not _is_part(head):
                continue
            tail_parts, tail_score = _best_split(tail)
            if not tail_parts:
                continue
            parts = (head, *tail_parts)
            score = (math.log(_frequency(head)) + tail_score * len(tail_parts)) / len(parts)
            if not best[0] or (len(parts), -score) < (len(best[0]), -best[1]):
                best = (parts, score)
    return best


@lru_cache(maxsize=100_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a German compound (lower case), or ``()`` when the word is not one."""
    word = word.lower()
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    parts, score = _split(word)
    if len(parts) < 2:
        return ()
    whole = _frequency(word)
    if whole and math.log(whole) >= score:
        return ()
    return parts


def compound_keywords(text: str) -> str:
    """The compound parts of every word of a text, space-separated and without repeats."""
    seen: dict[str, None] = {}
    pending = [p for word in content_words(text) for p in compound_parts(word)]
    while pending:
        part = pending.pop(0)
        if part not in seen:
            seen[part] = None
            pending.extend(compound_parts(part))  # "Beratungsstelle" → "beratung", "stelle"
    return " ".join(seen)


def stemmed(text: str) -> str:
    """The text as space-separated stems without stop words (what the SQLite index holds)."""
    return " ".join(stem(w) for w in content_words(text))


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query: its original form, its stem, and its compound parts' stems."""

    word: str
    stem: str
    parts: tuple[str, ...] = ()

    @property
    def prefix(self) -> bool:
        """Match words that start with the stem too ("Sucht" → "Suchtberatung").

        Short stems only when the word was typed bare: "Arzt" finds "ärztlich", but "Suche"
        (stem "such") does not find "Sucht".
        """
        if len(self.stem) >= PREFIX_MIN:
            return True
        return len(self.stem) >= PREFIX_MIN_BARE and self.stem == self.word.translate(_FOLD)

    def matches(self, word: str) -> bool:
        """Does a word of a document match this term (for highlighting)?"""
        word_stem = stem(word)
        if word_stem == self.stem or (self.prefix and word_stem.startswith(self.stem)):
            return True
        if any(stem(p) == self.stem for p in compound_parts(word)):
            return True
        return bool(self.parts) and all(p in word_stem for p in self.parts)


def parse_query(text: str, *, max_terms: int = 12) -> list[QueryTerm]:
    """The terms of a search query (all must match); stop words and repeats dropped."""
    terms: dict[str, QueryTerm] = {}
    for word in content_words(text)[: max_terms * 2]:
        word_stem = stem(word)
        if word_stem and word_stem not in terms:
            terms[word_stem] = QueryTerm(word, word_stem, tuple(stem(p) for p in compound_parts(word)))
    return list(terms.values())[:max_terms]


def fts5_query(terms: Iterable[QueryTerm]) -> str:
    """An SQLite FTS5 MATCH expression: every term, as its stem (prefix) or all its parts."""
    clauses = []
    for term in terms:
        options = [_fts5_token(term.stem, term.prefix)]
        if len(term.parts) > 1:
            options.append("(" + " AND ".join(_fts5_token(p, len(p) >= PREFIX_MIN_BARE) for p in term.parts) + ")")
        clauses.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(clauses)


def _fts5_token(value: str, prefix: bool) -> str:
    return f'"{value}"' + ("*" if prefix else "")


def tsquery(terms: Iterable[QueryTerm]) -> str:
    """A PostgreSQL ``to_tsquery`` expression with the original words (PostgreSQL stems them)."""
    clauses = []
    for term in terms:
        options = [term.word + (":*" if term.prefix else "")]
        parts = compound_parts(term.word)
        if len(parts) > 1:
            options.append("(" + " & ".join(p + (":*" if len(stem(p)) >= PREFIX_MIN_BARE else "") for p in parts) + ")")
        clauses.append(options[0] if len(options) == 1 else "(" + " | ".join(options) + ")")
    return " & ".join(clauses)


@dataclass(frozen=True)
class Fragment:
    text: str
    match: bool


_TOKEN = re.compile(r"([^\W_]+)", re.UNICODE)


def highlight(text: str, terms: list[QueryTerm], *, width: int = 28) -> list[Fragment]:
    """A snippet of ``text`` around the first matching word, with matching words marked.

    Returns fragments (text, match) for the template; ``[]`` when nothing in the text matches.
    """
    pieces = _TOKEN.split(" ".join(text.split()))
    # pieces alternate: separator, word, separator, word, …
    word_indexes = [i for i in range(1, len(pieces), 2)]
    matched = {i for i in word_indexes if any(t.matches(pieces[i].lower()) for t in terms)}
    if not matched:
        return []
    first = word_indexes.index(min(matched))
    start = max(0, first - width // 3)
    end = min(len(word_indexes), start + width)
    lo, hi = word_indexes[start], word_indexes[end - 1]
    fragments: list[Fragment] = []
    if start > 0:
        fragments.append(Fragment("… ", False))
    for i in range(lo, hi + 1):
        if pieces[i]:
            fragments.append(Fragment(pieces[i], i in matched))
    if end < len(word_indexes):
        fragments.append(Fragment(" …", False))
    return fragments
