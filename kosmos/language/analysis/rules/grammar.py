"""Grammar rules: passive voice, nominal style, Funktionsverbgefüge."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..data.style import FUNCTION_VERBS
from ..findings import Finding
from ..lexicon import zipf
from ..tokens import Token
from .base import Context, SentenceInfo
from .patterns import compile_phrases

_CLAUSE_BREAKS = frozenset(",;:–—()")
WERDEN_PRESENT_PLURAL = frozenset({"werden", "werde"})
WERDEN_FORMS = frozenset({"wird", "werden", "werde", "wurde", "wurden", "worden", "würde", "würden", "wirst", "werdet"})
WERDEN_PAST = frozenset({"wurde", "wurden", "worden", "würde", "würden"})

_SEPARABLE = (
    "ab|an|auf|aus|bei|da|dar|durch|ein|fest|fort|frei|her|heraus|herein|hin|hinzu|mit|nach|statt|teil|"
    "um|vor|voran|vorbei|weg|weiter|wieder|zu|zurück|zusammen|bereit|bekannt|gut|fertig|kennen"
)
_GE_PARTICIPLE = re.compile(rf"(?:{_SEPARABLE})?ge[a-zäöüß]{{2,}}(?:t|en)")
_INSEP_T = re.compile(r"(?:be|er|ver|zer|ent|emp|miss|hinter|wider|über|unter|durch|um)[a-zäöüß]{2,}t")
_IERT = re.compile(rf"(?:{_SEPARABLE})?[a-zäöüß]{{3,}}iert")
# Strong participles with an inseparable prefix that cannot be infinitives.
_STRONG = re.compile(
    r"(?:be|er|ver|zer|ent|emp|miss|hinter|wider|über|unter|durch|um)[a-zäöüß]*?"
    r"(?:schieden|wiesen|nommen|schrieben|troffen|schoben|zogen|schlossen|boten|hoben|brochen|standen|worben"
    r"|worfen|sprochen|trieben|rissen|griffen|funden|bunden|gossen|mieden|wichen|blieben|stiegen|wogen"
    r"|gessen|schaffen|stohlen|sandt|wandt|dacht|bracht)"
)
# Strong participles that look exactly like infinitives: only after past-tense "wurde/worden".
_AMBIGUOUS_STRONG = re.compile(
    r"(?:be|er|ver|ent|über|unter)[a-zäöüß]*?(?:halten|geben|lassen|kommen|fahren|tragen|laden|raten|schlagen|messen|sehen)"
)
_NOT_PARTICIPLE = frozenset(
    ["gegen", "genug", "gestern", "gerne", "gern", "gerade", "genau", "genauen", "genaue", "gesamt", "gesamte", "gesamten", "gewissen", "gewisse", "gelten", "geben", "gehen", "gehören", "gewinnen", "genießen", "geschehen", "gefallen", "gelingen", "gewähren", "genehmigen", "gestalten", "gebrauchen", "gedenken", "geraten", "gestehen", "genesen", "gebären", "gefährden", "gewöhnen", "gebieten", "gleichen", "gemeinsamen", "geeigneten", "geeignet", "gerecht", "gesund", "geheim", "gesetzt", "geltend", "gegenseitig", "gelegentlich"]
)
_NOT_PARTICIPLE_T = frozenset(
    ["bereit", "bekannt", "bericht", "betrieb", "bewusst", "beamt", "erst", "ernst", "verwandt", "verantwort", "ergebnis", "gut", "unbedingt", "unternehmt", "übermorgen", "überhaupt", "umsonst"]
)


def is_participle(word: str, past_aux: bool) -> bool:
    w = word.lower()
    if len(w) < 5 or w in _NOT_PARTICIPLE or not w.isalpha():
        return False
    if w in _NOT_PARTICIPLE_T:
        return False
    if _GE_PARTICIPLE.fullmatch(w) or _IERT.fullmatch(w) or _INSEP_T.fullmatch(w) or _STRONG.fullmatch(w):
        return True
    return past_aux and bool(_AMBIGUOUS_STRONG.fullmatch(w))


def _clauses(tokens: tuple[Token, ...]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for t in tokens:
        if t.kind == "punct" and t.text in _CLAUSE_BREAKS:
            out.append([])
        elif t.kind == "word":
            out[-1].append(t)
    return [c for c in out if c]


def passive(ctx: Context) -> Iterator[Finding]:
    sev = ctx.text_type.passive_severity
    for s in ctx.sentences:
        for clause in _clauses(s.tokens):
            auxes = [t for t in clause if t.text.lower() in WERDEN_FORMS]
            if not auxes:
                continue
            past = any(t.text.lower() in WERDEN_PAST for t in auxes)
            aux_starts = {t.start for t in auxes}
            parts = [
                t
                for t in clause
                if t.start not in aux_starts and t.text[:1].islower() and is_participle(t.text, past)
            ]
            if not parts:
                continue
            aux = auxes[0]
            part = min(parts, key=lambda t: abs(t.start - aux.start))
            agent = _agent(clause)
            yield ctx.finding(
                "passive",
                part.start,
                part.end,
                sev,
                f"Passiv („{aux.text} … {part.text}“): Es bleibt unklar, wer handelt.",
                passive_suggestion(part.text, agent),
            )


_STRONG_INFINITIVES = (
    ("nommen", "nehmen"), ("troffen", "treffen"), ("schieden", "scheiden"), ("schrieben", "schreiben"),
    ("wiesen", "weisen"), ("zogen", "ziehen"), ("geben", "geben"), ("halten", "halten"), ("schlossen", "schließen"),
    ("sandt", "senden"), ("wandt", "wenden"), ("bracht", "bringen"), ("boten", "bieten"), ("schoben", "schieben"), ("hoben", "heben"),
    ("funden", "finden"), ("brochen", "brechen"), ("sprochen", "sprechen"), ("worfen", "werfen"),
    ("lassen", "lassen"), ("gangen", "gehen"), ("standen", "stehen"), ("tragen", "tragen"), ("laden", "laden"),
    ("sehen", "sehen"), ("rufen", "rufen"), ("stellt", "stellen"),
)
# Strong verbs whose third person keeps the stem vowel ("entscheidet", "schreibt").
_REGULAR_STRONG = (
    "scheiden", "schreiben", "weisen", "ziehen", "schließen", "bieten", "finden", "bringen", "heben", "stehen", "gehen",
    "rufen", "schieben", "senden", "wenden", "stellen",
)
_SEP_PREFIXES = tuple(sorted(_SEPARABLE.split("|"), key=len, reverse=True))
_PRONOUN_AGENTS = {"uns": ("Wir", "wir"), "ihnen": ("Sie", "Sie"), "mir": ("Ich", "ich")}


def _agent(clause: list[Token]) -> tuple[str, str] | None:
    """The agent a "von …" phrase names: ("Wir", plural) for "von uns", None if hidden."""
    for i, t in enumerate(clause[:-1]):
        if t.text.lower() in ("von", "vom", "durch"):
            nxt = clause[i + 1].text
            if nxt.lower() in _PRONOUN_AGENTS:
                return _PRONOUN_AGENTS[nxt.lower()][0], "plural"
            if t.text.lower() == "vom":
                return f"Das {nxt}", "singular"
    return None


def _verb_parts(participle: str) -> tuple[str, str, bool] | None:
    """(particle, infinitive without particle, weak) of a participle: "ausgezahlt" -> ("aus", "zahlen", True)."""
    w = participle.lower()
    particle = ""
    for prefix in _SEP_PREFIXES:
        if w.startswith(prefix + "ge") and len(w) > len(prefix) + 4:
            particle, w = prefix, w[len(prefix):]
            break
    core = w[2:] if w.startswith("ge") and len(w) > 5 and not w.startswith(("gegen",)) else w
    for ending, infinitive in _STRONG_INFINITIVES:
        if core.endswith(ending):
            return particle, core[: -len(ending)] + infinitive, False
    if core.endswith("iert"):
        return particle, core[:-1] + "en", True
    if core.endswith("et") and len(core) > 4:
        return particle, core[:-2] + "en", True
    if core.endswith("t"):
        return particle, core[:-1] + "en", True
    return None


def _third_person(infinitive: str) -> str:
    stem = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
    if stem.endswith(("d", "t")) or re.search(r"[^aeiouäöülr][mn]$", stem):
        return stem + "et"
    return stem + "t"


def passive_suggestion(participle: str, agent: tuple[str, str] | None = None) -> str:
    """A suggestion built from the sentence's participle: "Wer prüft? Schreiben Sie: Wir prüfen …"."""
    parts = _verb_parts(participle)
    if parts is None:
        return "Schreiben Sie aktiv und nennen Sie, wer handelt, z. B. „Wir …“ oder „Sie …“."
    particle, infinitive, weak = parts
    tail = f" … {particle}" if particle else " …"
    subject, number = agent or ("Wir", "plural")
    verb = infinitive if number == "plural" else _third_person(infinitive)
    if agent is None:
        regular = weak or infinitive.endswith(_REGULAR_STRONG)
        question = f"Wer {_third_person(infinitive)}{' ' + particle if particle else ''}?" if regular else "Wer handelt?"
        return f"{question} Nennen Sie, wer handelt. Schreiben Sie zum Beispiel: „{subject} {verb}{tail}“."
    return f"Nennen Sie „{subject}“ am Satzanfang. Schreiben Sie: „{subject} {verb}{tail}“."


