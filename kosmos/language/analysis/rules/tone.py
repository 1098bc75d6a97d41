"""Tone rules (wertschätzender Umgang): address, commands, pressure, threats, negations."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..data.style import COMMAND_EXCEPTIONS, COMMAND_ZU_VERBS, IMPERSONAL_ROLES, PRESSURE_WORDS, THREATS
from ..findings import Finding
from .base import Context

_MAN = re.compile(r"(?<!\w)[Mm]an(?!\w)")
_ROLE = re.compile(
    rf"(?<!\w)(?:[Dd]er|[Dd]ie|[Dd]em|[Dd]en|[Dd]es)(?:\s*/\s*(?:der|die|dem|den|des))?\s+{IMPERSONAL_ROLES}(?!\w)"
)


def impersonal_address(ctx: Context) -> Iterator[Finding]:
    sev = "warnung" if ctx.text_type.code == "brief" else "hinweis"
    for m in _MAN.finditer(ctx.text):
        yield ctx.finding(
            "impersonal_address",
            m.start(),
            m.end(),
            "hinweis",
            "„man“ ist unpersönlich. Die Leserin oder der Leser weiß nicht, wer gemeint ist.",
            "Sprechen Sie die Person direkt an: „Sie können …“, oder nennen Sie, wer handelt: „Wir …“.",
        )
    for m in _ROLE.finditer(ctx.text):
        yield ctx.finding(
            "impersonal_address",
            m.start(),
            m.end(),
            sev,
            f"„{m.group()}“ spricht über die Person statt mit ihr.",
            "Sprechen Sie die Person direkt mit „Sie“ an: „Sie müssen …“ statt „Der Antragsteller hat …“.",
        )


_ZU_VERBS = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in COMMAND_ZU_VERBS)
_COMMAND = re.compile(
    rf"(?<!\w)(?:haben|hat|habt|ist|sind)(?!\w)(.{{0,160}}?)(?<!\w)(?:{_ZU_VERBS})(?!\w)", re.DOTALL
)
_ZWINGEND = re.compile(r"(?<!\w)(?:ist|sind)\s+(?:zwingend|unbedingt)\s+(?:erforderlich|notwendig|nötig|vorzulegen|einzuhalten)(?!\w)")
_EXCEPT = re.compile(rf"(?<!\w)(?:{COMMAND_EXCEPTIONS})(?!\w)")


def commanding_tone(ctx: Context) -> Iterator[Finding]:
    spans: list[tuple[int, int]] = []
    for s in ctx.sentences:
        pos = s.start
        while True:
            m = _COMMAND.search(ctx.text, pos, s.end)
            if m is None:
                break
            gap = m.group(1)
            if gap.lstrip().startswith(","):
                pos = m.start() + 1  # "…gemacht hat, ist … zu …": the order starts later
                continue
            if not _EXCEPT.search(gap) and gap.count(",") <= 3:
                spans.append((m.start(), m.end()))
            pos = m.end()
    for m in _ZWINGEND.finditer(ctx.text):
        spans.append((m.start(), m.end()))
    for start, end in sorted(spans):
        yield ctx.finding(
            "commanding_tone",
            start,
            end,
            "warnung",
            "Befehlston: Die Formulierung klingt wie eine Anordnung von oben.",
            "Bitten Sie freundlich und erklären Sie den Grund: „Bitte schicken Sie uns … bis zum …. "
            "Wir brauchen die Unterlagen, um …“.",
        )


_PRESSURE = re.compile(rf"(?<!\w)(?:{'|'.join(PRESSURE_WORDS)})(?!\w)", re.IGNORECASE)


def pressure_word(ctx: Context) -> Iterator[Finding]:
    for m in _PRESSURE.finditer(ctx.text):
        tip = PRESSURE_WORDS[m.group().lower()]
        yield ctx.finding(
            "pressure_word",
            m.start(),
            m.end(),
            "warnung" if m.group().lower() in ("unverzüglich", "zwingend", "umgehend") else "hinweis",
            f"„{m.group()}“ setzt die Person unter Druck und sagt nicht genau, was gemeint ist.",
            tip,
        )


_THREATS = [(re.compile(rf"(?<!\w){p}(?!\w)", re.IGNORECASE), tip) for p, tip in THREATS]


def threatening_tone(ctx: Context) -> Iterator[Finding]:
    for pat, tip in _THREATS:
        for m in pat.finditer(ctx.text):
            yield ctx.finding(
                "threatening_tone",
                m.start(),
                m.end(),
                "warnung",
                f"„{m.group()}“ klingt drohend. Das schafft Angst statt Vertrauen.",
                tip,
            )


_NEGATIONS = frozenset(
    ["nicht", "nie", "niemals", "nichts", "niemand", "nirgends", "nirgendwo", "weder", "kein", "keine", "keiner", "keines", "keinem", "keinen", "ohne"]
)
_UN_EXCLUDE = re.compile(r"un(?:ter|d|s|ser|bedingt|gefähr)", re.IGNORECASE)


def _is_un_word(word: str) -> bool:
    w = word.lower()
    return w.startswith("un") and len(w) >= 6 and not _UN_EXCLUDE.match(w)


def negation(ctx: Context) -> Iterator[Finding]:
    limit = ctx.text_type.negations_max
    for s in ctx.sentences:
        words = s.words
        negs = [t for t in words if t.text.lower() in _NEGATIONS]
        double = [
            (a, b)
            for a, b in zip(words, words[1:], strict=False)
            if a.text.lower() in _NEGATIONS and (_is_un_word(b.text) or b.text.lower() in _NEGATIONS)
        ]
        if double:
            a, b = double[0]
            yield ctx.finding(
                "negation",
                a.start,
                b.end,
                "warnung",
                f"Doppelte Verneinung „{ctx.text[a.start:b.end]}“: Das ist schwer zu verstehen.",
                "Schreiben Sie positiv, was gemeint ist: „wichtig“ statt „nicht unwichtig“.",
            )
        elif len(negs) > limit:
            yield ctx.finding(
                "negation",
                negs[0].start,
                negs[-1].end,
                "hinweis",
                f"Dieser Satz hat {len(negs)} Verneinungen. Viele Verneinungen sind schwer zu verstehen.",
                "Schreiben Sie, was gilt und was die Person tun kann, statt was nicht geht.",
            )