_NOMINAL = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:ung|ungen|heit|heiten|keit|keiten|ion|ionen|tät|täten)")
_ADDRESS = frozenset(["Sie", "Ihr", "Ihre", "Ihrem", "Ihren", "Ihrer", "Ihres", "Ihnen"])


def nominalisations(s: SentenceInfo) -> list[Token]:
    return [t for t in s.tokens if t.kind == "word" and _NOMINAL.fullmatch(t.text) and zipf(t.text) < 4.5]


def nominal_style(ctx: Context) -> Iterator[Finding]:
    limit = ctx.text_type.nominal_max
    for s in ctx.sentences:
        if s.kind != "sentence":
            continue  # a list item or heading is naturally nominal ("Kontoauszüge der letzten drei Monate")
        words = s.words
        noms = nominalisations(s)
        nouns = [t for t in words[1:] if t.kind == "word" and t.text[:1].isupper() and t.text not in _ADDRESS]
        dense = len(words) >= 8 and len(nouns) / len(words) > 0.4
        if len(noms) <= limit and not dense:
            continue
        if noms:
            listed = ", ".join(dict.fromkeys(t.text for t in noms))
            message = f"Nominalstil: viele abstrakte Hauptwörter ({listed}). Das macht den Satz schwer."
        else:
            message = f"Nominalstil: {len(nouns)} von {len(words)} Wörtern sind Hauptwörter. Das macht den Satz schwer."
        yield ctx.finding(
            "nominal_style",
            s.start,
            s.end,
            "warnung" if len(noms) > limit + 2 else "hinweis",
            message,
            "Verwenden Sie Verben: „Wir prüfen Ihren Antrag“ statt „Die Prüfung Ihres Antrags erfolgt“.",
        )


_FV_PATTERNS = compile_phrases([(noun, (re.compile(rf"(?:{stems})\w*"), verb)) for noun, stems, verb in FUNCTION_VERBS])


def function_verb(ctx: Context) -> Iterator[Finding]:
    sev = ctx.text_type.officialese_severity
    seen: set[tuple[int, int]] = set()
    for pattern in _FV_PATTERNS:
        if not pattern.may_match(ctx.lowered):
            continue
        verb_re, verb = pattern.payload  # type: ignore[misc]
        for m in pattern.regex.finditer(ctx.text):
            s = ctx.sentence_at(m.start())
            if s is None:
                continue
            verbs = [
                t for t in s.tokens
                if t.kind == "word" and t.text[:1].islower() and verb_re.fullmatch(t.text.lower())
                and abs(t.start - m.start()) < 120
            ]
            if not verbs:
                continue
            v = min(verbs, key=lambda t: abs(t.start - m.start()))
            if v.start > m.end():
                gap = ctx.text[m.end():v.start]
                start, end = (m.start(), v.end) if len(gap.split()) <= 2 and not re.search(r"[,.;:]", gap) else (m.start(), m.end())
            else:
                gap = ctx.text[v.end:m.start()]
                start, end = (v.start, m.end()) if len(gap.split()) <= 2 and not re.search(r"[,.;:]", gap) else (m.start(), m.end())
            if any(a < end and start < b for a, b in seen):
                continue
            seen.add((start, end))
            yield ctx.finding(
                "function_verb",
                start,
                end,
                sev,
                f"Funktionsverbgefüge „{ctx.text[start:end]}“: Hauptwort und schwaches Verb machen den Satz umständlich.",
                f"Verwenden Sie das passende Verb: „{verb}“.",
            )
